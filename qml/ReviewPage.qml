import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// A supervisor's review of one case. Left: the summary with its explanation (why, always open).
// Right: the responder's notes, the answer history (what changed, when, by whom), earlier decisions
// and the case's audit trail. Below: the decision: return with a reason, approve, or close.
Item {
    id: root
    required property ReviewController review
    objectName: "reviewPage"
    readonly property var info: review.caseInfo
    readonly property bool wide: width >= 1000

    function decisionWords(d) {
        return d === "returned" ? qsTr("Returned") : d === "approved" ? qsTr("Approved") : qsTr("Closed")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // The case in one line, with its marks
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "reviewReference"
                text: qsTr("Review %1").arg(root.info.reference || "")
                font.pixelSize: Theme.questionSize
                font.bold: true
            }
            Label {
                visible: root.info.child === true
                text: qsTr("CHILD")
                color: "white"; font.bold: true; padding: 4
                background: Rectangle { color: Theme.accent; radius: 3 }
            }
            Label {
                visible: root.info.band === "emergency"
                text: qsTr("EMERGENCY")
                color: "white"; font.bold: true; padding: 4
                background: Rectangle { color: Theme.danger; radius: 3 }
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: Theme.muted
                text: qsTr("%1  ·  started %2 by %3  ·  submitted %4 to %5").arg(root.info.status || "")
                      .arg(root.info.started || "").arg(root.info.owner || "")
                      .arg(root.info.submitted || qsTr("(never)")).arg(root.info.assignedTo || "-")
            }
            BigButton {
                objectName: "leaveReview"
                text: qsTr("Back to the list")
                onClicked: root.review.leave()
            }
        }
        Label {
            objectName: "reviewMessage"
            visible: text !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.bold: true
            color: root.review.lastError !== "" ? Theme.danger : Theme.ok
            text: root.review.lastError !== "" ? root.review.lastError : root.review.message
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: root.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.spacing

            ScrollView {
                id: left
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: left.availableWidth - Theme.spacing
                    spacing: Theme.spacing
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: band.implicitHeight + 2 * Theme.spacing
                        radius: 6
                        color: root.review.summary.band === "emergency" ? Theme.dangerSoft
                             : root.review.summary.band === "refer" ? Theme.warnSoft : Theme.accentSoft
                        Label {
                            id: band
                            objectName: "reviewBand"
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            wrapMode: Text.WordWrap
                            font.bold: true
                            text: (root.review.summary.heading || "") + (root.review.summary.treatedAsChild
                                  ? "\n" + qsTr("Treated as a child: child safeguarding applies.") : "")
                        }
                    }
                    AssessmentView {
                        Layout.fillWidth: true
                        summary: root.review.summary
                        alwaysShowWhy: true
                    }
                }
            }

            ScrollView {
                id: right
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: right.availableWidth - Theme.spacing
                    spacing: Theme.spacing / 2

                    Label { text: qsTr("Responder's notes"); font.pixelSize: Theme.headingSize; font.bold: true }
                    Label {
                        objectName: "reviewNotes"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        textFormat: Text.PlainText
                        color: root.review.notes === "" ? Theme.muted : Theme.text
                        text: root.review.notes === "" ? qsTr("(no notes)") : root.review.notes
                    }

                    Label { text: qsTr("Decisions so far"); font.pixelSize: Theme.headingSize; font.bold: true; Layout.topMargin: Theme.spacing }
                    Label {
                        visible: root.review.reviews.length === 0
                        color: Theme.muted
                        text: qsTr("None yet.")
                    }
                    Repeater {
                        model: root.review.reviews
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            textFormat: Text.PlainText
                            text: root.decisionWords(modelData.decision) + " " + qsTr("by %1, %2").arg(modelData.reviewer).arg(modelData.when)
                                  + (modelData.note !== "" ? ": " + modelData.note : "")
                                  + (modelData.question !== "" ? "  (" + qsTr("question: %1").arg(modelData.question) + ")" : "")
                        }
                    }

                    Label { text: qsTr("Answer history"); font.pixelSize: Theme.headingSize; font.bold: true; Layout.topMargin: Theme.spacing }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        text: qsTr("Newest first. A changed answer shows what it replaced.")
                    }
                    Repeater {
                        objectName: "answerHistory"
                        model: root.review.answerHistory
                        delegate: ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                font.bold: modelData.previous !== ""
                                text: modelData.question
                            }
                            Label {
                                Layout.fillWidth: true
                                Layout.leftMargin: Theme.margin
                                wrapMode: Text.WordWrap
                                textFormat: Text.PlainText
                                color: modelData.previous !== "" ? Theme.warn : Theme.text
                                text: (modelData.previous !== "" ? qsTr("changed from \"%1\" to \"%2\"").arg(modelData.previous).arg(modelData.value)
                                                                 : modelData.value)
                                      + "  ·  " + modelData.who + ", " + modelData.when
                            }
                        }
                    }

                    Label { text: qsTr("Audit trail of this case"); font.pixelSize: Theme.headingSize; font.bold: true; Layout.topMargin: Theme.spacing }
                    Repeater {
                        model: root.review.trail
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            font.pixelSize: Theme.smallSize
                            text: modelData.when + "  " + modelData.who + ": " + modelData.action
                        }
                    }
                }
            }
        }

        // The decision
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: decision.implicitHeight + 2 * Theme.spacing
            color: Theme.card
            border.color: Theme.border
            radius: 6
            visible: root.review.canReturn || root.review.canClose
            ColumnLayout {
                id: decision
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing / 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TextField {
                        id: note
                        objectName: "decisionNote"
                        Layout.fillWidth: true
                        placeholderText: root.review.canReturn
                            ? qsTr("Reason for returning (required), or a note on approving or closing")
                            : qsTr("A note on closing (optional)")
                        Accessible.name: qsTr("Reason or note for the decision")
                    }
                    ComboBox {
                        id: pointAt
                        objectName: "pointAt"
                        visible: root.review.canReturn
                        Layout.preferredWidth: Theme.unit * 18
                        implicitHeight: Theme.targetHeight
                        Accessible.name: qsTr("The question the responder should look at again")
                        textRole: "text"
                        valueRole: "id"
                        model: [{ id: "", text: qsTr("No particular question") }].concat(root.review.questions)
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    BigButton {
                        objectName: "returnButton"
                        visible: root.review.canReturn
                        text: qsTr("Return to %1").arg(root.info.owner || "")
                        onClicked: root.review.returnCase(note.text, pointAt.currentValue || "")
                    }
                    BigButton {
                        objectName: "approveButton"
                        visible: root.review.canApprove
                        chosen: true
                        text: qsTr("Approve")
                        onClicked: root.review.approve(note.text)
                    }
                    BigButton {
                        objectName: "closeButton"
                        visible: root.review.canClose
                        text: qsTr("Close the case")
                        onClicked: root.review.closeCase(note.text)
                    }
                    Label {
                        visible: root.review.approveBlocked !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.muted
                        text: root.review.approveBlocked
                    }
                }
            }
        }
    }
}
