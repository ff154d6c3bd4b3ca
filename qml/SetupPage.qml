import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// First run: make the encrypted store and the first account.
Item {
    id: root
    required property AccessController access

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 560)
        spacing: Theme.spacing

        Label {
            text: qsTr("Set up Waymark on this computer")
            font.pixelSize: Theme.questionSize
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: qsTr("Cases are kept only on this computer, encrypted with your passphrase. Choose a passphrase "
                       + "of several words that others cannot guess. Store: %1").arg(root.access.storePath)
        }
        TextField {
            id: name
            objectName: "setupName"
            Layout.fillWidth: true
            placeholderText: qsTr("Your user name")
            Accessible.name: qsTr("User name")
            focus: true
            KeyNavigation.tab: pass
        }
        TextField {
            id: pass
            objectName: "setupPassphrase"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase")
            KeyNavigation.tab: repeat
        }
        TextField {
            id: repeat
            objectName: "setupRepeat"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("The same passphrase again")
            Accessible.name: qsTr("Repeat the passphrase")
            onAccepted: create.clicked()
        }
        Label {
            objectName: "setupError"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.access.lastError
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        BigButton {
            id: create
            objectName: "setupCreate"
            Layout.fillWidth: true
            chosen: true
            enabled: !root.access.busy
            text: root.access.busy ? qsTr("Creating the encrypted store...") : qsTr("Create the store")
            onClicked: {
                root.access.createStore(name.text, pass.text, repeat.text)
                pass.text = ""
                repeat.text = ""
            }
        }
    }
}
