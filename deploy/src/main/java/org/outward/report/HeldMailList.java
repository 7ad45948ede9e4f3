package org.outward.report;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mail held in the gateway's repositories, asked of James's WebAdmin ({@code /mailRepositories}), so that the
 * digest sees what the gateway holds whatever repository backend it runs on. Only the envelope, the stored time and
 * the Message-ID header are asked for, never a body.
 */
public final class HeldMailList {

    /** The repositories of mail waiting for an admin: originals of blocked mail, and quarantined mail. */
    public static final List<String> WAITING = List.of("var/mail/outward-quarantine", "var/mail/outward-blocked");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI webAdmin;
    private final Optional<String> token;

    /** @param token a bearer token, for a WebAdmin with JWT authentication on */
    public HeldMailList(URI webAdmin, Optional<String> token) {
        this.webAdmin = webAdmin;
        this.token = token;
    }

    /** Every mail held in these repositories, oldest first. */
    public List<HeldMail> in(List<String> repositories) throws IOException {
        List<HeldMail> held = new ArrayList<>();
        for (String repository : repositories) {
            String base = "/mailRepositories/" + URLEncoder.encode(repository, StandardCharsets.UTF_8) + "/mails";
            for (JsonNode key : get(base)) {
                JsonNode mail = get(base + "/" + URLEncoder.encode(key.asText(), StandardCharsets.UTF_8)
                        + "?additionalFields=headers");
                held.add(new HeldMail(repository, key.asText(), stored(mail), mail.path("sender").asText(""),
                        mail.path("recipients").size(), messageId(mail.path("headers"))));
            }
        }
        held.sort(java.util.Comparator.comparing(HeldMail::heldSince));
        return held;
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(webAdmin.resolve(path)).timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("WebAdmin answered " + response.statusCode() + " to GET " + path);
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking WebAdmin", e);
        }
    }

    /** WebAdmin's times, e.g. {@code 2026-12-07T15:51:34.603+0000}. */
    private static final java.time.format.DateTimeFormatter STORED =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ");

    /** When the mail was stored. */
    private static Instant stored(JsonNode mail) {
        try {
            return java.time.OffsetDateTime.parse(mail.path("lastUpdated").asText(), STORED).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH; // unknown: shown as the oldest, which is where a DPO should look first
        }
    }

    /** The Message-ID header's value from WebAdmin's map of header names to values. */
    static String messageId(JsonNode headers) {
        for (var names = headers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase("Message-ID") && headers.get(name).size() > 0) {
                return headers.get(name).get(0).asText().strip();
            }
        }
        return "";
    }
}
