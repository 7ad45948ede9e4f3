package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.RecogniserRegistry;
import org.outward.detect.personal.SpecialCategory;
import org.outward.fixtures.Fixtures;
import org.outward.notice.DelayNotices;
import org.outward.notice.Notice;
import org.outward.notice.NoticeDate;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.PeopleEvidence;
import org.outward.protect.Protection;
import org.outward.protect.ProtectionLevel;

/**
 * Every notice family, rendered by the real mailets in Welsh, has no word a Welsh reader would meet only in the
 * English notice: the teaching notice with every finding kind and every weak scheme, the secure-link part (with and
 * without a sender) and the sender's confirmation, and the delay notice. Each word of the Welsh rendering (subject,
 * text and HTML) is checked against the words of the English rendering of the same facts; the facts' own values
 * (file names, addresses, subject, redacted examples) and the words the Welsh templates themselves use (product
 * names and the English labels of Office's menus a Welsh reader clicks) are not English leaks.
 */
class WelshNoticeWordsTest {

    private static final String SENDER = "sam@party.example";
    private static final Instant EARLIER = Instant.parse("2026-11-20T18:12:00Z");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern ADDRESS_OR_LINK = Pattern.compile("\\S+@\\S+|https?://\\S+");

    /** Words the English and Welsh templates share, reviewed: names, Office's menu labels, and Welsh homographs. */
    private static final Set<String> SHARED_IN_TEMPLATES = Set.of("A", "AES-", "Acrobat", "Add", "Decompressor",
            "Document", "Encrypt", "Encryption", "File", "GDPR", "Info", "Keka", "LibreOffice", "Mac", "Microsoft",
            "Office", "PDF", "Password", "Protect", "RC", "Save", "Windows", "Workbook", "X", "XOR", "Zip", "ZipCrypto",
            // Welsh words spelt like English ones ("a" and, "at" to, "all" can, "data", "person"), and the labels
            // "Add to archive", "Encrypt with Password", "Encryption method" quoted as the programs show them
            "a", "all", "archive", "at", "data", "docx", "method", "org", "password", "person", "to", "with", "www",
            "xlsx", "zip", "ldquo", "rdquo", "ndash");

    @TempDir
    Path temp;

    @Test
    void theTeachingNoticeWithEveryFindingKindHasNoEnglishWordInWelsh() throws Exception {
        for (String where : List.of("subject", "body line 3", "quoted text, line 7", "attachment (part 9), line 2")) {
            String welsh = teachingNotice("cy", where);

            assertThat(leaks(welsh, teachingNotice("en", where))).as("password found in the " + where).isEmpty();
            assertThat(welsh).as("the earlier attachment's date").contains(NoticeDate.in("cy", EARLIER));
        }
    }

    @Test
    void theSecureLinkMailsHaveNoEnglishWordInWelsh() throws Exception {
        assertThat(leaks(wrapped("cy", SENDER), wrapped("en", SENDER))).isEmpty();
        assertThat(leaks(wrapped("cy", null), wrapped("en", null))).as("a mail without a sender").isEmpty();
    }

    @Test
    void theDelayNoticeHasNoEnglishWordInWelsh() throws Exception {
        DelayNotices notices = DelayNotices.builtIn();
        Instant since = Instant.parse("2026-11-22T10:00:00Z");
        DelayNotices.DelayFacts facts = new DelayNotices.DelayFacts("Taflenni", since, List.of("alex@example.org"),
                since, since.plusSeconds(5 * 24 * 3600));

        assertThat(leaks(words(notices.render(facts, "cy")), words(notices.render(facts, "en")))).isEmpty();
    }

    @Test
    void theWelshTemplatesShareWithTheEnglishOnlyTheReviewedWords() throws Exception {
        Set<String> shared = templateWords("cy");
        shared.retainAll(templateWords("en"));

        assertThat(shared).isSubsetOf(SHARED_IN_TEMPLATES);
    }

