import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The recovery code, shown once right after set-up.
Item {
    id: root
    required property AccessController access

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 620)
        spacing: Theme.spacing
        Label {
            text: qsTr("Write down your recovery code")
            font.pixelSize: Theme.questionSize
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("If a passphrase is forgotten, this code lets an administrator set a new one. It is shown "
                       + "only now. Write it on paper and keep it locked away, apart from this computer.")
        }
        TextField {
            objectName: "recoveryCode"
            Layout.fillWidth: true
            readOnly: true
            font.family: "monospace"
            font.pixelSize: Theme.headingSize
            text: root.access.recoveryCode
            Accessible.name: qsTr("Recovery code")
        }
        BigButton {
            objectName: "recoveryDone"
            Layout.fillWidth: true
            chosen: true
            text: qsTr("I have written it down")
            onClicked: root.access.acknowledgeRecoveryCode()
        }
    }
}
