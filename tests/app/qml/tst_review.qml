import QtQuick
import QtTest
import Waymark

// The review desk as its users meet it: a supervisor returns a case with a reason, the responder sees
// the reason and resubmits, the supervisor approves; a responder never reaches the queue or a case
// that is not theirs; locking drops the review page.
Item {
    width: 400
    height: 300

    AppTestCase {
        name: "Review"

        function page(name) { return findChild(win.contentItem.parent, name) }

        function openFirstCase() {
            var list = settled("caseList")
            tryVerify(function() { return list.count > 0 }, 5000, "a case is listed")
            wait(0)
            mouseClick(list.itemAtIndex(0))
        }

        // The queue read again, as a supervisor does by going back to it.
        function showQueue() {
            click("tab_all")
            click("tab_queue")
        }

        function test_return_with_a_reason_resubmit_and_approve() {
            openApp()
            setUpStore()
            verify(support.addTeam(), "a responder and a caseworker are added")
            verify(support.caseBy(support.responder, "v01_labour_hungarian_man.json", true) > 0)
            showQueue()
            openFirstCase()
            tryVerify(function() { return page("reviewPage") !== null })
            compare(support.review.caseInfo.status, "submitted")
            compare(support.review.caseInfo.owner, support.responder)
            verify(support.review.answerHistory.length > 10, "the answer history is shown")

            // A return needs a reason: the store refuses a blank one and nothing changes.
            click("returnButton")
            verify(support.review.lastError.indexOf("reason") >= 0, support.review.lastError)
            compare(support.review.caseInfo.status, "submitted")

            var reason = "Check the date they arrived: the notes and the answer differ."
            type("decisionNote", reason)
            click("returnButton")
            tryCompare(support.review.caseInfo, "status", "returned")
            verify(item("reviewMessage").text.indexOf(support.responder) >= 0, item("reviewMessage").text)
            compare(support.review.reviews.length, 1)
            compare(support.review.reviews[0].note, reason)
            click("leaveReview")
            lockNow()

            // The responder: the returned case opens with the reason on top; they submit it again.
            unlockAs(support.responder, support.teamPassphrase)
            verify(page("tab_queue") === null, "a responder has no review queue")
            openFirstCase()
            tryVerify(function() { return page("returnReason") !== null && page("returnReason").visible })
            compare(item("returnReason").text, reason)
            if (support.screening.view !== "summary") support.screening.showSummary()
            tryVerify(function() { return page("summaryPage") !== null })
            type("caseworkerField", support.caseworker)
            click("submitButton")
            tryVerify(function() { return item("noticeText").text.indexOf(support.caseworker) >= 0 })
            click("closeCase")
            lockNow()

            // The supervisor approves it.
            unlock()
            showQueue()
            openFirstCase()
            tryVerify(function() { return page("reviewPage") !== null })
            compare(support.review.caseInfo.status, "submitted")
            click("approveButton")
            tryCompare(support.review.caseInfo, "status", "approved")
            compare(support.review.reviews.length, 2)
            compare(support.review.reviews[1].decision, "approved")
            click("leaveReview")
            tryCompare(item("caseList"), "count", 0)  // the queue is empty again
        }

        function test_a_responder_reaches_neither_the_queue_nor_another_case() {
            openApp()
            setUpStore()
            verify(support.addTeam())
            var others = support.caseBy(support.user, "v03_county_lines_boy.json", false)
            verify(others > 0)
            lockNow()
            unlockAs(support.responder, support.teamPassphrase)
            tryVerify(function() { return page("caseListPage") !== null })
            verify(page("tab_queue") === null && page("tab_audit") === null && page("tab_figures") === null,
                   "no queue, audit or figures for a responder")
            compare(item("caseList").count, 0, "another's case is not listed")
            // Even asked directly, the store refuses: the queue, and the other case.
            support.cases.scope = "queue"
            verify(support.cases.lastError.indexOf("not allowed") >= 0, support.cases.lastError)
            compare(support.cases.total, 0)
            support.review.open(others)
            verify(!support.review.active, "no review page opens")
            verify(support.review.lastError.indexOf("not allowed") >= 0, support.review.lastError)
            support.screening.resume(others)
            verify(!support.screening.active, "nor does the case open")
        }

        function test_the_store_check_runs_off_the_ui_thread_and_a_lock_waits_for_it() {
            openApp()
            setUpStore()
            verify(support.addTeam())
            verify(support.caseBy(support.responder, "v01_labour_hungarian_man.json", true) > 0)
            click("tab_audit")
            click("verifyStore")
            tryVerify(function() { return !support.audit.checking }, 20000)
            verify(support.audit.verifiedOk, support.audit.verification)
            verify(item("verification").visible)
            compare(support.audit.events[0].action, "store checked", "the check is the newest event")
            // A lock in the middle of a check waits for it, then hides everything.
            click("verifyStore")
            lockNow()
            verify(!support.audit.checking)
            compare(support.audit.verification, "")
            compare(support.audit.events.length, 0)
        }

        function test_locking_drops_the_review_page() {
            openApp()
            setUpStore()
            verify(support.addTeam())
            verify(support.caseBy(support.responder, "v05_sexual_exploitation_albanian_woman.json", true) > 0)
            showQueue()
            openFirstCase()
            tryVerify(function() { return page("reviewPage") !== null })
            var reference = support.review.caseInfo.reference
            lockNow()
            tryVerify(function() { return page("reviewPage") === null }, 2000)
            verify(!support.review.active)
            verify(textOnPage(win.contentItem.parent).indexOf(reference) < 0, "the reference is gone")
            verify(win.title.indexOf(reference) < 0)
        }
    }
}
