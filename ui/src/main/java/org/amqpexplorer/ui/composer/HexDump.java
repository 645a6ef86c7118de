package org.amqpexplorer.ui.composer;

/**
 * Bytes as a classic hex dump: offset, sixteen bytes in two groups of eight, the printable ASCII. Lines have
 * a fixed width, so a byte's place in the text is known (to select a section's bytes).
 */
final class HexDump {
    static final int PER_LINE = 16;
    private static final int HEX_START = 10;
    private static final int ASCII_START = HEX_START + PER_LINE * 3 + 1 + 1;
    static final int LINE_LENGTH = ASCII_START + PER_LINE + 1;
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    /** The first {@code limit} bytes of {@code bytes} (all of them if fewer), and a line saying how many more there are. */
    static String of(byte[] bytes, int limit) {
        int n = Math.min(bytes.length, limit);
        StringBuilder sb = new StringBuilder((n / PER_LINE + 2) * LINE_LENGTH);
        for (int line = 0; line < n; line += PER_LINE) {
            sb.append(String.format("%08x  ", line));
            for (int i = 0; i < PER_LINE; i++) {
                if (i == 8) sb.append(' ');
                if (line + i < n) {
                    int b = bytes[line + i] & 0xFF;
                    sb.append(DIGITS[b >> 4]).append(DIGITS[b & 0xF]).append(' ');
                } else {
                    sb.append("   ");
                }
            }
            sb.append(' ');
            for (int i = 0; i < PER_LINE; i++) {
                if (line + i >= n) {
                    sb.append(' ');
                    continue;
                }
                int b = bytes[line + i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            sb.append('\n');
        }
        if (n < bytes.length) sb.append("… ").append(bytes.length - n).append(" more bytes not shown\n");
        return sb.toString();
    }

    /** Where byte {@code offset}'s two hex digits start in the dump. */
    static int charAt(int offset) {
        int col = offset % PER_LINE;
        return (offset / PER_LINE) * LINE_LENGTH + HEX_START + col * 3 + (col >= 8 ? 1 : 0);
    }

    /** The text range [from, to) covering the hex digits of bytes {@code offset} to {@code offset + length - 1}. */
    static int[] range(int offset, int length) {
        if (length <= 0) return new int[] {charAt(offset), charAt(offset)};
        return new int[] {charAt(offset), charAt(offset + length - 1) + 2};
    }
}
