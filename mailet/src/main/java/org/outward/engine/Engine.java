package org.outward.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeUtility;

import org.outward.detect.personal.PersonalDataDetector;
import org.outward.detect.personal.RecogniserRegistry;
import org.outward.detect.secret.FollowUpTokens;
import org.outward.detect.secret.SecretDetector;
import org.outward.detect.secret.correlate.EncryptedSendLogs;
import org.outward.detect.secret.correlate.PasswordCorrelator;
import org.outward.inspect.Inspection;
import org.outward.inspect.InspectionLimits;
import org.outward.inspect.MessageInspector;
import org.outward.inspect.ParserIsolation;
import org.outward.installation.InstallationKey;
import org.outward.policy.CustomIdentifier;
import org.outward.policy.Decider;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.MessageFacts;
import org.outward.policy.Policy;
import org.outward.protect.ProtectionChecks;

/**
 * Everything that judges content, run once per message: the walk (types, protection, text), the detectors,
 * and the policy's decision. The mailets, the {@code scan} command, the tests and the benchmarks all call
 * this, so they all judge alike. Thread-safe; one engine serves the whole gateway.
 *
 * <pre>{@code
 * try (Engine engine = new Engine(stateFolder, Clock.systemUTC())) {
 *     Judgement judgement = engine.judge(rawMessageBytesOrFile, envelope, policy);
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

    /** How far into a message the subject is looked for. */
    private static final int MAX_SUBJECT_SEARCH_BYTES = 1 << 20;

    private final SecretDetector secrets = SecretDetector.withDefaults();
    private final FollowUpTokens followUps = FollowUpTokens.withDefaults();
    private final AtomicReference<People> people = new AtomicReference<>();
    private final EncryptedSendLogs sendLogs;
    private final Clock clock;
    private final InstallationKey key;
    private final ParserIsolation isolation;
    private final AtomicReference<Inspector> inspector = new AtomicReference<>();
    private final AtomicReference<Correlator> correlator = new AtomicReference<>();

    /** The inspector for one set of limits: rebuilt when a reloaded policy changes them. */
    private record Inspector(InspectionLimits limits, MessageInspector inspector) {
    }

    /** The personal-data detector for one policy's declared identifiers: rebuilt when a reload changes them. */
    private record People(List<CustomIdentifier> identifiers, PersonalDataDetector detector) {
    }

    /** The password correlation for one window: rebuilt when a reloaded policy changes it. */
    private record Correlator(Duration window, PasswordCorrelator correlator) {
    }

    /**
     * @param stateFolder where the engine keeps what must survive a restart: the installation key and the
     *                    password-correlation state (keyed hashes only, no content)
     */
    public Engine(Path stateFolder, Clock clock) {
        this(stateFolder, EncryptedSendLogs.inFolder(stateFolder), clock, ParserIsolation.defaults());
    }

    /**
     * @param stateFolder where the installation key lives
     * @param sendLogs    where the password-correlation state lives (the state folder, or shared backends)
     */
    public Engine(Path stateFolder, EncryptedSendLogs sendLogs, Clock clock) {
        this(stateFolder, sendLogs, clock, ParserIsolation.defaults());
    }

    /**
     * @param isolation where untrusted files are parsed: parser processes of their own, or this JVM
     */
    public Engine(Path stateFolder, Clock clock, ParserIsolation isolation) {
        this(stateFolder, EncryptedSendLogs.inFolder(stateFolder), clock, isolation);
    }

    /**
     * @param stateFolder where the installation key lives
     * @param sendLogs    where the password-correlation state lives (the state folder, or shared backends)
     * @param isolation   where untrusted files are parsed: parser processes of their own, or this JVM
     */
    public Engine(Path stateFolder, EncryptedSendLogs sendLogs, Clock clock, ParserIsolation isolation) {
        Objects.requireNonNull(stateFolder, "stateFolder");
        this.sendLogs = Objects.requireNonNull(sendLogs, "sendLogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        try {
            Files.createDirectories(stateFolder);
            this.key = InstallationKey.loadOrCreate(stateFolder.resolve("installation.key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state folder " + stateFolder, e);
        }
    }

    /** Judges a raw RFC 5322 message kept in a file. */
    public Judgement judge(Path rawMessage, Envelope envelope, Policy policy) {
        return judge(() -> Files.newInputStream(rawMessage), envelope, policy);
    }

    /** Judges a raw RFC 5322 message held in memory (ordinary mail: no temp file to write, read and delete). */
    public Judgement judge(byte[] rawMessage, Envelope envelope, Policy policy) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        return judge(() -> new ByteArrayInputStream(rawMessage), envelope, policy);
    }

    /** Where the raw message is read from; opened twice, for the subject and for the walk. */
    @FunctionalInterface
    private interface RawMessage {
        InputStream open() throws IOException;
    }

    private Judgement judge(RawMessage rawMessage, Envelope envelope, Policy policy) {
        long started = System.nanoTime();
        String subject = subjectOf(rawMessage);
        Inspection inspection;
        try (InputStream in = rawMessage.open()) {
            inspection = inspectorFor(policy.limits()).inspect(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message to judge", e);
        }
        List<Fact> facts = new ArrayList<>(InspectionFacts.of(inspection));
        facts.addAll(PersonalFacts.of(peopleFor(policy), inspection, policy));
        facts.addAll(SecretFacts.of(secrets, followUps, correlatorFor(policy), subject, inspection, envelope));
        Decision decision = new Decider(policy).decide(new MessageFacts(envelope.sender(), envelope.recipients(),
                subject, facts));
        SecretFacts.rememberEncryptedAttachments(correlatorFor(policy), inspection, envelope, decision, clock.instant());
        return new Judgement(subject, inspection, facts, decision, Duration.ofNanos(System.nanoTime() - started));
    }

    private MessageInspector inspectorFor(InspectionLimits limits) {
        Inspector current = inspector.get();
        if (current != null && current.limits().equals(limits)) {
            return current.inspector();
        }
        Inspector fresh = new Inspector(limits, new MessageInspector(limits, ProtectionChecks.defaults(), isolation));
        if (inspector.compareAndSet(current, fresh)) {
            // The old inspector's workers finish what they run; new messages use the new limits.
            if (current != null) {
                current.inspector().close();
            }
            return fresh.inspector();
        }
        fresh.inspector().close();
        return inspector.get().inspector();
    }

    private PersonalDataDetector peopleFor(Policy policy) {
        List<CustomIdentifier> identifiers = policy.identifiers();
        People current = people.get();
        if (current != null && current.identifiers().equals(identifiers)) {
            return current.detector();
        }
        RecogniserRegistry registry = RecogniserRegistry.standard()
                .with(identifiers.stream().map(CustomIdentifier::declaration).toList());
        People fresh = new People(identifiers, new PersonalDataDetector(registry));
        return people.compareAndSet(current, fresh) ? fresh.detector() : people.get().detector();
    }

    private PasswordCorrelator correlatorFor(Policy policy) {
        Duration window = policy.detection().correlationWindow();
        Correlator current = correlator.get();
        if (current != null && current.window().equals(window)) {
            return current.correlator();
        }
        Correlator fresh;
        try {
            fresh = new Correlator(window, new PasswordCorrelator(sendLogs.open(key, window, clock), key,
                    SecretFacts::decode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the password-correlation state", e);
        }
        return correlator.compareAndSet(current, fresh) ? fresh.correlator() : correlator.get().correlator();
    }

    private static String subjectOf(RawMessage rawMessage) {
        // Only the first MiB: header parsing reads byte by byte, and a hostile 10 MB header line would take
        // minutes; a header block that long is the walk's to judge (its own header limits flag it).
        try (InputStream in = rawMessage.open()) {
            byte[] head = in.readNBytes(MAX_SUBJECT_SEARCH_BYTES);
            String subject = new InternetHeaders(new ByteArrayInputStream(head)).getHeader("Subject", null);
            return subject == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(subject));
        } catch (IOException | MessagingException e) {
            // An unreadable header block is judged by the walk; the subject is then unknown.
            return "";
        }
    }

    @Override
    public void close() {
        Inspector current = inspector.getAndSet(null);
        if (current != null) {
            current.inspector().close();
        }
    }
}
