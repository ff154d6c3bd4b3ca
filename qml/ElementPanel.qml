import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// Live: where the legal elements stand with the answers so far, and why. It informs; it decides nothing.
Rectangle {
    id: panel
    required property ScreeningController screening
    objectName: "elementPanel"
    color: Theme.card
    border.color: Theme.border
    radius: 6
    implicitWidth: 320

    ScrollView {
        id: view
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            width: view.availableWidth
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("So far")
                font.bold: true
                font.pixelSize: Theme.headingSize
            }
            Label {
                objectName: "childFlag"
                visible: panel.screening.treatedAsChild
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.danger
                font.bold: true
                text: qsTr("Treated as a child: Means is not needed; child safeguarding applies.")
            }
            Repeater {
                model: panel.screening.elements
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: view.availableWidth
                    spacing: 2
                    Label {
                        objectName: "element_" + modelData.element
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        textFormat: Text.StyledText
                        text: "<b>" + modelData.title + "</b>: " + Theme.statusWords(modelData.status)
                        color: Theme.statusColour(modelData.status)
                        Accessible.name: modelData.title + ": " + Theme.statusWords(modelData.status)
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        text: modelData.explain
                    }
                    Repeater {
                        model: modelData.because
                        delegate: Label {
                            required property string modelData
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.spacing
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallSize
                            text: "• " + modelData
                        }
                    }
                }
            }
            Label {
                visible: (panel.screening.summary.indicators || []).length > 0
                text: qsTr("Signs found (select for the source)")
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                Layout.topMargin: Theme.spacing
            }
            Repeater {
                model: panel.screening.summary.indicators || []
                delegate: ItemDelegate {
                    id: sign
                    required property var modelData
                    Layout.fillWidth: true
                    padding: 2
                    implicitHeight: contentItem.implicitHeight + 6
                    property bool open: false
                    onClicked: open = !open
                    Accessible.name: modelData.text + (open ? ". Source: " + modelData.source : "")
                    contentItem: Label {
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        text: "• " + modelData.text + (modelData.unverified ? "  [UNVERIFIED]" : "")
                              + (sign.open ? "\n   " + qsTr("Source: %1").arg(modelData.source) : "")
                    }
                }
            }
        }
    }
}
