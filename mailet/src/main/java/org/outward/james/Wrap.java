package org.outward.james;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.james.configuration.WrapConfiguration;
import org.outward.notice.LinkNotices;
import org.outward.notice.Notice;
import org.outward.notice.NoticeMessage;
import org.outward.notice.NoticeTemplateException;
import org.outward.shared.VaultSetting;
import org.outward.vault.Deposit;
import org.outward.vault.NewItem;
import org.outward.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the attachments that need protection into secure links: each is stored encrypted in the vault, once
 * per recipient, and a notice part naming the file, the sender, the expiry and the recipient's own link takes
 * its place. The rest of the message is untouched; the secure tag leaves the subject. The sender gets one
 * confirmation with the management links.
 *
 * <p>One link per recipient, so each copy must carry only its own recipient's link: the mailet builds one copy
 * per recipient and hands each to James with {@code sendMail} (it then reaches {@code outbound} as the gateway's
 * own mail, not judged again), and ends the original. Doing the split here rather than with a matcher keeps
 * it independent of how many recipients the matcher let through.
 *
 * <p>Fails closed: if the vault cannot store every file for every recipient, the items already stored are
 * withdrawn and the whole mail goes to {@code failureProcessor} (held), so it is never delivered with its
 * attachment and never lost.
 *
 * <pre>{@code
 * <processor state="outward-wrap" enableJmx="false">
 *   <mailet match="All" class="org.outward.james.Wrap">
 *     <vault>local:/var/lib/outward/vault</vault>
 *     <portalUrl>https://files.party.example</portalUrl>
 *     <failureProcessor>outward-quarantine</failureProcessor>
 *   </mailet>
 *   <mailet match="All" class="ToProcessor"><processor>outbound</processor></mailet>
 * </processor>
 * }</pre>
 *
 * <p>Parameters: {@code vault} (required, or the older {@code vaultFolder}): the vault the portal serves from,
 * {@code local:<folder>} for one node or {@code shared} for the shared backends of several nodes (see
 * {@code org.outward.shared}); {@code portalUrl}
 * (required): the portal's public base URL that links start with; {@code templates}: a folder laid out as
 * {@code policies/notices} (default: the built-in texts); {@code failureProcessor}: where a mail goes when the
 * vault fails (default {@code outward-quarantine}); {@code verdictHeader} (default {@code X-Outward-Verdict}).
 * The link lifetime, the download limit, the language and the secure tag come from the policy, through the
 * attributes {@link Inspect} writes. Inside James the vault's size is published as gauges (see {@link VaultGauges}).
 */
