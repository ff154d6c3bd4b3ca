import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// An assessment as the responder and the reviewer read it: what to do, who to contact, and on demand
// (or always, for a reviewer) why: the elements, the signs found with their sources, every rule.
ColumnLayout {
    id: root
    property var summary: ({})
    property bool alwaysShowWhy: false
    spacing: Theme.spacing

    Label { text: qsTr("What to do"); font.pixelSize: Theme.headingSize; font.bold: true }
    Repeater {
        objectName: "stepsList"
        model: root.summary.steps || []
        delegate: ColumnLayout {
            required property var modelData
            required property int index
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "step_" + modelData.id
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.bold: true
                text: (index + 1) + ". " + modelData.title
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                wrapMode: Text.WordWrap
                text: modelData.action
            }
        }
    }

    Label { text: qsTr("Who to contact"); font.pixelSize: Theme.headingSize; font.bold: true }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.muted
        text: qsTr("Re-check contact details before use: numbers, hours and eligibility change.")
    }
    Repeater {
        model: root.summary.organisations || []
        delegate: ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "org_" + modelData.id
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.bold: true
                text: modelData.name
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                text: modelData.contact + (modelData.web ? "  ·  " + modelData.web : "")
                      + "  " + qsTr("(as published; checked %1)").arg(modelData.checked)
            }
            Repeater {
                model: modelData.why
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    wrapMode: Text.WordWrap
                    color: Theme.muted
                    text: qsTr("Why: %1").arg(modelData)
                }
            }
        }
    }

    Button {
        id: whyToggle
        visible: !root.alwaysShowWhy
        objectName: "whyToggle"
        checkable: true
        font.underline: true
        background: Rectangle {
            color: "transparent"
            border.width: whyToggle.activeFocus ? 2 : 0
            border.color: "#f0a202"
        }
        contentItem: Text {
            text: whyToggle.text
            font: whyToggle.font
            color: Theme.accent
        }
        text: checked ? qsTr("Hide why") : qsTr("Why: the answers, signs and rules behind this")
    }
    ColumnLayout {
        visible: whyToggle.checked || root.alwaysShowWhy
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        Repeater {
            model: root.summary.elements || []
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: modelData.title + ": " + Theme.statusWords(modelData.status) + ". " + modelData.explain
                      + (modelData.because.length ? "\n  • " + modelData.because.join("\n  • ") : "")
            }
        }
        Label {
            visible: (root.summary.indicators || []).length > 0
            text: qsTr("Signs found")
            font.bold: true
        }
        Repeater {
            model: root.summary.indicators || []
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: "• " + modelData.text + "  [" + modelData.element
                      + (modelData.grade ? ", " + modelData.grade : "")
                      + (modelData.unverified ? ", UNVERIFIED" : "") + "; " + qsTr("source") + ": " + modelData.source + "]"
            }
        }
        Label {
            visible: root.summary.anyUnverified === true
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.warn
            text: qsTr("Items marked UNVERIFIED could not be checked against their primary source.")
        }
        Label { text: qsTr("Rules applied"); font.bold: true }
        Repeater {
            model: root.summary.explanation || []
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                text: modelData.conclusion + "  (" + qsTr("rule") + " " + modelData.rule + ")"
                      + (modelData.because.length ? ": " + modelData.because.join("; ") : "")
            }
        }
        Label {
            Layout.fillWidth: true
            color: Theme.muted
            font.pixelSize: Theme.smallSize
            text: qsTr("Rule pack %1 %2").arg(root.summary.packId).arg(root.summary.packVersion)
        }
    }
}
