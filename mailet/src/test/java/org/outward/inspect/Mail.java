package org.outward.inspect;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Hand-built raw messages for tests: real MIME structure, written the way mail clients write it. */
final class Mail {

    private Mail() {
    }

    static String headers(String contentType) {
        return "From: volunteer@party.example\r\n"
                + "To: printer@elsewhere.example\r\n"
                + "Subject: test\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n";
    }

    static String multipart(String boundary, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        return out.append("--").append(boundary).append("--\r\n").toString();
    }

    static String text(String body) {
        return "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    }

    static String attachment(String contentTypeAndName, String dispositionParams, byte[] content) {
        return "Content-Type: " + contentTypeAndName + "\r\n"
                + "Content-Disposition: attachment" + dispositionParams + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    static String message(String boundary, String... parts) {
        return headers("multipart/mixed; boundary=\"" + boundary + "\"") + "\r\n" + multipart(boundary, parts);
    }

    static InputStream stream(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8));
    }
}
