import QtQuick
import QtQuick.Controls

// A large answer or action button. `chosen` shows the current answer; `tone` colours danger actions.
Button {
    id: control
    property bool chosen: false
    property string tone: "normal"   // normal | danger | quiet
    implicitHeight: Theme.targetHeight
    opacity: enabled ? 1 : 0.45
    font.pixelSize: Theme.bodySize
    Accessible.name: text
    Accessible.role: Accessible.Button
    Accessible.checkable: chosen
    Accessible.checked: chosen
    contentItem: Text {
        text: control.text
        font: control.font
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
        verticalAlignment: Text.AlignVCenter
        color: control.chosen || control.tone === "danger" ? "white" : Theme.text
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
    }
    background: Rectangle {
        radius: 6
        color: control.tone === "danger" ? (control.down ? "#8e1e18" : Theme.danger)
             : control.chosen ? Theme.chosen
             : control.down ? Theme.accentSoft : Theme.card
        border.width: control.activeFocus ? 3 : 1
        border.color: control.activeFocus ? "#f0a202" : (control.chosen ? Theme.chosen : Theme.border)
    }
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
}
