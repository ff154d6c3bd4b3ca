import QtQuick
import QtTest
import Waymark

// The whole V03 screening with the keyboard alone: Tab to the answer, Space or typing, Alt+Right.
Item {
    width: 400
    height: 300

    AppTestCase {
        name: "Keyboard"

        function focusedName() { return win.activeFocusItem ? win.activeFocusItem.objectName : "" }

        // Tab until the control named `name` has the keyboard; every control is reachable this way.
        function tabTo(name) {
            for (var i = 0; i < 60 && focusedName() !== name; ++i) keyClick(Qt.Key_Tab)
            compare(focusedName(), name, "Tab reaches " + name)
            var it = win.activeFocusItem
            verify(it.Accessible.name !== "", name + " has an accessible name")
        }

        function keyAnswer(golden) {
            var q = support.screening.question
            var value = golden[q.id]
            verify(value !== undefined, "the scenario answers " + q.id)
            var targets = []
            if (value === "dont_know") targets = ["answer_dont_know"]
            else if (value === "prefer_not_to_say") targets = ["answer_prefer_not_to_say"]
            else if (q.type === "yes_no") targets = [value === true || value === "yes" ? "answer_yes" : "answer_no"]
            else if (q.type === "single_choice") targets = ["option_" + value]
            else if (q.type === "multiple_choice") targets = value.length ? value.map(v => "option_" + v) : ["answer_none"]
            if (targets.length === 0) {  // a number or text: the field has the keyboard already
                tryCompare(win.activeFocusItem, "objectName", q.type === "number" ? "numberField" : "textField")
                var s = String(value)
                for (var c = 0; c < s.length; ++c) keyClick(s[c])
                keyClick(Qt.Key_Return)
            }
            for (var t = 0; t < targets.length; ++t) {
                tabTo(targets[t])
                keyClick(Qt.Key_Space)
            }
            tryCompare(item("saveState"), "text", "Saved")
            var before = q.id
            keySequence("Alt+Right")
            if (support.screening.view === "emergency") { tabTo("leaveEmergency"); keyClick(Qt.Key_Space) }
            verify(support.screening.view !== "question" || support.screening.question.id !== before, "moved on")
            wait(20)
        }

        function test_v03_by_keyboard_alone() {
            openApp()
            setUpStore()
            tryCompare(win.activeFocusItem, "objectName", "newScreening")
            keyClick(Qt.Key_Space)
            tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
            var golden = support.goldenAnswers("v03_county_lines_boy.json")
            for (var guard = 0; guard < 60 && support.screening.view === "question"; ++guard) {
                wait(20)
                keyAnswer(golden)
            }
            compare(support.screening.view, "summary")
            compare(item("summaryChild").visible, true, "the child route, by keyboard alone")
            keySequence("Ctrl+L")
            compare(support.access.state, AccessController.Locked)
        }
    }
}
