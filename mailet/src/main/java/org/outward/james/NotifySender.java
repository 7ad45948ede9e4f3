package org.outward.james;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.feedback.ReportLinks;
import org.outward.feedback.ReportTicket;
import org.outward.james.configuration.NotifySenderConfiguration;
import org.outward.notice.Notice;
import org.outward.notice.NoticeFacts;
import org.outward.notice.NoticeMessage;
import org.outward.notice.NoticeTemplateException;
import org.outward.notice.NoticeTemplates;
import org.outward.policy.PeopleEvidence;
import org.outward.protect.Protection;
import org.outward.shared.VaultSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the sender one teaching notice about a message the gateway stopped, held or warned about: which
 * message, what was found (redacted), why it matters and what to do now. One notice per original message,
 * covering every recipient, so it runs before James splits the mail by recipient.
 *
 * <p>No notice goes to a null sender (a bounce), for a message marked {@code Auto-Submitted}, or for the
 * gateway's own mail. The notice's envelope sender is the postmaster, so a notice that cannot be delivered
 * goes to the admin, not back into the gateway. (A null reverse path would be the textbook choice for an
 * automatic reply, but mail servers in the wild, GreenMail among them, refuse it.)
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.NotifySender">
 *   <templates>/etc/outward/notices</templates>
 * </mailet>
 * }</pre>
 *
 * <p>Parameters: {@code templates}: a folder laid out as {@code policies/notices}; default: the built-in
 * templates. {@code vault} and {@code portalUrl}, as {@link Wrap}'s: with both, each notice carries a "Report this
 * notice as wrong" link to the portal, and a report ticket (the rules and redacted findings, never content; see
 * {@link org.outward.feedback}) is filed with the vault; a ticket that cannot be filed costs the notice its link,
 * never the notice. The language and the secure tag come from the policy, through the inspection's attributes.
 */
