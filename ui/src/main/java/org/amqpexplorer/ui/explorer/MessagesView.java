package org.amqpexplorer.ui.explorer;

import java.text.SimpleDateFormat;
import java.util.Date;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.ui.composer.MessageViewerView;
import org.amqpexplorer.ui.composer.MessageViewerViewModel;

/**
 * The messages a receiver link took in (select the link in the tree), newest last, and the selected one in the
 * message viewer. A receiver can accept what arrives at once, or leave it unsettled for the tree's actions.
 */
public final class MessagesView extends VBox {
    private final ObjectProperty<LinkNode> link = new SimpleObjectProperty<>();
    private final ListView<ReceivedMessage> list = new ListView<>();
    private final MessageViewerViewModel viewer = new MessageViewerViewModel();
    private final Label heading = new Label();
    private final CheckBox autoAccept = new CheckBox("Accept messages as they arrive");

    public MessagesView(LiveConnections live) {
        setSpacing(6);
        setPadding(new Insets(6));
        heading.getStyleClass().add("section-title");
        autoAccept.setOnAction(e -> {
            if (link.get() != null) live.autoAccept(link.get(), autoAccept.isSelected());
        });
        list.setPlaceholder(new Label("Select a receiver link in the tree to see the messages it took in."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReceivedMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : describe(m));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m == null) viewer.clear();
            else if (m.message() != null) viewer.show(m.message(), m.payload(), "delivery " + m.deliveryId());
            else viewer.show(m.payload(), "delivery " + m.deliveryId());
        });
        link.addListener((o, was, now) -> {
            list.setItems(now == null ? javafx.collections.FXCollections.observableArrayList() : now.received());
            heading.setText(now == null ? "No receiver selected" : "Received on " + now.title());
            autoAccept.setDisable(now == null);
            autoAccept.setSelected(now != null && live.isAutoAccept(now));
            viewer.clear();
        });
        heading.setText("No receiver selected");
        autoAccept.setDisable(true);
        SplitPane split = new SplitPane(list, new MessageViewerView(viewer));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        HBox top = new HBox(12, heading, autoAccept);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    /** The receiver whose messages are shown (a sender or null shows none). */
    public ObjectProperty<LinkNode> linkProperty() {
        return link;
    }

    public MessageViewerViewModel viewer() {
        return viewer;
    }

    private static String describe(ReceivedMessage m) {
        String time = new SimpleDateFormat("HH:mm:ss.SSS").format(new Date(m.receivedAt()));
        String what;
        if (m.message() == null) {
            what = m.problem();
        } else {
            Body b = m.message().body();
            what = switch (b) {
                case null -> "no body";
                case Body.ValueBody v -> "amqp-value " + org.amqpexplorer.protocol.json.TypedJson.write(v.section().value());
                case Body.DataBody d -> d.sections().size() + " data section(s)";
                case Body.SequenceBody s -> s.sections().size() + " amqp-sequence section(s)";
            };
        }
        if (what.length() > 120) what = what.substring(0, 119) + "…";
        return time + "  #" + m.deliveryId() + "  " + m.payload().length + " bytes  " + what;
    }

    /** The message on show, for tests. */
    Message shown() {
        ReceivedMessage m = list.getSelectionModel().getSelectedItem();
        return m == null ? null : m.message();
    }
}
