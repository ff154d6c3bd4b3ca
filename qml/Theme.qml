pragma Singleton
import QtQuick

// Colours and sizes in one place. Sizes follow the system font, so a larger system font gives a
// larger app.
QtObject {
    // The system font's size in pixels (set in points on most desktops: 1 pt = 4/3 px at 96 dpi).
    readonly property real unit: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize
                                 : Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize * 4 / 3 : 14
    readonly property real spacing: unit * 0.75
    readonly property real margin: unit * 1.25
    readonly property real targetHeight: unit * 3.2   // large, easy targets
    readonly property real bodySize: unit * 1.15
    readonly property real questionSize: unit * 1.6
    readonly property real headingSize: unit * 1.35
    readonly property real smallSize: unit * 0.95

    readonly property color page: "#f6f7f9"
    readonly property color card: "#ffffff"
    readonly property color text: "#1b1f24"
    readonly property color muted: "#4f5965"
    readonly property color border: "#c9ced6"
    readonly property color accent: "#1f5fa8"
    readonly property color accentSoft: "#e4eefa"
    readonly property color chosen: "#1f5fa8"
    readonly property color danger: "#b3261e"
    readonly property color dangerSoft: "#fbe9e7"
    readonly property color ok: "#1e7a3c"
    readonly property color warn: "#8a5a00"
    readonly property color warnSoft: "#fff4d6"
    readonly property color header: "#15314f"

    function statusColour(status) {
        switch (status) {
        case "present": return ok
        case "partial": return warn
        case "absent": return muted
        case "not_required": return muted
        default: return muted
        }
    }
    function statusWords(status) {
        switch (status) {
        case "present": return qsTr("present")
        case "partial": return qsTr("partly shown")
        case "absent": return qsTr("not shown")
        case "not_required": return qsTr("not needed (child)")
        case "unknown": return qsTr("not known yet")
        default: return status
        }
    }
}
