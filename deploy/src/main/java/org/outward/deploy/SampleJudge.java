package org.outward.deploy;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.activation.FileDataSource;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.tika.Tika;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.policy.Policy;

/**
 * Judges sample files without a server, for {@code scan} and {@code policy test}: one engine per command run
 * (starting Tika is the slow part), and a throw-away state folder so that a scan never remembers correlation
 * state (encrypted files sent earlier) from one run to the next, nor leaves an installation key behind.
 *
 * <p>A {@code .eml} file is judged as it is; any other file is first made the single attachment of a plain
 * message, so that admins can try a spreadsheet or an archive without writing mail by hand.
 */
final class SampleJudge implements AutoCloseable {

    /** The outside recipient a sample is judged for when none is given: the manifests record that outcome. */
    static final String DEFAULT_RECIPIENT = "someone@example.org";

    private static final Tika NAMES = new Tika();

    private final Policy policy;
    private final Envelope envelope;
    private final Path workFolder;
    private final Engine engine;
    private final Optional<PrintStream> standardOutput;
    private final SampleClock clock = new SampleClock(Instant.now());

    /**
     * A judge for a command whose standard output is its result ({@code scan}, {@code policy test}): the log lines
     * go to standard error while it runs.
     */
    SampleJudge(Policy policy, String sender, List<String> recipients) throws IOException {
        this(policy, sender, recipients, true);
    }

    /** A judge inside a running server (the console's trial of a policy change), which leaves standard output be. */
    static SampleJudge inServer(Policy policy) throws IOException {
        return new SampleJudge(policy, null, null, false);
    }

    private SampleJudge(Policy policy, String sender, List<String> recipients, boolean divertLogs) throws IOException {
        this.standardOutput = divertLogs ? Optional.of(System.out) : Optional.empty();
        if (divertLogs) {
            divertLogsToStandardError();
        }
        this.policy = policy;
        this.envelope = new Envelope(sender != null ? sender : defaultSender(policy),
                recipients == null || recipients.isEmpty() ? List.of(DEFAULT_RECIPIENT) : recipients);
        this.workFolder = Files.createTempDirectory("outward-scan-");
        this.engine = new Engine(workFolder.resolve("state"), clock);
    }

    /**
     * The parsers log to the console (logback writes to {@code System.out} at each call), which would break
     * the one-JSON-object-per-line contract. The command's own writer already holds the real standard
     * output, so pointing {@code System.out} at standard error moves only the log lines.
     */
    private static void divertLogsToStandardError() {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /** A volunteer in the party's first internal domain: samples are judged as mail the party sends. */
    static String defaultSender(Policy policy) {
        List<String> domains = policy.recipients().internalDomains();
        return "scan@" + (domains.isEmpty() ? "localhost" : domains.get(0));
    }

    Envelope envelope() {
        return envelope;
    }

    Judgement judge(Path sample) throws IOException {
        // Each sample is judged as if sent long after the one before: otherwise the password in one sample
        // would correlate with an encrypted file in another, and a verdict would depend on the order of PATHs.
        clock.advance(policy.detection().correlationWindow().plusDays(1));
        if (isMessage(sample)) {
            return engine.judge(sample, envelope, policy);
        }
        Path message = Files.createTempFile(workFolder, "sample-", ".eml");
        try {
            writeMessageAround(sample, message);
            return engine.judge(message, envelope, policy);
        } finally {
            Files.deleteIfExists(message);
        }
    }

    /** A whole message as it was sent, for this envelope rather than the samples' one. */
    Judgement judge(byte[] message, Envelope other) {
        clock.advance(policy.detection().correlationWindow().plusDays(1));
        return engine.judge(message, other, policy);
    }

    static boolean isMessage(Path sample) {
        return sample.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    private void writeMessageAround(Path attachment, Path message) throws IOException {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress(envelope.sender()));
            for (String recipient : envelope.recipients()) {
                mail.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            }
            // A neutral subject: it must not carry the secure tag, nor anything a detector could react to.
            mail.setSubject("File for you");
            MimeBodyPart note = new MimeBodyPart();
            note.setText("Please find the file attached.", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            String name = attachment.getFileName().toString();
            // Declare the type a mail client would, from the name: a neutral octet-stream would make every
            // sample look disguised (the declared type disagreeing with the content).
            file.setDataHandler(new DataHandler(new FileDataSource(attachment.toFile()) {
                @Override
                public String getContentType() {
                    return NAMES.detect(name);
                }
            }));
            file.setFileName(name);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mail.setContent(new MimeMultipart(note, file));
            mail.saveChanges();
            try (OutputStream out = Files.newOutputStream(message)) {
                mail.writeTo(out);
            }
        } catch (MessagingException e) {
            throw new IOException("cannot make a message around " + attachment.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The engine's time: still within a sample, jumping forward between samples. */
    private static final class SampleClock extends Clock {
        private volatile Instant now;

        SampleClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the sample clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Override
    public void close() {
        engine.close();
        standardOutput.ifPresent(System::setOut);
        try {
            Files.walkFileTree(workFolder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scan's temporary folder " + workFolder, e);
        }
    }
}
