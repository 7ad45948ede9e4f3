package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;

/**
 * A whole visit with every logger that could see a request turned up to ALL: the JDK server's own
 * ({@code com.sun.net.httpserver}, which logs request lines, and request lines hold tokens) and the portal's.
 * Nothing captured may hold a token, a code, the recipient's address or the file's name.
 */
class TokenLoggingTest {

    private static final List<String> WATCHED = List.of("com.sun.net.httpserver", "org.outward");

    @TempDir
    Path folder;

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new CopyOnWriteArrayList<>(); // held: JUL forgets unreferenced loggers
    private final List<Level> before = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            captured.add(record.getLoggerName() + " " + format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        capture.setLevel(Level.ALL);
        for (String name : WATCHED) {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            before.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
    }

    @AfterEach
    void stopCapturing() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(capture);
            loggers.get(i).setLevel(before.get(i));
        }
    }

    @Test
    void aWholeVisitLogsNoSecret() throws Exception {
        String link;
        String management;
        String code;
        try (PortalHarness h = new PortalHarness(folder)) {
            // The capture works: the portal's own DEBUG lines arrive.
            System.getLogger("org.outward.portal.TokenLoggingTest").log(System.Logger.Level.DEBUG, "capture check");
            Deposit deposit = h.put("printer@example.org", "PD,ENO\n".getBytes(StandardCharsets.UTF_8));
            link = deposit.link().encoded();
            management = deposit.management().encoded();
            HttpClient recipient = PortalHarness.browser();
            String path = "/l/" + link;
            String page = h.get(recipient, path + "?lang=cy").body();
            String csrf = "csrf=" + PortalHarness.csrf(page);
            assertThat(h.post(recipient, path + "/code", csrf).statusCode()).isEqualTo(200);
            code = h.sent.get(0).code();
            assertThat(h.post(recipient, path + "/verify", csrf + "&code=" + code).statusCode()).isEqualTo(303);
            HttpResponse<byte[]> file = h.post(recipient, path + "/download", csrf, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            // A malformed request, which the JDK server answers (and logs) itself.
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", h.portal.port())) {
                raw.setSoTimeout(10_000);
                raw.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: portal\r\nno colon here\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new String(raw.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).isEqualTo("HTTP/1.1 400");
            }

            HttpClient sender = PortalHarness.browser();
            String manage = "/m/" + management;
            String senderPage = h.get(sender, manage).body();
            assertThat(h.post(sender, manage + "/revoke", "csrf=" + PortalHarness.csrf(senderPage)).statusCode())
                    .isEqualTo(303);
            assertThat(h.get(recipient, path).statusCode()).isEqualTo(404);
        }
        String all = String.join("\n", captured);
        assertThat(all).contains("capture check");
        // Prefixes too: the JDK cuts long request lines at 80 characters.
        List<String> secrets = List.of(link.substring(0, 12), link.substring(link.length() - 12),
                management.substring(0, 12), management.substring(management.length() - 12), code,
                "printer@example.org", "PD,ENO");
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            // Says which secret and how many lines held it, never the secret itself.
            assertThat(captured.stream().filter(line -> line.contains(secret)).count())
                    .as("captured lines holding secret #%d (0-1 link, 2-3 management link, 4 code, 5 address, 6 content)", i)
                    .isZero();
        }
    }
}
