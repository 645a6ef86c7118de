package org.amqpexplorer.ui.flowlab;

import java.io.File;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.amqpexplorer.protocol.transport.Transport;

/**
 * The flow-control lab's window content: the scenarios and the alert banner on top, the charts of the chosen
 * session or link beside the sequence diagram of the connection in focus, and below them what the scenario shows
 * and says, step mode, and the alerts. Builds the controls and binds them to a {@link FlowLab}.
 */
public final class FlowLabView {
    /** Below this width the charts go above the diagram instead of beside it. */
    private static final double NARROW = 1000;
    private static final List<String> PERFORMATIVES = List.of("header", "open", "begin", "attach", "flow", "transfer",
            "disposition", "detach", "end", "close", "empty");

    private final FlowLab lab;
    private final Supplier<Window> owner;
    private final BorderPane root = new BorderPane();
    private final Inks inks = new Inks();
    private final ChartsPane charts;
    private final LadderPane ladder;
    private final TabPane below = new TabPane();
    private final Tab stepTab = new Tab("Step mode");
    private final Tab alertsTab = new Tab();
    private File lastFolder;
    /** The span as an object property; kept here, since a bidirectional binding holds it only weakly. */
    private final javafx.beans.property.ObjectProperty<Integer> spanSeconds;

    /** @param owner the window file dialogs belong to */
    public FlowLabView(FlowLab lab, Supplier<Window> owner) {
        this.lab = lab;
        this.owner = owner;
        this.spanSeconds = lab.spanSecondsProperty().asObject();
        this.charts = new ChartsPane(lab, inks);
        this.ladder = new LadderPane(lab, inks);
        root.getStyleClass().add("flow-lab");
        root.getStylesheets().add(FlowLabView.class.getResource("flowlab.css").toExternalForm());
        root.setTop(new VBox(scenarioBar(), alertBanner()));
        SplitPane main = new SplitPane(chartSide(), diagramSide());
        main.setDividerPositions(0.42);
        root.widthProperty().addListener((o, was, now) ->
                main.setOrientation(now.doubleValue() < NARROW ? Orientation.VERTICAL : Orientation.HORIZONTAL));
        SplitPane whole = new SplitPane(main, belowTabs());
        whole.setOrientation(Orientation.VERTICAL);
        whole.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(below, false);
        root.setCenter(new StackPane(inks.node(), whole));
        root.setBottom(statusLine());
    }

    public Parent root() {
        return root;
    }

    // ---- top: scenarios and alerts