public class NotifySender extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

    private final ServerState server;
    private NoticeTemplates templates;
    private Optional<ReportLinks> reportLinks = Optional.empty();

    /** As James makes it: report tickets kept in a shared vault go to the server's shared back end. */
    @Inject
    public NotifySender(ServerState server) {
        this.server = server;
    }

    /** Made without injection: report tickets in a local vault only. */
    public NotifySender() {
        this(ServerState.unmanaged());
    }

    @Override
    public void init() throws MessagingException {
        NotifySenderConfiguration configuration = NotifySenderConfiguration.from(getMailetConfig());
        Optional<Path> folder = configuration.templates();
        try {
            templates = folder.isEmpty() ? NoticeTemplates.builtIn() : NoticeTemplates.from(folder.get());
        } catch (NoticeTemplateException e) {
            throw new MessagingException("NotifySender: notice templates cannot be used: " + e.getMessage());
        }
        if (configuration.vault().isPresent()) {
            VaultSetting vault = configuration.vault().get();
            try {
                reportLinks = Optional.of(new ReportLinks(vault.reports(server.sharedBackend()), configuration.portalUrl().orElseThrow(),
                        Clock.systemUTC()));
            } catch (IOException | IllegalArgumentException e) {
                throw new MessagingException("NotifySender: cannot keep report tickets with the vault " + vault + ": "
                        + e.getMessage());
            }
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (!mail.getMaybeSender().asOptional().isPresent() || isAutomatic(mail.getMessage())) {
            return;
        }
        Map<String, String> actions = DecisionAttributes.actions(mail);
        List<String> blocked = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            switch (actions.getOrDefault(recipient.asString(), "pass")) {
                case "block" -> blocked.add(recipient.asString());
                // Recipients whose attachments go as secure links are told about by the Wrap mailet's confirmation.
                case "quarantine" -> held.add(recipient.asString());
                case "warn" -> warned.add(recipient.asString());
                default -> {
                }
            }
        }
        if (blocked.isEmpty() && held.isEmpty() && warned.isEmpty()) {
            return;
        }
        MimeMessage original = mail.getMessage();
        NoticeFacts facts = facts(mail, original, blocked, held, warned);
        if (reportLinks.isPresent()) {
            facts = facts.withReportLink(reportLink(reportLinks.get(), mail, original, blocked, held, warned));
        }
        Notice notice;
        try {
            notice = templates.render(facts, DecisionAttributes.noticeLanguage(mail));
        } catch (NoticeTemplateException e) {
            throw new MessagingException("NotifySender: " + e.getMessage());
        }
        MailAddress sender = mail.getMaybeSender().get();
        MailAddress postmaster = getMailetContext().getPostmaster();
        MimeMessage message = NoticeMessage.compose(notice, postmaster.toInternetAddress()
                .orElseThrow(() -> new MessagingException("NotifySender: the postmaster address is not usable")),
                DecisionAttributes.dpoAddress(mail), new InternetAddress(sender.asString()), original.getMessageID());
        getMailetContext().sendMail(postmaster, List.of(sender), message);
    }

    /**
     * Files the report ticket of this notice and answers its link; empty when the ticket cannot be filed, so that
     * the sender is told all the same.
     */
    private static String reportLink(ReportLinks links, Mail mail, MimeMessage original, List<String> blocked,
                                     List<String> held, List<String> warned) throws MessagingException {
        List<ReportTicket.Recipient> recipients = new ArrayList<>();
        blocked.forEach(r -> recipients.add(new ReportTicket.Recipient(r, "block")));
        held.forEach(r -> recipients.add(new ReportTicket.Recipient(r, "quarantine")));
        warned.forEach(r -> recipients.add(new ReportTicket.Recipient(r, "warn")));
        Map<String, List<String>> rulesByRecipient = DecisionAttributes.rules(mail);
        List<String> rules = recipients.stream()
                .flatMap(r -> rulesByRecipient.getOrDefault(r.address(), List.of()).stream()).distinct().toList();
        List<ReportTicket.Finding> findings = DecisionAttributes.findings(mail).stream()
                .map(f -> new ReportTicket.Finding(f.getOrDefault("kind", ""), f.getOrDefault("part", ""),
                        f.getOrDefault("file", ""), f.getOrDefault("protection", ""), records(f),
                        f.getOrDefault("evidence", ""))).toList();
        String messageId = original.getMessageID() == null ? "" : original.getMessageID();
        try {
            return links.issue(mail.getMaybeSender().get().asString(), messageId, recipients, rules, findings).toString();
        } catch (IOException | RuntimeException e) {
            // The type only: the message of a store's failure can name the folder or a value.
            LOG.warn("NotifySender: report ticket not filed ({}); the notice goes without its report link",
                    e.getClass().getSimpleName());
            return "";
        }
    }

    private static int records(Map<String, String> finding) {
        try {
            return Integer.parseInt(finding.getOrDefault("records", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the message is an automatic one (a notice, an auto-reply), which gets no notice of its own. */
    static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted[0].trim().equalsIgnoreCase("no")) {
            return true;
        }
        return message.getHeader(NoticeMessage.NOTICE_HEADER) != null;
    }

    private static NoticeFacts facts(Mail mail, MimeMessage original, List<String> blocked, List<String> held,
                                     List<String> warned) throws MessagingException {
        Map<String, PartBuilder> parts = new LinkedHashMap<>();
        String passwordEvidence = "";
        NoticeFacts.EarlierAttachment earlier = null;
        for (Map<String, String> finding : DecisionAttributes.findings(mail)) {
            String kind = finding.getOrDefault("kind", "");
            String evidence = finding.getOrDefault("evidence", "");
            switch (kind) {
                case "password" -> passwordEvidence = evidence;
                case "password-for-earlier-attachment" ->
                        earlier = NoticeFacts.EarlierAttachment.of(finding.getOrDefault("file", ""), evidence);
                case "attachment" -> {
                }
                default -> parts.computeIfAbsent(finding.getOrDefault("part", ""),
                        p -> new PartBuilder(finding.getOrDefault("file", p))).add(kind, finding);
            }
        }
        String subject = original.getSubject() == null ? "" : original.getSubject();
        Instant sent = original.getSentDate() == null ? null : original.getSentDate().toInstant();
        return new NoticeFacts(subject, sent, blocked, held, warned,
                parts.values().stream().map(PartBuilder::build).toList(), passwordEvidence, earlier,
                DecisionAttributes.secureTag(mail));
    }

    /** Gathers the findings of one part into what the notice says about it. */
    private static final class PartBuilder {
        private final String name;
        private int records;
        private boolean personal;
        private boolean special;
        private String weakScheme = "";
        private boolean ownerOnly;
        private boolean defaultPassword;
        private boolean disguised;
        private boolean notInspected;
        private List<String> dataKinds = List.of();
        private List<String> categories = List.of();
        private boolean outsideEncryption;
        private List<String> examples = List.of();

        PartBuilder(String name) {
            this.name = name;
        }

        void add(String kind, Map<String, String> finding) {
            try {
                records = Math.max(records, Integer.parseInt(finding.getOrDefault("records", "0")));
            } catch (NumberFormatException e) {
                // records stays as it was: the notice then names no count
            }
            switch (kind) {
                case "personal-data" -> {
                    personal = true;
                    notes(finding.getOrDefault("evidence", ""));
                    people(finding);
                }
                case "special-category-data" -> {
                    special = true;
                    notes(finding.getOrDefault("evidence", ""));
                    people(finding);
                    categories = words(finding.getOrDefault("categories", ""), ",");
                }
                case "weak-protection" -> weakScheme = finding.getOrDefault("evidence", "a weak scheme");
                case "disguised-file" -> disguised = true;
                case "limit-exceeded", "text-cut" -> notInspected = true;
                default -> {
                }
            }
        }

        /**
         * Whether the evidence starts with the note of a protection in name only (see
         * {@link Protection#DEFAULT_PASSWORD_NOTE}), which the notice says in its own words.
         */
        private void notes(String found) {
            defaultPassword |= found.startsWith(Protection.DEFAULT_PASSWORD_NOTE);
            ownerOnly |= found.startsWith(Protection.OWNER_ONLY_NOTE);
        }

        /** The parts of a list-of-people finding, which the notice words in its own language. */
        private void people(Map<String, String> finding) {
            if (dataKinds.isEmpty()) {
                dataKinds = words(finding.getOrDefault("dataKinds", ""), ",");
            }
            outsideEncryption |= Boolean.parseBoolean(finding.getOrDefault("outsideEncryption", "false"));
            if (examples.isEmpty()) {
                examples = words(finding.getOrDefault("examples", ""), "; ");
            }
        }

        private static List<String> words(String joined, String separator) {
            return joined.isEmpty() ? List.of() : List.of(joined.split(java.util.regex.Pattern.quote(separator)));
        }

        NoticeFacts.Part build() {
            return new NoticeFacts.Part(name, records, personal, special, weakScheme, ownerOnly, defaultPassword,
                    disguised, notInspected, dataKinds, new PeopleEvidence(outsideEncryption, categories, examples));
        }
    }

    @Override
    public String getMailetInfo() {
        return "Outward: one teaching notice to the sender of a stopped, held or warned message";
    }
}
