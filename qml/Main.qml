import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The window: shows the page that fits the state of the lock and of the screening. While the store is
// locked no case page exists at all, so nothing of a case can be seen or read by a screen reader.
ApplicationWindow {
    id: window
    required property AccessController access
    required property CaseListModel cases
    required property ScreeningController screening
    required property ExportController exporter
    required property ReviewController review
    required property AuditController audit
    required property StatisticsController statistics
    required property RetentionController retention

    width: 1024
    height: 700
    minimumWidth: 640
    minimumHeight: 480
    visible: true
    title: access.state === AccessController.Unlocked && screening.active
           ? qsTr("Waymark - case %1").arg(screening.caseReference)
           : access.state === AccessController.Unlocked && review.active
           ? qsTr("Waymark - review %1").arg(review.caseInfo.reference) : qsTr("Waymark")
    color: Theme.page
    font.pixelSize: Theme.bodySize

    readonly property bool unlocked: access.state === AccessController.Unlocked

    // Quick exit: hides every case and locks at once, from anywhere.
    Shortcut {
        sequences: ["Ctrl+L", "Ctrl+Shift+X"]
        context: Qt.ApplicationShortcut
        onActivated: window.access.quickExit()
    }
    Shortcut {
        sequence: "F1"
        context: Qt.ApplicationShortcut
        onActivated: help.open()
    }

    header: AppHeader {
        visible: window.unlocked
        access: window.access
        screening: window.screening
        onHelpRequested: help.open()
    }

    Loader {
        id: page
        objectName: "pageLoader"
        anchors.fill: parent
        focus: true  // a loader is a focus scope: the page inside gets the keyboard
        sourceComponent: {
            if (window.access.state === AccessController.NeedsSetup) return setupPage
            if (window.access.recoveryCode !== "") return recoveryPage
            if (!window.unlocked) return unlockPage
            if (!window.screening.active && window.review.active) return reviewPage
            if (!window.screening.active) return deskPage
            if (window.screening.view === "emergency") return emergencyPage
            if (window.screening.view === "summary") return summaryPage
            return questionPage
        }
    }

    Component { id: setupPage; SetupPage { access: window.access } }
    Component { id: recoveryPage; RecoveryCodePage { access: window.access } }
    Component { id: unlockPage; UnlockPage { access: window.access } }
    Component {
        id: deskPage
        DeskPage {
            access: window.access
            cases: window.cases
            screening: window.screening
            review: window.review
            audit: window.audit
            statistics: window.statistics
            retention: window.retention
        }
    }
    Component { id: reviewPage; ReviewPage { review: window.review } }
    Component { id: questionPage; QuestionPage { screening: window.screening } }
    Component {
        id: summaryPage
        SummaryPage {
            screening: window.screening
            canExport: window.exporter.allowed
            onExportRequested: exportDialog.open()
        }
    }
    Component { id: emergencyPage; EmergencyPage { screening: window.screening } }

    ExportDialog {
        id: exportDialog
        exporter: window.exporter
    }

    HelpPage {
        id: help
        autolockMinutes: window.access.autolockMinutes
    }
}
