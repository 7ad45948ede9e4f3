package org.outward.portal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits forwarding headers into hops and reads a hop's address: {@code X-Forwarded-For} is a comma-separated
 * list of addresses; an RFC 7239 {@code Forwarded} element is {@code ;}-separated pairs whose values may be
 * quoted strings (which may hold commas, so splitting honours quotes).
 */
final class ForwardedHops {

    /** More hops than any real chain of proxies has: the rest is ignored, the count of work bounded. */
    private static final int MAX_HOPS = 32;

    private ForwardedHops() {
    }

    /** The hops, left to right; with {@code quoted}, commas inside quoted strings do not split. */
    static List<String> split(String header, boolean quoted) {
        List<String> hops = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '"') {
                inQuotes = !inQuotes;
            } else if (quoted && inQuotes && c == '\\' && i + 1 < header.length()) {
                current.append(c);
                c = header.charAt(++i);
            } else if (c == ',' && !inQuotes) {
                hops.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        hops.add(current.toString());
        // The right-most hops are the ones that count; keep those when a client pads the header.
        return hops.size() > MAX_HOPS ? hops.subList(hops.size() - MAX_HOPS, hops.size()) : hops;
    }

    /** The address in one {@code Forwarded} element's {@code for=} pair; empty when absent, unknown or obfuscated. */
    static Optional<InetAddress> forwardedFor(String element) {
        Optional<InetAddress> found = Optional.empty();
        int pairs = 0;
        for (String pair : split(element.replace(';', ','), true)) {
            if (++pairs > 8) {
                return Optional.empty();
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            if (!"for".equals(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (found.isPresent()) {
                return Optional.empty();
            }
            found = node(unquote(pair.substring(equals + 1).strip()));
            if (found.isEmpty()) {
                return found;
            }
        }
        return found;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code [2001:db8::1]} or {@code [2001:db8::1]:8080}. */
    private static Optional<InetAddress> node(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0 || (close + 1 < node.length() && !port(node.substring(close + 1)))) {
                return Optional.empty();
            }
            return IpLiteral.parse(node.substring(1, close));
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && !port(node.substring(colon))) {
            return Optional.empty();
        }
        return IpLiteral.parse(colon < 0 ? node : node.substring(0, colon));
    }

    private static boolean port(String text) {
        return text.matches(":\\d{1,5}");
    }

    /** Drops the brackets some proxies put around an IPv6 address in {@code X-Forwarded-For}. */
    static String unbracket(String hop) {
        return hop.length() > 2 && hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
