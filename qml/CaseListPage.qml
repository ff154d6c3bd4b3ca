import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// One list of cases, a page at a time: the supervisor's queue (longest waiting first), every case
// the user may see, or the cases submitted to a caseworker. Search by reference; filter by status,
// result, owner and the dates a case was started. Child and emergency cases are marked.
Item {
    id: root
    required property CaseListModel cases
    required property ScreeningController screening
    required property ReviewController review
    required property AccessController access
    property string title: qsTr("Cases")
    property string hint: ""
    objectName: "caseListPage"
    readonly property bool queue: cases.scope === "queue"

    function resultWords(band) {
        return band === "" ? qsTr("not assessed yet") : band === "assess" ? qsTr("find out more")
             : band === "none" ? qsTr("no signs") : band === "refer" ? qsTr("refer") : band
    }
    // A supervisor reviews; anyone else (and a supervisor finishing their own draft) opens the case.
    function openCase(caseId, editable) {
        if (root.access.isSupervisor && !editable) root.review.open(caseId)
        else root.screening.resume(caseId)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: 2
                Label {
                    objectName: "listTitle"
                    text: root.title
                    font.pixelSize: Theme.questionSize
                    font.bold: true
                }
                Label {
                    visible: root.hint !== ""
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.muted
                    text: root.hint
                }
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "newScreening"
                visible: root.access.isResponder || root.access.isSupervisor
                chosen: true
                text: qsTr("New screening")
                focus: true
                onClicked: root.screening.startNew()
            }
        }
        Label {
            visible: text !== ""
            text: root.screening.lastError || root.review.lastError || root.cases.lastError
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                objectName: "caseSearch"
                width: Theme.unit * 18
                placeholderText: qsTr("Reference, e.g. WM-7K2M")
                Accessible.name: qsTr("Search by case reference (from its start)")
                onTextChanged: root.cases.search = text
            }
            ComboBox {
                objectName: "statusFilter"
                visible: !root.queue
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
            TextField {
                objectName: "ownerFilter"
                visible: root.access.isSupervisor
                width: Theme.unit * 13
                placeholderText: qsTr("Started by (user)")
                Accessible.name: qsTr("Show cases started by this user")
                onEditingFinished: root.cases.owner = text
            }
            TextField {
                objectName: "fromFilter"
                width: Theme.unit * 12
                placeholderText: qsTr("From YYYY-MM-DD")
                Accessible.name: qsTr("Started on or after, as YYYY-MM-DD")
                onEditingFinished: root.cases.startedFrom = text
            }
            TextField {
                objectName: "toFilter"
                width: Theme.unit * 12
                placeholderText: qsTr("To YYYY-MM-DD")
                Accessible.name: qsTr("Started on or before, as YYYY-MM-DD")
                onEditingFinished: root.cases.startedTo = text
            }
        }
        Label {
            visible: list.count === 0 && root.cases.lastError === ""
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            text: root.queue ? qsTr("No case is waiting for review.")
                : root.cases.scope === "submitted" ? qsTr("No case has been submitted to you.")
                : qsTr("No case matches. Start with New screening, or clear the search and filters.")
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
                id: row
                required property var caseId
                required property string reference
                required property string status
                required property string band
                required property string owner
                required property string updated
                required property string started
                required property string waiting
                required property string assignedTo
                required property bool editable
                required property bool child
                width: ListView.view.width
                implicitHeight: Math.max(Theme.targetHeight, rowText.implicitHeight + Theme.spacing)
                objectName: "case_" + reference
                readonly property string result: root.resultWords(band)
                readonly property string line: root.queue
                    ? qsTr("waiting %1  ·  result: %2  ·  from %3").arg(waiting).arg(result).arg(owner)
                    : status + (editable ? qsTr(" (yours to finish)") : "") + "  ·  " + qsTr("result: %1").arg(result)
                      + "  ·  " + qsTr("started %1 by %2").arg(started).arg(owner)
                      + (assignedTo !== "" ? "  ·  " + qsTr("to %1").arg(assignedTo) : "")
                text: reference
                Accessible.name: qsTr("Case %1%2%3, %4").arg(reference).arg(child ? qsTr(", child") : "")
                                 .arg(band === "emergency" ? qsTr(", emergency") : "").arg(line)
                contentItem: RowLayout {
                    id: rowText
                    spacing: Theme.spacing
                    Label {
                        text: row.reference
                        font.bold: true
                        font.family: "monospace"
                        leftPadding: Theme.spacing
                    }
                    Label {
                        objectName: "childMark"
                        visible: row.child
                        text: qsTr("CHILD")
                        color: "white"
                        font.bold: true
                        padding: 3
                        background: Rectangle { color: Theme.accent; radius: 3 }
                    }
                    Label {
                        objectName: "emergencyMark"
                        visible: row.band === "emergency"
                        text: qsTr("EMERGENCY")
                        color: "white"
                        font.bold: true
                        padding: 3
                        background: Rectangle { color: Theme.danger; radius: 3 }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.line
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                }
                onClicked: root.openCase(caseId, editable)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: root.cases.total > 0
            Label {
                objectName: "listRange"
                Layout.fillWidth: true
                color: Theme.muted
                text: qsTr("Cases %1").arg(root.cases.range)
            }
            BigButton {
                objectName: "previousPage"
                enabled: root.cases.page > 0
                text: qsTr("Previous page")
                onClicked: root.cases.page = root.cases.page - 1
            }
            BigButton {
                objectName: "nextPage"
                enabled: root.cases.page + 1 < root.cases.pageCount
                text: qsTr("Next page")
                onClicked: root.cases.page = root.cases.page + 1
            }
        }
    }
}
