import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The locked screen: nothing of any case, only the way back in.
Item {
    id: root
    required property AccessController access
    objectName: "unlockPage"

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 480)
        spacing: Theme.spacing

        Label {
            text: qsTr("Waymark is locked")
            font.pixelSize: Theme.questionSize
            font.bold: true
        }
        Label {
            objectName: "lockReason"
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: root.access.lockReason
        }
        TextField {
            id: name
            objectName: "unlockName"
            Layout.fillWidth: true
            placeholderText: qsTr("User name")
            Accessible.name: qsTr("User name")
            focus: true
            KeyNavigation.tab: pass
        }
        TextField {
            id: pass
            objectName: "unlockPassphrase"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase")
            onAccepted: unlock.clicked()
        }
        Label {
            objectName: "unlockError"
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            color: Theme.danger
            text: root.access.lastError
        }
        BigButton {
            id: unlock
            objectName: "unlockButton"
            Layout.fillWidth: true
            chosen: true
            enabled: !root.access.busy
            text: root.access.busy ? qsTr("Unlocking...") : qsTr("Unlock")
            onClicked: {
                root.access.unlock(name.text, pass.text)
                pass.text = ""
            }
        }
    }
}
