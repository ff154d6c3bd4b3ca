import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The store's figures for supervisors, as bars with their counts (any count under 5 is shown only as
// "fewer than 5"), saved as CSV on request; and retention: how long closed cases are kept, and the
// deletion of those past it, shown before it is done.
Item {
    id: root
    required property StatisticsController statistics
    required property RetentionController retention
    objectName: "figuresPage"

    ScrollView {
        id: view
        anchors.fill: parent
        anchors.margins: Theme.margin
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(view.availableWidth - Theme.spacing, Theme.unit * 70)
            spacing: Theme.spacing

            Label { text: qsTr("Figures"); font.pixelSize: Theme.questionSize; font.bold: true }
            Label {
                objectName: "figuresTotal"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Assessed cases in this store: %1. A case counts once under each heading (under type, once for each type indicated). Counts under 5 are not shown, so that no one can be recognised from them; a count marked hidden is 5 or more, held back so that a smaller one cannot be worked out from the total.").arg(root.statistics.total)
            }
            Label {
                visible: root.statistics.lastError !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.danger
                text: root.statistics.lastError
            }
            Repeater {
                model: root.statistics.dimensions
                delegate: ColumnLayout {
                    id: dimension
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        text: dimension.modelData.title
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        Layout.topMargin: Theme.spacing
                    }
                    Repeater {
                        model: dimension.modelData.cells
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Label {
                                text: modelData.label
                                Layout.preferredWidth: Theme.unit * 17
                                elide: Text.ElideRight
                            }
                            Item {
                                Layout.fillWidth: true
                                implicitHeight: Theme.unit * 1.4
                                Rectangle {
                                    anchors.left: parent.left
                                    anchors.verticalCenter: parent.verticalCenter
                                    height: parent.implicitHeight
                                    // A suppressed cell has no bar: its size would tell its count.
                                    width: modelData.suppressed || dimension.modelData.largest === 0 ? 0
                                         : parent.width * modelData.count / dimension.modelData.largest
                                    color: Theme.accent
                                    radius: 2
                                }
                            }
                            Label {
                                text: modelData.countText
                                Layout.preferredWidth: Theme.unit * 7
                                horizontalAlignment: Text.AlignRight
                                color: modelData.suppressed ? Theme.muted : Theme.text
                                font.italic: modelData.suppressed
                            }
                        }
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing
                TextField {
                    objectName: "csvFolder"
                    Layout.fillWidth: true
                    text: root.statistics.folder
                    Accessible.name: qsTr("Folder to save the figures in")
                    onEditingFinished: root.statistics.folder = text
                }
                BigButton {
                    objectName: "saveCsv"
                    text: qsTr("Save as CSV")
                    onClicked: root.statistics.saveCsv()
                }
            }
            Label {
                visible: root.statistics.lastResult !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.ok
                text: root.statistics.lastResult
            }

            Label { text: qsTr("Keeping closed cases"); font.pixelSize: Theme.headingSize; font.bold: true; Layout.topMargin: Theme.margin }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: root.retention.periodDays > 0
                      ? qsTr("Closed cases are kept for %1 days after they were closed; then a supervisor can delete them here.").arg(root.retention.periodDays)
                      : qsTr("Retention is off: closed cases are kept until a supervisor sets a period and deletes them.")
            }
            RowLayout {
                spacing: Theme.spacing
                SpinBox {
                    id: days
                    objectName: "retentionDays"
                    from: 0
                    to: 36500
                    editable: true
                    value: root.retention.periodDays
                    implicitHeight: Theme.targetHeight
                    Accessible.name: qsTr("Days to keep closed cases (0 for off)")
                }
                BigButton {
                    objectName: "setRetention"
                    enabled: days.value !== root.retention.periodDays
                    text: days.value > 0 ? qsTr("Keep closed cases %1 days").arg(days.value) : qsTr("Turn retention off")
                    onClicked: root.retention.setPeriodDays(days.value)
                }
                BigButton {
                    objectName: "planPurge"
                    enabled: root.retention.periodDays > 0
                    text: qsTr("Show what would be deleted")
                    onClicked: root.retention.plan()
                }
            }
            Label {
                objectName: "planText"
                visible: root.retention.planText !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: root.retention.planText
            }
            Repeater {
                model: root.retention.planned
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.reference + "   " + qsTr("closed %1, started by %2").arg(modelData.closed).arg(modelData.owner)
                }
            }
            BigButton {
                objectName: "purgeButton"
                visible: root.retention.canPurge
                tone: "danger"
                text: qsTr("Delete these %1 cases").arg(root.retention.planned.length)
                onClicked: confirm.open()
            }
            Label {
                visible: root.retention.lastResult !== "" || root.retention.lastError !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: root.retention.lastError !== "" ? Theme.danger : Theme.ok
                text: root.retention.lastError !== "" ? root.retention.lastError : root.retention.lastResult
            }
        }
    }

    Dialog {
        id: confirm
        objectName: "purgeConfirm"
        anchors.centerIn: parent
        modal: true
        width: Math.min(root.width - 2 * Theme.margin, Theme.unit * 34)
        title: qsTr("Delete %1 closed cases?").arg(root.retention.planned.length)
        contentItem: Label {
            wrapMode: Text.WordWrap
            text: qsTr("Their answers, notes and reviews are deleted from this store and cannot be brought back here. The audit trail keeps only how many were deleted.")
        }
        standardButtons: Dialog.Cancel | Dialog.Yes
        onAccepted: root.retention.purge()
    }
}
