package org.outward.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.outward.deploy.EmbeddedGateway;
import org.outward.deploy.GatewaySettings;
import org.outward.deploy.OutboundRoute;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A long run of mixed mail through the full gateway (durable queues and repositories, GreenMail as the outside
 * world), in batches: after each batch it waits until every message of the batch is accounted for —
 * delivered, blocked, quarantined or bounced — then collects garbage and samples the used heap and the live
 * threads. A gateway that loses mail, leaks memory or leaks threads shows it in the checkpoints.
 */
public final class SoakRun {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String OUTSIDE = "alex.agent@example.org";

    /** What a message of the mix must end as under the default policy. */
    enum Expected { DELIVERED, BLOCKED, QUARANTINED }

    record Sample(byte[] raw, Expected expected) {
    }

    /** State after one batch: running totals, and the heap (after GC) and threads at that moment. */
    public record Checkpoint(int submitted, int delivered, int blocked, int quarantined, int bounced, long heapUsedMb,
                             int threads) {

        public int accountedFor() {
            return delivered + blocked + quarantined + bounced;
        }
    }

    /**
     * @param expected how many of each outcome the mix should give; checkpoints hold what it gave
     */
    public record Result(List<Checkpoint> checkpoints, Map<Expected, Integer> expected, int duplicates,
                         double seconds) {

        public Checkpoint first() {
            return checkpoints.get(0);
        }

        public Checkpoint last() {
            return checkpoints.get(checkpoints.size() - 1);
        }

        /**
         * The most threads seen in the first half of the run. Pools grow to their size under load and shrink
         * when idle, so the count wanders; a leak shows as the end of the run standing above all of the first
         * half, not as the last checkpoint above the first.
         */
        public int threadsFirstHalf() {
            return checkpoints.subList(0, Math.max(1, checkpoints.size() / 2)).stream()
                    .mapToInt(Checkpoint::threads).max().orElseThrow();
        }
    }

    private SoakRun() {
    }

    /** Ten messages: four short notes and three with typical attachments (delivered), two canvass returns
     *  (blocked), one spreadsheet named as a photo (quarantined). */
    static List<Sample> mix() throws IOException, MessagingException {
        List<byte[]> text = MessageMix.TEXT.messages();
        List<byte[]> typical = MessageMix.TYPICAL.messages();
        byte[] canvass;
        try (InputStream in = SoakRun.class.getResourceAsStream("/fixtures/mail/canvass-attached.eml")) {
            canvass = in.readAllBytes();
        }
        List<Sample> mix = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mix.add(new Sample(text.get(i % text.size()), Expected.DELIVERED));
        }
        for (int i = 0; i < 3; i++) {
            mix.add(new Sample(typical.get(i % typical.size()), Expected.DELIVERED));
        }
        mix.add(new Sample(canvass, Expected.BLOCKED));
        mix.add(new Sample(canvass, Expected.BLOCKED));
        mix.add(new Sample(disguised(), Expected.QUARANTINED));
        return List.copyOf(mix);
    }

    private static byte[] disguised() {
        return ("From: " + SENDER + "\r\nTo: " + OUTSIDE + "\r\nSubject: Photo from Saturday\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"soak\"\r\n\r\n--soak\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nSee attached.\r\n--soak\r\n"
                + "Content-Type: image/jpeg; name=\"photo.jpg\"\r\nContent-Disposition: attachment; filename=\"photo.jpg\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("name,street\r\nLeaflets,High Street\r\n".getBytes(StandardCharsets.US_ASCII))
                + "\r\n--soak--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param messages    how many to submit in all
     * @param batch       how many between checkpoints
     * @param concurrency SMTP clients sending at once
     * @param batchTimeout how long one batch may take to be accounted for
     */
    public static Result run(int messages, int batch, int concurrency, Duration batchTimeout, Path work)
            throws Exception {
        List<Sample> mix = mix();
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        AtomicInteger bounced = new AtomicInteger();
        int port = freePort();
        GreenMail outside = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        GreenMailUser sink = outside.setUser("sink@example.org", "sink");
        // Count as GreenMail takes delivery; what it stores is purged at each checkpoint, so that the outside
        // world's memory does not pass for the gateway's.
        outside.getUserManager().setMessageDeliveryHandler((message, address) -> {
            MimeMessage mime = message.getMessage();
            String[] id = mime.getHeader(SmtpClients.ID_HEADER);
            if (id != null) {
                delivered.merge(id[0], 1, Integer::sum);
            } else if (mime.isMimeType("multipart/report")) {
                bounced.incrementAndGet();
            }
            return sink;
        });
        List<Checkpoint> checkpoints = new ArrayList<>();
        long begin = System.nanoTime();
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work,
                new OutboundRoute.Relay("127.0.0.1", port, false, Optional.empty())))) {
            HttpClient http = HttpClient.newHttpClient();
            for (int from = 0; from < messages; from += batch) {
                int to = Math.min(messages, from + batch);
                submit(gateway.smtpPort(), mix, from, to, concurrency);
                Checkpoint now = awaitAccounted(http, gateway.webAdminPort(), to, delivered, bounced, batchTimeout);
                outside.purgeEmailFromAllMailboxes();
                checkpoints.add(sampled(now));
            }
        } finally {
            outside.stop();
        }
        Map<Expected, Integer> expected = new java.util.EnumMap<>(Expected.class);
        for (int i = 0; i < messages; i++) {
            expected.merge(mix.get(i % mix.size()).expected(), 1, Integer::sum);
        }
        int duplicates = delivered.values().stream().mapToInt(n -> n - 1).sum();
        return new Result(List.copyOf(checkpoints), expected, duplicates, (System.nanoTime() - begin) / 1e9);
    }

    private static void submit(int port, List<Sample> mix, int from, int to, int concurrency) throws Exception {
        SmtpClients.submit(port, SENDER, OUTSIDE, from, to, concurrency, i -> mix.get(i % mix.size()).raw(), "soak-",
                id -> { });
    }

    private static Checkpoint awaitAccounted(HttpClient http, int webAdmin, int submitted, Map<String, Integer> delivered,
                                             AtomicInteger bounced, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Checkpoint now = new Checkpoint(submitted, delivered.size(),
                    GatewayState.repositorySize(http, webAdmin, "outward-blocked"),
                    GatewayState.repositorySize(http, webAdmin, "outward-quarantine"), bounced.get(), 0, 0);
            if (now.accountedFor() >= submitted) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + now.accountedFor() + " of " + submitted
                        + " messages accounted for within " + timeout.toSeconds() + "s: " + now);
            }
            Thread.sleep(50);
        }
    }

    private static Checkpoint sampled(Checkpoint c) {
        // Several collections: one may leave soft references and finalizable objects for the next.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return new Checkpoint(c.submitted(), c.delivered(), c.blocked(), c.quarantined(), c.bounced(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
