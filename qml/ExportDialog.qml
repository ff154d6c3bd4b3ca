import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// Export the case as a referral summary, and copy the drafted NRM paragraphs one at a time.
Dialog {
    id: dialog
    required property ExportController exporter
    objectName: "exportDialog"
    title: qsTr("Export a referral summary")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 800, 860)
    height: Math.min(parent ? parent.height - 2 * Theme.margin : 600, 720)
    standardButtons: Dialog.Close
    onOpened: exporter.loadDrafts()

    ScrollView {
        id: view
        anchors.fill: parent
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            width: view.availableWidth - Theme.spacing
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Choose who it is for. The Duty to Notify version holds nothing that identifies the person. "
                           + "Every export is recorded in the audit trail (never its content).")
            }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                columnSpacing: Theme.spacing
                Label { text: qsTr("For") }
                ComboBox {
                    id: variant
                    objectName: "exportVariant"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Who the summary is for")
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "full", label: qsTr("NRM referral or child safeguarding (full)") },
                        { value: "dtn", label: qsTr("Duty to Notify: an adult who does not consent (no identity)") },
                        { value: "handover", label: qsTr("Handover to a support provider (needs and risks)") }
                    ]
                }
                Label { text: qsTr("Format") }
                ComboBox {
                    id: format
                    objectName: "exportFormat"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("File format")
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "pdf", label: qsTr("PDF document") },
                        { value: "text", label: qsTr("Plain text") },
                        { value: "md", label: qsTr("Markdown") },
                        { value: "json", label: qsTr("JSON (for other systems)") }
                    ]
                }
                Label { text: qsTr("Folder") }
                TextField {
                    objectName: "exportFolder"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Folder to save in")
                    text: dialog.exporter.folder
                    onEditingFinished: dialog.exporter.folder = text
                }
            }
            RowLayout {
                spacing: Theme.spacing
                BigButton {
                    objectName: "exportButton"
                    chosen: true
                    text: qsTr("Export")
                    onClicked: dialog.exporter.exportCase(variant.currentValue, format.currentValue, false)
                }
                BigButton {
                    objectName: "exportReplace"
                    visible: dialog.exporter.needsOverwrite
                    tone: "danger"
                    text: qsTr("Replace the existing file")
                    onClicked: dialog.exporter.exportCase(variant.currentValue, format.currentValue, true)
                }
            }
            Label {
                objectName: "exportResult"
                visible: text !== ""
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                color: Theme.ok
                text: dialog.exporter.lastResult
            }
            Label {
                objectName: "exportError"
                visible: text !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.danger
                text: dialog.exporter.lastError
            }

            Label {
                visible: dialog.exporter.drafts.length > 0
                text: qsTr("Drafted paragraphs for the online NRM form")
                font.bold: true
                font.pixelSize: Theme.headingSize
            }
            Label {
                visible: dialog.exporter.drafts.length > 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.muted
                text: qsTr("Drafts only: check, correct and complete each one before you paste it. They say only what the answers support.")
            }
            Repeater {
                model: dialog.exporter.drafts
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.bold: true
                        text: modelData.box + "  (" + modelData.step + "; " + qsTr("limit %1 characters").arg(modelData.limit)
                              + (modelData.overLimit ? ", " + qsTr("OVER THE LIMIT") : "") + ")"
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: modelData.text
                    }
                    Label {
                        visible: modelData.notCovered !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.warn
                        text: qsTr("Not covered by the screening: %1").arg(modelData.notCovered)
                    }
                    Button {
                        objectName: "copyDraft_" + modelData.index
                        text: qsTr("Copy")
                        Accessible.name: qsTr("Copy the draft for %1").arg(modelData.box)
                        onClicked: dialog.exporter.copyDraft(modelData.index)
                    }
                }
            }
        }
    }
}
