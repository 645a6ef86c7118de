package org.amqpexplorer.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The place of the live tree of connections, sessions and links, until that tree exists: it says plainly what
 * will be shown here and that there is nothing yet. Shows no invented connections.
 */
final class ConnectionsPlaceholder extends VBox {

    ConnectionsPlaceholder() {
        getStyleClass().add("connections-pane");
        Label title = new Label("Connections");
        title.getStyleClass().add("pane-title");
        Label empty = new Label("No connections yet.");
        empty.getStyleClass().add("empty-state-title");
        Label explanation = new Label("Each open connection will appear here as a tree: its sessions, and under "
                + "each session its links, with their state as frames go by.");
        explanation.getStyleClass().add("empty-state");
        explanation.setWrapText(true);
        VBox message = new VBox(6, empty, explanation);
        message.setAlignment(Pos.TOP_LEFT);
        message.getStyleClass().add("empty-state-box");
        getChildren().addAll(title, message);
        setSpacing(8);
        setMinWidth(0);
    }
}
