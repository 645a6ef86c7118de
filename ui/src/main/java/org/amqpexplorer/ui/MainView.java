package org.amqpexplorer.ui;

import java.io.File;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import org.amqpexplorer.ui.settings.ConfigFolder;
import org.amqpexplorer.ui.connect.ConnectDialog;
import org.amqpexplorer.ui.connect.ProfileStore;
import org.amqpexplorer.ui.explorer.ConnectionsPane;
import org.amqpexplorer.ui.flowlab.FlowLabView;
import org.amqpexplorer.ui.explorer.DeliveryNode;
import org.amqpexplorer.ui.explorer.ExplorerNode;
import org.amqpexplorer.ui.explorer.LinkNode;
import org.amqpexplorer.ui.explorer.MessagesView;
import org.amqpexplorer.ui.composer.ComposerView;
import org.amqpexplorer.ui.composer.ComposerViewModel;
import org.amqpexplorer.ui.composer.TemplateStore;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.types.Role;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.controlsfx.control.NotificationPane;

import org.amqpexplorer.ui.trace.TraceView;
import org.amqpexplorer.ui.trace.TraceViewModel;

/**
 * The main window: menus, toolbar, the connections pane on the left, the traces in the centre (the live one and
 * any imported), a status bar, and notices sliding in from the top. Builds the controls and binds them to a
 * {@link MainViewModel}.
 */
final class MainView {
    /** Below this width the connections pane steps aside for the trace. */
    private static final double NARROW = 900;
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final KeyCombination CONNECT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination IMPORT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CLEAR = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination THEME = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    private static final KeyCombination FLOW_LAB = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final MainViewModel model;
    private final Stage stage;
    private final String version;
    private final BorderPane root = new BorderPane();
    private final NotificationPane notifications;
    private final TabPane tabs = new TabPane();
    private final Map<TraceViewModel, TraceView> traceViews = new IdentityHashMap<>();
    private final BooleanProperty exportable = new SimpleBooleanProperty();
    private final ConnectionsPane connections;
    private final SplitPane centre = new SplitPane();
    private File lastFolder;
    private Tab flowLab;

    MainView(MainViewModel model, Stage stage, String version) {
        this.model = model;
        this.stage = stage;
        this.version = version;
        this.connections = new ConnectionsPane(model.live(), () -> stage, d -> model.themeProperty().get().apply(d.getDialogPane()),
                model::problem);
        centre.getItems().setAll(connections, traceTabs());
        centre.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(connections, false);
        // notices slide in over the trace, leaving menus and toolbar usable
        notifications = new NotificationPane(centre);
        notifications.getStyleClass().add("notices");
        notifications.setShowFromTop(true);
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(notifications);
        root.setBottom(statusBar());
        model.noticeProperty().addListener((o, was, now) -> {
            if (now == null) {
                notifications.hide();
            } else {
                Label icon = new Label("!");
                icon.getStyleClass().add("notice-icon");
                notifications.show(now.text(), icon);
            }
        });
        notifications.setOnHidden(e -> model.dismissNotice());
    }

    Parent root() {
        return root;
    }

