import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The answers a question offers, as large targets. Each choice is saved the moment it is made.
ColumnLayout {
    id: root
    required property ScreeningController screening
    required property var question
    spacing: Theme.spacing / 2
    readonly property string type: question.type || ""
    readonly property string kind: question.answerKind || "none"

    // A new question: the keyboard starts on its first answer.
    function focusFirst() {
        if (type === "yes_no") yesButton.forceActiveFocus()
        else if (type === "number" || type === "date" || type === "free_text") field.forceActiveFocus()
        else if (choices.count > 0) choices.itemAt(0).forceActiveFocus()
    }

    // Yes / No
    RowLayout {
        visible: root.type === "yes_no"
        Layout.fillWidth: true
        spacing: Theme.spacing
        BigButton {
            id: yesButton
            objectName: "answer_yes"
            Layout.fillWidth: true
            text: qsTr("Yes")
            chosen: root.kind === "value" && root.question.yes === true
            KeyNavigation.right: noButton
            onClicked: root.screening.answerYesNo(true)
        }
        BigButton {
            id: noButton
            objectName: "answer_no"
            Layout.fillWidth: true
            text: qsTr("No")
            chosen: root.kind === "value" && root.question.yes === false
            onClicked: root.screening.answerYesNo(false)
        }
    }

    // One or several of the options
    Repeater {
        id: choices
        model: root.type === "single_choice" || root.type === "multiple_choice" ? root.question.options : []
        delegate: BigButton {
            required property var modelData
            required property int index
            objectName: "option_" + modelData.value
            Layout.fillWidth: true
            text: (root.type === "multiple_choice" ? (modelData.chosen ? "☑  " : "☐  ") : "") + modelData.text
            Accessible.name: modelData.text
            chosen: modelData.chosen
            onClicked: root.type === "multiple_choice" ? root.screening.toggleOption(modelData.index)
                                                        : root.screening.chooseOption(modelData.index)
        }
    }
    BigButton {
        objectName: "answer_none"
        visible: root.type === "multiple_choice"
        Layout.fillWidth: true
        text: qsTr("None of these")
        chosen: root.kind === "value" && !root.question.options.some(o => o.chosen)
        onClicked: root.screening.answerNoneOfThese()
    }
    Label {
        visible: root.type === "multiple_choice"
        color: Theme.muted
        text: qsTr("Choose all that apply.")
    }

    // A number, a date or a short text: saved when you press Enter or move on.
    TextField {
        id: field
        objectName: root.type === "number" ? "numberField" : "textField"
        visible: root.type === "number" || root.type === "date" || root.type === "free_text"
        Layout.fillWidth: true
        implicitHeight: Theme.targetHeight
        inputMethodHints: root.type === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
        placeholderText: root.type === "number"
                         ? (root.question.max !== undefined ? qsTr("A number from %1 to %2").arg(root.question.min).arg(root.question.max) : qsTr("A number"))
                         : root.type === "date" ? qsTr("Year-month-day, e.g. 2026-03-31") : qsTr("Type here")
        Accessible.name: root.question.text || ""
        text: root.type === "number" ? (root.question.number || "") : (root.question.answerText || "")
        function commit() {
            if (!visible) return
            if (root.type === "number") root.screening.answerNumber(text)
            else root.screening.answerText(text)
        }
        onAccepted: commit()
        onActiveFocusChanged: if (!activeFocus) commit()
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing / 2
        spacing: Theme.spacing
        visible: root.question.offersDontKnow || root.question.offersPreferNotToSay
        BigButton {
            objectName: "answer_dont_know"
            visible: root.question.offersDontKnow === true
            Layout.fillWidth: true
            text: qsTr("Don't know")
            chosen: root.kind === "dont_know"
            onClicked: root.screening.answerDontKnow()
        }
        BigButton {
            objectName: "answer_prefer_not_to_say"
            visible: root.question.offersPreferNotToSay === true
            Layout.fillWidth: true
            text: qsTr("Prefer not to say")
            chosen: root.kind === "prefer_not_to_say"
            onClicked: root.screening.answerPreferNotToSay()
        }
    }
}
