package org.outward.notice;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.MustacheException;

/**
 * The secure-link texts, compiled once from the same folder as the other notices: the part that takes an
 * attachment's place in the recipient's copy ({@code <lang>/link.txt|html.mustache}) and the sender's
 * confirmation with the management links ({@code <lang>/links-sent.*.mustache}). HTML templates escape every
 * variable, so a file name or a sender cannot inject markup into the recipient's mail.
 */
public final class LinkNotices {

    private static final List<String> NAMES = List.of("link.txt.mustache", "link.html.mustache",
            "links-sent.subject.mustache", "links-sent.txt.mustache", "links-sent.html.mustache");

    private final TemplateSet templates;

    private LinkNotices(TemplateSet templates) {
        this.templates = templates;
    }

    /** The texts shipped with Outward. */
    public static LinkNotices builtIn() throws NoticeTemplateException {
        return compile(TemplateSet.Source.builtIn());
    }

    /** The texts in an admin's folder, laid out as {@code policies/notices}. */
    public static LinkNotices from(Path folder) throws NoticeTemplateException {
        return compile(TemplateSet.Source.folder(folder));
    }

    private static LinkNotices compile(TemplateSet.Source source) throws NoticeTemplateException {
        LinkNotices notices = new LinkNotices(TemplateSet.compile(source, NAMES));
        // Render once now, so that an admin's mistyped variable stops start-up instead of a wrapped mail.
        Instant expiry = Instant.parse("2026-11-29T10:00:00Z");
        LinkFacts sample = new LinkFacts("canvass.xlsx", "sam@party.example", expiry, "https://x/l/t", 5);
        for (String language : NoticeTemplates.LANGUAGES) {
            notices.part(sample, language);
            notices.confirmation("Canvass", List.of(new SentLink("canvass.xlsx", "a@example.org", expiry, "https://x/m/t")),
                    language);
        }
        return notices;
    }

    /**
     * What the recipient's notice part says about one file.
     *
     * @param fileName     the attachment's name
     * @param sender       who sent it
     * @param expires      when the link stops working
     * @param link         the recipient's own link
     * @param maxDownloads the download limit
     */
    public record LinkFacts(String fileName, String sender, Instant expires, String link, int maxDownloads) {
        @Override
        public String toString() {
            return "LinkFacts[link redacted]";
        }
    }

    /** One line of the sender's confirmation: a file, its recipient, its expiry and its management link. */
    public record SentLink(String fileName, String recipient, Instant expires, String manage) {
        @Override
        public String toString() {
            return "SentLink[link redacted]";
        }
    }

    /** The text and HTML that take an attachment's place, in {@code en}, {@code cy} or {@code both}. */
    public Rendered part(LinkFacts facts, String language) throws NoticeTemplateException {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        try {
            for (String lang : TemplateSet.languages(language)) {
                Map<String, Object> v = Map.of("fileName", facts.fileName(), "sender", facts.sender(),
                        "expires", NoticeDate.in(lang, facts.expires()), "link", facts.link(),
                        "maxDownloads", facts.maxDownloads());
                if (text.length() > 0) {
                    text.append("\n----------------------------------------\n\n");
                }
                text.append(templates.execute(lang + "/link.txt.mustache", v).strip()).append('\n');
                html.append(templates.execute(lang + "/link.html.mustache", v));
            }
            String title = facts.fileName();
            return new Rendered(text.toString(), templates.execute("layout.html.mustache",
                    Map.of("lang", TemplateSet.languages(language).get(0), "title", title, "bodies", html.toString())));
        } catch (MustacheException e) {
            throw new NoticeTemplateException(List.of("a secure-link template failed: " + e.getMessage()));
        }
    }

    /** The sender's confirmation for one message. */
    public Notice confirmation(String subject, List<SentLink> links, String language) throws NoticeTemplateException {
        List<String> subjects = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        try {
            for (String lang : TemplateSet.languages(language)) {
                List<Map<String, Object>> items = links.stream().<Map<String, Object>>map(l -> Map.of("fileName",
                        l.fileName(), "recipient", l.recipient(), "expires", NoticeDate.in(lang, l.expires()),
                        "manage", l.manage())).toList();
                Map<String, Object> v = Map.of("subject", subject, "items", items);
                subjects.add(templates.execute(lang + "/links-sent.subject.mustache", v).strip());
                if (text.length() > 0) {
                    text.append("\n\n----------------------------------------\n\n");
                }
                text.append(templates.execute(lang + "/links-sent.txt.mustache", v).strip()).append('\n');
                html.append(templates.execute(lang + "/links-sent.html.mustache", v));
            }
            String joined = String.join(" / ", subjects);
            return new Notice(joined, text.toString(), templates.execute("layout.html.mustache",
                    Map.of("lang", TemplateSet.languages(language).get(0), "title", joined, "bodies", html.toString())));
        } catch (MustacheException e) {
            throw new NoticeTemplateException(List.of("a secure-link template failed: " + e.getMessage()));
        }
    }

    /** A notice part: the same words as plain text and as a whole HTML document. */
    public record Rendered(String text, String html) {
    }
}
