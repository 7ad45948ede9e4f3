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
 * Named Mustache templates read from the built-in notices on the class path or from an admin's folder laid out as
 * {@code policies/notices}, compiled at once: the layout plus, for each language, the given names. HTML templates
 * escape every variable, so a file name or a sender cannot inject markup; every missing or broken file is named.
 */
final class TemplateSet {

    private final Map<String, Template> templates;

    private TemplateSet(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Where the templates are read from. */
    interface Source {
        Optional<String> read(String name) throws IOException;

        /** The description problems start with. */
        String where();

        static Source builtIn() {
            return new Source() {
                @Override
                public Optional<String> read(String name) throws IOException {
                    try (InputStream in = TemplateSet.class.getResourceAsStream(NoticeTemplates.CLASS_PATH_FOLDER + name)) {
                        return in == null ? Optional.empty()
                                : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }

                @Override
                public String where() {
                    return "the built-in notices";
                }
            };
        }

        static Source folder(Path folder) {
            return new Source() {
                @Override
                public Optional<String> read(String name) throws IOException {
                    try {
                        return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
                    } catch (NoSuchFileException e) {
                        return Optional.empty();
                    }
                }

                @Override
                public String where() {
                    return folder.toString();
                }
            };
        }
    }

    /** {@code layout.html.mustache} and {@code <lang>/<name>} for every name and language. */
    static TemplateSet compile(Source source, List<String> perLanguage) throws NoticeTemplateException {
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
                .withFormatter(BidiControls.FORMATTER);
        Mustache.Compiler text = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
                .withFormatter(BidiControls.FORMATTER);
        List<String> names = new ArrayList<>(List.of("layout.html.mustache"));
        for (String language : NoticeTemplates.LANGUAGES) {
            perLanguage.forEach(n -> names.add(language + "/" + n));
        }
        Map<String, Template> compiled = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                Optional<String> template = source.read(name);
                if (template.isEmpty()) {
                    problems.add(source.where() + "/" + name + ": missing");
                } else {
                    compiled.put(name, (name.endsWith(".html.mustache") ? html : text).compile(template.get()));
                }
            } catch (MustacheException e) {
                problems.add(source.where() + "/" + name + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(source.where() + "/" + name + ": cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new NoticeTemplateException(problems);
        }
        return new TemplateSet(compiled);
    }

    /** Runs one template; a variable the template names but the facts lack fails here. */
    String execute(String name, Object variables) {
        return templates.get(name).execute(variables);
    }

    /** The languages a notice in {@code en}, {@code cy} or {@code both} is written in, Welsh first. */
    static List<String> languages(String language) {
        return "both".equals(language) ? NoticeTemplates.LANGUAGES
                : List.of(NoticeTemplates.LANGUAGES.contains(language) ? language : "en");
    }
}
