package org.outward.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * A site's pages: Mustache templates (HTML-escaping every variable) inside one layout, and the words in
 * English and Welsh. The words are templates too, so they can name the sender or the file, escaped like the rest.
 * The portal's own pages by default; the admin console has its own folder of pages in the same form.
 */
public final class Pages {

    public static final List<String> LANGUAGES = List.of("en", "cy");
    private static final String FOLDER = "/org/outward/portal/";
    private static final List<String> PAGES = List.of("link", "code", "ready", "locked", "message", "manage", "report");

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("");
    /** Words are rendered as plain text: the page template escapes them, once, where it shows them. */
    private final Mustache.Compiler wordCompiler = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Template layout;
    private final Map<String, Template> pages = new HashMap<>();
    private final Map<String, Map<String, Template>> words = new HashMap<>();

    private final String folder;

    Pages() throws IOException {
        this(FOLDER, PAGES);
    }

    /**
     * The pages in a class-path folder: {@code layout.html}, one {@code NAME.html} for each page, and the words in
     * {@code messages_en.properties} and {@code messages_cy.properties}, which must have the same keys.
     */
    public Pages(String folder, List<String> pageNames) throws IOException {
        this.folder = folder;
        layout = compiler.compile(text("layout.html"));
        for (String page : pageNames) {
            pages.put(page, compiler.compile(text(page + ".html")));
        }
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(resource(folder, "messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, Template> compiled = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                compiled.put(key, wordCompiler.compile(properties.getProperty(key)));
            }
            words.put(language, compiled);
        }
        if (!words.get("en").keySet().equals(words.get("cy").keySet())) {
            throw new IOException("the English and Welsh word lists differ");
        }
    }

    /**
     * Renders a page in a language.
     *
     * @param page     template name
     * @param language en or cy
     * @param model    the page's values (escaped when shown)
     */
    public String render(String page, String language, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", language);
        Map<String, String> t = new HashMap<>();
        words.get(language).forEach((key, template) -> t.put(key, template.execute(context)));
        context.put("t", t);
        String other = "cy".equals(language) ? "en" : "cy";
        context.put("otherLang", other);
        context.put("otherLangName", "cy".equals(other) ? "Cymraeg" : "English");
        context.put("body", pages.get(page).execute(context));
        return layout.execute(context);
    }

    /** One of the words, without page values (for labels the handler chooses). */
    public String word(String language, String key) {
        Template template = words.get(language).get(key);
        return template == null ? key : template.execute(Map.of());
    }

    private String text(String name) throws IOException {
        try (InputStream in = resource(folder, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String folder, String name) throws IOException {
        InputStream in = Pages.class.getResourceAsStream(folder + name);
        if (in == null) {
            throw new IOException("missing page resource " + name);
        }
        return in;
    }

    static byte[] stylesheet() throws IOException {
        return file(FOLDER, "portal.css");
    }

    /** A file of a page folder as it is (a stylesheet). */
    public static byte[] file(String folder, String name) throws IOException {
        try (InputStream in = resource(folder, name)) {
            return in.readAllBytes();
        }
    }
}
