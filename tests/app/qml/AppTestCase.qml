import QtQuick
import QtTest
import Waymark

// What every app test does the way a responder would: open the app, set up or unlock by typing, and
// answer the question on screen by clicking the answer a golden scenario gives.
TestCase {
    id: tc
    when: windowShown
    property var win: null

    Component {
        id: mainComponent
        Main {}
    }

    function openApp(autolockMs, width, height, testPack) {
        support.freshApp(autolockMs === undefined ? 300000 : autolockMs, testPack || "")
        win = createTemporaryObject(mainComponent, null, support.mainProperties(width || 1400, height || 1300))
        verify(win !== null, "Main.qml loads")
        tryVerify(function() { return win.visible && win.active !== undefined }, 5000)
        waitForRendering(win.contentItem)
    }

    function item(name) {
        var found = findChild(win.contentItem.parent, name)
        verify(found !== null, "an item named " + name + " is on screen")
        return found
    }

    // Aims only at a settled page: items replaced by the last answer are gone (deferred deletes run
    // in wait) and every layout above the target has placed it, however slow the machine is.
    function settled(name) {
        wait(0)
        var it = item(name)
        for (var p = it; p; p = p.parent)
            if (isPolishScheduled(p)) waitForItemPolished(p, 5000)
        return it
    }

    function click(name) {
        var it = settled(name)
        verify(it.visible, name + " is visible")
        verify(it.enabled, name + " is enabled")
        mouseClick(it)
    }

    function type(name, text) {
        click(name)
        var field = item(name)
        field.selectAll()
        keyClick(Qt.Key_Delete)
        for (var i = 0; i < text.length; ++i) keyClick(text[i])
    }

    function setUpStore() {
        tryVerify(function() { return findChild(win.contentItem.parent, "setupName") !== null })
        type("setupName", support.user)
        type("setupPassphrase", support.passphrase)
        type("setupRepeat", support.passphrase)
        click("setupCreate")
        tryVerify(function() { return findChild(win.contentItem.parent, "recoveryDone") !== null }, 20000)
        verify(item("recoveryCode").text.length >= 20, "the recovery code is shown once")
        click("recoveryDone")
        tryVerify(function() { return findChild(win.contentItem.parent, "caseListPage") !== null })
    }

    function lockNow() {
        keyClick(Qt.Key_L, Qt.ControlModifier)
        tryVerify(function() { return support.access.state !== AccessController.Unlocked })
    }

    function unlock() { unlockAs(support.user, support.passphrase) }

    function unlockAs(name, passphrase) {
        tryVerify(function() { return findChild(win.contentItem.parent, "unlockPage") !== null })
        type("unlockName", name)
        type("unlockPassphrase", passphrase)
        keyClick(Qt.Key_Return)
        tryVerify(function() { return support.access.state === AccessController.Unlocked }, 20000,
                  "unlocked (" + support.access.lastError + "; name typed: " + item("unlockName").text + ")")
    }

    // Clicks or types the golden's answer to the question on screen, waits for "Saved", goes on.
    function answerFrom(golden) {
        var q = support.screening.question
        var value = golden[q.id]
        verify(value !== undefined, "the scenario answers the question shown: " + q.id)
        if (value === "dont_know") click("answer_dont_know")
        else if (value === "prefer_not_to_say") click("answer_prefer_not_to_say")
        else if (q.type === "yes_no") click(value === true || value === "yes" ? "answer_yes" : "answer_no")
        else if (q.type === "single_choice") click("option_" + value)
        else if (q.type === "multiple_choice") {
            if (value.length === 0) click("answer_none")
            for (var i = 0; i < value.length; ++i) click("option_" + value[i])
        } else if (q.type === "number") {
            type("numberField", String(value))
            keyClick(Qt.Key_Return)
        } else {
            type("textField", String(value))
            keyClick(Qt.Key_Return)
        }
        tryCompare(item("saveState"), "text", "Saved")
        if (support.screening.view === "emergency") click("leaveEmergency")
        click("nextButton")
    }

    // Answers every question shown until the summary, as the scenario says.
    function screen(golden) {
        click("newScreening")
        tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
        for (var guard = 0; guard < 80 && support.screening.view === "question"; ++guard) answerFrom(golden)
        compare(support.screening.view, "summary", "the screening ends on the summary")
        // What the store holds is exactly what the scenario says, answer for answer.
        var stored = support.storedAnswers()
        for (var id in stored)
            compare(JSON.stringify(stored[id]), JSON.stringify(golden[id]), "stored answer to " + id)
        tryVerify(function() { return findChild(win.contentItem.parent, "summaryPage") !== null })
    }

    function textOnPage(root) {
        var out = ""
        function walk(it) {
            if (it.text !== undefined && typeof it.text === "string" && it.visible) out += it.text + "\n"
            for (var i = 0; i < it.children.length; ++i) walk(it.children[i])
            if (it.contentItem && it.contentItem !== it && it.contentItem.children) walk(it.contentItem)
        }
        walk(root)
        return out
    }
}
