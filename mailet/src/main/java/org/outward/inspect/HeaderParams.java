package org.outward.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * The value and parameters of a structured MIME header (Content-Type, Content-Disposition), with file names
 * decoded the ways mail clients write them: RFC 2231 ({@code filename*=utf-8''...}, continuations
 * {@code filename*0*=...; filename*1*=...}) and RFC 2047 encoded words, which RFC 2231 forbids but Outlook and
 * Gmail still send.
 *
 * <p>mime4j tokenises the header (quoting, comments); the RFC 2231 assembly is done here because mime4j's
 * stream layer leaves it to the caller.
 */
record HeaderParams(String value, Map<String, String> params) {

    static final HeaderParams EMPTY = new HeaderParams("", Map.of());

    static HeaderParams parse(String name, String body) {
        if (body == null) {
            return EMPTY;
        }
        RawBody raw = RawFieldParser.DEFAULT.parseRawBody(new RawField(name, body));
        Map<String, String> plain = new TreeMap<>();
        // name -> (section number -> [encoded?, text])
        Map<String, TreeMap<Integer, String[]>> sections = new TreeMap<>();
        for (NameValuePair pair : raw.getParams()) {
            String key = pair.getName().toLowerCase(Locale.ROOT).trim();
            String val = pair.getValue() == null ? "" : pair.getValue();
            int star = key.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(key, val);
                continue;
            }
            String base = key.substring(0, star);
            String rest = key.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section;
            try {
                section = number.isEmpty() ? 0 : Integer.parseInt(number);
            } catch (NumberFormatException e) {
                continue;
            }
            if (section > 1000) {
                continue;
            }
            sections.computeIfAbsent(base, k -> new TreeMap<>()).put(section, new String[] {encoded ? "e" : "p", val});
        }
        Map<String, String> params = new TreeMap<>();
        sections.forEach((base, parts) -> params.put(base, join2231(parts)));
        plain.forEach((k, v) -> params.putIfAbsent(k, decode2047(v)));
        String value = raw.getValue() == null ? "" : raw.getValue().trim().toLowerCase(Locale.ROOT);
        return new HeaderParams(value, Map.copyOf(params));
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    private static String join2231(TreeMap<Integer, String[]> parts) {
        Charset charset = StandardCharsets.UTF_8;
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String[] part : parts.values()) {
            String text = part[1];
            boolean encoded = part[0].equals("e");
            if (first && encoded) {
                // charset'language'value: only the first section carries charset and language.
                int q1 = text.indexOf('\'');
                int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = charsetOr(text.substring(0, q1), StandardCharsets.UTF_8);
                    text = text.substring(q2 + 1);
                }
            }
            first = false;
            out.append(encoded ? percentDecode(text, charset) : text);
        }
        return out.toString();
    }

    private static String percentDecode(String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(charset);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(charset);
    }

    private static String decode2047(String text) {
        if (!text.contains("=?")) {
            return text;
        }
        try {
            return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static Charset charsetOr(String name, Charset fallback) {
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
