import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// A returned case's reason from the supervisor, on top of the case's pages until it is resubmitted.
Rectangle {
    id: root
    property var note: ({})
    objectName: "returnNote"
    readonly property bool shown: (note.reason || "") !== ""
    visible: shown
    implicitHeight: shown ? column.height + 2 * Theme.spacing : 0
    // A crowded page squeezes its question, never the reason.
    Layout.minimumHeight: implicitHeight
    Layout.preferredHeight: implicitHeight
    radius: 6
    color: Theme.warnSoft
    border.color: Theme.warn
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Returned by %1: %2").arg(note.reviewer || "").arg(note.reason || "")

    // A Column, not a ColumnLayout: its height follows the wrapped lines' real heights.
    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2
        Label {
            width: column.width
            wrapMode: Text.WordWrap
            font.bold: true
            text: qsTr("Returned by %1 on %2. What to check or change:").arg(root.note.reviewer || "").arg(root.note.when || "")
        }
        Label {
            objectName: "returnReason"
            width: column.width
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            text: root.note.reason || ""
        }
        Label {
            visible: (root.note.question || "") !== ""
            width: column.width
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: qsTr("It points to the question: %1").arg(root.note.question || "")
        }
        Label {
            width: column.width
            wrapMode: Text.WordWrap
            color: Theme.muted
            font.pixelSize: Theme.smallSize
            text: qsTr("When it is done, submit the case again from its summary.")
        }
    }
}
