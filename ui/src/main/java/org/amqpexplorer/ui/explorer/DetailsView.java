package org.amqpexplorer.ui.explorer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.SessionWindowChanged;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * Everything known about the selected entity: every negotiated field with ours and the peer's side by side, the
 * flow state as gauges with a plain-words diagnosis, the state history and the error that closed it. Live: it
 * follows the entity's changes.
 */
public final class DetailsView extends ScrollPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final VBox content = new VBox(4);
    private ExplorerNode shown;
    private final InvalidationListener refresh = o -> render();
    private List<Observable> watched = List.of();

    public DetailsView() {
        getStyleClass().add("details");
        getStylesheets().add(DetailsView.class.getResource("explorer.css").toExternalForm());
        content.setPadding(new Insets(8));
        setContent(content);
        setFitToWidth(true);
        show(null);
    }

    /** Shows {@code node} (null: an explanation of what this pane is for). */
    public void show(ExplorerNode node) {
        for (Observable o : watched) o.removeListener(refresh);
        shown = node;
        watched = node == null ? List.of() : observed(node);
        for (Observable o : watched) o.addListener(refresh);
        render();
    }

    private static List<Observable> observed(ExplorerNode n) {
        return switch (n) {
            case ConnectionNode c -> List.of(c.stateProperty(), c.errorProperty(), c.localOpenProperty(), c.remoteOpenProperty(),
                    c.transportProperty(), c.failureProperty());
            case SessionNode s -> List.of(s.stateProperty(), s.errorProperty(), s.localBeginProperty(), s.remoteBeginProperty(), s.windowProperty());
            case LinkNode l -> List.of(l.stateProperty(), l.errorProperty(), l.localAttachProperty(), l.remoteAttachProperty(),
                    l.localFlowProperty(), l.remoteFlowProperty(), l.unsettledCountProperty(), l.session().windowProperty());
            case DeliveryNode d -> List.of(d.summaryProperty(), d.deliveryIdProperty());
        };
    }

    private void render() {
        content.getChildren().clear();
        ExplorerNode n = shown;
        if (n == null) {
            Label hint = new Label("Select a connection, session, link or delivery in the tree to see every field "
                    + "both ends negotiated, its flow state and its history.");
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        Label title = new Label(n.title());
        title.getStyleClass().add("section-title");
        content.getChildren().add(title);
        ErrorCondition error = n.errorProperty().get();
        if (error != null) content.getChildren().add(errorLabel(error));
        switch (n) {
            case ConnectionNode c -> connection(c);
            case SessionNode s -> session(s);
            case LinkNode l -> link(l);
            case DeliveryNode d -> delivery(d);
        }
        if (!(n instanceof DeliveryNode)) history(n);
    }

    private void connection(ConnectionNode c) {
        if (c.failureProperty().get() != null) content.getChildren().add(diagnosis(c.failureProperty().get()));
        if (!c.transportProperty().get().isEmpty()) content.getChildren().add(new Label("Transport: " + c.transportProperty().get()));
        compare("open", c.localOpenProperty().get(), c.remoteOpenProperty().get());
    }

    private void session(SessionNode s) {
        SessionWindowChanged w = s.windowProperty().get();
        if (w != null) {
            section("Session flow control (2.5.6)");
            Begin ours = s.localBeginProperty().get();
            Begin theirs = s.remoteBeginProperty().get();
            GridPane g = grid();
            gauge(g, 0, "incoming-window (ours)", w.incomingWindow(), ours == null ? 0 : ours.incomingWindow());
            gauge(g, 1, "outgoing-window (ours)", w.outgoingWindow(), ours == null ? 0 : ours.outgoingWindow());
            gauge(g, 2, "incoming-window (peer's)", w.remoteIncomingWindow(), theirs == null ? 0 : theirs.incomingWindow());
            gauge(g, 3, "outgoing-window (peer's)", w.remoteOutgoingWindow(), theirs == null ? 0 : theirs.outgoingWindow());
            row(g, 4, "next-incoming-id", String.valueOf(w.nextIncomingId()));
            row(g, 5, "next-outgoing-id", String.valueOf(w.nextOutgoingId()));
            content.getChildren().add(g);
        }
        compare("begin", s.localBeginProperty().get(), s.remoteBeginProperty().get());
    }

    private void link(LinkNode l) {
        List<String> reasons = FlowDiagnosis.of(l);
        for (String r : reasons) content.getChildren().add(diagnosis(r));
        section("Link flow control (2.6.7)");
        GridPane g = grid();
        FlowState ours = l.localFlowProperty().get();
        FlowState theirs = l.remoteFlowProperty().get();
        g.addRow(0, header("field"), header("ours"), header("peer's"));
        g.addRow(1, new Label("link-credit"), value(ours == null ? "0" : known(ours.linkCredit())), value(theirs == null ? "—" : known(theirs.linkCredit())));
        g.addRow(2, new Label("delivery-count"), value(ours == null ? "—" : known(ours.deliveryCount())), value(theirs == null ? "—" : known(theirs.deliveryCount())));
        g.addRow(3, new Label("available"), value(ours == null ? "—" : known(ours.available())), value(theirs == null ? "—" : known(theirs.available())));
        g.addRow(4, new Label("drain"), value(ours == null ? "false" : String.valueOf(ours.drain())), value(theirs == null ? "—" : String.valueOf(theirs.drain())));
        g.addRow(5, new Label("unsettled here"), value(String.valueOf(l.unsettledCountProperty().get())), new Label(""));
        content.getChildren().add(g);
        Attach a = l.localAttachProperty().get();
        Attach b = l.remoteAttachProperty().get();
        compare("attach", a, b);
        compareNested("source", a == null ? null : a.source(), b == null ? null : b.source());
        compareNested("target", a == null ? null : a.target(), b == null ? null : b.target());
    }

    private void delivery(DeliveryNode d) {
        GridPane g = grid();
        row(g, 0, "delivery-id", d.deliveryIdProperty().get() < 0 ? "not sent yet" : String.valueOf(d.deliveryIdProperty().get()));
        row(g, 1, "delivery-tag", FieldText.plain(d.tag()));
        row(g, 2, "payload", d.sizeProperty().get() + " bytes");
        row(g, 3, "state", FieldText.plain(d.deliveryStateProperty().get()));
        row(g, 4, "settled here", String.valueOf(d.settledHereProperty().get()));
        row(g, 5, "settled by peer", String.valueOf(d.settledThereProperty().get()));
        row(g, 6, "created", TIME.format(Instant.ofEpochMilli(d.createdAt())));
        content.getChildren().add(g);
    }

    private void history(ExplorerNode n) {
        if (n.history().isEmpty()) return;
        section("State history");
        GridPane g = grid();
        int r = 0;
        for (ExplorerNode.StateChange c : n.history()) {
            row(g, r++, TIME.format(Instant.ofEpochMilli(c.timestamp())),
                    c.state().name().toLowerCase().replace('_', ' ') + (c.error() == null ? "" : " (" + c.error().condition() + ")"));
        }
        content.getChildren().add(g);
    }

    private void compare(String name, Composite ours, Composite theirs) {
        if (ours == null && theirs == null) return;
        section(name + ": ours and the peer's");
        GridPane g = grid();
        g.addRow(0, header("field"), header("ours"), header("peer's"));
        int r = 1;
        for (FieldText.Row row : FieldText.compare(CompositeTypes.bySymbol("amqp:" + name + ":list"), ours, theirs)) {
            Label field = new Label(row.field());
            Label a = value(row.ours());
            Label b = value(row.theirs());
            if (row.differs()) {
                a.getStyleClass().add("differs");
                b.getStyleClass().add("differs");
            }
            g.addRow(r++, field, a, b);
        }
        content.getChildren().add(g);
    }

    private void compareNested(String name, Object ours, Object theirs) {
        Composite a = ours instanceof Composite c ? c : null;
        Composite b = theirs instanceof Composite c ? c : null;
        if (a == null && b == null) return;
        Composite any = a != null ? a : b;
        if (a != null && b != null && a.getClass() != b.getClass()) {
            section(name + ": ours " + a.compositeType().name() + ", peer's " + b.compositeType().name());
            return;
        }
        String symbol = any.compositeType().descriptorSymbol();
        section(name + " (" + any.compositeType().name() + "): ours and the peer's");
        GridPane g = grid();
        int r = 0;
        for (FieldText.Row row : FieldText.compare(CompositeTypes.bySymbol(symbol), a, b)) {
            g.addRow(r++, new Label(row.field()), value(row.ours()), value(row.theirs()));
        }
        content.getChildren().add(g);
    }

    private void section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        content.getChildren().add(l);
    }

    /** Engine figures are -1 while not known (e.g. a flow that left the field out). */
    private static String known(long v) {
        return v < 0 ? "—" : String.valueOf(v);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        return g;
    }

    private static void row(GridPane g, int r, String name, String value) {
        g.addRow(r, new Label(name), value(value));
    }

    private static void gauge(GridPane g, int r, String name, long value, long initial) {
        ProgressBar bar = new ProgressBar(initial <= 0 ? 0 : Math.min(1.0, (double) value / initial));
        bar.setPrefWidth(140);
        bar.setTooltip(new Tooltip(value + " of the " + initial + " announced in begin"));
        g.addRow(r, new Label(name), value(String.valueOf(value)), bar);
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label value(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMaxWidth(360);
        return l;
    }

    private static Label errorLabel(ErrorCondition e) {
        return diagnosis("error " + e.condition() + (e.description() == null ? "" : ": " + e.description()));
    }

    private static Label diagnosis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("diagnosis");
        l.setWrapText(true);
        return l;
    }

    /** The entity shown, for tests. */
    ExplorerNode shown() {
        return shown;
    }
}
