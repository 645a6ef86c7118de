package org.amqpexplorer.ui.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.amqpexplorer.protocol.sasl.SaslCredentials;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.types.Open;

/**
 * The connect dialog's state: a URL, or the same as fields, kept in step both ways; checked as the user types;
 * turned into transport options and an open performative. Knows no controls.
 */
public final class ConnectViewModel {
    /** "Choose from what the peer offers" in the mechanism list. */
    public static final String AUTO = "automatic";
    public static final List<String> MECHANISMS = List.of(AUTO, "ANONYMOUS", "PLAIN", "SCRAM-SHA-256", "EXTERNAL");

    public final StringProperty url = new SimpleStringProperty("amqp://localhost:5672");
    public final StringProperty host = new SimpleStringProperty("localhost");
    public final StringProperty port = new SimpleStringProperty("5672");
    public final BooleanProperty tls = new SimpleBooleanProperty();
    public final StringProperty trustStore = new SimpleStringProperty("");
    public final StringProperty keyStore = new SimpleStringProperty("");
    public final StringProperty keyStorePassword = new SimpleStringProperty("");
    public final BooleanProperty insecure = new SimpleBooleanProperty();
    public final ObjectProperty<String> mechanism = new SimpleObjectProperty<>(AUTO);
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty virtualHost = new SimpleStringProperty("");
    public final StringProperty idleTimeout = new SimpleStringProperty("60000");
    public final StringProperty maxFrameSize = new SimpleStringProperty("65536");
    public final StringProperty channelMax = new SimpleStringProperty("");
    public final StringProperty profileName = new SimpleStringProperty("");
    public final BooleanProperty savePassword = new SimpleBooleanProperty();
    /** Problems with the current input, in words, by field; empty when it can connect. */
    public final ObjectProperty<Map<String, String>> problems = new SimpleObjectProperty<>(Map.of());

    private boolean syncing;

    /** What the dialog produces: how to reach the peer and what to say in open. */
    public record Request(String label, ClientOptions options, Open open) {
    }

    public ConnectViewModel() {
        url.addListener((o, a, b) -> fromUrl());
        for (var p : List.of(host, port, user, password, virtualHost, idleTimeout, maxFrameSize, channelMax)) {
            p.addListener((o, a, b) -> toUrl());
        }
        tls.addListener((o, a, b) -> {
            if (!syncing) {
                if (b && "5672".equals(port.get())) port.set("5671");
                if (!b && "5671".equals(port.get())) port.set("5672");
            }
            toUrl();
        });
        mechanism.addListener((o, a, b) -> toUrl());
        for (var p : List.of(trustStore, keyStore, insecure)) p.addListener((o, a, b) -> validate());
        toUrl();
    }

    private void fromUrl() {
        if (syncing) return;
        syncing = true;
        try {
            AmqpUrl u = AmqpUrl.parse(url.get());
            tls.set(u.tls());
            host.set(u.host());
            port.set(String.valueOf(u.port()));
            user.set(u.user() == null ? "" : u.user());
            password.set(u.password() == null ? "" : new String(u.password()));
            String m = u.saslMechanism();
            mechanism.set(m == null ? AUTO : m);
            virtualHost.set(u.options().getOrDefault("vhost", ""));
            if (u.idleTimeout() != null) idleTimeout.set(String.valueOf(u.idleTimeout()));
            if (u.maxFrameSize() != null) maxFrameSize.set(String.valueOf(u.maxFrameSize()));
            if (u.channelMax() != null) channelMax.set(String.valueOf(u.channelMax()));
        } catch (IllegalArgumentException e) {
            // shown by validate(); the fields keep their last good values
        } finally {
            syncing = false;
        }
        validate();
    }

