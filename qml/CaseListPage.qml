import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The cases this user may see: their own unfinished drafts first. Search by reference, filter by status.
Item {
    id: root
    required property CaseListModel cases
    required property ScreeningController screening
    objectName: "caseListPage"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Cases")
                font.pixelSize: Theme.questionSize
                font.bold: true
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "newScreening"
                chosen: true
                text: qsTr("New screening")
                focus: true
                onClicked: root.screening.startNew()
            }
        }
        Label {
            visible: root.screening.lastError !== ""
            text: root.screening.lastError
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                objectName: "caseSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search by reference, e.g. WM-7K2M")
                Accessible.name: qsTr("Search by case reference")
                onTextChanged: root.cases.search = text
            }
            ComboBox {
                objectName: "statusFilter"
                Accessible.name: qsTr("Show cases with status")
                implicitHeight: Theme.targetHeight
                textRole: "label"
                valueRole: "value"
                model: [
                    { value: "", label: qsTr("Any status") },
                    { value: "draft", label: qsTr("Draft") },
                    { value: "returned", label: qsTr("Returned") },
                    { value: "submitted", label: qsTr("Submitted") },
                    { value: "approved", label: qsTr("Approved") },
                    { value: "closed", label: qsTr("Closed") }
                ]
                onActivated: root.cases.status = currentValue
            }
            ComboBox {
                objectName: "bandFilter"
                Accessible.name: qsTr("Show cases with result")
                implicitHeight: Theme.targetHeight
                textRole: "label"
                valueRole: "value"
                model: [
                    { value: "", label: qsTr("Any result") },
                    { value: "emergency", label: qsTr("Emergency") },
                    { value: "refer", label: qsTr("Refer") },
                    { value: "assess", label: qsTr("Find out more") },
                    { value: "none", label: qsTr("No signs") },
                    { value: "unassessed", label: qsTr("Not assessed yet") }
                ]
                onActivated: root.cases.band = currentValue
            }
        }
        Label {
            visible: list.count === 0
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            text: root.cases.total === 0 ? qsTr("No cases yet. Start with New screening.")
                                         : qsTr("No case matches the search.")
        }
        ListView {
            id: list
            objectName: "caseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: root.cases
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            delegate: BigButton {
                required property var caseId
                required property string reference
                required property string status
                required property string band
                required property string owner
                required property string updated
                required property bool editable
                width: ListView.view.width
                objectName: "case_" + reference
                readonly property string result: band === "" ? qsTr("not assessed yet")
                    : band === "assess" ? qsTr("find out more") : band === "none" ? qsTr("no signs") : band
                text: reference + "    " + status + (editable ? qsTr(" (yours to finish)") : "")
                      + "    " + qsTr("result: %1").arg(result)
                      + "    " + qsTr("updated %1 by %2").arg(updated).arg(owner)
                Accessible.name: qsTr("Case %1, %2, result %3, updated %4").arg(reference).arg(status).arg(result).arg(updated)
                onClicked: root.screening.resume(caseId)
            }
        }
    }
}
