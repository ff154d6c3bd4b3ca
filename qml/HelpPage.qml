import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The app's own help: how the screening works, how to ask, and the safety features.
Dialog {
    id: dialog
    property int autolockMinutes: 5
    objectName: "helpDialog"
    title: qsTr("How to use Waymark")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 700, 760)
    height: Math.min(parent ? parent.height - 2 * Theme.margin : 560, 620)
    standardButtons: Dialog.Close

    ScrollView {
        anchors.fill: parent
        clip: true
        Label {
            width: dialog.availableWidth - Theme.margin
            wrapMode: Text.WordWrap
            textFormat: Text.StyledText
            text: qsTr("<b>Waymark supports your decision; it does not make it.</b><br><br>"
                + "<b>Danger now.</b> If anyone is in danger, press <i>Danger now</i> (top right) at any time. "
                + "It shows what to do first. You can come back to the questions afterwards.<br><br>"
                + "<b>Lock and quick exit.</b> Press <i>Ctrl+L</i> (or the Lock button) to hide every case at once "
                + "and lock Waymark, for example if someone walks in. Waymark also locks itself after %1 minutes "
                + "without use. Unlock with your passphrase to return to the same question.<br><br>"
                + "<b>Answers are saved as you go.</b> Each answer is saved, encrypted, the moment you give it; "
                + "the page says <i>Saved</i> only once it is stored. If the laptop stops, you lose at most the "
                + "answer you were giving. Resume a draft from the case list.<br><br>"
                + "<b>Asking.</b> Press <i>How to ask</i> under a question for words you can read out or give to an "
                + "interpreter, and for help on what the question is for. Use a professional interpreter, never "
                + "someone who came with the person. <i>Don't know</i> and <i>Prefer not to say</i> are always "
                + "fine answers where they are offered.<br><br>"
                + "<b>Keyboard.</b> Tab moves between answers, Space or Enter chooses, Alt+Right (or Next) goes "
                + "on, Alt+Left (or Back) goes back, F1 opens this help.<br><br>"
                + "<b>Why.</b> The panel at the side shows Action, Means and Purpose as the answers come in, and "
                + "why. The summary lists each step with the answers and rules behind it, and the source of every "
                + "sign. Items marked UNVERIFIED could not be checked against their primary source.")
                  .arg(dialog.autolockMinutes)
        }
    }
}
