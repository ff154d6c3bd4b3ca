import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// What an unlocked user works from, by role: a supervisor's review queue, every case, the audit trail
// and the figures; a caseworker's cases submitted to them; a responder's own cases.
Item {
    id: root
    required property AccessController access
    required property CaseListModel cases
    required property ScreeningController screening
    required property ReviewController review
    required property AuditController audit
    required property StatisticsController statistics
    required property RetentionController retention
    objectName: "deskPage"

    // [{key, label}] in the order of the tabs; lists share the one case model (its scope changes).
    readonly property var tabs: {
        var t = []
        if (access.isSupervisor) t.push({ key: "queue", label: qsTr("Review queue") })
        if (access.isCaseworker) t.push({ key: "submitted", label: qsTr("Submitted to me") })
        if (access.isSupervisor || access.isResponder)
            t.push({ key: "all", label: access.isSupervisor ? qsTr("All cases") : qsTr("My cases") })
        if (access.isSupervisor) t.push({ key: "audit", label: qsTr("Audit trail") })
        if (access.isSupervisor) t.push({ key: "figures", label: qsTr("Figures") })
        return t
    }
    readonly property string current: bar.currentIndex >= 0 && bar.currentIndex < tabs.length ? tabs[bar.currentIndex].key : ""

    function select(key) {
        for (var i = 0; i < tabs.length; ++i)
            if (tabs[i].key === key) bar.currentIndex = i
    }
    Component.onCompleted: select(cases.scope)
    // The list's scope is set for each user at unlock, perhaps after this page was made: the tab follows.
    Connections {
        target: root.cases
        function onFilterChanged() { root.select(root.cases.scope) }
    }
    onCurrentChanged: {
        if (current === "queue" || current === "submitted" || current === "all") cases.scope = current
        else if (current === "audit") audit.refresh()
        else if (current === "figures") { statistics.refresh(); retention.refresh() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        TabBar {
            id: bar
            objectName: "deskTabs"
            visible: root.tabs.length > 1
            Layout.fillWidth: true
            Repeater {
                model: root.tabs
                delegate: TabButton {
                    required property var modelData
                    objectName: "tab_" + modelData.key
                    text: modelData.label
                    font.pixelSize: Theme.bodySize
                    implicitHeight: Theme.targetHeight
                }
            }
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: root.current === "audit" ? auditPage : root.current === "figures" ? figuresPage : listPage
        }
    }

    Component {
        id: listPage
        CaseListPage {
            cases: root.cases
            screening: root.screening
            review: root.review
            access: root.access
            title: root.current === "queue" ? qsTr("Cases waiting for review")
                 : root.current === "submitted" ? qsTr("Cases submitted to you")
                 : root.access.isSupervisor ? qsTr("All cases") : qsTr("Your cases")
            hint: root.current === "queue" ? qsTr("Longest waiting first. Open a case to review it: return it with a reason, approve it or close it.")
                : root.current === "submitted" ? qsTr("Open a case to read its summary and export the referral.")
                : root.access.isSupervisor ? "" : qsTr("A returned case shows your supervisor's reason at the top when you open it.")
        }
    }
    Component { id: auditPage; AuditPage { audit: root.audit } }
    Component { id: figuresPage; FiguresPage { statistics: root.statistics; retention: root.retention } }
}
