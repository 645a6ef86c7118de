package org.amqpexplorer.ui.connect;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Connect to a peer: a URL or the same as fields, TLS and SASL options, saved profiles on the left. Returns the
 * request to connect with; problems are shown next to their field and keep the Connect button disabled.
 */
public final class ConnectDialog extends Dialog<ConnectViewModel.Request> {
    private final ConnectViewModel vm = new ConnectViewModel();
    private final ProfileStore store;
    private final Label problems = new Label();
    private final ListView<ConnectionProfile> profiles = new ListView<>();

    public ConnectDialog(Window owner, ProfileStore store) {
        this.store = store;
        initOwner(owner);
        setTitle("Connect to a peer");
        setHeaderText("Connect to any AMQP 1.0 peer: a broker, a service, or another AMQP Explorer.");
        setResizable(true);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        TextField url = text(vm.url, "amqp://[user[:password]@]host[:port]  or  amqps://…");
        g.addRow(r++, new Label("URL"), url);
        GridPane.setHgrow(url, Priority.ALWAYS);
        g.addRow(r++, new Label("Host"), text(vm.host, "localhost"));
        g.addRow(r++, new Label("Port"), text(vm.port, "5672, or 5671 for TLS"));
        CheckBox tls = new CheckBox("TLS (amqps)");
        tls.selectedProperty().bindBidirectional(vm.tls);
        g.addRow(r++, new Label("Security"), tls);
        ComboBox<String> mechanism = new ComboBox<>();
        mechanism.getItems().addAll(ConnectViewModel.MECHANISMS);
        mechanism.valueProperty().bindBidirectional(vm.mechanism);
        mechanism.setTooltip(new Tooltip("automatic: SCRAM-SHA-256, then PLAIN with a user name; EXTERNAL with a client "
                + "certificate; otherwise ANONYMOUS"));
        g.addRow(r++, new Label("SASL"), mechanism);
        g.addRow(r++, new Label("User"), text(vm.user, "none: anonymous"));
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(vm.password);
        g.addRow(r++, new Label("Password"), password);
        g.addRow(r++, new Label("Virtual host"), text(vm.virtualHost, "hostname sent in open (default: the host)"));

        GridPane tlsGrid = new GridPane();
        tlsGrid.setHgap(8);
        tlsGrid.setVgap(6);
        tlsGrid.addRow(0, new Label("Trust store"), fileField(vm.trustStore, "PEM certificates or PKCS12; empty: the JDK's"));
        tlsGrid.addRow(1, new Label("Client certificate"), fileField(vm.keyStore, "PKCS12 key store, for mutual TLS / EXTERNAL"));
        PasswordField ksPassword = new PasswordField();
        ksPassword.textProperty().bindBidirectional(vm.keyStorePassword);
        tlsGrid.addRow(2, new Label("Key store password"), ksPassword);
        CheckBox insecure = new CheckBox("Insecure: trust any certificate and any host name");
        insecure.selectedProperty().bindBidirectional(vm.insecure);
        insecure.getStyleClass().add("insecure-option");
        Label insecureWarning = new Label("Anyone between you and the peer can read and change this connection. "
                + "The connection is marked INSECURE in the tree.");
        insecureWarning.setWrapText(true);
        insecureWarning.visibleProperty().bind(vm.insecure);
        insecureWarning.managedProperty().bind(vm.insecure);
        tlsGrid.add(insecure, 1, 3);
        tlsGrid.add(insecureWarning, 1, 4);
        TitledPane tlsPane = new TitledPane("TLS options", tlsGrid);
        tlsPane.setExpanded(false);

        GridPane limits = new GridPane();
        limits.setHgap(8);
        limits.setVgap(6);
        limits.addRow(0, new Label("Idle time-out (ms)"), text(vm.idleTimeout, "empty: none"));
        limits.addRow(1, new Label("Max frame size"), text(vm.maxFrameSize, "512 or more"));
        limits.addRow(2, new Label("Channel max"), text(vm.channelMax, "empty: 65535"));
        TitledPane limitsPane = new TitledPane("Connection limits", limits);
        limitsPane.setExpanded(false);

        Button saveButton = new Button("Save profile");
        saveButton.setOnAction(e -> saveProfile());
        saveButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        CheckBox savePassword = checkBox("with the password", vm);
        savePassword.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField profileName = text(vm.profileName, "profile name");
        HBox save = new HBox(8, profileName, savePassword, saveButton);
        save.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(profileName, Priority.ALWAYS);
        g.addRow(r++, new Label("Save as"), save);

        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.problems.get().values()), vm.problems));

        VBox form = new VBox(8, g, tlsPane, limitsPane, problems);
        form.setPadding(new Insets(4));

        profiles.setPrefWidth(180);
        profiles.setPlaceholder(new Label("No saved\nconnections yet"));
        profiles.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        profiles.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) vm.load(p);
        });
        Button delete = new Button("Delete");
        delete.disableProperty().bind(profiles.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteProfile());
        VBox left = new VBox(6, new Label("Saved"), profiles, delete);
        VBox.setVgrow(profiles, Priority.ALWAYS);

        BorderPane content = new BorderPane(form);
        content.setLeft(left);
        BorderPane.setMargin(left, new Insets(0, 12, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(760);

        Node connectButton = getDialogPane().lookupButton(connect);
        connectButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.problems.get().isEmpty(), vm.problems));
        setResultConverter(b -> b == connect ? vm.request() : null);
        refreshProfiles();
        setOnShown(e -> url.requestFocus());
    }

    public ConnectViewModel viewModel() {
        return vm;
    }

    private void refreshProfiles() {
        try {
            profiles.getItems().setAll(store.load());
        } catch (IOException e) {
            profiles.getItems().clear();
            problems.textProperty().unbind();
            problems.setText(e.getMessage());
        }
    }

    private void saveProfile() {
        try {
            store.save(vm.profile());
            refreshProfiles();
        } catch (IOException | NumberFormatException e) {
            problems.textProperty().unbind();
            problems.setText("could not save the profile: " + e.getMessage());
        }
    }

    private void deleteProfile() {
        ConnectionProfile p = profiles.getSelectionModel().getSelectedItem();
        try {
            store.delete(p.name());
            refreshProfiles();
        } catch (IOException e) {
            problems.textProperty().unbind();
            problems.setText("could not delete the profile: " + e.getMessage());
        }
    }

    private TextField text(javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPromptText(prompt);
        t.setPrefColumnCount(28);
        return t;
    }

    private static CheckBox checkBox(String text, ConnectViewModel vm) {
        CheckBox c = new CheckBox(text);
        c.selectedProperty().bindBidirectional(vm.savePassword);
        c.setTooltip(new Tooltip("Passwords are not written to disk unless you tick this."));
        return c;
    }

    private HBox fileField(javafx.beans.property.StringProperty p, String prompt) {
        TextField t = text(p, prompt);
        Button choose = new Button("…");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            File f = fc.showOpenDialog(getOwner());
            if (f != null) p.set(f.getAbsolutePath());
        });
        HBox box = new HBox(4, t, choose);
        HBox.setHgrow(t, Priority.ALWAYS);
        return box;
    }

    /** Problems by field, for tests. */
    Map<String, String> problems() {
        return vm.problems.get();
    }

    List<ConnectionProfile> listedProfiles() {
        return List.copyOf(profiles.getItems());
    }
}
