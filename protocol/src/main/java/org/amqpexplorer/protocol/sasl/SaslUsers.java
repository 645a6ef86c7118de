package org.amqpexplorer.protocol.sasl;

import java.util.Map;

/** The users a server accepts, by name. */
@FunctionalInterface
public interface SaslUsers {

    /** The user's password, or null if there is no such user. */
    char[] password(String user);

    static SaslUsers of(Map<String, String> passwords) {
        Map<String, String> copy = Map.copyOf(passwords);
        return user -> {
            String p = copy.get(user);
            return p == null ? null : p.toCharArray();
        };
    }
}
