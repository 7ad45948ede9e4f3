package org.outward.notice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.MustacheException;

/**
 * The notice templates of one folder, compiled once: for each language ({@code en}, {@code cy}) a subject, a
 * plain-text body and an HTML body, and one HTML layout around the bodies. HTML templates escape every
 * variable (Mustache's {@code {{name}}}); the plain-text ones do not need to.
 *
 * <p>Loaded from a folder an admin edits ({@code policies/notices}), or from the copy on the class path.
 */
public final class NoticeTemplates {

    /** Languages a notice can be written in; {@code both} in the policy means Welsh then English. */
    public static final List<String> LANGUAGES = List.of("cy", "en");

    static final String CLASS_PATH_FOLDER = "/org/outward/policies/notices/";

    private final TemplateSet templates;

    private NoticeTemplates(TemplateSet templates) {
        this.templates = templates;
    }

    /** The templates shipped with Outward. */
    public static NoticeTemplates builtIn() throws NoticeTemplateException {
        return compile(TemplateSet.Source.builtIn());
    }

    /** The templates in an admin's folder, laid out as {@code policies/notices}. */
    public static NoticeTemplates from(Path folder) throws NoticeTemplateException {
        return compile(TemplateSet.Source.folder(folder));
    }

    private static NoticeTemplates compile(TemplateSet.Source source) throws NoticeTemplateException {
        // Strict: a variable name an admin mistypes is an error when the templates are loaded, not a blank.
        NoticeTemplates templates = new NoticeTemplates(TemplateSet.compile(source,
                List.of("subject.mustache", "body.txt.mustache", "body.html.mustache")));
        // Render once with every section switched on, so that a bad variable is found now, not in a notice.
        for (String language : LANGUAGES) {
            try {
                templates.render(NoticeFacts.everything(), language);
            } catch (NoticeTemplateException e) {
                throw new NoticeTemplateException(List.of(source.where() + "/" + language + ": " + e.getMessage()));
            }
        }
        return templates;
    }

    /**
     * Writes the notice in {@code en}, {@code cy}, or {@code both} (Welsh first, then English, in one message).
     *
     * @throws NoticeTemplateException when a template fails on these facts (e.g. a section an admin left open)
     */
    public Notice render(NoticeFacts facts, String language) throws NoticeTemplateException {
        List<String> languages = TemplateSet.languages(language);
        try {
            List<String> subjects = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            StringBuilder bodies = new StringBuilder();
            for (String lang : languages) {
                Map<String, Object> variables = facts.variables(lang);
                subjects.add(templates.execute(lang + "/subject.mustache", variables).strip());
                if (text.length() > 0) {
                    text.append("\n\n----------------------------------------\n\n");
                }
                text.append(templates.execute(lang + "/body.txt.mustache", variables).strip()).append('\n');
                bodies.append(templates.execute(lang + "/body.html.mustache", variables));
            }
            String subject = String.join(" / ", subjects);
            Map<String, Object> layout = Map.of("lang", languages.get(0), "title", subject, "bodies", bodies.toString());
            String html = templates.execute("layout.html.mustache", layout);
            return new Notice(subject, text.toString(), html);
        } catch (MustacheException e) {
            throw new NoticeTemplateException(List.of("a notice template failed: " + e.getMessage()));
        }
    }
}
