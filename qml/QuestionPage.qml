import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// One question at a time, with progress through the sections, its help one click away, and the live
// Action / Means / Purpose panel beside it (below it on a narrow window).
Item {
    id: root
    required property ScreeningController screening
    objectName: "questionPage"
    readonly property var question: screening.question
    readonly property bool wide: width >= 900

    Shortcut { sequence: "Alt+Right"; onActivated: root.screening.next() }
    // Each new question puts the keyboard on its first answer (after the page has laid it out).
    onQuestionChanged: focusTimer.restart()
    Component.onCompleted: focusTimer.restart()
    property string shownId: ""
    Timer {
        id: focusTimer
        interval: 0
        onTriggered: {
            if (root.question.id === root.shownId) return
            root.shownId = root.question.id || ""
            answers.focusFirst()
        }
    }
    Shortcut { sequence: "Alt+Left"; onActivated: root.screening.back() }

    // A returned case: the supervisor's reason above everything, whatever the page's layout does.
    ReturnNote {
        id: returnNote
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        note: root.screening.returnNote
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: returnNote.shown ? returnNote.height + 2 * Theme.margin : Theme.margin
        columns: root.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            // Progress
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "progressText"
                    Layout.fillWidth: true
                    color: Theme.muted
                    elide: Text.ElideRight
                    text: qsTr("Question %1 of %2 shown so far  ·  %3").arg(root.screening.position)
                          .arg(root.screening.shownCount).arg(root.question.section || "")
                }
                Label {
                    objectName: "saveState"
                    text: root.screening.saveState === "saved" ? qsTr("Saved")
                        : root.screening.saveState === "failed" ? qsTr("NOT saved") : ""
                    color: root.screening.saveState === "failed" ? Theme.danger : Theme.ok
                    font.bold: true
                    Accessible.name: text
                }
            }
            Row {
                objectName: "sectionProgress"
                Layout.fillWidth: true
                spacing: 3
                Repeater {
                    model: root.screening.sections
                    delegate: Rectangle {
                        required property var modelData
                        width: (parent.width - 3 * (root.screening.sections.length - 1)) / Math.max(1, root.screening.sections.length)
                        height: Theme.unit * 0.6
                        radius: 3
                        color: modelData.answered === modelData.shown ? Theme.accent
                             : modelData.current ? "#7fa6d3" : Theme.border
                        ToolTip.visible: sectionHover.hovered
                        ToolTip.text: modelData.title + ": " + modelData.answered + "/" + modelData.shown
                        HoverHandler { id: sectionHover }
                    }
                }
            }

            ScrollView {
                id: scroller
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentWidth: availableWidth

                ColumnLayout {
                    width: scroller.availableWidth
                    spacing: Theme.spacing

                    Label {
                        objectName: "questionText"
                        Layout.fillWidth: true
                        text: root.question.text || ""
                        font.pixelSize: Theme.questionSize
                        font.bold: true
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Button {
                        id: helpToggle
                        objectName: "helpToggle"
                        checkable: true
                        visible: (root.question.ask || "") !== "" || (root.question.help || "") !== ""
                        text: checked ? qsTr("Hide how to ask") : qsTr("How to ask")
                        Accessible.name: text
                        font.underline: true
                        background: Rectangle {
                            color: "transparent"
                            border.width: helpToggle.activeFocus ? 2 : 0
                            border.color: "#f0a202"
                        }
                        contentItem: Text {
                            text: helpToggle.text
                            font: helpToggle.font
                            color: Theme.accent
                        }
                    }
                    Rectangle {
                        objectName: "helpPanel"
                        visible: helpToggle.checked
                        Layout.fillWidth: true
                        implicitHeight: helpColumn.implicitHeight + 2 * Theme.spacing
                        color: Theme.accentSoft
                        radius: 6
                        ColumnLayout {
                            id: helpColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            spacing: Theme.spacing / 2
                            Label {
                                visible: (root.question.ask || "") !== ""
                                text: qsTr("Ask it like this:")
                                font.bold: true
                            }
                            Label {
                                objectName: "askText"
                                visible: text !== ""
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                text: root.question.ask || ""
                                font.italic: true
                            }
                            Label {
                                visible: (root.question.help || "") !== ""
                                text: qsTr("For you:")
                                font.bold: true
                            }
                            Label {
                                objectName: "helpText"
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                text: root.question.help || ""
                            }
                        }
                    }
                    AnswerControls {
                        id: answers
                        Layout.fillWidth: true
                        screening: root.screening
                        question: root.question
                    }
                    Label {
                        objectName: "problemText"
                        visible: text !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.danger
                        text: root.screening.problem
                    }
                    Label {
                        objectName: "errorText"
                        visible: text !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.danger
                        font.bold: true
                        text: root.screening.lastError
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton {
                    objectName: "backButton"
                    text: qsTr("Back")
                    enabled: root.screening.position > 1
                    onClicked: root.screening.back()
                }
                BigButton {
                    objectName: "casesButton"
                    text: qsTr("Save and close")
                    Accessible.description: qsTr("Everything is already saved; back to the case list")
                    onClicked: root.screening.close()
                }
                Item { Layout.fillWidth: true }
                BigButton {
                    objectName: "summaryButton"
                    text: qsTr("Summary")
                    onClicked: root.screening.showSummary()
                }
                BigButton {
                    objectName: "nextButton"
                    chosen: true
                    text: root.screening.position === root.screening.shownCount ? qsTr("Finish") : qsTr("Next")
                    onClicked: root.screening.next()
                }
            }
        }

        ElementPanel {
            Layout.fillHeight: root.wide
            Layout.fillWidth: !root.wide
            Layout.preferredWidth: root.wide ? Math.min(root.width * 0.34, 420) : -1
            Layout.maximumHeight: root.wide ? -1 : root.height * 0.3
            screening: root.screening
        }
    }
}
