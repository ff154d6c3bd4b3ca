import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// Danger now: the pack's emergency guidance, first and alone. The screening waits until everyone is safe.
Rectangle {
    id: root
    required property ScreeningController screening
    objectName: "emergencyPage"
    color: Theme.dangerSoft

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            objectName: "emergencyHeading"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.questionSize * 1.2
            font.bold: true
            color: Theme.danger
            text: qsTr("If anyone is in danger, get help now")
        }
        ScrollView {
            id: view
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth
            ColumnLayout {
                width: view.availableWidth
                spacing: Theme.spacing
                Repeater {
                    model: root.screening.emergency
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            text: modelData.title
                        }
                        Label {
                            objectName: "emergencyAction"
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.bodySize * 1.1
                            text: modelData.action
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.muted
                    text: qsTr("Every answer so far is saved. Come back to the screening when everyone is safe.")
                }
            }
        }
        BigButton {
            objectName: "leaveEmergency"
            Layout.fillWidth: true
            chosen: true
            text: qsTr("Everyone is safe: back to the screening")
            onClicked: root.screening.leaveEmergency()
        }
    }
}
