package org.outward.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;
import org.outward.inspect.Inspection;
import org.outward.inspect.InspectionLimits;
import org.outward.inspect.MessageInspector;
import org.outward.protect.ProtectionChecks;

/**
 * The inspection core alone (MIME walk, true types, protection verdicts, text and tables) over the fixture
 * mix: every protection fixture attached to a short message, plus the sample messages. Reports messages per
 * second, and through the auxiliary counter the megabytes of raw message per second.
 *
 * <pre>
 * bench/run -f 1 -wi 3 -i 5 InspectionBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class InspectionBenchmark {

    private List<byte[]> mix;
    private MessageInspector inspector;
    private int next;

    @Setup
    public void prepare() throws IOException, MessagingException {
        mix = new ArrayList<>();
        for (ProtectionFixture fixture : Fixtures.protection()) {
            mix.add(withAttachment(fixture.path().substring(fixture.path().lastIndexOf('/') + 1), fixture.bytes()));
        }
        Fixtures.all().stream().filter(f -> f.path().endsWith(".eml")).forEach(f -> mix.add(f.bytes()));
        inspector = new MessageInspector(InspectionLimits.defaults(), ProtectionChecks.defaults());
    }

    @TearDown
    public void close() {
        inspector.close();
    }

    @Benchmark
    public Inspection inspectFixtureMix(ByteCounter counter) {
        byte[] message = mix.get(next++ % mix.size());
        counter.bytes += message.length;
        return inspector.inspect(new ByteArrayInputStream(message));
    }

    /**
     * Baseline in the same run: what any mail server does with the same messages, a full MIME parse with every
     * part decoded and read, without types, verdicts or text.
     */
    @Benchmark
    public long mimeParseBaseline(ByteCounter counter) throws MessagingException, IOException {
        byte[] message = mix.get(next++ % mix.size());
        counter.bytes += message.length;
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
        return readAll(parsed);
    }

    private static long readAll(javax.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            javax.mail.Multipart multipart = (javax.mail.Multipart) part.getContent();
            long total = 0;
            for (int i = 0; i < multipart.getCount(); i++) {
                total += readAll(multipart.getBodyPart(i));
            }
            return total;
        }
        try (java.io.InputStream in = part.getInputStream()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** A short message with the bytes attached under that name, as a sender's client would write it. */
    static byte[] withAttachment(String name, byte[] bytes) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sam.volunteer@party.example"));
        message.setRecipients(javax.mail.Message.RecipientType.TO, "alex.agent@example.org");
        message.setSubject("File: " + name);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The file is attached.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(bytes, "application/octet-stream");
        file.setHeader("Content-Type", "application/octet-stream");
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setFileName(name);
        mixed.addBodyPart(file);
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
