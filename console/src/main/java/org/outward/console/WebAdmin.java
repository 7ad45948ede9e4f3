package org.outward.console;

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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.MimeUtility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's only way to the gateway: James WebAdmin's REST API (mail repositories and tasks), with a bearer
 * token when WebAdmin asks for one. Release is WebAdmin's reprocessing of one mail into the processor that marks
 * and sends on released mail; delete is its reprocessing into the processor that tells the sender (if the policy
 * says so) and ghosts the mail, so that a deletion is told and audited by the gateway as a release is.
 */
public final class WebAdmin {

    /** The processor of {@code mailetcontainer.xml} that released mail enters (ReleaseHeld, then outbound). */
    public static final String RELEASE_PROCESSOR = "outward-released";
    /** The processor that deleted mail enters (DeleteHeld, which ghosts it). */
    public static final String DELETE_PROCESSOR = "outward-deleted";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_LISTED = 500;
    /** How WebAdmin writes a mail's time: {@code 2026-12-07T15:46:46.052+0000}. */
    private static final java.time.format.DateTimeFormatter WEBADMIN_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final Optional<String> token;

    public WebAdmin(URI base, Optional<String> token) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    /** The keys of the mails in a repository under {@code var/mail}, at most {@value #MAX_LISTED}. */
    public List<String> keys(String repository) throws IOException {
        JsonNode keys = getJson(path(repository) + "/mails?limit=" + MAX_LISTED);
        List<String> result = new ArrayList<>();
        keys.forEach(k -> result.add(k.asText()));
        return result;
    }

    /** One mail's envelope, subject, time and the inspection's record; empty when it is gone. */
    public Optional<HeldMail> mail(String repository, String key) throws IOException {
        HttpResponse<String> response = send(request(mailPath(repository, key) + "?additionalFields=attributes,headers")
                .GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200);
        JsonNode mail = json.readTree(response.body());
        List<String> recipients = new ArrayList<>();
        mail.path("recipients").forEach(r -> recipients.add(r.asText()));
        JsonNode summary = summary(mail.path("attributes"));
        List<String> rules = new ArrayList<>();
        summary.path("recipients").forEach(r -> r.path("rules").forEach(rule -> {
            if (recipients.contains(r.path("address").asText()) && !rules.contains(rule.asText())) {
                rules.add(rule.asText());
            }
        }));
        List<HeldMail.Finding> findings = new ArrayList<>();
        summary.path("findings").forEach(f -> findings.add(new HeldMail.Finding(f.path("kind").asText(),
                f.path("part").asText(), f.path("file").asText(), f.path("protection").asText(),
                f.path("records").asInt(), f.path("evidence").asText())));
        return Optional.of(new HeldMail(repository, key, header(mail.path("headers"), "Message-ID"),
                mail.path("sender").asText(""), recipients, header(mail.path("headers"), "Subject"),
                time(mail.path("lastUpdated")), summary.path("verdict").asText(""), rules, findings));
    }

    /** The mail as it was received (RFC 5322), to read its structure. */
    public Optional<byte[]> raw(String repository, String key) throws IOException {
        HttpResponse<byte[]> response = sendBytes(request(mailPath(repository, key)).header("Accept", "message/rfc822")
                .GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("WebAdmin answered " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    /** Sends the mail on: reprocessed into {@value #RELEASE_PROCESSOR}, waiting until WebAdmin's task is done. */
    public void release(String repository, String key) throws IOException {
        reprocess(repository, key, RELEASE_PROCESSOR);
    }

    /**
     * Ends the mail: reprocessed into {@value #DELETE_PROCESSOR}, waiting until WebAdmin's task is done. The mail
     * leaves the repository at once; the gateway tells the sender (or not) and ghosts it.
     */
    public void delete(String repository, String key) throws IOException {
        reprocess(repository, key, DELETE_PROCESSOR);
    }

    private void reprocess(String repository, String key, String processor) throws IOException {
        HttpResponse<String> response = send(request(mailPath(repository, key) + "?action=reprocess&queue=spool&processor="
                + processor).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        expect(response, 201);
        String task = json.readTree(response.body()).path("taskId").asText();
        JsonNode done = getJson("/tasks/" + encode(task) + "/await?timeout=" + TIMEOUT.toSeconds() + "s");
        if (!"completed".equals(done.path("status").asText())) {
            throw new IOException("WebAdmin's reprocessing task ended " + done.path("status").asText());
        }
    }

    /** Whether WebAdmin answers an authenticated request (the list of mail repositories), for the health check. */
    public boolean answers() {
        try {
            return send(request("/mailRepositories").timeout(Duration.ofSeconds(5)).GET().build()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode summary(JsonNode attributes) {
        JsonNode text = attributes.path("org.outward.summary");
        if (!text.isTextual()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return new ObjectMapper().readTree(text.asText());
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** A header's first value, wherever WebAdmin's header map puts it, decoded from MIME words; empty if absent. */
    private static String header(JsonNode headers, String name) {
        JsonNode map = headers.has("headers") ? headers.path("headers") : headers;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (name.equalsIgnoreCase(header.getKey())) {
                JsonNode value = header.getValue().isArray() ? header.getValue().path(0) : header.getValue();
                try {
                    return MimeUtility.decodeText(MimeUtility.unfold(value.asText()));
                } catch (java.io.UnsupportedEncodingException e) {
                    return value.asText();
                }
            }
        }
        return "";
    }

    private static Optional<Instant> time(JsonNode lastUpdated) {
        if (lastUpdated.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(lastUpdated.asLong()));
        }
        if (lastUpdated.isTextual()) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(lastUpdated.asText(), WEBADMIN_TIME).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private JsonNode getJson(String path) throws IOException {
        HttpResponse<String> response = send(request(path).GET().build());
        expect(response, 200);
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT.plusSeconds(10));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void expect(HttpResponse<?> response, int status) throws IOException {
        if (response.statusCode() != status) {
            // The status only: WebAdmin's error text can quote the request, which names addresses.
            throw new IOException("WebAdmin answered " + response.statusCode());
        }
    }

    private static String path(String repository) {
        return "/mailRepositories/" + encode("var/mail/" + repository);
    }

    private static String mailPath(String repository, String key) {
        return path(repository) + "/mails/" + encode(key);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
