package org.outward.notice;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.samskivert.mustache.MustacheException;

/**
 * The notice a sender gets once when their mail has waited hours for the next server ({@code <lang>/delayed.*}):
 * which message, to whom, since when, and until when the gateway keeps trying; the sender need do nothing.
 * Compiled from the same folder as the other notices and rendered once at load, so that a mistyped variable stops
 * start-up instead of a notice.
 */
public final class DelayNotices {

    private static final List<String> NAMES = List.of("delayed.subject.mustache", "delayed.txt.mustache",
            "delayed.html.mustache");

    private final TemplateSet templates;

    private DelayNotices(TemplateSet templates) {
        this.templates = templates;
    }

    /** The texts shipped with Outward. */
    public static DelayNotices builtIn() throws NoticeTemplateException {
        return compile(TemplateSet.Source.builtIn());
    }

    /** The texts in an admin's folder, laid out as {@code policies/notices}. */
    public static DelayNotices from(Path folder) throws NoticeTemplateException {
        return compile(TemplateSet.Source.folder(folder));
    }

    private static DelayNotices compile(TemplateSet.Source source) throws NoticeTemplateException {
        DelayNotices notices = new DelayNotices(TemplateSet.compile(source, NAMES));
        Instant since = Instant.parse("2026-11-22T10:00:00Z");
        DelayFacts sample = new DelayFacts("Canvass returns", since, List.of("a@example.org"), since,
                since.plusSeconds(5 * 24 * 3600));
        for (String language : NoticeTemplates.LANGUAGES) {
            notices.render(sample, language);
        }
        return notices;
    }

    /**
     * What a delay notice says.
     *
     * @param subject    the message's subject
     * @param sent       when it was written (its Date header), null when unknown
     * @param recipients the recipients still waiting
     * @param since      when the gateway took it on to deliver
     * @param until      when the gateway stops trying and returns it
     */
    public record DelayFacts(String subject, Instant sent, List<String> recipients, Instant since, Instant until) {
        public DelayFacts {
            Objects.requireNonNull(subject, "subject");
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
        }
    }

    /** The notice in {@code en}, {@code cy} or {@code both} (Welsh first). */
    public Notice render(DelayFacts facts, String language) throws NoticeTemplateException {
        List<String> languages = TemplateSet.languages(language);
        List<String> subjects = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        try {
            for (String lang : languages) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("subject", facts.subject());
                v.put("date", NoticeDate.in(lang, facts.sent()));
                v.put("recipients", facts.recipients());
                v.put("since", NoticeDate.in(lang, facts.since()));
                v.put("until", NoticeDate.in(lang, facts.until()));
                subjects.add(templates.execute(lang + "/delayed.subject.mustache", v).strip());
                if (text.length() > 0) {
                    text.append("\n\n----------------------------------------\n\n");
                }
                text.append(templates.execute(lang + "/delayed.txt.mustache", v).strip()).append('\n');
                html.append(templates.execute(lang + "/delayed.html.mustache", v));
            }
            String subject = String.join(" / ", subjects);
            return new Notice(subject, text.toString(), templates.execute("layout.html.mustache",
                    Map.of("lang", languages.get(0), "title", subject, "bodies", html.toString())));
        } catch (MustacheException e) {
            throw new NoticeTemplateException(List.of("a delay notice template failed: " + e.getMessage()));
        }
    }
}
