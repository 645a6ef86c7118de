package org.amqpexplorer.ui.flowlab;

import java.util.List;

/**
 * What the charts show for a session and for a link: the series a sample holds (by index), and how they group
 * into charts. Windows and credit are seen from this end: "ours" is this end's value, "peer's" the other end's
 * as its last begin or flow gave it (2.5.6, 2.6.7).
 */
final class Figures {
    private Figures() {
    }

    static final int SERIES = 9;

    // a link's series
    static final int CREDIT = 0;
    static final int PEER_CREDIT = 1;
    static final int AVAILABLE = 2;
    static final int QUEUED = 3;
    static final int DELIVERY_COUNT = 4;
    static final int PEER_DELIVERY_COUNT = 5;
    static final int LINK_UNSETTLED = 6;
    static final int MESSAGES = 7;
    static final int BYTES = 8;

    // a session's series
    static final int INCOMING_WINDOW = 0;
    static final int PEER_INCOMING_WINDOW = 1;
    static final int OUTGOING_WINDOW = 2;
    static final int PEER_OUTGOING_WINDOW = 3;
    static final int SESSION_UNSETTLED = 4;
    static final int MESSAGES_SENT = 5;
    static final int MESSAGES_RECEIVED = 6;
    static final int BYTES_SENT = 7;
    static final int BYTES_RECEIVED = 8;

    /** How a chart's values read. */
    enum Unit { COUNT, PER_SECOND, BYTES_PER_SECOND }

    /** @param colour an index into the chart palette */
    record Series(String name, int index, int colour) {
    }

    record Chart(String title, Unit unit, List<Series> series) {
    }

    static final List<Chart> LINK = List.of(
            new Chart("Link credit (2.6.7)", Unit.COUNT, List.of(
                    new Series("link-credit, ours", CREDIT, 0),
                    new Series("link-credit, peer's last flow", PEER_CREDIT, 1),
                    new Series("available", AVAILABLE, 2),
                    new Series("queued here for credit", QUEUED, 3))),
            new Chart("Delivery-count (2.6.7)", Unit.COUNT, List.of(
                    new Series("ours", DELIVERY_COUNT, 0),
                    new Series("peer's last flow", PEER_DELIVERY_COUNT, 1))),
            new Chart("Unsettled deliveries", Unit.COUNT, List.of(
                    new Series("unsettled here", LINK_UNSETTLED, 4))),
            new Chart("Messages per second", Unit.PER_SECOND, List.of(
                    new Series("messages/s", MESSAGES, 5))),
            new Chart("Bytes per second", Unit.BYTES_PER_SECOND, List.of(
                    new Series("payload bytes/s", BYTES, 2))));

    static final List<Chart> SESSION = List.of(
            new Chart("Incoming windows (2.5.6)", Unit.COUNT, List.of(
                    new Series("incoming-window, ours", INCOMING_WINDOW, 0),
                    new Series("peer's, as we count it", PEER_INCOMING_WINDOW, 1))),
            new Chart("Outgoing windows (2.5.6)", Unit.COUNT, List.of(
                    new Series("outgoing-window, ours", OUTGOING_WINDOW, 0),
                    new Series("peer's, as we count it", PEER_OUTGOING_WINDOW, 1))),
            new Chart("Unsettled deliveries", Unit.COUNT, List.of(
                    new Series("unsettled here", SESSION_UNSETTLED, 4))),
            new Chart("Messages per second", Unit.PER_SECOND, List.of(
                    new Series("sent", MESSAGES_SENT, 0),
                    new Series("received", MESSAGES_RECEIVED, 1))),
            new Chart("Bytes per second", Unit.BYTES_PER_SECOND, List.of(
                    new Series("sent", BYTES_SENT, 0),
                    new Series("received", BYTES_RECEIVED, 1))));

    /** A value as the charts label it: 1.5k, 2.3 MB/s, 2³¹−1 shown in full. */
    static String format(double v, Unit unit) {
        if (Double.isNaN(v)) return "–";
        return switch (unit) {
            case COUNT -> v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
            case PER_SECOND -> compact(v) + "/s";
            case BYTES_PER_SECOND -> decimalBytes(v) + "/s";
        };
    }

    /** For axis ticks: short. */
    static String tick(double v, Unit unit) {
        return unit == Unit.BYTES_PER_SECOND ? decimalBytes(v) : compact(v);
    }

    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + "G";
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e4) return trim(v / 1e3) + "k";
        return trim(v);
    }

    static String bytes(double v) {
        double a = Math.abs(v);
        if (a >= 1 << 30) return trim(v / (1 << 30)) + " GiB";
        if (a >= 1 << 20) return trim(v / (1 << 20)) + " MiB";
        if (a >= 1 << 10) return trim(v / (1 << 10)) + " KiB";
        return trim(v) + " B";
    }

    /** Decimal units (kB = 1000 B): the charts' axes step in round decimal numbers. */
    static String decimalBytes(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + " GB";
        if (a >= 1e6) return trim(v / 1e6) + " MB";
        if (a >= 1e3) return trim(v / 1e3) + " kB";
        return trim(v) + " B";
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return String.format(java.util.Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
