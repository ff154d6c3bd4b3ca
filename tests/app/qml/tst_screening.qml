import QtQuick
import QtTest
import Waymark

// Whole screenings through the UI: every answer clicked or typed, as a responder would.
Item {
    width: 400
    height: 300

    AppTestCase {
        name: "Screening"

        function test_v01_adult_labour_is_referred_with_consent() {
            openApp()
            setUpStore()
            screen(support.goldenAnswers("v01_labour_hungarian_man.json"))
            var page = textOnPage(item("summaryPage"))
            verify(item("summaryBand").text.indexOf("REFER") === 0, "the band is refer: " + item("summaryBand").text)
            verify(page.indexOf("National Referral Mechanism") >= 0 || page.indexOf("consent") >= 0,
                   "the NRM or consent step is shown")
            verify(findChild(item("summaryPage"), "step_nrm_referral") !== null, "the NRM referral step")
            verify(page.indexOf("The Salvation Army") >= 0, "the Salvation Army is signposted")
            compare(item("summaryChild").visible, false)
        }

        function test_v03_child_goes_the_child_route() {
            openApp()
            setUpStore()
            screen(support.goldenAnswers("v03_county_lines_boy.json"))
            var page = textOnPage(item("summaryPage"))
            compare(item("summaryChild").visible, true, "treated as a child")
            verify(findChild(item("summaryPage"), "step_child_safeguarding") !== null, "the child safeguarding step")
            verify(page.indexOf("no consent is needed") >= 0, "no consent needed for a child")
        }

        function test_danger_now_is_always_one_click_away() {
            openApp()
            setUpStore()
            click("newScreening")
            tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
            var first = support.screening.question.id
            click("dangerButton")
            tryVerify(function() { return findChild(win.contentItem.parent, "emergencyPage") !== null })
            verify(textOnPage(item("emergencyPage")).indexOf("999") >= 0, "the guidance says 999")
            click("leaveEmergency")
            tryVerify(function() { return findChild(win.contentItem.parent, "questionPage") !== null })
            compare(support.screening.question.id, first, "back at the same question")
        }

        function test_a_wrong_number_is_explained_and_not_saved() {
            // The test pack asks an age as a number from 0 to 120 (the UK pack asks no number).
            openApp(undefined, undefined, undefined, "minimal")
            setUpStore()
            click("newScreening")
            click("answer_no")
            tryCompare(item("saveState"), "text", "Saved")
            click("nextButton")
            compare(support.screening.question.type, "number")
            type("numberField", "999")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return item("problemText").text !== "" })
            compare(item("problemText").text, "Type a number from 0 to 120.")
            compare(item("saveState").text, "")
            compare(support.screening.question.answerKind, "none", "nothing was saved")
            type("numberField", "34")
            keyClick(Qt.Key_Return)
            tryCompare(item("saveState"), "text", "Saved")
            compare(item("problemText").text, "")
        }
    }
}
