package org.outward.notice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import org.outward.display.BidiControls;

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

    private final Map<String, Template> templates;

    private NoticeTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** The templates shipped with Outward. */
    public static NoticeTemplates builtIn() throws NoticeTemplateException {
        return compile(name -> {
            try (InputStream in = NoticeTemplates.class.getResourceAsStream(CLASS_PATH_FOLDER + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }, "the built-in notices");
    }

    /** The templates in an admin's folder, laid out as {@code policies/notices}. */
    public static NoticeTemplates from(Path folder) throws NoticeTemplateException {
        return compile(name -> {
            try {
                return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }, folder.toString());
    }

    @FunctionalInterface
    private interface Source {
        Optional<String> read(String name) throws IOException;
    }

    private static NoticeTemplates compile(Source source, String where) throws NoticeTemplateException {
        // Strict: a variable name an admin mistypes is an error when the templates are loaded, not a blank.
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
                .withFormatter(BidiControls.FORMATTER);
        Mustache.Compiler text = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
                .withFormatter(BidiControls.FORMATTER);
        Map<String, Template> compiled = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("layout.html.mustache"));
        for (String language : LANGUAGES) {
            names.add(language + "/subject.mustache");
            names.add(language + "/body.txt.mustache");
            names.add(language + "/body.html.mustache");
        }
        for (String name : names) {
            try {
                Optional<String> template = source.read(name);
                if (template.isEmpty()) {
                    problems.add(where + "/" + name + ": missing");
                    continue;
                }
                compiled.put(name, (name.endsWith(".html.mustache") ? html : text).compile(template.get()));
            } catch (MustacheException e) {
                problems.add(where + "/" + name + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(where + "/" + name + ": cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new NoticeTemplateException(problems);
        }
        NoticeTemplates templates = new NoticeTemplates(compiled);
        // Render once with every section switched on, so that a bad variable is found now, not in a notice.
        for (String language : LANGUAGES) {
            try {
                templates.render(NoticeFacts.everything(), language);
            } catch (NoticeTemplateException e) {
                throw new NoticeTemplateException(List.of(where + "/" + language + ": " + e.getMessage()));
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
        List<String> languages = "both".equals(language) ? LANGUAGES : List.of(LANGUAGES.contains(language) ? language : "en");
        try {
            List<String> subjects = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            StringBuilder bodies = new StringBuilder();
            for (String lang : languages) {
                Map<String, Object> variables = facts.variables(lang);
                subjects.add(templates.get(lang + "/subject.mustache").execute(variables).strip());
                if (text.length() > 0) {
                    text.append("\n\n----------------------------------------\n\n");
                }
                text.append(templates.get(lang + "/body.txt.mustache").execute(variables).strip()).append('\n');
                bodies.append(templates.get(lang + "/body.html.mustache").execute(variables));
            }
            String subject = String.join(" / ", subjects);
            Map<String, Object> layout = Map.of("lang", languages.get(0), "title", subject, "bodies", bodies.toString());
            String html = templates.get("layout.html.mustache").execute(layout);
            return new Notice(subject, text.toString(), html);
        } catch (MustacheException e) {
            throw new NoticeTemplateException(List.of("a notice template failed: " + e.getMessage()));
        }
    }
}
