package org.outward.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads typed values out of a composed YAML tree and records a {@link PolicyProblem} with the node's line
 * and column for anything of the wrong shape. Reading goes on after a problem, so that an admin sees every
 * mistake in one pass; a value that could not be read comes back empty.
 */
final class PolicyNodes {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final ScalarPositions positions;
    private final List<PolicyProblem> problems = new ArrayList<>();

    /** @param text the policy file's text, to point into a value */
    PolicyNodes(String file, String text) {
        this.file = file;
        this.positions = new ScalarPositions(text);
    }

    List<PolicyProblem> problems() {
        return problems;
    }

    void problem(Node at, String message) {
        Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
        problems.add(new PolicyProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), message));
    }

    /** A problem at one character of a text value ({@code offset} into its value), or at the node if it has no text. */
    void problemAt(Node at, int offset, String message) {
        Optional<int[]> position = at instanceof ScalarNode scalar ? positions.of(scalar, offset) : Optional.empty();
        if (position.isEmpty()) {
            problem(at, message);
            return;
        }
        problems.add(new PolicyProblem(file, position.get()[0], position.get()[1], message));
    }

    /** A Java regular expression; a mistake in it is reported at the character where Java found it. */
    Optional<Pattern> regex(Node node, String where, int flags) {
        return text(node, where).flatMap(text -> {
            try {
                return Optional.of(Pattern.compile(text, flags));
            } catch (PatternSyntaxException e) {
                problemAt(node, Math.min(Math.max(0, e.getIndex()), text.length()),
                        where + " is not a valid regular expression: " + e.getDescription());
                return Optional.empty();
            }
        });
    }

    /** A mapping whose keys are checked against the keys a section allows, reported with a suggestion if unknown. */
    Optional<Section> section(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where + " must be a mapping of keys to values, not " + describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), "keys in " + where + " must be plain words");
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                problem(keyNode, "'" + key + "' appears twice in " + where + "; keep one");
            } else if (!allowed.contains(key)) {
                problem(keyNode, "unknown key '" + key + "' in " + where + suggestion(key, allowed));
            } else {
                entries.put(key, tuple);
            }
        }
        return Optional.of(new Section(this, where, mapping, entries));
    }

    Optional<List<Node>> list(Node node, String where) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        problem(node, where + " must be a list (items starting with '- ' or [a, b]), not " + describe(node));
        return Optional.empty();
    }

    Optional<String> text(Node node, String where) {
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            return Optional.of(scalar.getValue());
        }
        problem(node, where + " must be a text value, not " + describe(node));
        return Optional.empty();
    }

    Optional<Integer> integer(Node node, String where, int min, int max) {
        Optional<String> value = scalar(node, where, "a whole number");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get().replace("_", ""));
            if (number < min || number > max) {
                problem(node, where + " must be between " + min + " and " + max + ", not " + number);
                return Optional.empty();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            problem(node, where + " must be a whole number, not '" + value.get() + "'");
            return Optional.empty();
        }
    }

    Optional<Double> fraction(Node node, String where) {
        Optional<String> value = scalar(node, where, "a number between 0 and 1");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.get());
            if (!(number >= 0 && number <= 1)) {
                problem(node, where + " must be between 0 and 1, not " + value.get());
                return Optional.empty();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            problem(node, where + " must be a number between 0 and 1, not '" + value.get() + "'");
            return Optional.empty();
        }
    }

    Optional<Boolean> bool(Node node, String where) {
        Optional<String> value = scalar(node, where, "true or false");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problem(node, where + " must be true or false, not '" + value.get() + "'");
                yield Optional.empty();
            }
        };
    }

    /** {@code 500ms}, {@code 20s}, {@code 10m}, {@code 2h}, {@code 7d}. */
    Optional<Duration> duration(Node node, String where, Duration min, Duration max) {
        Optional<String> value = scalar(node, where, "a duration such as 20s, 10m or 7d");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(value.get().trim());
        if (!m.matches()) {
            problem(node, where + " must be a duration such as 500ms, 20s, 10m, 2h or 7d, not '" + value.get() + "'");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problem(node, where + " must be between " + words(min) + " and " + words(max) + ", not " + value.get());
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    /** {@code 512KB}, {@code 50MB}, {@code 1GB} (powers of 1024). */
    Optional<Long> size(Node node, String where, long min, long max) {
        Optional<String> value = scalar(node, where, "a size such as 50MB");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(value.get().trim());
        if (!m.matches()) {
            problem(node, where + " must be a size such as 512KB, 50MB or 1GB, not '" + value.get() + "'");
            return Optional.empty();
        }
        long bytes = Long.parseLong(m.group(1));
        bytes *= switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (bytes < min || bytes > max) {
            problem(node, where + " must be between " + min + " and " + max + " bytes, not " + value.get());
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** A word from a fixed set, e.g. an action; the problem lists the words allowed. */
    <T> Optional<T> word(Node node, String where, Map<String, T> allowed) {
        Optional<String> value = scalar(node, where, "one of " + String.join(", ", allowed.keySet()));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        T found = allowed.get(value.get());
        if (found == null) {
            problem(node, where + " must be one of " + String.join(", ", allowed.keySet()) + ", not '" + value.get()
                    + "'" + suggestion(value.get(), allowed.keySet()));
            return Optional.empty();
        }
        return Optional.of(found);
    }

    <T> List<T> each(Node node, String where, Function<Node, Optional<T>> read) {
        List<T> values = new ArrayList<>();
        list(node, where).ifPresent(items -> items.forEach(item -> read.apply(item).ifPresent(values::add)));
        return values;
    }

    private Optional<String> scalar(Node node, String where, String expected) {
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(node, where + " must be " + expected + ", not " + describe(node));
        return Optional.empty();
    }

    private static boolean isNull(ScalarNode scalar) {
        String v = scalar.getValue();
        return scalar.isPlain() && (v.isEmpty() || v.equals("~") || v.equals("null"));
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar && isNull(scalar)) {
            return "an empty value";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String words(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    /** "; did you mean 'x'?" for a near miss (a typo of one or two letters), else nothing. */
    static String suggestion(String given, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The checked entries of one mapping. */
    record Section(PolicyNodes nodes, String where, MappingNode node, Map<String, NodeTuple> entries) {

        Optional<Node> get(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
        }

        /** The same entries, named otherwise in problems (once the entry's own name is known). */
        Section named(String name) {
            return new Section(nodes, name, node, entries);
        }

        Optional<Node> require(String key) {
            Optional<Node> value = get(key);
            if (value.isEmpty()) {
                nodes.problem(node, where + " needs '" + key + "'");
            }
            return value;
        }
    }
}
