import QtQuick
import QtTest
import Waymark

// Autolock and quick exit hide every case at once; unlocking returns to the same question.
Item {
    width: 400
    height: 300

    AppTestCase {
        name: "Lock"

        function caseContentGone() {
            var root = win.contentItem.parent
            return findChild(root, "questionPage") === null && findChild(root, "summaryPage") === null
                && findChild(root, "elementPanel") === null && findChild(root, "caseListPage") === null
        }

        function test_autolock_hides_content_and_unlock_returns_to_the_question() {
            openApp(1500)
            setUpStore()
            var golden = support.goldenAnswers("v01_labour_hungarian_man.json")
            click("newScreening")
            for (var i = 0; i < 5; ++i) answerFrom(golden)
            var at = support.screening.question.id
            var reference = support.screening.caseReference
            verify(textOnPage(win.contentItem.parent).indexOf(reference) >= 0, "the case is on screen")
            // No input: the store locks itself.
            tryVerify(function() { return support.access.state === AccessController.Locked }, 5000)
            tryVerify(caseContentGone, 2000, "no case page exists while locked")
            verify(textOnPage(win.contentItem.parent).indexOf(reference) < 0, "the case reference is gone")
            verify(win.title.indexOf(reference) < 0, "and not in the window title")
            verify(item("lockReason").text.indexOf("not used") >= 0)
            unlock()
            tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
            compare(support.screening.question.id, at, "back at the same question")
            compare(support.screening.caseReference, reference)
            compare(support.screening.answeredCount, 5, "every answer is still there")
        }

        function test_quick_exit_shortcut_locks_at_once() {
            openApp()
            setUpStore()
            click("newScreening")
            tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
            keySequence("Ctrl+L")
            compare(support.access.state, AccessController.Locked, "locked by the shortcut")
            verify(caseContentGone())
            unlock()
        }

        function test_wrong_passphrase_is_refused_and_says_so() {
            openApp()
            setUpStore()
            click("lockButton")
            tryVerify(function() { return findChild(win.contentItem.parent, "unlockPage") !== null })
            type("unlockName", support.user)
            type("unlockPassphrase", "not the passphrase at all")
            compare(item("unlockName").text, support.user)
            click("unlockButton")
            tryVerify(function() { return item("unlockError").text !== "" }, 20000)
            compare(support.access.state, AccessController.Locked)
            compare(item("unlockPassphrase").text, "", "the passphrase field is cleared")
        }
    }
}