    /** Applies the theme, and the keys that are not on a menu: Space pauses, unless typing or on a button. */
    void install(Scene scene) {
        model.themeProperty().get().apply(scene);
        model.themeProperty().addListener((o, was, now) -> now.apply(scene));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl)
                    && !(scene.getFocusOwner() instanceof ButtonBase)
                    && !(scene.getFocusOwner() instanceof ComboBoxBase<?>)) {
                model.togglePause();
                e.consume();
            }
        });
    }

    // ---- menus and toolbar

    private MenuBar menuBar() {
        Menu file = new Menu("_File", null,
                item("_Connect…", CONNECT, this::connect),
                new SeparatorMenuItem(),
                item("_Import trace…", IMPORT, this::importTrace),
                exportItem(),
                new SeparatorMenuItem(),
                item("_Quit", QUIT, stage::close));

        MenuItem pause = item("_Pause capture", PAUSE, model::togglePause);
        pause.textProperty().bind(Bindings.when(model.liveTrace().pausedProperty())
                .then("Resume capture").otherwise("Pause capture"));
        Menu capture = new Menu("_Capture", null, pause, item("C_lear live trace", CLEAR, model::clearLiveTrace),
                new SeparatorMenuItem(), item("Trace _size…", null, this::chooseTraceSize));

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setOnAction(e -> model.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> model.themeProperty().set(Theme.DARK));
        ChangeListener<Theme> mark = (o, was, now) -> (now == Theme.DARK ? dark : light).setSelected(true);
        model.themeProperty().addListener(mark);
        mark.changed(null, null, model.themeProperty().get());
        CheckMenuItem showConnections = new CheckMenuItem("_Connections pane");
        showConnections.setSelected(true);
        showConnections.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                centre.getItems().add(0, connections);
                centre.setDividerPositions(0.34);
            } else {
                centre.getItems().remove(connections);
            }
        });
        // a narrow window gives the trace the whole width; the menu item brings the pane back
        centre.widthProperty().addListener((o, was, now) -> {
            boolean narrow = now.doubleValue() < NARROW;
            if (was.doubleValue() == 0 || narrow != was.doubleValue() < NARROW) showConnections.setSelected(!narrow);
        });
        Menu view = new Menu("_View", null,
                item("_Filter frames", FILTER, this::focusFilter),
                showConnections,
                item("Flow _lab", FLOW_LAB, this::showFlowLab),
                new SeparatorMenuItem(),
                light, dark,
                item("_Switch light/dark", THEME, model::toggleTheme));

        Menu help = new Menu("_Help", null,
                item("_Keyboard shortcuts", HELP, this::showShortcuts),
                item("_About AMQP Explorer", null, this::showAbout));
        MenuBar bar = new MenuBar(file, capture, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem exportItem() {
        MenuItem export = item("_Export trace…", EXPORT, this::exportTrace);
        export.disableProperty().bind(exportable.not());
        return export;
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (keys != null) item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        Button pause = new Button();
        pause.setId("pause-button");
        pause.textProperty().bind(Bindings.when(model.liveTrace().pausedProperty()).then("Resume").otherwise("Pause"));
        model.liveTrace().pausedProperty().addListener((o, was, now) -> pause.pseudoClassStateChanged(PAUSED, now));
        pause.setTooltip(new Tooltip("Pause or resume capture into the live trace (Space, Ctrl+P)"));
        pause.setOnAction(e -> model.togglePause());
        Button connect = new Button("Connect…");
        connect.setId("connect-button");
        connect.setTooltip(new Tooltip("Connect to an AMQP 1.0 peer (Ctrl+N)"));
        connect.setOnAction(e -> connect());
        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Empty the live trace (Ctrl+L)"));
        clear.setOnAction(e -> model.clearLiveTrace());
        Button importButton = new Button("Import…");
        importButton.setTooltip(new Tooltip("Open a trace file beside the live trace (Ctrl+O)"));
        importButton.setOnAction(e -> importTrace());
        Button export = new Button("Export…");
        export.setTooltip(new Tooltip("Save the frames the current trace shows, as JSON Lines (Ctrl+E)"));
        export.setOnAction(e -> exportTrace());
        export.disableProperty().bind(exportable.not());
        Button theme = new Button();
        theme.textProperty().bind(Bindings.when(model.themeProperty().isEqualTo(Theme.DARK))
                .then("Light theme").otherwise("Dark theme"));
        theme.setTooltip(new Tooltip("Switch between the light and the dark theme (Ctrl+Shift+D)"));
        theme.setOnAction(e -> model.toggleTheme());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(connect, new Separator(), pause, clear, new Separator(), importButton, export, spring, theme);
    }

    // ---- composing and received messages

    /** The composer and the received messages, beside the traces; both follow the link selected in the tree. */
    private void addWorkTabs() {
        ComposerViewModel composer = new ComposerViewModel(TemplateStore.inUserConfig(), Platform::runLater);
        Label sendingOn = new Label();
        sendingOn.getStyleClass().add("sending-on");
        VBox composeBox = new VBox(4, sendingOn, new ComposerView(composer));
        VBox.setVgrow(composeBox.getChildren().get(1), Priority.ALWAYS);
        composeBox.setPadding(new Insets(4));
        Tab compose = new Tab("Compose", composeBox);
        compose.setClosable(false);
        compose.setId("compose-tab");

        MessagesView messages = new MessagesView(model.live());
        Tab received = new Tab("Received", messages);
        received.setClosable(false);
        received.setId("received-tab");
        messages.viewer().setOnEditAsNew(m -> {
            composer.loadMessage(m);
            tabs.getSelectionModel().select(compose);
        });

        ChangeListener<TreeItem<ExplorerNode>> follow = (o, was, item) -> {
            ExplorerNode n = item == null ? null : item.getValue();
            LinkNode link = n instanceof LinkNode l ? l : n instanceof DeliveryNode d ? d.link() : null;
            // The composer keeps the last sender link chosen until another is chosen: looking elsewhere
            // (a receiver's messages, a frame) does not take it away.
            if (link != null && link.role() == Role.SENDER && link.state() != EndpointState.CLOSED) {
                composer.setSender(model.live().sender(link));
                sendingOn.setText("Sending on " + link.title() + " (" + link.session().connection().peer() + ")");
            } else if (was == null && item == null) {
                composer.setSender(null);
                sendingOn.setText("Select an attached sender link in the tree to send (right-click a session → Attach a sender…).");
            }
            if (link != null && link.role() == Role.RECEIVER) messages.linkProperty().set(link);
        };
        connections.tree().tree().getSelectionModel().selectedItemProperty().addListener(follow);
        follow.changed(null, null, null);
        tabs.getTabs().addAll(compose, received);
    }

    // ---- connections

    private void connect() {
        ConnectDialog dialog = new ConnectDialog(stage, new ProfileStore(ConfigFolder.standard()));
        model.themeProperty().get().apply(dialog.getDialogPane());
        dialog.showAndWait().ifPresent(model::connect);
    }

    // ---- traces

    private Node traceTabs() {
        tabs.getStyleClass().add("trace-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        for (TraceViewModel t : model.traces()) tabs.getTabs().add(tab(t));
        model.traces().addListener((ListChangeListener<TraceViewModel>) c -> {
            while (c.next()) {
                for (TraceViewModel t : c.getRemoved()) {
                    tabs.getTabs().removeIf(tab -> tab.getUserData() == t);
                    traceViews.remove(t);
                }
                for (TraceViewModel t : c.getAddedSubList()) tabs.getTabs().add(tab(t));
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getUserData() instanceof TraceViewModel t) model.currentTraceProperty().set(t);
        });
        addWorkTabs();
        model.currentTraceProperty().addListener((o, was, now) -> {
            tabs.getTabs().stream().filter(t -> t.getUserData() == now).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            followExportable(now);
        });
        followExportable(model.currentTraceProperty().get());
        return tabs;
    }

    /** Opens the flow-control lab beside the traces; a frame picked in its diagram opens in the live trace. */
    private void showFlowLab() {
        if (flowLab == null) {
            flowLab = new Tab("Flow lab", new FlowLabView(model.flowLab(), () -> stage).root());
            model.flowLab().onShowInTrace(frame -> {
                if (!model.liveTrace().select(frame)) return false;
                tabs.getTabs().stream().filter(t -> t.getUserData() == model.liveTrace()).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
                return true;
            });
        }
        if (!tabs.getTabs().contains(flowLab)) tabs.getTabs().add(flowLab);
        tabs.getSelectionModel().select(flowLab);
    }

    private Tab tab(TraceViewModel trace) {
        TraceView view = new TraceView(trace);
        traceViews.put(trace, view);
        Tab tab = new Tab(trace.isLive() ? "Live trace" : trace.title(), view.root());
        tab.setUserData(trace);
        tab.setClosable(!trace.isLive());
        tab.setOnClosed(e -> model.closeTrace(trace));
        if (!trace.isLive()) tab.setTooltip(new Tooltip("Imported from " + trace.title() + "; not live"));
        return tab;
    }

    /** Export is possible while the current trace shows at least one frame. */
    private void followExportable(TraceViewModel trace) {
        exportable.unbind();
        exportable.bind(trace.shownCountProperty().greaterThan(0));
    }

    private void focusFilter() {
        TraceView view = traceViews.get(model.currentTraceProperty().get());
        if (view != null) view.focusFilter();
    }

    // ---- files

    private void importTrace() {
        FileChooser chooser = chooser("Import trace");
        File file = chooser.showOpenDialog(stage);
        if (file == null) return;
        lastFolder = file.getParentFile();
        model.importTrace(file.toPath());
    }

    private void exportTrace() {
        FileChooser chooser = chooser("Export trace");
        chooser.setInitialFileName("trace-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl");
        File file = chooser.showSaveDialog(stage);
        if (file == null) return;
        lastFolder = file.getParentFile();
        model.exportTrace(file.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Trace files (JSON Lines)", "*.jsonl", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        return chooser;
    }

    /** The choices are sizes a desktop holds comfortably; each kept frame costs its bytes and its decoded body. */
    private void chooseTraceSize() {
        List<String> sizes = new ArrayList<>();
        for (int n : new int[] {10_000, 50_000, TraceViewModel.DEFAULT_CAPACITY, 250_000, 500_000, 1_000_000}) {
            sizes.add(String.format("%,d frames", n));
        }
        String current = String.format("%,d frames", model.liveTrace().capacityProperty().get());
        if (!sizes.contains(current)) sizes.add(0, current);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(current, sizes);
        dialog.initOwner(stage);
        dialog.setTitle("Trace size");
        dialog.setHeaderText("How many frames the live trace keeps");
        dialog.setContentText("Keep the last");
        model.themeProperty().get().apply(dialog.getDialogPane());
        dialog.showAndWait().ifPresent(s -> model.setTraceCapacity(Integer.parseInt(s.replaceAll("\\D", ""))));
    }

    // ---- status bar

    private Node statusBar() {
        Label status = new Label();
        status.getStyleClass().add("status-message");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        Label drops = new Label();
        drops.getStyleClass().add("status-warning");
        drops.textProperty().bind(model.dropTextProperty());
        drops.visibleProperty().bind(model.dropTextProperty().isNotEmpty());
        drops.managedProperty().bind(drops.visibleProperty());
        drops.setMinWidth(Region.USE_PREF_SIZE); // the one thing in the bar that must never be cut

        Label loss = new Label();
        loss.getStyleClass().add("status-note");
        loss.textProperty().bind(model.liveTrace().lossTextProperty());
        loss.visibleProperty().bind(loss.textProperty().isNotEmpty());
        loss.managedProperty().bind(loss.visibleProperty());
        loss.setMinWidth(0);
        Tooltip lossTip = new Tooltip();
        lossTip.textProperty().bind(loss.textProperty());
        loss.setTooltip(lossTip);

        Label capture = new Label();
        capture.getStyleClass().add("capture-state");
        capture.textProperty().bind(Bindings.createStringBinding(() ->
                (model.liveTrace().pausedProperty().get() ? "Paused · " : "Capturing · ")
                        + model.liveTrace().countTextProperty().get() + " live",
                model.liveTrace().pausedProperty(), model.liveTrace().countTextProperty()));
        model.liveTrace().pausedProperty().addListener((o, was, now) -> capture.pseudoClassStateChanged(PAUSED, now));
        capture.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(12, status, drops, loss, capture);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // ---- help

    private void showShortcuts() {
        String[][] keys = {
                {"Ctrl+N", "Connect to a peer"},
                {"Ctrl+O", "Import a trace file"},
                {"Ctrl+E", "Export the frames the current trace shows"},
                {"Ctrl+F", "Search the trace (Esc clears it, Enter goes to the table)"},
                {"Space, Ctrl+P", "Pause or resume capture"},
                {"Ctrl+L", "Clear the live trace"},
                {"End", "Follow the newest frame again (in the table)"},
                {"Ctrl+Shift+D", "Switch between light and dark"},
                {"Ctrl+Shift+L", "Open the flow-control lab"},
                {"F1", "This list"},
                {"Ctrl+Q", "Quit"}};
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int i = 0; i < keys.length; i++) {
            Label key = new Label(keys[i][0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(keys[i][1]));
        }
        Alert a = dialog("Keyboard shortcuts", "");
        a.getDialogPane().setContent(grid);
        a.showAndWait();
    }

    private void showAbout() {
        dialog("About AMQP Explorer", "AMQP Explorer " + version + "\n\n"
                + "An AMQP 1.0 endpoint that shows what the protocol does: every frame, in order, decoded "
                + "down to the exact type of each field and the bytes it came from.").showAndWait();
    }

    private Alert dialog(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(text);
        model.themeProperty().get().apply(a.getDialogPane());
        return a;
    }
}
