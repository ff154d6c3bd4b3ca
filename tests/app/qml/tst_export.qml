import QtQuick
import QtTest
import Waymark

// Export from the summary: a PDF where asked, never over an existing file without asking, and a
// drafted paragraph copied for the online form.
Item {
    width: 400
    height: 300

    AppTestCase {
        name: "Export"

        function test_export_pdf_refuses_to_overwrite_and_copies_a_draft() {
            openApp()
            setUpStore()
            screen(support.goldenAnswers("v01_labour_hungarian_man.json"))
            click("exportCase")
            tryVerify(function() { return item("exportDialog").opened })
            var folder = support.tempFolder()
            type("exportFolder", folder)
            keyClick(Qt.Key_Return)
            compare(support.exporter.folder, folder)
            click("exportButton")
            tryVerify(function() { return item("exportResult").text !== "" || item("exportError").text !== "" })
            compare(item("exportError").text, "")
            var file = folder + "/" + support.screening.caseReference + "-full.pdf"
            verify(item("exportResult").text.indexOf(file) >= 0, item("exportResult").text)
            verify(support.fileExists(file), "the PDF is there")
            compare(support.fileStart(file).substring(0, 5), "%PDF-")

            click("exportButton")  // the same again: refused, and the page offers to replace it
            tryVerify(function() { return item("exportError").text !== "" })
            verify(item("exportReplace").visible, "Replace is offered")
            click("exportReplace")
            tryVerify(function() { return item("exportResult").text !== "" })

            verify(support.exporter.drafts.length > 0, "drafted paragraphs are offered")
            click("copyDraft_0")
            compare(support.clipboardText(), support.exporter.drafts[0].text)
        }

        function test_a_missing_folder_is_a_clear_error() {
            openApp()
            setUpStore()
            screen(support.goldenAnswers("v03_county_lines_boy.json"))
            click("exportCase")
            tryVerify(function() { return item("exportDialog").opened })
            type("exportFolder", support.tempFolder() + "/no/such/folder")
            keyClick(Qt.Key_Return)
            click("exportButton")
            tryVerify(function() { return item("exportError").text !== "" })
            compare(item("exportResult").text, "")
        }
    }
}
