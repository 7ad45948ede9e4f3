package org.outward.james;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.detect.secret.correlate.EncryptedSendLogs;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.james.configuration.InspectConfiguration;
import org.outward.policy.Decider;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyHolder;
import org.outward.shared.SharedBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's inspection point in the transport processor: every outgoing message is judged here once,
 * by the engine (walk, detectors, policy), and leaves with the decision per recipient in mail attributes
 * (see {@link DecisionAttributes}) and the verdict in a header. The matchers and mailets after it act on
 * those attributes.
 *
 * <p>Fails closed: a message the engine cannot judge gets the policy's {@code inspection-failure} action for
 * every recipient (quarantine by default). The policy file is read at start-up (a broken policy stops James
 * from starting, with the problem's line and column) and re-read when it changes; a changed file that does
 * not load leaves the last good policy in force, for this mailet and the server's other Outward mailets alike.
 * Each version loaded or turned away is one {@code policy-change} audit event with the file's SHA-256, and each
 * decision a {@code decision} event (see {@code org.outward.audit}).
 *
 * <p>Everything that reaches it is judged, whatever its headers claim: the gateway's own mail never comes this
 * way (notices are sent from inside James, the portal's mail arrives on a listener of its own and is matched by
 * {@link IsPortalMail} before this mailet). The headers that label the gateway's own mail are removed from the
 * mail it judges, so that a copy of them on a member's message cannot pass for the gateway's word downstream.
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.Inspect">
 *   <policy>/etc/outward/policy.yaml</policy>
 *   <stateFolder>/var/lib/outward</stateFolder>
 *   <correlationState>local</correlationState>
 *   <policyReloadSeconds>2</policyReloadSeconds>
 *   <verdictHeader>X-Outward-Verdict</verdictHeader>
 *   <parserProcesses>2</parserProcesses>
 *   <parserHeapMegabytes>384</parserHeapMegabytes>
 *   <parserWarmUp>true</parserWarmUp>
 *   <parserClassArchive>true</parserClassArchive>
 * </mailet>
 * }</pre>
 *
 * <p>Inside James the decisions are also counted in James's metric registry (see {@link DecisionMetrics}), which
 * WebAdmin serves to Prometheus.
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code policy} (required): path of the policy file.</li>
 *   <li>{@code stateFolder}: where the installation key and the password-correlation state live (keyed
 *       hashes only). Default {@code var/outward} under James's working folder.</li>
 *   <li>{@code correlationState}: {@code local} (default: a file in the state folder, for one node) or
 *       {@code shared} (the shared backends of {@code outward-backends}, for several nodes; they must all hold
 *       the same installation key).</li>
 *   <li>{@code policyReloadSeconds}: how often, at most, the policy file is looked at. Default 2. The server holds
 *       one copy of each policy file for all of Outward's mailets ({@link ServerState}), which looks at the file as
 *       often as the most eager of them asks.</li>
 *   <li>{@code verdictHeader}: header that carries the verdict; must start with {@code X-}.
 *       Default {@value #DEFAULT_VERDICT_HEADER}.</li>
 *   <li>{@code parserProcesses}: how many parser processes (separate JVMs that parse attachments, so that a
 *       parser that hangs or runs out of memory is killed alone) may run at once; 0 parses in James's JVM.
 *       Default 2.</li>
 *   <li>{@code parserHeapMegabytes}: the heap of each parser process. Default 384. Parts of 256 KiB or
 *       more are parsed in one more process of this heap, which keeps the optimising compiler.</li>
 *   <li>{@code parserWarmUp}: whether each parser process parses a small built-in mix of documents after its
 *       first part, taking turns with the parts that follow, so that later parts find the parsers loaded and
 *       compiled. Default true.</li>
 *   <li>{@code parserClassArchive}: whether parser processes share a class-data archive, made once in
 *       {@code parser-classes} under the state folder, which spares each process most of its start-up.
 *       Default true; parser processes start without it when it cannot be made or used.</li>
 * </ul>
 */
public class Inspect extends GenericMailet {

    public static final String DEFAULT_VERDICT_HEADER = InspectConfiguration.DEFAULT_VERDICT_HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(Inspect.class);

    /** Messages up to this size are judged from memory; larger ones from a temp file. */
    private static final int MEMORY_COPY_BYTES = 1 << 20;

    private String verdictHeader;
    private PolicyHolder policy;
    private Engine engine;
    /** Headers that label the gateway's own mail; on mail that is judged they are a member's copy. */
    private static final Set<String> OWN_MAIL_LABELS = Set.of("X-Outward-Notice", "X-Outward-Portal");
    private final DecisionMetrics metrics;
    private final ServerState server;

    /** As James makes it: decisions are counted in James's metric registry; the policy is the server's. */
    @Inject
    public Inspect(MetricFactory metricFactory, GaugeRegistry gauges, ServerState server) {
        this(DecisionMetrics.in(metricFactory), server);
        gauges.register(DecisionMetrics.PARSER_PROCESSES_LOST, org.outward.inspect.ParserProcessLosses::count);
        gauges.register(DecisionMetrics.OCR_IMAGES_READ, org.outward.inspect.OcrCounts::read);
        gauges.register(DecisionMetrics.OCR_IMAGES_SKIPPED, org.outward.inspect.OcrCounts::skipped);
    }

    /** Decisions counted in this registry, without the gauges. */
    Inspect(MetricFactory metricFactory) {
        this(DecisionMetrics.in(metricFactory), ServerState.unmanaged());
    }

    /** Outside James (tests, tools): nothing is counted. */
    public Inspect() {
        this(DecisionMetrics.none(), ServerState.unmanaged());
    }

    private Inspect(DecisionMetrics metrics, ServerState server) {
        this.metrics = metrics;
        this.server = server;
    }

    @Override
    public void init() throws MessagingException {
        InspectConfiguration config = InspectConfiguration.from(getMailetConfig());
        verdictHeader = config.verdictHeader();
        try {
            policy = server.policies().holder(config.policy(), Duration.ofSeconds(config.policyReloadSeconds()));
        } catch (InvalidPolicyException e) {
            throw new MessagingException("Inspect: policy " + e.problems().get(0)
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
        }
        Path state = config.stateFolder();
        EncryptedSendLogs sendLogs;
        if (config.sharedCorrelation()) {
            // Opened now, so that a server given no shared back end stops at start rather than at the first message.
            SharedBackend shared;
            try {
                shared = server.sharedBackend().sharedBackend();
            } catch (IOException e) {
                throw new MessagingException("Inspect: cannot keep the correlation state shared: " + e.getMessage());
            }
            sendLogs = shared::encryptedSendLog;
        } else {
            sendLogs = EncryptedSendLogs.inFolder(state);
        }
        try {
            engine = new Engine(state, sendLogs, Clock.systemUTC(), config.parserIsolation());
        } catch (RuntimeException e) {
            throw new MessagingException("Inspect: cannot use the state folder " + state + ": " + e.getMessage());
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        long started = System.nanoTime();
        Policy inForce = policy.current();
        Envelope envelope = new Envelope(mail.getMaybeSender().asString(""),
                mail.getRecipients().stream().map(MailAddress::asString).toList());
        for (String label : OWN_MAIL_LABELS) {
            message.removeHeader(label);
        }
        DecisionMetrics.Timing timing = metrics.startInspection();
        Judgement judgement = judge(mail.getName(), message, envelope, inForce);
        Decision decision = judgement == null ? Decision.allRecipients(envelope.recipients(), inForce.inspectionFailure(),
                "inspection-failure") : judgement.decision();
        List<Fact> facts = judgement == null ? List.of() : judgement.facts();
        timing.stop();
        metrics.judged(decision, judgement == null);
        // setHeader, not addHeader: a sender must not be able to pre-stamp a verdict of their own.
        message.setHeader(verdictHeader, decision.verdict().word());
        try {
            message.saveChanges();
        } catch (MessagingException e) {
            // MIME that Jakarta Mail cannot even re-save (a boundary that never appears, a Content-Type that
            // does not parse) is not what a mail client would show either: the walk cannot vouch for it.
            LOG.error("Mail {} is not well-formed MIME ({}); it gets the policy's inspection-failure action",
                    mail.getName(), e.getClass().getName());
            decision = Decision.allRecipients(envelope.recipients(), inForce.inspectionFailure(), "inspection-failure");
            facts = List.of();
            // Whatever stores or sends it next would fail the same way: it goes on as it came.
            message = UnparsedMessage.copyOf(message);
            message.setHeader(verdictHeader, decision.verdict().word());
            mail.setMessage(message);
        }
        DecisionAttributes.write(mail, decision, facts);
        DecisionAttributes.writeNoticeSettings(mail, inForce.notices().language(), inForce.secureTag());
        DecisionAttributes.writeDpoAddress(mail, inForce.notices().dpoAddress());
        DecisionAttributes.writeLinkSettings(mail, inForce.links().expiry(), inForce.links().maxDownloads());
        AuditLog.decision(message.getMessageID(), envelope.sender(), new Decider(inForce).senderGroupsOf(envelope.sender()),
                decision, facts, System.nanoTime() - started);
    }

    /** The judgement, or null when the engine could not judge the message (the caller then fails closed). */
    private Judgement judge(String mailName, MimeMessage message, Envelope envelope, Policy inForce) {
        SpillingCopy raw = new SpillingCopy(MEMORY_COPY_BYTES);
        try {
            // The walk needs the whole message with its headers as bytes: in memory for ordinary mail, in a
            // temp file past the bound so that large mail stays off the heap.
            try (raw) {
                message.writeTo(raw);
            }
            byte[] bytes = raw.bytes();
            return bytes != null ? engine.judge(bytes, envelope, inForce) : engine.judge(raw.file(), envelope, inForce);
        } catch (IOException | MessagingException | RuntimeException e) {
            // Only the exception type: a parser's message can quote the content it choked on.
            LOG.error("Mail {} could not be judged ({}); it gets the policy's inspection-failure action",
                    mailName, e.getClass().getName());
            return null;
        } finally {
            try {
                raw.delete();
            } catch (IOException e) {
                LOG.warn("Could not delete a temp copy of mail {}", mailName);
            }
        }
    }

    @Override
    public void destroy() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Outward inspection point: judges each message once and records the decision per recipient";
    }
}
