package org.outward.portal;

import java.nio.charset.StandardCharsets;

/**
 * A safe {@code Content-Disposition: attachment} header (RFC 6266): an ASCII fallback name with anything risky
 * replaced, and the real name in RFC 8187 {@code filename*} encoding.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        String name = baseName(fileName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name.isEmpty() ? "download" : name;
    }

    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c < 128 && (Character.isLetterOrDigit(c) || ".-_ ()".indexOf(c) >= 0) ? c : '_');
        }
        return out.toString();
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
