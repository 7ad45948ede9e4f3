package org.outward.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditTrail;
import org.outward.audit.HeldMailRef;

/**
 * The DPO digest rendered in Welsh has no word a Welsh reader would meet only in the English digest. The digest is
 * made from a real audit trail holding every kind of event the digest shows (decisions of every verdict, every
 * policy outcome, every admin action, an unreadable line) and mail waiting with and without known rules; each word
 * of the Welsh rendering is checked against the words of the English rendering of the same digest. The trail's own
 * values (addresses, rule ids, repository names, keys, node names, the hash, the console's address) are not English
 * leaks, nor are the reviewed words both renderings share.
 */
class DigestWelshWordsTest {

    private static final Instant FROM = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-07T00:00:00Z");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern VALUE = Pattern.compile("\\S+@\\S+|https?://\\S+|\\[outward-\\S+ [^\\]]+]"
            + "|sha256 [0-9a-f]{64}|special-category-unprotected|password-in-message|outward-node-\\d");

    /** Reviewed: the product and the time zone, and Welsh words spelt like English ones ("a" and, "data"). */
    private static final Set<String> SHARED = Set.of("a", "UTC", "Outward", "data");

    @TempDir
    Path temp;

    @Test
    void theWelshDigestHasNoEnglishWord() throws Exception {
        Digest digest = digestOfEveryKindOfEvent();

        String welsh = DigestText.subject("cy") + "\n" + DigestText.of(digest, "cy");
        String english = DigestText.subject("en") + "\n" + DigestText.of(digest, "en");

        Set<String> englishWords = words(english);
        Set<String> leaks = new TreeSet<>();
        for (String word : words(welsh)) {
            if (englishWords.contains(word) && !SHARED.contains(word)) {
                leaks.add(word);
            }
        }
        assertThat(leaks).as("English words in the Welsh digest:\n" + welsh).isEmpty();
        assertThat(welsh).as("the trail's values are still shown").contains("sam@party.example")
                .contains("special-category-unprotected");
    }

    private Digest digestOfEveryKindOfEvent() throws Exception {
        Path file = temp.resolve("outward-audit.jsonl");
        Clock clock = Clock.fixed(FROM.plusSeconds(3600), ZoneOffset.UTC);
        AuditTrail trail = new AuditTrail(clock, "outward-node-1", line -> append(file, line));
        for (String verdict : Digest.VERDICTS) {
            trail.record(AuditKind.DECISION, "gateway", Map.of("messageId", "<" + verdict + "@party.example>",
                    "sender", "sam@party.example", "verdict", verdict, "recipients", List.of(Map.of(
                            "address", "alex@example.org", "scope", "external", "action", verdict,
                            "decidedBy", "special-category-unprotected",
                            "rules", List.of("special-category-unprotected", "password-in-message"))),
                    "findings", List.of(), "ms", 3.0));
        }
        for (String outcome : List.of("loaded", "reloaded", "rejected")) {
            trail.policyChange("gateway", "/etc/outward/policy.yaml", "ab".repeat(32), outcome, 12);
        }
        trail.policyEdited("alice", "/etc/outward/policy.yaml", "cd".repeat(32), 13, "0f".repeat(16));
        HeldMailRef held = new HeldMailRef("file://var/mail/outward-blocked/", "key-1", "<block@party.example>");
        trail.signIn("alice", true, "password+totp");
        trail.release("alice", held, "checked");
        trail.delete("alice", held, "sent by mistake");
        trail.revoke("alice", "item-1", "<wrap@party.example>", "wrong person");
        trail.purge("alice", 3);
        trail.report("sam@party.example", "0f".repeat(16), "<block@party.example>",
                List.of("special-category-unprotected"), false);
        trail.reportDismissed("alice", "0f".repeat(16), "<block@party.example>", "the list was the party's own");
        trail.export("alice", "statistics", "2026-12-01", "2026-12-07", 4);
        for (AuditKind ended : List.of(AuditKind.EXPIRED, AuditKind.DISCARDED, AuditKind.RELEASED)) {
            trail.record(ended, "gateway", Map.of("messageId", "<block@party.example>", "mailKey", "key-1"));
        }
        append(file, "not an audit line");
        assertThat(Files.readAllLines(file).stream().map(line -> line.replaceAll(".*\"event\":\"([a-z-]+)\".*", "$1")))
                .as("every kind of event the trail knows is in this digest's trail")
                .containsAll(Arrays.stream(AuditKind.values()).map(AuditKind::word).toList());
        List<HeldMail> waiting = List.of(
                new HeldMail("outward-blocked", "key-2", FROM.minusSeconds(86_400), "sam@party.example", 2,
                        "<block@party.example>"),
                new HeldMail("outward-quarantine", "key-3", FROM.plusSeconds(7200), "kim@party.example", 1,
                        "<unknown@party.example>"));
        return Digest.of(TrailFiles.read(file, FROM, TO), FROM, TO, waiting, Optional.of("https://console.party.example"));
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        Matcher word = WORD.matcher(VALUE.matcher(text).replaceAll(" "));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
