import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waymark

// The bar over every unlocked page: who is signed in, the case, and the two actions that must always
// be in reach: Danger now and Lock (quick exit).
ToolBar {
    id: bar
    required property AccessController access
    required property ScreeningController screening
    signal helpRequested()

    background: Rectangle { color: Theme.header }
    implicitHeight: Theme.targetHeight + Theme.spacing

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        Label {
            text: "Waymark"
            color: "white"
            font.bold: true
            font.pixelSize: Theme.headingSize
        }
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: "#d6e2f0"
            text: bar.screening.active ? qsTr("Case %1").arg(bar.screening.caseReference)
                                       : qsTr("Signed in as %1").arg(bar.access.userName)
        }
        BigButton {
            objectName: "dangerButton"
            visible: bar.screening.active
            tone: "danger"
            text: qsTr("Danger now")
            Accessible.description: qsTr("Shows what to do at once if someone is in danger")
            onClicked: bar.screening.showEmergency()
        }
        BigButton {
            objectName: "helpButton"
            text: qsTr("Help")
            onClicked: bar.helpRequested()
        }
        BigButton {
            objectName: "lockButton"
            text: qsTr("Lock (Ctrl+L)")
            Accessible.name: qsTr("Lock now and hide the case")
            onClicked: bar.access.quickExit()
        }
    }
}
