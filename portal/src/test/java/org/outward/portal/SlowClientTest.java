package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;

/**
 * Slowloris against a real portal on real sockets: connections that send their headers, or their body, a byte at
 * a time. The attacker connects from 127.0.0.2, the recipient from 127.0.0.1 (both loopback on Linux).
 */
class SlowClientTest {

    private static final int SLOW = 8;
    private static final String ATTACKER = "127.0.0.2";
    private static final Duration TRICKLE = Duration.ofMillis(500);

    @TempDir
    Path folder;

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);

    @AfterEach
    void closeSockets() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Opens a connection from the attacker's address, sends {@code head}, then one byte of {@code drip} per tick. */
    private Socket slow(int port, String head, char drip) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(ATTACKER, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        trickle.scheduleWithFixedDelay(() -> {
            try {
                out.write(drip);
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("closed", e); // stops this connection's trickle
            }
        }, TRICKLE.toMillis(), TRICKLE.toMillis(), TimeUnit.MILLISECONDS);
        return socket;
    }

    /** Eight connections trickling headers and eight trickling a form body. */
    private List<Socket> slowloris(int port) throws IOException {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            slow.add(slow(port, "GET / HTTP/1.1\r\nHost: portal\r\nX-Slow-" + i + ": ", 'a'));
            slow.add(slow(port, "POST / HTTP/1.1\r\nHost: portal\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 4000\r\n\r\ncsrf=", 'a'));
        }
        return slow;
    }

    /** Waits until {@code deadline} (nanoTime) for the server to close the connection: end of stream, or a reset. */
    private static boolean closedByServerBy(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }

    @Test
    void aRecipientIsServedWhileSlowClientsHoldConnections() throws Exception {
        // Deadlines far beyond the test, so the slow connections are certainly still open when the recipient comes.
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS.withReadDeadlines(Duration.ofMinutes(5),
                Duration.ofMinutes(5));
        try (PortalHarness h = new PortalHarness(folder, limits, null, "http")) {
            Deposit deposit = h.put("a@example.org", "x".getBytes(StandardCharsets.UTF_8));
            slowloris(h.portal.port());
            Thread.sleep(2 * TRICKLE.toMillis()); // the slow requests have reached the server's threads

            HttpClient browser = PortalHarness.browser();
            HttpRequest page = HttpRequest.newBuilder(h.base.resolve("/l/" + deposit.link().encoded()))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> answer = browser.send(page, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            HttpResponse<String> code = browser.send(HttpRequest.newBuilder(h.base.resolve("/l/" + deposit.link().encoded() + "/code"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + PortalHarness.csrf(answer.body()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(code.statusCode()).isEqualTo(200);
            assertThat(h.sent).hasSize(1);
        }
    }

    @Test
    void slowRequestsAreCutOffAtTheirDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(2);
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS.withReadDeadlines(deadline, deadline);
        try (PortalHarness h = new PortalHarness(folder, limits, null, "http")) {
            long opened = System.nanoTime();
            List<Socket> slow = slowloris(h.portal.port());
            // The deadline, plus a margin for the timer and a busy machine; no claim about how soon within it.
            long by = opened + deadline.plusSeconds(8).toNanos();
            for (Socket socket : slow) {
                assertThat(closedByServerBy(socket, by)).as("slow connection closed by the server").isTrue();
            }
            // The portal still answers.
            assertThat(h.get(PortalHarness.browser(), "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientOverItsLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS.withRequestLimits(1, 1000);
        try (PortalHarness h = new PortalHarness(folder, limits, null, "http")) {
            Socket first = slow(h.portal.port(), "GET / HTTP/1.1\r\nHost: portal\r\n\r\n", ' ');
            first.setSoTimeout(10_000);
            assertThat(new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).endsWith("200");
            // The body never comes; the answer must not wait for it.
            Socket second = new Socket();
            sockets.add(second);
            second.bind(new InetSocketAddress(ATTACKER, 0));
            second.connect(new InetSocketAddress("127.0.0.1", h.portal.port()), 5000);
            second.getOutputStream().write(("POST / HTTP/1.1\r\nHost: portal\r\nContent-Length: 4000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            second.setSoTimeout(10_000);
            assertThat(new String(second.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).endsWith("429");
        }
    }
}