    private void toUrl() {
        if (syncing) return;
        syncing = true;
        try {
            StringBuilder b = new StringBuilder(tls.get() ? "amqps://" : "amqp://");
            if (!user.get().isEmpty()) {
                b.append(encode(user.get()));
                if (!password.get().isEmpty()) b.append(':').append(encode(password.get()));
                b.append('@');
            }
            String h = host.get().trim();
            b.append(h.contains(":") ? "[" + h + "]" : h).append(':').append(port.get().trim());
            Map<String, String> q = new LinkedHashMap<>();
            if (!AUTO.equals(mechanism.get())) q.put("sasl", mechanism.get());
            if (!virtualHost.get().isBlank()) q.put("vhost", virtualHost.get().trim());
            if (!idleTimeout.get().isBlank()) q.put("idle-timeout", idleTimeout.get().trim());
            if (!maxFrameSize.get().isBlank()) q.put("max-frame-size", maxFrameSize.get().trim());
            if (!channelMax.get().isBlank()) q.put("channel-max", channelMax.get().trim());
            String sep = "?";
            for (var e : q.entrySet()) {
                b.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
                sep = "&";
            }
            url.set(b.toString());
        } finally {
            syncing = false;
        }
        validate();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Re-checks the input; {@link #problems} says what is wrong, by field. */
    public void validate() {
        Map<String, String> p = new LinkedHashMap<>();
        try {
            AmqpUrl.parse(url.get());
        } catch (IllegalArgumentException e) {
            p.put("url", e.getMessage());
        }
        if (host.get().isBlank()) p.put("host", "the host is missing");
        number(p, "port", port.get(), 1, 65535, true);
        number(p, "idleTimeout", idleTimeout.get(), 0, 0xFFFF_FFFFL, false);
        number(p, "maxFrameSize", maxFrameSize.get(), 512, 0xFFFF_FFFFL, false);
        number(p, "channelMax", channelMax.get(), 0, 0xFFFF, false);
        file(p, "trustStore", trustStore.get());
        file(p, "keyStore", keyStore.get());
        String m = mechanism.get();
        if (("PLAIN".equals(m) || "SCRAM-SHA-256".equals(m)) && (user.get().isEmpty() || password.get().isEmpty())) {
            p.put("user", m + " needs a user name and a password");
        }
        if ("EXTERNAL".equals(m) && keyStore.get().isBlank()) p.put("keyStore", "EXTERNAL needs a client certificate (key store)");
        if (!tls.get() && (insecure.get() || !keyStore.get().isBlank() || !trustStore.get().isBlank())) {
            p.put("tls", "TLS options are set but TLS is off");
        }
        problems.set(java.util.Collections.unmodifiableMap(p));
    }

    private static void number(Map<String, String> p, String field, String text, long min, long max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) p.put(field, field + " is missing");
            return;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v < min || v > max) p.put(field, field + " must be between " + min + " and " + max);
        } catch (NumberFormatException e) {
            p.put(field, field + " is not a whole number: " + text);
        }
    }

    private static void file(Map<String, String> p, String field, String path) {
        if (path != null && !path.isBlank() && !Files.isReadable(Path.of(path))) p.put(field, "cannot read the file " + path);
    }

    /** The request to connect with, or null if there are problems. */
    public Request request() {
        validate();
        if (!problems.get().isEmpty()) return null;
        AmqpUrl u = AmqpUrl.parse(url.get());
        ClientOptions options = ClientOptions.of(u);
        if (u.tls()) {
            TlsOptions t = TlsOptions.DEFAULT.withInsecure(insecure.get());
            if (!trustStore.get().isBlank()) t = t.withTrustStore(Path.of(trustStore.get()), null);
            if (!keyStore.get().isBlank()) t = t.withKeyStore(Path.of(keyStore.get()), keyStorePassword.get().toCharArray());
            options = options.withTls(t);
        }
        if ("ANONYMOUS".equals(mechanism.get()) && options.sasl() != null) {
            options = new ClientOptions(options.host(), options.port(), options.tls(),
                    new SaslCredentials(null, null, false, "ANONYMOUS"), options.saslHostname(), options.connectTimeout(),
                    options.handshakeTimeout());
        }
        Open open = new Open("amqp-explorer-" + UUID.randomUUID(), u.virtualHost(), u.maxFrameSize(), u.channelMax(),
                u.idleTimeout(), null, null, null, null, null);
        String label = (u.user() == null ? "" : u.user() + "@") + u.host() + ":" + u.port() + (insecure.get() && u.tls() ? " (INSECURE)" : "");
        return new Request(label, options, open);
    }

    /** Fills the fields from a saved profile. */
    public void load(ConnectionProfile p) {
        syncing = true;
        try {
            profileName.set(p.name());
            host.set(p.host());
            port.set(String.valueOf(p.port()));
            tls.set(p.tls());
            trustStore.set(p.trustStore() == null ? "" : p.trustStore());
            keyStore.set(p.keyStore() == null ? "" : p.keyStore());
            keyStorePassword.set(p.keyStorePassword() == null ? "" : p.keyStorePassword());
            insecure.set(p.insecure());
            mechanism.set(p.saslMechanism() == null ? AUTO : p.saslMechanism());
            user.set(p.user() == null ? "" : p.user());
            password.set(p.password() == null ? "" : p.password());
            savePassword.set(p.savePassword());
            virtualHost.set(p.virtualHost() == null ? "" : p.virtualHost());
            idleTimeout.set(p.idleTimeout() == null ? "" : String.valueOf(p.idleTimeout()));
            maxFrameSize.set(p.maxFrameSize() == null ? "" : String.valueOf(p.maxFrameSize()));
            channelMax.set(p.channelMax() == null ? "" : String.valueOf(p.channelMax()));
        } finally {
            syncing = false;
        }
        toUrl();
    }

    /** The fields as a profile named {@link #profileName} (secrets included only if {@link #savePassword}). */
    public ConnectionProfile profile() {
        String name = profileName.get().isBlank() ? host.get() + ":" + port.get() : profileName.get().trim();
        return new ConnectionProfile(name, host.get().trim(), Integer.parseInt(port.get().trim()), tls.get(),
                blankToNull(trustStore.get()), blankToNull(keyStore.get()), blankToNull(keyStorePassword.get()), insecure.get(),
                AUTO.equals(mechanism.get()) ? null : mechanism.get(), blankToNull(user.get()), blankToNull(password.get()),
                savePassword.get(), blankToNull(virtualHost.get()), longOrNull(idleTimeout.get()), longOrNull(maxFrameSize.get()),
                channelMax.get().isBlank() ? null : Integer.parseInt(channelMax.get().trim())).forDisk();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Long longOrNull(String s) {
        return s == null || s.isBlank() ? null : Long.parseLong(s.trim());
    }

    /** Field names with problems, for tests and for the view's decorations. */
    public List<String> problemFields() {
        return new ArrayList<>(problems.get().keySet());
    }
}
