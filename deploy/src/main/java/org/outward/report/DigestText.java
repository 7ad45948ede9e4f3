package org.outward.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;

import org.outward.notice.NoticeDate;

/**
 * The digest as the DPO reads it, in English or Welsh, or both (Welsh first, as the party's bilingual notices
 * are), following the policy's {@code notices.language}. It names senders, rules and repositories, never a
 * recipient or anything from a message's content. Its words are in {@code digest-words-en.properties} and
 * {@code digest-words-cy.properties} beside this class, for a translator to edit.
 */
public final class DigestText {

    private static final Properties ENGLISH = words("en");
    private static final Properties WELSH = words("cy");

    private DigestText() {
    }

    private static Properties words(String language) {
        Properties words = new Properties();
        String name = "digest-words-" + language + ".properties";
        try (InputStream in = DigestText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the digest's words are missing from the class path: " + name);
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The subject line in {@code en}, {@code cy} or {@code both}. */
    public static String subject(String language) {
        return switch (language) {
            case "cy" -> WELSH.getProperty("title");
            case "both" -> WELSH.getProperty("title") + " / " + ENGLISH.getProperty("title");
            default -> ENGLISH.getProperty("title");
        };
    }

    /** The body in {@code en}, {@code cy} or {@code both}. */
    public static String of(Digest digest, String language) {
        return switch (language) {
            case "cy" -> in(digest, WELSH, "cy");
            case "both" -> in(digest, WELSH, "cy") + "\n----------------------------------------\n\n" + in(digest, ENGLISH, "en");
            default -> in(digest, ENGLISH, "en");
        };
    }

    private static String in(Digest digest, Properties words, String language) {
        StringBuilder text = new StringBuilder();
        text.append(words.getProperty("title")).append('\n');
        text.append(String.format(words.getProperty("window"), NoticeDate.in(language, digest.from()),
                NoticeDate.in(language, digest.to()))).append("\n\n");
        text.append(String.format(words.getProperty("judged"), digest.judged())).append('\n');
        for (String verdict : Digest.VERDICTS) {
            text.append("  ").append(words.getProperty(verdict)).append(": ").append(digest.verdicts().getOrDefault(verdict, 0)).append('\n');
        }
        text.append('\n').append(words.getProperty("byDay")).append('\n');
        if (digest.byDay().isEmpty()) {
            text.append("  ").append(words.getProperty("none")).append('\n');
        }
        for (Map.Entry<LocalDate, Map<String, Integer>> day : digest.byDay().entrySet()) {
            text.append("  ").append(day.getKey());
            for (String verdict : Digest.VERDICTS) {
                text.append("  ").append(words.getProperty(verdict)).append(' ').append(day.getValue().get(verdict));
            }
            text.append('\n');
        }
        text.append('\n').append(words.getProperty("byRule")).append('\n');
        if (digest.byRule().isEmpty()) {
            text.append("  ").append(words.getProperty("none")).append('\n');
        }
        digest.byRule().forEach((rule, count) -> text.append("  ").append(VisibleText.of(rule)).append(": ").append(count).append('\n'));
        text.append('\n').append(String.format(words.getProperty("waiting"), digest.waiting().size())).append('\n');
        if (digest.waiting().isEmpty()) {
            text.append("  ").append(words.getProperty("nothingWaits")).append('\n');
        }
        for (Digest.Waiting waiting : digest.waiting()) {
            HeldMail mail = waiting.mail();
            text.append("  ").append(waiting.beforeWindow() ? "! " : "- ")
                    .append(String.format(words.getProperty("heldSince"), NoticeDate.in(language, mail.heldSince())))
                    .append(waiting.beforeWindow() ? " (" + words.getProperty("olderThanWindow") + ")" : "")
                    .append(", ").append(String.format(words.getProperty("from"), VisibleText.of(mail.sender())))
                    .append(", ").append(String.format(words.getProperty("recipients"), mail.recipients()))
                    .append(", ").append(waiting.rules().isEmpty() ? words.getProperty("unknownRules")
                            : String.join(", ", waiting.rules().stream().map(VisibleText::of).toList()))
                    .append(" [").append(mail.repository()).append(' ').append(VisibleText.of(mail.key())).append("]\n");
        }
        text.append('\n').append(digest.console().map(url -> String.format(words.getProperty("console"), url))
                .orElse(words.getProperty("noConsole"))).append('\n');
        if (!digest.policies().isEmpty()) {
            text.append('\n').append(words.getProperty("policies")).append('\n');
            for (Digest.PolicyVersion policy : digest.policies()) {
                text.append("  ").append(NoticeDate.in(language, policy.time())).append(' ').append(VisibleText.of(policy.node()))
                        .append(' ').append(word(words, "outcome." + policy.outcome())).append(" sha256 ")
                        .append(policy.sha256()).append('\n');
            }
        }
        if (!digest.adminActions().isEmpty()) {
            text.append('\n').append(words.getProperty("actions")).append('\n');
            digest.adminActions().forEach((kind, count) -> text.append("  ").append(word(words, "action." + kind))
                    .append(": ").append(count).append('\n'));
        }
        if (digest.unreadable() > 0) {
            text.append('\n').append(String.format(words.getProperty("unreadable"), digest.unreadable())).append('\n');
        }
        text.append('\n').append(words.getProperty("footer")).append('\n');
        return text.toString();
    }

    /** A word of the trail (a policy outcome, an action's kind) in the digest's language; a new one as the trail has it. */
    private static String word(Properties words, String key) {
        return words.getProperty(key, VisibleText.of(key.substring(key.indexOf('.') + 1)));
    }
}