    /** The words of the Welsh rendering that occur in the English one and nowhere in the Welsh templates. */
    private List<String> leaks(String welsh, String english) throws IOException {
        Set<String> englishWords = new TreeSet<>(wordsOf(english));
        englishWords.removeAll(templateWords("cy"));
        List<String> found = new ArrayList<>();
        for (String word : wordsOf(welsh)) {
            if (word.length() > 1 && englishWords.contains(word) && !isTechnicalName(word) && !found.contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** A cipher, format or product name (RC4, 3DES-CBC, ZipCrypto, CryptoAPI, PowerPoint), not a word to translate. */
    private static boolean isTechnicalName(String word) {
        return word.chars().anyMatch(Character::isDigit) || word.equals(word.toUpperCase())
                || word.substring(1).chars().anyMatch(Character::isUpperCase)
                || Set.of("Word", "Excel", "Blowfish", "Acrobat").contains(word);
    }

    private static List<String> wordsOf(String text) {
        String plain = ADDRESS_OR_LINK.matcher(text.replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")).replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static Set<String> templateWords(String language) throws IOException {
        Set<String> words = new TreeSet<>();
        for (String name : List.of("subject.mustache", "body.txt.mustache", "body.html.mustache", "link.txt.mustache",
                "link.html.mustache", "links-sent.subject.mustache", "links-sent.txt.mustache",
                "links-sent.html.mustache", "delayed.subject.mustache", "delayed.txt.mustache", "delayed.html.mustache")) {
            try (InputStream in = WelshNoticeWordsTest.class.getResourceAsStream(
                    "/org/outward/policies/notices/" + language + "/" + name)) {
                words.addAll(wordsOf(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("\\{\\{[^}]*}}}?", " ")));
            }
        }
        return words;
    }

    /** Subject, plain text and HTML of every mail the mailet sent, with the facts' own values taken out. */
    private static String words(List<FakeMailContext.SentMail> sent, List<String> values) throws Exception {
        StringBuilder all = new StringBuilder();
        for (FakeMailContext.SentMail mail : sent) {
            all.append(mail.getMsg().getSubject()).append('\n').append(bodies(mail.getMsg())).append('\n');
        }
        String text = all.toString();
        for (String value : values) {
            text = text.replace(value, " ");
        }
        return text;
    }

    private static String words(Notice notice) {
        return (notice.subject() + "\n" + notice.text() + "\n" + notice.html()).replace("Taflenni", " ");
    }

    private static String bodies(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(bodies(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return part.isMimeType("text/*") && part.getFileName() == null ? (String) part.getContent() : "";
    }

    /** The teaching notice about one message that trips every finding kind, for a blocked, a held and a warned recipient. */
    private String teachingNotice(String language, String passwordWhere) throws Exception {
        List<Fact> facts = new ArrayList<>();
        List<String> values = new ArrayList<>(List.of("Adroddiad y ward", "J*** S****", "T*****"));
        // Every kind the built-in recognisers report, and every special category, named in one part each.
        List<String> kinds = RecogniserRegistry.standardKinds().stream().map(DataKind::word).toList();
        List<String> categories = Arrays.stream(SpecialCategory.values())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        facts.add(new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canfasio.xlsx", "canfasio.xlsx", ProtectionLevel.NONE,
                312, 0.9, "312 rows", List.of(), kinds, new PeopleEvidence(true, categories, List.of("J*** S****"))));
        facts.add(new Fact(FindingKind.PERSONAL_DATA, "2/rhestr.csv", "rhestr.csv", ProtectionLevel.NONE,
                20, 0.9, "20 rows", List.of(), kinds, new PeopleEvidence(false, List.of(), List.of())));
        facts.add(new Fact(FindingKind.PERSONAL_DATA, "3/cofrestr.xls", "cofrestr.xls", ProtectionLevel.NONE, 40, 0.9,
                Protection.DEFAULT_PASSWORD_NOTE + "; 40 rows", List.of(), List.of("elector-number"),
                new PeopleEvidence(false, List.of(), List.of())));
        facts.add(new Fact(FindingKind.PERSONAL_DATA, "4/aelodau.pdf", "aelodau.pdf", ProtectionLevel.NONE, 12, 0.9,
                Protection.OWNER_ONLY_NOTE + "; 12 rows", List.of(), List.of("membership-number"),
                new PeopleEvidence(false, List.of(), List.of())));
        int n = 5;
        for (String scheme : weakSchemes()) {
            String file = "gwan" + n + ".bin";
            facts.add(new Fact(FindingKind.WEAK_PROTECTION, n + "/" + file, file, ProtectionLevel.WEAK, 0, 1.0, scheme));
            n++;
        }
        facts.add(new Fact(FindingKind.DISGUISED_FILE, n + "/llun.jpg", "llun.jpg", ProtectionLevel.NONE, 0, 1.0,
                "extension mismatch; content is application/zip"));
        facts.add(new Fact(FindingKind.LIMIT_EXCEEDED, (n + 1) + "/mawr.xlsx", "mawr.xlsx", ProtectionLevel.UNKNOWN, 0,
                1.0, "too many entries: 20000"));
        facts.add(new Fact(FindingKind.TEXT_CUT, (n + 2) + "/nodiadau.txt", "nodiadau.txt", ProtectionLevel.NONE, 0, 1.0,
                "text cut at 10000000 characters"));
        facts.add(new Fact(FindingKind.PASSWORD, "1", "", ProtectionLevel.NONE, 0, 0.9, "T***** (" + passwordWhere + ")"));
        facts.add(new Fact(FindingKind.PASSWORD_FOR_EARLIER_ATTACHMENT, "1", "aelodau.7z", ProtectionLevel.NONE, 0, 1.0,
                Fact.earlierAttachmentEvidence(EARLIER, true)));
        facts.stream().map(Fact::fileName).filter(name -> !name.isEmpty()).forEach(values::add);

        FakeMailContext context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        NotifySender mailet = new NotifySender();
        mailet.init(FakeMailetConfig.builder().mailetName("NotifySender").mailetContext(context).build());
        FakeMail mail = FakeMail.builder().name("m1").sender(SENDER)
                .recipients("blocked@example.org", "held@example.org", "warned@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Adroddiad y ward").setText("gweler")
                        .addHeader("Date", "Sun, 22 Nov 2026 10:00:00 +0000"))
                .build();
        List<Decision.FiredRule> fired = List.of(new Decision.FiredRule("rule", Action.BLOCK, facts));
        DecisionAttributes.write(mail, new Decision(List.of(
                new Decision.RecipientDecision("blocked@example.org", "external", Action.BLOCK, fired, "rule"),
                new Decision.RecipientDecision("held@example.org", "external", Action.QUARANTINE, fired, "rule"),
                new Decision.RecipientDecision("warned@example.org", "external", Action.WARN, fired, "rule"))), facts);
        DecisionAttributes.writeNoticeSettings(mail, language, "[diogel]");
        mailet.service(mail);
        assertThat(context.getSentMails()).hasSize(1);
        return words(context.getSentMails(), values);
    }

    /** The weak schemes the protection checks name, as their fixtures record them, and those without a fixture. */
    private static List<String> weakSchemes() {
        List<String> schemes = new ArrayList<>(Fixtures.protection().stream().filter(f -> f.level().equals("weak"))
                .map(f -> f.scheme()).distinct().toList());
        schemes.addAll(List.of("Word 97-2003 XOR obfuscation", "Excel 97-2003 XOR obfuscation", "RAR 2.x cipher",
                "Word 97-2003 encryption version 1.1", "Excel 97-2003 encryption (truncated header)",
                "OpenPGP no integrity protection: the data can be altered unnoticed"));
        return schemes;
    }

    /** The recipient's copy and the sender's confirmation of a mail whose attachment went as a secure link. */
    private String wrapped(String language, String sender) throws Exception {
        FakeMailContext context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        Wrap mailet = new Wrap();
        mailet.init(FakeMailetConfig.builder().mailetName("Wrap").mailetContext(context)
                .setProperty("vaultFolder", temp.resolve("vault-" + language + sender).toString())
                .setProperty("portalUrl", "https://files.party.example").build());
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("Canfasio");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Gweler.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart list = new MimeBodyPart();
        list.setText("Enw,Cyfenw\nRenata,Predovic\n", "UTF-8");
        list.setFileName("canfasio.csv");
        list.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(list);
        message.setContent(mixed);
        message.saveChanges();
        FakeMail.Builder builder = FakeMail.builder().name("m1").recipient("alex@example.org").mimeMessage(message);
        FakeMail mail = (sender == null ? builder : builder.sender(sender)).build();
        mail.setAttribute(new Attribute(DecisionAttributes.FINDINGS, AttributeValue.of(List.of(
                AttributeValue.of(Map.of("kind", AttributeValue.of("personal-data"),
                        "part", AttributeValue.of("2/canfasio.csv")))))));
        DecisionAttributes.writeNoticeSettings(mail, language, "[diogel]");
        mailet.service(mail);
        assertThat(context.getSentMails()).isNotEmpty();
        return words(context.getSentMails(), List.of("Canfasio", "canfasio.csv", "Gweler."));
    }
}
