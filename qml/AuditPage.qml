import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The store's audit trail, newest first: who did what to which case and when; never any content.
// "Check the store" reads every page, follows the audit chain and checks every account's key.
Item {
    id: root
    required property AuditController audit
    objectName: "auditPage"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("Audit trail")
                font.pixelSize: Theme.questionSize
                font.bold: true
            }
            BigButton {
                objectName: "verifyStore"
                enabled: !root.audit.checking
                text: qsTr("Check the store")
                Accessible.description: qsTr("Reads the whole store: may take a while for a large one")
                onClicked: root.audit.verify()
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: qsTr("Every unlock, answer, decision, export and refusal is recorded here with who and when. Each event is sealed to the one before it, so a change or a removal is found by the check.")
        }
        Rectangle {
            objectName: "verification"
            visible: root.audit.verification !== ""
            Layout.fillWidth: true
            implicitHeight: verifyText.implicitHeight + 2 * Theme.spacing
            radius: 6
            color: root.audit.verifiedOk ? "#e3f3e8" : Theme.dangerSoft
            border.color: root.audit.verifiedOk ? Theme.ok : Theme.danger
            Label {
                id: verifyText
                anchors.fill: parent
                anchors.margins: Theme.spacing
                wrapMode: Text.WordWrap
                font.bold: true
                color: root.audit.verifiedOk ? Theme.ok : Theme.danger
                text: root.audit.verification
            }
        }
        Label {
            visible: root.audit.lastError !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.danger
            text: root.audit.lastError
        }
        // Column headings
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("#"); Layout.preferredWidth: Theme.unit * 7; font.bold: true }
            Label { text: qsTr("When"); Layout.preferredWidth: Theme.unit * 10; font.bold: true }
            Label { text: qsTr("Who"); Layout.preferredWidth: Theme.unit * 8; font.bold: true }
            Label { text: qsTr("What"); Layout.fillWidth: true; font.bold: true }
            Label { text: qsTr("Case"); Layout.preferredWidth: Theme.unit * 9; font.bold: true }
        }
        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.audit.events
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                required property var modelData
                required property int index
                width: ListView.view.width
                implicitHeight: line.implicitHeight + Theme.spacing / 2
                color: index % 2 === 0 ? Theme.card : Theme.page
                RowLayout {
                    id: line
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: Theme.spacing
                    Label { text: modelData.seq; Layout.preferredWidth: Theme.unit * 7; color: Theme.muted }
                    Label { text: modelData.when; Layout.preferredWidth: Theme.unit * 10 }
                    Label { text: modelData.who; Layout.preferredWidth: Theme.unit * 8; elide: Text.ElideRight }
                    Label {
                        text: modelData.action
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: modelData.refused ? Theme.danger : Theme.text
                    }
                    Label { text: modelData.reference; Layout.preferredWidth: Theme.unit * 9; font.family: "monospace" }
                }
            }
            footer: BigButton {
                visible: root.audit.more
                width: ListView.view.width
                text: qsTr("Show older events")
                onClicked: root.audit.loadOlder()
            }
        }
    }

    // While the check reads the store (off the UI thread), nothing else may use it.
    Popup {
        objectName: "checkingStore"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        closePolicy: Popup.NoAutoClose
        visible: root.audit.checking
        padding: Theme.margin
        Label {
            text: qsTr("Checking every page of the store. This can take a while for a large store; Lock (Ctrl+L) waits for it to finish.")
            wrapMode: Text.WordWrap
            width: Math.min(root.width * 0.6, Theme.unit * 30)
        }
    }
}
