package org.amqpexplorer.protocol.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A connection URL: {@code amqp://[user[:password]@]host[:port][?option=value&…]} or {@code amqps://…}
 * (TLS, certificate and host-name checks on). The default port is 5672 for amqp and 5671 for amqps.
 * Options: {@code sasl} (mechanism), {@code vhost} (the hostname sent in open), {@code idle-timeout} (ms),
 * {@code max-frame-size}, {@code channel-max}. User and password may be percent-encoded.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record AmqpUrl(boolean tls, String host, int port, String user, char[] password, Map<String, String> options) {
    public static final int AMQP_PORT = 5672;
    public static final int AMQPS_PORT = 5671;
    public static final Set<String> OPTIONS = Set.of("sasl", "vhost", "idle-timeout", "max-frame-size", "channel-max");

    public AmqpUrl {
        options = Map.copyOf(options);
        password = password == null ? null : password.clone();
    }

    /** Parses a URL; the exception's message says what is wrong and what a valid URL looks like. */
    public static AmqpUrl parse(String url) {
        if (url == null || url.isBlank()) throw bad(url, "it is empty");
        String s = url.trim();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) throw bad(url, "it has no scheme (amqp:// or amqps://)");
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "amqp" -> false;
            case "amqps" -> true;
            default -> throw bad(url, "the scheme '" + scheme + "' is not amqp or amqps");
        };
        String rest = s.substring(schemeEnd + 3);
        Map<String, String> options = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(url, eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(url, pair.substring(eq + 1));
                if (!OPTIONS.contains(key)) throw bad(url, "the option '" + key + "' is not one of " + String.join(", ", sorted(OPTIONS)));
                options.put(key, value);
            }
            rest = rest.substring(0, q);
        }
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        if (rest.contains("/")) throw bad(url, "it has a path; the address goes in a separate option, not in the URL");
        String user = null;
        char[] password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) password = decode(url, userInfo.substring(colon + 1)).toCharArray();
            if (user.isEmpty()) throw bad(url, "the user name before '@' is empty");
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw bad(url, "the IPv6 address has no closing ']'");
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) portText = after.substring(1);
            else if (!after.isEmpty()) throw bad(url, "unexpected '" + after + "' after the host");
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) portText = rest.substring(colon + 1);
        }
        if (host.isEmpty()) throw bad(url, "the host is missing");
        int port = tls ? AMQPS_PORT : AMQP_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw bad(url, "the port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) throw bad(url, "the port " + port + " is not between 1 and 65535");
        }
        AmqpUrl parsed = new AmqpUrl(tls, host, port, user, password, options);
        parsed.checkOptions(url);
        return parsed;
    }

    private void checkOptions(String url) {
        longOption(url, "idle-timeout", 0, 0xFFFF_FFFFL);
        longOption(url, "max-frame-size", 512, 0xFFFF_FFFFL);
        longOption(url, "channel-max", 0, 0xFFFF);
    }

    private Long longOption(String url, String name, long min, long max) {
        String v = options.get(name);
        if (v == null) return null;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(url, "the option " + name + "=" + v + " is not a number");
        }
        if (n < min || n > max) throw bad(url, "the option " + name + "=" + v + " is not between " + min + " and " + max);
        return n;
    }

    /** The SASL mechanism asked for, or null to pick one from what the peer offers. */
    public String saslMechanism() {
        String m = options.get("sasl");
        return m == null ? null : m.toUpperCase(Locale.ROOT);
    }

    /** The hostname to send in open: the {@code vhost} option, or the host. */
    public String virtualHost() {
        return options.getOrDefault("vhost", host);
    }

    public Long idleTimeout() {
        return longOption(toString(), "idle-timeout", 0, 0xFFFF_FFFFL);
    }

    public Long maxFrameSize() {
        return longOption(toString(), "max-frame-size", 512, 0xFFFF_FFFFL);
    }

    public Integer channelMax() {
        Long v = longOption(toString(), "channel-max", 0, 0xFFFF);
        return v == null ? null : v.intValue();
    }

    /** The URL without the password (a set password shows as {@code ***}). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tls ? "amqps://" : "amqp://");
        if (user != null) {
            b.append(user);
            if (password != null) b.append(":***");
            b.append('@');
        }
        b.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (!options.isEmpty()) {
            StringBuilder q = new StringBuilder();
            options.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
            b.append(q);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmqpUrl u && tls == u.tls && port == u.port && host.equals(u.host)
                && java.util.Objects.equals(user, u.user) && java.util.Arrays.equals(password, u.password)
                && options.equals(u.options);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tls, host, port, user, options);
    }

    private static String decode(String url, String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(url, "'" + redact(s) + "' has a malformed %-escape");
        }
    }

    private static String redact(String s) {
        return s.length() <= 2 ? s : s.charAt(0) + "…";
    }

    private static java.util.List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static IllegalArgumentException bad(String url, String reason) {
        String shown = url == null ? "" : url.replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
        return new IllegalArgumentException("bad URL '" + shown + "': " + reason
                + " (expected amqp://[user[:password]@]host[:port] or amqps://…)");
    }
}
