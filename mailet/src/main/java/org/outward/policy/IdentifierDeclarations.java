package org.outward.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.outward.detect.personal.CheckDigit;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the policy's {@code identifiers:} section into {@link CustomIdentifier}s, checking each part as the
 * gateway will rely on it: the pattern compiles, cannot match an empty text, does not match ordinary words
 * ({@link OrdinaryWords}) and is quick on long runs of characters ({@link PatternCost}); the validator is a known check digit; names are kebab-case, unique and not a
 * built-in kind's; context words are words; window and score are in range. Problems go to the shared
 * {@link PolicyNodes}, each with its line and column.
 */
final class IdentifierDeclarations {

    private static final Set<String> KEYS = Set.of("name", "description", "pattern", "validator", "context-words",
            "header-words", "context-required", "window", "score", "identifier");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final PolicyNodes nodes;
    private final Set<String> names = new LinkedHashSet<>();

    IdentifierDeclarations(PolicyNodes nodes) {
        this.nodes = nodes;
    }

    /** The declarations under {@code identifiers:}, in file order; those with problems are left out. */
    List<CustomIdentifier> read(Node node) {
        List<CustomIdentifier> identifiers = new ArrayList<>();
        List<Node> items = nodes.list(node, "identifiers").orElse(List.of());
        for (Node item : items) {
            declaration(item).ifPresent(identifiers::add);
        }
        if (items.size() > CustomIdentifier.MAX_DECLARED) {
            nodes.problem(items.get(CustomIdentifier.MAX_DECLARED), "a policy declares at most "
                    + CustomIdentifier.MAX_DECLARED + " identifiers, and this is number " + (CustomIdentifier.MAX_DECLARED
                    + 1) + "; one declaration with alternatives in its pattern covers related shapes");
        }
        return identifiers;
    }

    /**
     * Every name declared, those of declarations with other problems included, so that a rule naming one is
     * not reported twice.
     */
    Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    private Optional<CustomIdentifier> declaration(Node item) {
        Optional<PolicyNodes.Section> section = nodes.section(item, "an identifier", KEYS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int problemsBefore = nodes.problems().size();
        Optional<String> name = section.get().require("name").flatMap(this::name);
        String where = name.map(n -> "identifier '" + n + "'").orElse("an identifier");
        PolicyNodes.Section s = section.get().named(where);
        Optional<String> description = s.require("description").flatMap(n -> nodes.text(n, where + ".description"))
                .map(String::trim);
        Optional<Pattern> pattern = s.require("pattern").flatMap(n -> nodes.regex(n, where + ".pattern", 0)
                .filter(p -> ordinary(p, n, where + ".pattern")));
        CheckDigit validator = s.get("validator").flatMap(n -> nodes.word(n, where + ".validator", validators()))
                .orElse(CheckDigit.NONE);
        int wordProblems = nodes.problems().size();
        List<String> context = s.get("context-words").map(n -> words(n, where + ".context-words")).orElse(List.of());
        List<String> headers = s.get("header-words").map(n -> words(n, where + ".header-words")).orElse(List.of());
        boolean wordsRead = nodes.problems().size() == wordProblems;
        boolean contextRequired = s.get("context-required").flatMap(n -> nodes.bool(n, where + ".context-required"))
                .orElse(false);
        if (contextRequired && wordsRead && context.isEmpty() && headers.isEmpty()) {
            nodes.problem(s.get("context-required").get(), where + " has context-required: true but no context-words"
                    + " or header-words, so it could never find anything");
        }
        int window = s.get("window").flatMap(n -> nodes.integer(n, where + ".window", 1, CustomIdentifier.MAX_WINDOW))
                .orElse(CustomIdentifier.DEFAULT_WINDOW);
        double score = s.get("score").flatMap(n -> nodes.fraction(n, where + ".score"))
                .orElse(CustomIdentifier.DEFAULT_SCORE);
        boolean identifier = s.get("identifier").flatMap(n -> nodes.bool(n, where + ".identifier")).orElse(true);
        if (nodes.problems().size() > problemsBefore || name.isEmpty() || description.isEmpty() || pattern.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CustomIdentifier(name.get(), description.get(), pattern.get(), validator, context,
                headers, contextRequired, window, score, identifier, item.getStartMark().map(m -> m.getLine() + 1).orElse(0)));
    }

    private Optional<String> name(Node node) {
        return nodes.text(node, "an identifier's name").flatMap(text -> {
            if (!KEBAB.matcher(text).matches()) {
                nodes.problem(node, "an identifier's name must be lowercase words joined by dashes, like "
                        + "'party-membership-number', not '" + text + "'");
                return Optional.empty();
            }
            if (DataWords.builtIn().contains(text)) {
                nodes.problem(node, "an identifier cannot be named '" + text + "': that is a built-in kind of personal"
                        + " data; choose a name of your own");
            } else if (!names.add(text)) {
                nodes.problem(node, "two identifiers are named '" + text + "'; identifier names must differ");
            }
            return Optional.of(text);
        });
    }

    /**
     * Refuses a pattern that would find "values" in ordinary text (see {@link OrdinaryWords} for the bar) or
     * make mail slow to check ({@link PatternCost}).
     */
    private boolean ordinary(Pattern pattern, Node at, String where) {
        if (OrdinaryWords.matchesEmpty(pattern)) {
            nodes.problem(at, where + " can match an empty text, so it would find a value everywhere; make each part"
                    + " match at least one character (+ rather than *)");
            return false;
        }
        List<String> matched = OrdinaryWords.matchedBy(pattern);
        if (OrdinaryWords.tooMany(matched.size())) {
            nodes.problem(at, where + " matches " + matched.size() + " of " + OrdinaryWords.count()
                    + " common English words (e.g. '" + matched.get(0) + "', '" + matched.get(1) + "'), so it would"
                    + " find values in ordinary mail; give it what words lack: digits, fixed letters, a fixed length");
            return false;
        }
        Optional<String> slowOn = PatternCost.slowOn(pattern);
        if (slowOn.isPresent()) {
            nodes.problem(at, where + " takes too long on " + slowOn.get() + ": a repeat inside a repeat, or a repeat"
                    + " that can take a whole run before it fails, makes mail slow to check; limit its repeats, e.g."
                    + " [0-9]{5,10}, or begin it with \\b and a fixed letter");
            return false;
        }
        return true;
    }

    /** Context and header words, matched without regard to case, so kept in lower case with single spaces. */
    private List<String> words(Node node, String where) {
        return nodes.each(node, where, item -> nodes.text(item, where).flatMap(text -> {
            String word = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (word.codePointCount(0, word.length()) < 2) {
                nodes.problem(item, where + " must hold words of two characters or more, not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(word);
        }));
    }

    private static Map<String, CheckDigit> validators() {
        Map<String, CheckDigit> validators = new LinkedHashMap<>();
        Arrays.stream(CheckDigit.values()).forEach(v -> validators.put(v.word(), v));
        return validators;
    }
}
