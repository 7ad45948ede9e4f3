package org.outward.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The smallest change of a policy file that stops some rules from applying to one sender, as an admin settling a
 * false-positive report makes it: a sender group of its own holding the one address, named in each rule's
 * {@code except-senders}. The language already has that exception, so the gateway needs nothing new to honour it.
 *
 * <p>The change is made in the file's text, at the places the YAML parser reports, so the admin's comments, order
 * and layout stay as they were and the change reads as a few added lines in a diff. The result is parsed again as
 * the gateway would before it is returned.
 */
public final class SenderException {

    private SenderException() {
    }

    /** One piece of text put in at a character offset of the file. */
    private record Insertion(int offset, String text) {
    }

    /**
     * The policy text with {@code group}, holding {@code sender}, added to the senders and to the
     * {@code except-senders} of each rule in {@code ruleIds}.
     *
     * @throws InvalidPolicyException when the text is not a usable policy, names no such rule, already has the group,
     *                                or the result would not be usable
     */
    public static String apply(String text, String source, List<String> ruleIds, String sender, String group)
            throws InvalidPolicyException {
        Policy before = PolicyLoader.parse(text, source);
        if (before.senderGroups().containsKey(group)) {
            throw problem(source, "the policy already has a sender group '" + group + "'");
        }
        // A last line without its line end would have the added lines run on from it.
        String whole = text.endsWith("\n") ? text : text + "\n";
        MappingNode root = (MappingNode) compose(whole, source);
        Lines lines = new Lines(whole);
        List<Insertion> insertions = new ArrayList<>();
        insertions.add(senderGroup(root, lines, group, sender, source));
        Node rules = value(root, "rules").orElseThrow(() -> problem(source, "the policy has no rules"));
        for (String id : ruleIds) {
            MappingNode rule = findRule(rules, id).orElseThrow(() -> problem(source, "the policy has no rule '" + id + "'"));
            insertions.addAll(exceptSender(rule, lines, group));
        }
        StringBuilder changed = new StringBuilder(whole);
        insertions.stream().sorted(Comparator.comparingInt(Insertion::offset).reversed())
                .forEach(i -> changed.insert(i.offset(), i.text()));
        String after = changed.toString();
        PolicyLoader.parse(after, source);
        return after;
    }

    private static Insertion senderGroup(MappingNode root, Lines lines, String group, String sender, String source)
            throws InvalidPolicyException {
        String entry = group + ": [" + quoted(sender) + "]";
        Optional<NodeTuple> senders = tuple(root, "senders");
        if (senders.isEmpty()) {
            NodeTuple rules = tuple(root, "rules").orElseThrow(() -> problem(source, "the policy has no rules"));
            int line = rules.getKeyNode().getStartMark().orElseThrow().getLine();
            return new Insertion(lines.start(line), "senders:\n  " + entry + "\n\n");
        }
        Node value = senders.get().getValueNode();
        if (value instanceof MappingNode map && map.getFlowStyle() == FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            int column = map.getValue().get(0).getKeyNode().getStartMark().orElseThrow().getColumn();
            return new Insertion(lines.start(lastLine(map) + 1), " ".repeat(column) + entry + "\n");
        }
        if (value instanceof MappingNode map) {
            // A flow mapping: the new entry goes in before its closing brace.
            int close = lines.offset(value.getEndMark().orElseThrow()) - 1;
            return new Insertion(close, (map.getValue().isEmpty() ? "" : ", ") + entry);
        }
        if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            int line = senders.get().getKeyNode().getStartMark().orElseThrow().getLine();
            int column = senders.get().getKeyNode().getStartMark().orElseThrow().getColumn();
            return new Insertion(lines.start(line + 1), " ".repeat(column + 2) + entry + "\n");
        }
        throw problem(source, "senders: is not a mapping of groups");
    }

    private static List<Insertion> exceptSender(MappingNode rule, Lines lines, String group) {
        Optional<NodeTuple> except = tuple(rule, "except-senders");
        if (except.isEmpty()) {
            int column = rule.getValue().get(0).getKeyNode().getStartMark().orElseThrow().getColumn();
            return List.of(new Insertion(lines.start(lastLine(rule) + 1),
                    " ".repeat(column) + "except-senders: [" + group + "]\n"));
        }
        Node value = except.get().getValueNode();
        if (value instanceof SequenceNode list && list.getFlowStyle() == FlowStyle.BLOCK && !list.getValue().isEmpty()) {
            int column = list.getStartMark().orElseThrow().getColumn();
            return List.of(new Insertion(lines.start(lastLine(list) + 1), " ".repeat(column) + "- " + group + "\n"));
        }
        // A flow list (the loader allows no other form): the group goes in before its closing bracket.
        SequenceNode list = (SequenceNode) value;
        int close = lines.offset(list.getEndMark().orElseThrow()) - 1;
        return List.of(new Insertion(close, (list.getValue().isEmpty() ? "" : ", ") + group));
    }

    private static Optional<MappingNode> findRule(Node rules, String id) {
        if (!(rules instanceof SequenceNode list)) {
            return Optional.empty();
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode rule && value(rule, "id").filter(ScalarNode.class::isInstance)
                    .map(n -> ((ScalarNode) n).getValue()).filter(id::equals).isPresent()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The last line (0-based) that holds any of the node's text. */
    private static int lastLine(Node node) {
        if (node instanceof MappingNode map && map.getFlowStyle() == FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            NodeTuple last = map.getValue().get(map.getValue().size() - 1);
            return Math.max(lastLine(last.getKeyNode()), lastLine(last.getValueNode()));
        }
        if (node instanceof SequenceNode list && list.getFlowStyle() == FlowStyle.BLOCK && !list.getValue().isEmpty()) {
            return lastLine(list.getValue().get(list.getValue().size() - 1));
        }
        // A mark at the start of a line is just past the end of the line before (block scalars end so).
        Mark end = node.getEndMark().orElseThrow();
        return end.getColumn() == 0 ? end.getLine() - 1 : end.getLine();
    }

    private static Optional<NodeTuple> tuple(MappingNode map, String key) {
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())).findFirst();
    }

    private static Optional<Node> value(Node map, String key) {
        return map instanceof MappingNode mapping ? tuple(mapping, key).map(NodeTuple::getValueNode) : Optional.empty();
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Node compose(String text, String source) throws InvalidPolicyException {
        try {
            return new Compose(LoadSettings.builder().setLabel(source).build())
                    .composeReader(new java.io.StringReader(text)).orElseThrow();
        } catch (YamlEngineException | java.util.NoSuchElementException e) {
            throw problem(source, "the policy cannot be read as YAML");
        }
    }

    private static InvalidPolicyException problem(String source, String message) {
        return new InvalidPolicyException(List.of(new PolicyProblem(source, 0, 0, message)));
    }

    /** Where each line of the text starts, to turn the parser's line and column into an offset. */
    private static final class Lines {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();

        Lines(String text) {
            this.text = text;
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        /** The offset where a line starts; past the last line, the end of the text. */
        int start(int line) {
            return line < starts.size() ? starts.get(line) : text.length();
        }

        /** Columns count code points, as the parser does. */
        int offset(Mark mark) {
            int start = start(mark.getLine());
            return text.offsetByCodePoints(start, mark.getColumn());
        }
    }
}