public class Wrap extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(Wrap.class);

    /** How stale the vault size gauges may be: listing the vault reads every item's metadata. */
    private static final Duration VAULT_SIZE_REFRESH = Duration.ofSeconds(30);

    private Vault vault;
    private URI portalUrl;
    private LinkNotices notices;
    private String failureProcessor;
    private String verdictHeader;
    private final GaugeRegistry gauges;
    private final ServerState server;

    /**
     * As James makes it: the vault's size is published in James's metric registry, and a shared vault is the
     * server's shared back end.
     */
    @Inject
    public Wrap(GaugeRegistry gauges, ServerState server) {
        this.gauges = gauges;
        this.server = server;
    }

    /** Outside James (tests, tools): no gauges, and no shared back end. */
    public Wrap() {
        this(null, ServerState.unmanaged());
    }

    @Override
    public void init() throws MessagingException {
        WrapConfiguration config = WrapConfiguration.from(getMailetConfig());
        VaultSetting setting = config.vault();
        portalUrl = config.portalUrl();
        try {
            vault = setting.open(Clock.systemUTC(), server.sharedBackend());
        } catch (IOException e) {
            // Our vaults' messages name a folder or a missing setting, never a credential.
            throw new MessagingException("Wrap: cannot use the vault " + setting + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MessagingException("Wrap: cannot use the vault " + setting + " (" + e.getClass().getSimpleName() + ")");
        }
        if (gauges != null) {
            VaultGauges.register(gauges, vault, VAULT_SIZE_REFRESH, Clock.systemUTC());
        }
        try {
            notices = config.templates().isEmpty() ? LinkNotices.builtIn() : LinkNotices.from(config.templates().get());
        } catch (NoticeTemplateException e) {
            throw new MessagingException("Wrap: secure-link templates cannot be used: " + e.getMessage());
        }
        failureProcessor = config.failureProcessor();
        verdictHeader = config.verdictHeader();
    }

    /**
     * One recipient's copy, ready to send, and what the sender's confirmation says about it. A class, not a record:
     * the Eclipse Transformer that makes the James 3.9 plugin leaves a record component's type (here the javax
     * MimeMessage) unrenamed in the class file.
     */
    private static final class Copy {
        private final MailAddress recipient;
        private final MimeMessage message;
        private final List<LinkNotices.SentLink> links;

        Copy(MailAddress recipient, MimeMessage message, List<LinkNotices.SentLink> links) {
            this.recipient = recipient;
            this.message = message;
            this.links = links;
        }

        MailAddress recipient() {
            return recipient;
        }

        MimeMessage message() {
            return message;
        }

        List<LinkNotices.SentLink> links() {
            return links;
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage original = mail.getMessage();
        String tag = DecisionAttributes.secureTag(mail);
        String subject = original.getSubject() == null ? "" : original.getSubject();
        boolean tagged = !tag.isEmpty() && subject.toLowerCase(Locale.ROOT).contains(tag.toLowerCase(Locale.ROOT));
        List<ProtectedParts.Leaf> leaves;
        try {
            leaves = ProtectedParts.find(original, DecisionAttributes.findings(mail), tagged);
        } catch (IOException e) {
            hold(mail, e, List.of());
            return;
        }
        List<Deposit> made = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        try {
            for (MailAddress recipient : mail.getRecipients()) {
                copies.add(copyFor(mail, original, recipient, leaves, tagged ? tag : "", made));
            }
        } catch (IOException | RuntimeException | NoticeTemplateException e) {
            hold(mail, e, made);
            return;
        }
        MailAddress from = mail.getMaybeSender().asOptional().orElse(getMailetContext().getPostmaster());
        for (Copy copy : copies) {
            getMailetContext().sendMail(from, List.of(copy.recipient()), copy.message());
        }
        confirm(mail, withoutTag(subject, tagged ? tag : ""), copies);
        LOG.info("Mail {}: {} attachment(s) sent as secure links to {} recipient(s)", mail.getName(), leaves.size(),
                copies.size());
        mail.setState(Mail.GHOST);
    }

    private Copy copyFor(Mail mail, MimeMessage original, MailAddress recipient, List<ProtectedParts.Leaf> leaves,
                         String tag, List<Deposit> made) throws MessagingException, IOException, NoticeTemplateException {
        String sender = mail.getMaybeSender().asString("");
        Duration lifetime = DecisionAttributes.linkExpiry(mail, NewItem.DEFAULT_LIFETIME);
        int downloads = DecisionAttributes.linkMaxDownloads(mail, NewItem.DEFAULT_MAX_DOWNLOADS);
        String language = DecisionAttributes.noticeLanguage(mail);
        MimeMessage copy = new KeptIdMessage(original);
        List<LinkNotices.SentLink> links = new ArrayList<>();
        for (ProtectedParts.Leaf leaf : leaves) {
            Part part = ProtectedParts.at(original, leaf.position());
            Deposit deposit;
            try (InputStream content = part.getInputStream()) {
                deposit = vault.put(new NewItem(sender, recipient.asString(), leaf.fileName(), mediaType(part),
                        lifetime, downloads), content);
            }
            made.add(deposit);
            Instant expires = deposit.expires();
            LinkNotices.Rendered words = notices.part(new LinkNotices.LinkFacts(leaf.fileName(),
                    sender, expires, deposit.linkUrl(portalUrl).toString(), downloads),
                    language);
            ProtectedParts.replace(copy, leaf.position(), noticePart(words));
            links.add(new LinkNotices.SentLink(leaf.fileName(), recipient.asString(), expires,
                    deposit.managementUrl(portalUrl).toString()));
        }
        if (!tag.isEmpty()) {
            copy.setSubject(withoutTag(copy.getSubject(), tag), StandardCharsets.UTF_8.name());
        }
        copy.setHeader(verdictHeader, "wrap");
        copy.saveChanges();
        return new Copy(recipient, copy, links);
    }

    private static MimeBodyPart noticePart(LinkNotices.Rendered words) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(words.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(words.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(alternative);
        // Inline, so mail programs show the notice where the attachment was instead of offering it as a file.
        part.setDisposition(Part.INLINE);
        return part;
    }

    private void confirm(Mail mail, String subject, List<Copy> copies) throws MessagingException {
        List<LinkNotices.SentLink> links = copies.stream().flatMap(c -> c.links().stream()).toList();
        if (links.isEmpty() || mail.getMaybeSender().asOptional().isEmpty()) {
            return;
        }
        Notice notice;
        try {
            notice = notices.confirmation(subject, links, DecisionAttributes.noticeLanguage(mail));
        } catch (NoticeTemplateException e) {
            // The recipients have their links already; a missing confirmation must not send them a second copy.
            LOG.error("Mail {}: the sender's secure-link confirmation could not be written", mail.getName());
            return;
        }
        MailAddress sender = mail.getMaybeSender().get();
        MailAddress postmaster = getMailetContext().getPostmaster();
        MimeMessage message = NoticeMessage.compose(notice, postmaster.toInternetAddress()
                .orElseThrow(() -> new MessagingException("Wrap: the postmaster address is not usable")),
                DecisionAttributes.dpoAddress(mail), new InternetAddress(sender.asString()),
                mail.getMessage().getMessageID());
        getMailetContext().sendMail(postmaster, List.of(sender), message);
    }

    /** Fails closed: nothing stored stays servable, and the mail is held whole for an admin. */
    private void hold(Mail mail, Exception cause, List<Deposit> made) {
        for (Deposit deposit : made) {
            try {
                vault.revoke(deposit.id(), "wrap-failed");
            } catch (IOException e) {
                LOG.error("Mail {}: item {} could not be withdrawn after a failed wrap", mail.getName(), deposit.id());
            }
        }
        // Only the exception type: a message could quote a file name or content.
        LOG.error("Mail {} could not be wrapped ({}); it is held in {}", mail.getName(), cause.getClass().getName(),
                failureProcessor);
        mail.setState(failureProcessor);
    }

    static String withoutTag(String subject, String tag) {
        if (subject == null || tag.isEmpty()) {
            return subject == null ? "" : subject;
        }
        return subject.replaceAll("(?i)\\s*" + Pattern.quote(tag) + "\\s*", " ").strip();
    }

    private static String mediaType(Part part) throws MessagingException {
        try {
            return new javax.mail.internet.ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (javax.mail.internet.ParseException e) {
            return "application/octet-stream";
        }
    }

    @Override
    public String getMailetInfo() {
        return "Outward: attachments that need protection go as secure links, one per recipient";
    }
}