    private Node scenarioBar() {
        ComboBox<Scenario> scenario = new ComboBox<>(lab.scenarios());
        scenario.getStyleClass().add("scenario-choice");
        scenario.valueProperty().bindBidirectional(lab.chosenProperty());
        scenario.setConverter(converter(s -> s == null ? "" : (lab.scenarios().indexOf(s) + 1) + ". " + s.title()));
        scenario.disableProperty().bind(lab.runningProperty());
        Button run = new Button("Run");
        run.setId("lab-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(lab.runningProperty());
        run.setTooltip(new Tooltip("Run the scenario against the built-in peer (started on a free local port if needed)"));
        run.setOnAction(e -> {
            lab.runScenario();
            below.getSelectionModel().select(lab.stepThroughProperty().get() ? stepTab : below.getTabs().get(0));
        });
        Button stop = new Button("Stop");
        stop.setId("lab-stop");
        stop.disableProperty().bind(lab.runningProperty().not());
        stop.setOnAction(e -> lab.stopScenario());
        CheckBox step = new CheckBox("Step through");
        step.setId("lab-step-through");
        step.selectedProperty().bindBidirectional(lab.stepThroughProperty());
        step.disableProperty().bind(lab.runningProperty());
        step.setTooltip(new Tooltip("Hold the scenario's incoming frames from the start: release them one at a time "
                + "under Step mode and watch each one's effect"));
        ComboBox<Double> pace = new ComboBox<>();
        pace.getItems().setAll(1.6, 1.0, 0.35);
        pace.setConverter(converter(p -> p == null ? "" : p > 1 ? "Slow" : p < 1 ? "Fast" : "Normal"));
        pace.valueProperty().bindBidirectional(lab.paceProperty());
        pace.disableProperty().bind(lab.runningProperty());
        pace.setTooltip(new Tooltip("How long the scenario pauses between steps"));
        Label peer = new Label();
        peer.getStyleClass().add("lab-note");
        peer.textProperty().bind(lab.peerTextProperty());
        peer.setMinWidth(0);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label title = new Label("Scenario");
        title.getStyleClass().add("lab-section-title");
        for (Region r : List.<Region>of(title, run, stop, step, pace)) r.setMinWidth(Region.USE_PREF_SIZE);
        scenario.setMinWidth(150);
        HBox bar = new HBox(title, scenario, run, stop, step, pace, spring, peer);
        bar.getStyleClass().add("lab-bar");
        return bar;
    }

    private Node alertBanner() {
        Label icon = new Label("⚠");
        icon.getStyleClass().add("alert-headline");
        Label headline = new Label();
        headline.getStyleClass().add("alert-headline");
        headline.setId("alert-headline");
        headline.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label();
        detail.getStyleClass().add("alert-detail");
        detail.setWrapText(true);
        detail.setMinWidth(0);
        HBox.setHgrow(detail, Priority.ALWAYS);
        Hyperlink show = new Hyperlink("Show the frame");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> lab.showAlert(lab.latestAlertProperty().get()));
        Hyperlink all = new Hyperlink();
        all.textProperty().bind(Bindings.format("All alerts (%d)", lab.alertCountProperty()));
        all.setOnAction(e -> below.getSelectionModel().select(alertsTab));
        all.setMinWidth(Region.USE_PREF_SIZE);
        Button dismiss = new Button("✕");
        dismiss.setTooltip(new Tooltip("Hide this alert (the Alerts tab keeps it)"));
        dismiss.setOnAction(e -> lab.dismissAlert());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(icon, headline, detail, show, all, dismiss);
        banner.getStyleClass().add("alert-banner");
        banner.visibleProperty().bind(lab.latestAlertProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        lab.latestAlertProperty().addListener((o, was, a) -> {
            if (a == null) return;
            headline.setText(a.headline());
            detail.setText(a.detail() + (a.engineError() == null ? "; the engine let it pass" : "; then " + a.engineError())
                    + " (" + a.connection() + ").");
            Tooltip.install(banner, new Tooltip(a.rule().statement()));
        });
        return banner;
    }

    // ---- the middle: charts and the diagram

    private Node chartSide() {
        ComboBox<LabConnection> connection = new ComboBox<>(lab.connections());
        connection.setId("lab-connection");
        connection.valueProperty().bindBidirectional(lab.focusProperty());
        connection.setMaxWidth(Double.MAX_VALUE);
        connection.setMinWidth(120);
        HBox.setHgrow(connection, Priority.ALWAYS);
        Label connectionLabel = new Label("Connection");
        connectionLabel.getStyleClass().add("lab-section-title");
        connectionLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(connectionLabel, connection);
        top.getStyleClass().add("lab-bar");

        ComboBox<Entity> entity = new ComboBox<>();
        entity.setId("lab-chart-entity");
        entity.setMaxWidth(Double.MAX_VALUE);
        entity.setMinWidth(100);
        HBox.setHgrow(entity, Priority.ALWAYS);
        entity.valueProperty().bindBidirectional(lab.chartEntityProperty());
        lab.focusProperty().addListener((o, was, now) -> entity.setItems(now == null ? null : now.entities()));
        if (lab.focusProperty().get() != null) entity.setItems(lab.focusProperty().get().entities());
        entity.setCellFactory(v -> new EntityCell());
        entity.setButtonCell(new EntityCell());
        entity.setPromptText("Session or link to chart");
        ComboBox<Integer> span = new ComboBox<>();
        span.getItems().setAll(FlowLab.SPANS);
        span.setConverter(converter(s -> s == null ? "" : s < 60 ? s + " s" : s / 60 + " min"));
        span.valueProperty().bindBidirectional(spanSeconds);
        span.setTooltip(new Tooltip("How much time the charts span (the mouse wheel zooms too)"));
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("lab-chart-pause");
        pause.selectedProperty().bindBidirectional(lab.chartsPausedProperty());
        pause.textProperty().bind(Bindings.when(pause.selectedProperty()).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Stop the charts following time (samples are still kept); drag to look back"));
        span.setMinWidth(Region.USE_PREF_SIZE);
        pause.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(entity, span, pause);
        controls.getStyleClass().add("lab-bar");

        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        chartScroll.setFitToHeight(true);
        chartScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        StackPane box = new StackPane(chartScroll);
        box.getStyleClass().add("lab-canvas-box");
        VBox.setVgrow(box, Priority.ALWAYS);
        VBox side = new VBox(top, controls, box);
        side.setMinWidth(260);
        side.setMinHeight(160);
        return side;
    }

    private Node diagramSide() {
        ComboBox<Integer> session = new ComboBox<>(lab.sessionChoices());
        session.setPromptText("All sessions");
        session.setConverter(converter(s -> s == null ? "All sessions" : "Session " + s));
        session.valueProperty().bindBidirectional(lab.sessionFilterProperty());
        ComboBox<LadderFilter.LinkChoice> link = new ComboBox<>(lab.linkChoices());
        link.setPromptText("All links");
        link.setConverter(converter(l -> l == null ? "All links" : l.toString()));
        link.valueProperty().bindBidirectional(lab.linkFilterProperty());
        ComboBox<String> performative = new ComboBox<>();
        performative.getItems().setAll(PERFORMATIVES);
        performative.setPromptText("All frames");
        performative.valueProperty().bindBidirectional(lab.performativeFilterProperty());
        TextField text = new TextField();
        text.setId("lab-ladder-search");
        text.setPromptText("Search labels and effects");
        text.textProperty().bindBidirectional(lab.textFilterProperty());
        text.setPrefColumnCount(12);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Show every frame again"));
        clear.setOnAction(e -> {
            session.setValue(null);
            link.setValue(null);
            performative.setValue(null);
            text.clear();
        });
        MenuItem png = new MenuItem("PNG of the frames in view…");
        png.setOnAction(e -> export("png", false));
        MenuItem svg = new MenuItem("SVG of the frames in view…");
        svg.setOnAction(e -> export("svg", false));
        MenuItem svgAll = new MenuItem("SVG of every frame the filter shows…");
        svgAll.setOnAction(e -> export("svg", true));
        MenuButton export = new MenuButton("Export", null, png, svg, svgAll);
        export.setId("lab-export");
        HBox filters = new HBox(session, link, performative, text, clear, export);
        filters.getStyleClass().add("lab-bar");
        session.setPrefWidth(130);
        link.setPrefWidth(170);
        performative.setPrefWidth(120);
        for (Region r : List.<Region>of(session, link, performative)) r.setMinWidth(70);
        text.setMinWidth(60);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);

        StackPane box = new StackPane(ladder);
        box.getStyleClass().add("lab-canvas-box");
        VBox.setVgrow(box, Priority.ALWAYS);
        VBox side = new VBox(filters, box);
        side.setMinWidth(300);
        side.setMinHeight(160);
        return side;
    }

    private void export(String kind, boolean all) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sequence diagram");
        chooser.setInitialFileName("sequence-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "." + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT) + " picture", "*." + kind));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) return;
        lastFolder = file.getParentFile();
        try {
            if (kind.equals("png")) ladder.exportPng(file.toPath());
            else ladder.exportSvg(file.toPath(), all);
            lab.note("Exported the sequence diagram to " + file + ".");
        } catch (IOException e) {
            lab.note("Could not write " + file + ": " + e.getMessage());
        }
    }

    // ---- below: what to watch, step mode, alerts

    private Node belowTabs() {
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.getTabs().addAll(scenarioTab(), stepTab(), alertsTab());
        below.setMinHeight(120);
        return below;
    }

    private Tab scenarioTab() {
        Label explanation = new Label();
        explanation.getStyleClass().add("explanation");
        explanation.setId("lab-explanation");
        explanation.textProperty().bind(Bindings.createStringBinding(() -> {
            Scenario s = lab.chosenProperty().get();
            return s == null ? "" : s.explanation();
        }, lab.chosenProperty()));
        explanation.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(explanation);
        scroll.setFitToWidth(true);
        ListView<String> narration = new ListView<>(lab.narration());
        narration.getStyleClass().add("narration");
        narration.setId("lab-narration");
        narration.setPlaceholder(new Label("What the scenario does appears here as it runs."));
        lab.narration().addListener((ListChangeListener<String>) c ->
                // after the list view has taken the change in
                Platform.runLater(() -> {
                    if (!lab.narration().isEmpty()) narration.scrollTo(lab.narration().size() - 1);
                }));
        SplitPane split = new SplitPane(scroll, narration);
        split.setDividerPositions(0.58);
        Tab tab = new Tab("What to watch", split);
        return tab;
    }

    private Tab stepTab() {
        ToggleButton holdIn = new ToggleButton("Hold incoming");
        holdIn.setId("lab-hold-incoming");
        holdIn.setOnAction(e -> lab.hold(Transport.Direction.INCOMING, holdIn.isSelected()));
        lab.holdingIncomingProperty().addListener((o, was, now) -> holdIn.setSelected(now));
        Button oneIn = new Button("Release one ←");
        oneIn.setId("lab-release-one-incoming");
        oneIn.setOnAction(e -> lab.releaseOne(Transport.Direction.INCOMING));
        oneIn.disableProperty().bind(lab.heldIncomingProperty().isEqualTo(0));
        Button allIn = new Button("Release all ←");
        allIn.setOnAction(e -> lab.releaseAll(Transport.Direction.INCOMING));
        allIn.disableProperty().bind(lab.heldIncomingProperty().isEqualTo(0));
        ToggleButton holdOut = new ToggleButton("Hold outgoing");
        holdOut.setId("lab-hold-outgoing");
        holdOut.setOnAction(e -> lab.hold(Transport.Direction.OUTGOING, holdOut.isSelected()));
        lab.holdingOutgoingProperty().addListener((o, was, now) -> holdOut.setSelected(now));
        Button oneOut = new Button("Release one →");
        oneOut.setId("lab-release-one-outgoing");
        oneOut.setOnAction(e -> lab.releaseOne(Transport.Direction.OUTGOING));
        oneOut.disableProperty().bind(lab.heldOutgoingProperty().isEqualTo(0));
        Button allOut = new Button("Release all →");
        allOut.setOnAction(e -> lab.releaseAll(Transport.Direction.OUTGOING));
        allOut.disableProperty().bind(lab.heldOutgoingProperty().isEqualTo(0));
        for (Node n : List.of(holdIn, holdOut)) ((ToggleButton) n).disableProperty().bind(lab.steppableProperty().not());
        Label count = new Label();
        count.getStyleClass().add("step-count");
        count.setId("lab-held-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> !lab.steppableProperty().get()
                        ? "Step mode works on the lab's own connections (run a scenario)."
                        : lab.heldIncomingProperty().get() + " incoming, " + lab.heldOutgoingProperty().get() + " outgoing held",
                lab.steppableProperty(), lab.heldIncomingProperty(), lab.heldOutgoingProperty()));
        HBox buttons = new HBox(8, holdIn, oneIn, allIn, new Separator(Orientation.VERTICAL), holdOut, oneOut, allOut,
                new Separator(Orientation.VERTICAL), count);
        buttons.getStyleClass().add("lab-bar");

        ListView<HeldFrame> held = new ListView<>(lab.heldFrames());
        held.getStyleClass().add("held-list");
        held.setId("lab-held-frames");
        held.setPlaceholder(new Label("Nothing is held."));
        held.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HeldFrame f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : (f.incoming() ? "← " : "→ ") + f.position() + ". " + f.summary());
            }
        });
        ListView<LadderEntry> recent = new ListView<>(lab.recentFrames());
        recent.getStyleClass().add("recent-list");
        recent.setId("lab-recent-frames");
        recent.setPlaceholder(new Label("Each frame's effect on windows and credit shows here."));
        recent.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LadderEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : (e.sent() ? "→ " : "← ") + e.label()
                        + (e.effect().isEmpty() ? "" : "   ⇒ " + e.effect()));
            }
        });
        Label heldTitle = new Label("Held, next first");
        heldTitle.getStyleClass().add("lab-section-title");
        Label recentTitle = new Label("Latest frames and their effect here");
        recentTitle.getStyleClass().add("lab-section-title");
        VBox left = new VBox(4, heldTitle, held);
        VBox right = new VBox(4, recentTitle, recent);
        VBox.setVgrow(held, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.ALWAYS);
        left.setPadding(new Insets(4, 6, 4, 6));
        right.setPadding(new Insets(4, 6, 4, 6));
        SplitPane lists = new SplitPane(left, right);
        VBox.setVgrow(lists, Priority.ALWAYS);
        stepTab.setContent(new VBox(buttons, lists));
        return stepTab;
    }

    private Tab alertsTab() {
        alertsTab.textProperty().bind(Bindings.format("Alerts (%d)", lab.alertCountProperty()));
        ListView<SpecAlert> list = new ListView<>(lab.alerts());
        list.getStyleClass().add("alert-list");
        list.setId("lab-alerts");
        list.setPlaceholder(new Label("No rule broken so far. Scenario 6 shows what an alert looks like."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SpecAlert a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : "⚠ " + a.headline() + " — " + a.detail()
                        + (a.engineError() == null ? "" : " · " + a.engineError()) + " · " + a.connection());
                setTooltip(empty || a == null ? null : new Tooltip(a.rule().statement()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) lab.showAlert(list.getSelectionModel().getSelectedItem());
        });
        Button show = new Button("Show the frame");
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> lab.showAlert(list.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear alerts");
        clear.setOnAction(e -> lab.clearAlerts());
        HBox buttons = new HBox(8, show, clear);
        buttons.getStyleClass().add("lab-bar");
        VBox.setVgrow(list, Priority.ALWAYS);
        alertsTab.setContent(new VBox(buttons, list));
        return alertsTab;
    }

    private Node statusLine() {
        Label status = new Label();
        status.getStyleClass().add("lab-note");
        status.setId("lab-status");
        status.textProperty().bind(lab.statusProperty());
        status.setPadding(new Insets(2, 10, 2, 10));
        status.setMinWidth(0);
        return status;
    }

    /** A session or link by its title, which changes as it is attached and closed. */
    private static final class EntityCell extends ListCell<Entity> {
        @Override
        protected void updateItem(Entity item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) setText(null);
            else textProperty().bind(item.titleProperty());
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
