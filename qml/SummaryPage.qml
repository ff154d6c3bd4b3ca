import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The result in the order a responder acts: the band, the steps, who to contact, then why. Notes and
// submitting to a caseworker at the end.
Item {
    id: root
    required property ScreeningController screening
    property bool canExport: false
    signal exportRequested()
    objectName: "summaryPage"
    readonly property var summary: screening.summary

    ScrollView {
        id: view
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.bottomMargin: actions.height + Theme.margin
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            // Long lines are hard to read on a wide screen: the text keeps to a readable column.
            width: Math.min(view.availableWidth - Theme.spacing, Theme.unit * 70)
            x: Math.max(0, (view.availableWidth - width) / 2)
            spacing: Theme.spacing

            ReturnNote {
                Layout.fillWidth: true
                note: root.screening.returnNote
            }
            Label {
                objectName: "noticeText"
                visible: text !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.warn
                text: root.screening.notice
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: bandColumn.implicitHeight + 2 * Theme.spacing
                radius: 6
                color: root.summary.band === "emergency" ? Theme.dangerSoft
                     : root.summary.band === "refer" ? Theme.warnSoft : Theme.accentSoft
                ColumnLayout {
                    id: bandColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Label {
                        objectName: "summaryBand"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.questionSize
                        font.bold: true
                        text: root.summary.heading || ""
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: root.summary.explain || ""
                    }
                    Label {
                        objectName: "summaryChild"
                        visible: root.summary.treatedAsChild === true
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.bold: true
                        color: Theme.danger
                        text: qsTr("Treated as a child (under 18, or age uncertain): child safeguarding applies; no consent is needed for a referral.")
                    }
                    Label {
                        visible: (root.summary.unanswered || 0) > 0
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: qsTr("%1 of %2 questions shown are not answered yet; the result may change.")
                              .arg(root.summary.unanswered).arg(root.summary.shown)
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        text: qsTr("This supports your decision; it does not make it.")
                    }
                }
            }

            AssessmentView {
                Layout.fillWidth: true
                summary: root.summary
            }

            Label { text: qsTr("Your notes"); font.pixelSize: Theme.headingSize; font.bold: true }
            TextArea {
                id: notes
                objectName: "notesField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.targetHeight * 2
                wrapMode: TextEdit.Wrap
                readOnly: !root.screening.editable
                placeholderText: qsTr("What you saw and heard, in your own words. Saved when you leave this box.")
                Accessible.name: qsTr("Responder notes")
                text: root.screening.notes
                onActiveFocusChanged: if (!activeFocus) root.screening.saveNotes(text)
                background: Rectangle { border.color: Theme.border; color: Theme.card; radius: 4 }
            }
            RowLayout {
                visible: root.screening.editable
                Layout.fillWidth: true
                spacing: Theme.spacing
                TextField {
                    id: caseworker
                    objectName: "caseworkerField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Caseworker's user name")
                    Accessible.name: qsTr("Caseworker to submit to")
                }
                BigButton {
                    objectName: "submitButton"
                    text: qsTr("Submit to caseworker")
                    onClicked: {
                        root.screening.saveNotes(notes.text)
                        root.screening.submitTo(caseworker.text)
                    }
                }
            }
            Label {
                objectName: "summaryError"
                visible: text !== ""
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.danger
                text: root.screening.lastError
            }
        }
    }

    RowLayout {
        id: actions
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        BigButton {
            objectName: "summaryBack"
            visible: root.screening.editable
            text: qsTr("Back to the questions")
            onClicked: root.screening.back()
        }
        BigButton {
            objectName: "answerRest"
            visible: root.screening.editable && (root.summary.unanswered || 0) > 0
            text: qsTr("Answer the rest")
            onClicked: root.screening.goToFirstUnanswered()
        }
        Item { Layout.fillWidth: true }
        BigButton {
            objectName: "exportCase"
            visible: root.canExport
            text: qsTr("Export...")
            onClicked: {
                root.screening.saveNotes(notes.text)
                root.exportRequested()
            }
        }
        BigButton {
            objectName: "closeCase"
            chosen: true
            text: qsTr("Back to the list")
            onClicked: {
                root.screening.saveNotes(notes.text)
                root.screening.close()
            }
        }
    }
}
