package org.amqpexplorer.ui.connect;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A saved way to connect. Passwords are kept only when {@code savePassword} is true (the user ticked it);
 * otherwise they are null here and asked for when connecting.
 *
 * @param saslMechanism null: pick from what the peer offers
 * @param idleTimeout   ms, null: none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionProfile(String name, String host, int port, boolean tls, String trustStore, String keyStore,
                                String keyStorePassword, boolean insecure, String saslMechanism, String user,
                                String password, boolean savePassword, String virtualHost, Long idleTimeout,
                                Long maxFrameSize, Integer channelMax) {

    /** The profile as it may be written to disk: without secrets unless the user asked to save them. */
    public ConnectionProfile forDisk() {
        return savePassword ? this : new ConnectionProfile(name, host, port, tls, trustStore, keyStore, null, insecure,
                saslMechanism, user, null, false, virtualHost, idleTimeout, maxFrameSize, channelMax);
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + ": " + (tls ? "amqps://" : "amqp://") + (user == null ? "" : user + "@")
                + host + ":" + port + (insecure ? " INSECURE" : "") + (password != null ? ", password saved" : "") + "]";
    }
}
