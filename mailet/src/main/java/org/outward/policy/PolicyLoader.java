package org.outward.policy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.outward.inspect.InspectionLimits;
import org.outward.protect.ProtectionLevel;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a policy file strictly: unknown keys, wrong types, bad patterns and impossible values are all
 * reported, each with its line and column and a sentence saying what is wrong. Nothing is guessed: a policy
 * either loads whole or is refused, so the gateway never runs on half a policy.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.load(Path.of("policies/default-policy.yaml"));
 * }</pre>
 */
public final class PolicyLoader {

    /** The policy format this code reads; a file names it in {@code version}. */
    public static final int VERSION = 1;

    /** Largest policy file read: a policy is a page or two, not megabytes. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Set<String> TOP = Set.of("version", "recipients", "senders", "limits", "detection",
            "inspection-failure", "secure-tag", "links", "notices", "retention", "identifiers", "rules", "ocr");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern ADDRESS = Pattern.compile("(?i)[^@\\s]+@" + DOMAIN.pattern());
    private static final Pattern SENDER = Pattern.compile("(?i)[^@\\s]+@" + DOMAIN.pattern() + "|@" + DOMAIN.pattern());

    private final PolicyNodes nodes;
    private final String source;

    private PolicyLoader(String source, String text) {
        this.source = source;
        this.nodes = new PolicyNodes(source, text);
    }

    public static Policy load(Path file) throws InvalidPolicyException {
        return parse(read(file), file.toString());
    }

    /** The bytes of a policy file, checked to be of a policy's size; parse them with {@link #parse(byte[], String)}. */
    public static byte[] read(Path file) throws InvalidPolicyException {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(name, "the file is larger than 1 MB; a policy file is a page or two of YAML");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(name, "cannot read the file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Parses a policy file's bytes, which must be UTF-8; {@code source} names it in problems. */
    public static Policy parse(byte[] bytes, String source) throws InvalidPolicyException {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(), source);
        } catch (CharacterCodingException e) {
            throw invalid(source, "the file is not UTF-8 text");
        }
    }

    /** Parses policy text; {@code source} names it in problems (a file name, or e.g. {@code <test>}). */
    public static Policy parse(String text, String source) throws InvalidPolicyException {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowRecursiveKeys(false)
                    .setMaxAliasesForCollections(20).setCodePointLimit((int) MAX_FILE_BYTES).build();
            root = new Compose(settings).composeReader(new java.io.StringReader(text))
                    .orElseThrow(() -> invalid(source, "the file is empty; start from policies/default-policy.yaml"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            String context = e.getContextMark().filter(m -> e.getContext() != null)
                    .map(m -> " (" + e.getContext() + " that starts at line " + (m.getLine() + 1) + ", column "
                            + (m.getColumn() + 1) + ")")
                    .orElse("");
            throw new InvalidPolicyException(List.of(new PolicyProblem(source, line, column,
                    "not valid YAML: " + e.getProblem() + context)));
        } catch (YamlEngineException e) {
            throw invalid(source, "not valid YAML: " + e.getMessage());
        }
        PolicyLoader loader = new PolicyLoader(source, text);
        Policy policy = loader.bind(root);
        if (!loader.nodes.problems().isEmpty()) {
            // Top to bottom, as the admin reads the file.
            throw new InvalidPolicyException(loader.nodes.problems().stream()
                    .sorted(java.util.Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
                    .toList());
        }
        return policy;
    }

    private Policy bind(Node root) {
        Optional<PolicyNodes.Section> top = nodes.section(root, "the policy", TOP);
        if (top.isEmpty()) {
            return null;
        }
        PolicyNodes.Section s = top.get();
        s.require("version").flatMap(n -> nodes.integer(n, "version", 0, Integer.MAX_VALUE)).ifPresent(v -> {
            if (v != VERSION) {
                nodes.problem(s.get("version").get(), "version must be " + VERSION
                        + " (the policy format this gateway reads), not " + v);
            }
        });
        Policy.Recipients recipients = s.get("recipients").map(this::recipients).orElse(new Policy.Recipients(List.of(), List.of()));
        Map<String, List<String>> senders = s.get("senders").map(this::senders).orElse(Map.of());
        InspectionLimits bounds = s.get("limits").map(this::limits).orElse(InspectionLimits.defaults());
        InspectionLimits limits = bounds.withOcr(s.get("ocr")
                .map(n -> new OcrSection(nodes).read(n, bounds.timePerPart())).orElse(bounds.ocr()));
        Policy.Detection detection = s.get("detection").map(this::detection).orElse(Policy.Detection.DEFAULTS);
        Action failure = s.get("inspection-failure").map(this::inspectionFailure).orElse(Action.QUARANTINE);
        String secureTag = s.get("secure-tag").flatMap(n -> nodes.text(n, "secure-tag")).map(String::trim)
                .orElse("[secure]");
        if (secureTag.isEmpty()) {
            nodes.problem(s.get("secure-tag").get(), "secure-tag must not be empty");
        }
        Policy.Links links = s.get("links").map(this::links).orElse(Policy.Links.DEFAULTS);
        Policy.Notices notices = s.get("notices").map(this::notices).orElse(Policy.Notices.DEFAULTS);
        Policy.Retention retention = s.get("retention").map(this::retention).orElse(Policy.Retention.DEFAULTS);
        IdentifierDeclarations declarations = new IdentifierDeclarations(nodes);
        List<CustomIdentifier> identifiers = s.get("identifiers").map(declarations::read).orElse(List.of());
        Set<String> dataWords = DataWords.all(declarations.names());
        List<Policy.Rule> rules = s.require("rules").map(n -> rules(n, recipients, senders, dataWords)).orElse(List.of());
        // The image screen skips pictures that cannot hold a list the policy would report: the smallest one is set
        // by the detection threshold or a personal-data rule's own min-records, whichever is fewer.
        int smallestList = rules.stream().map(Policy.Rule::when)
                .filter(when -> when.finding() == FindingKind.PERSONAL_DATA && when.minRecords() > 0)
                .mapToInt(Policy.Condition::minRecords).reduce(detection.minRecords(), Math::min);
        return new Policy(source, recipients, senders, limits.withOcr(limits.ocr().withMinListRecords(smallestList)),
                detection, failure, secureTag, links, notices, retention, identifiers, rules);
    }

    private Policy.Recipients recipients(Node node) {
        Optional<PolicyNodes.Section> section = nodes.section(node, "recipients", Set.of("internal-domains", "partners"));
        if (section.isEmpty()) {
            return new Policy.Recipients(List.of(), List.of());
        }
        List<String> internal = section.get().get("internal-domains")
                .map(n -> nodes.each(n, "recipients.internal-domains", d -> domain(d, "recipients.internal-domains")))
                .orElse(List.of());
        List<Policy.Partner> partners = section.get().get("partners")
                .map(n -> nodes.each(n, "recipients.partners", this::partner)).orElse(List.of());
        Set<String> names = new HashSet<>();
        for (Policy.Partner partner : partners) {
            if (!names.add(partner.name())) {
                nodes.problem(node, "two partners are named '" + partner.name() + "'; partner names must differ");
            }
        }
        return new Policy.Recipients(internal, partners);
    }

    private Optional<Policy.Partner> partner(Node node) {
        Optional<PolicyNodes.Section> section = nodes.section(node, "a partner", Set.of("name", "domains"));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = section.get().require("name").flatMap(n -> name(n, "a partner's name"));
        List<String> domains = section.get().require("domains")
                .map(n -> nodes.each(n, "a partner's domains", d -> domain(d, "a partner's domains"))).orElse(List.of());
        if (section.get().get("domains").isPresent() && domains.isEmpty()) {
            nodes.problem(section.get().get("domains").get(), "a partner needs at least one domain");
        }
        return name.map(n -> new Policy.Partner(n, domains));
    }

    private Map<String, List<String>> senders(Node node) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        // Group names are the admin's own, so any key is allowed; each must be a name and hold addresses.
        Optional<PolicyNodes.Section> section = nodes.section(node, "senders", anyKey(node));
        section.ifPresent(s -> s.entries().forEach((group, tuple) -> {
            if (!NAME.matcher(group).matches()) {
                nodes.problem(tuple.getKeyNode(), "sender group '" + group
                        + "' must be a name of lowercase letters, digits and dashes");
                return;
            }
            List<String> members = nodes.each(tuple.getValueNode(), "senders." + group, n -> sender(n, "senders." + group));
            groups.put(group, members);
        }));
        return groups;
    }

    private InspectionLimits limits(Node node) {
        InspectionLimits d = InspectionLimits.defaults();
        Optional<PolicyNodes.Section> section = nodes.section(node, "limits", Set.of("max-depth", "max-archive-entries",
                "max-expanded-size", "max-compression-ratio", "max-part-size", "max-text-chars", "time-per-part"));
        if (section.isEmpty()) {
            return d;
        }
        PolicyNodes.Section s = section.get();
        return new InspectionLimits(
                s.get("max-depth").flatMap(n -> nodes.integer(n, "limits.max-depth", 1, 50)).orElse(d.maxDepth()),
                s.get("max-archive-entries").flatMap(n -> nodes.integer(n, "limits.max-archive-entries", 1, 1_000_000))
                        .orElse(d.maxArchiveEntries()),
                s.get("max-expanded-size").flatMap(n -> nodes.size(n, "limits.max-expanded-size", 1024, 16L << 30))
                        .orElse(d.maxTotalExpandedBytes()),
                s.get("max-compression-ratio").flatMap(n -> nodes.integer(n, "limits.max-compression-ratio", 2, 100_000))
                        .orElse(d.maxCompressionRatio()),
                s.get("max-part-size").flatMap(n -> nodes.size(n, "limits.max-part-size", 1024, 4L << 30))
                        .orElse(d.maxPartBytes()),
                s.get("max-text-chars").flatMap(n -> nodes.integer(n, "limits.max-text-chars", 1000, 500_000_000))
                        .orElse(d.maxTextCharsPerPart()),
                s.get("time-per-part").flatMap(n -> nodes.duration(n, "limits.time-per-part", Duration.ofMillis(100),
                        Duration.ofMinutes(10))).orElse(d.timePerPart()));
    }

    private Policy.Detection detection(Node node) {
        Policy.Detection d = Policy.Detection.DEFAULTS;
        Optional<PolicyNodes.Section> section = nodes.section(node, "detection", Set.of("personal-data", "passwords"));
        if (section.isEmpty()) {
            return d;
        }
        int minRecords = d.minRecords();
        double personalConfidence = d.personalDataMinConfidence();
        double passwordConfidence = d.passwordMinConfidence();
        Duration window = d.correlationWindow();
        Optional<PolicyNodes.Section> personal = section.get().get("personal-data")
                .flatMap(n -> nodes.section(n, "detection.personal-data", Set.of("min-records", "min-confidence")));
        if (personal.isPresent()) {
            minRecords = personal.get().get("min-records")
                    .flatMap(n -> nodes.integer(n, "detection.personal-data.min-records", 1, 1_000_000)).orElse(minRecords);
            personalConfidence = personal.get().get("min-confidence")
                    .flatMap(n -> nodes.fraction(n, "detection.personal-data.min-confidence")).orElse(personalConfidence);
        }
        Optional<PolicyNodes.Section> passwords = section.get().get("passwords")
                .flatMap(n -> nodes.section(n, "detection.passwords", Set.of("min-confidence", "correlation-window")));
        if (passwords.isPresent()) {
            passwordConfidence = passwords.get().get("min-confidence")
                    .flatMap(n -> nodes.fraction(n, "detection.passwords.min-confidence")).orElse(passwordConfidence);
            window = passwords.get().get("correlation-window")
                    .flatMap(n -> nodes.duration(n, "detection.passwords.correlation-window", Duration.ZERO,
                            Duration.ofDays(90))).orElse(window);
        }
        return new Policy.Detection(minRecords, personalConfidence, passwordConfidence, window);
    }

    private Action inspectionFailure(Node node) {
        // Fail closed: a message nobody could judge is never delivered, so only holding actions are allowed.
        Optional<Action> action = nodes.word(node, "inspection-failure",
                ordered("quarantine", Action.QUARANTINE, "block", Action.BLOCK));
        return action.orElse(Action.QUARANTINE);
    }

    private Policy.Links links(Node node) {
        Policy.Links d = Policy.Links.DEFAULTS;
        Optional<PolicyNodes.Section> section = nodes.section(node, "links", Set.of("expiry", "max-downloads"));
        if (section.isEmpty()) {
            return d;
        }
        return new Policy.Links(
                section.get().get("expiry").flatMap(n -> nodes.duration(n, "links.expiry", Duration.ofHours(1),
                        Duration.ofDays(90))).orElse(d.expiry()),
                section.get().get("max-downloads").flatMap(n -> nodes.integer(n, "links.max-downloads", 1, 100))
                        .orElse(d.maxDownloads()));
    }

    private Policy.Retention retention(Node node) {
        Policy.Retention d = Policy.Retention.DEFAULTS;
        Optional<PolicyNodes.Section> section = nodes.section(node, "retention", Set.of("blocked", "quarantine"));
        if (section.isEmpty()) {
            return d;
        }
        // At least a day, so a typo cannot empty the repositories under an admin's hands; at most a year.
        return new Policy.Retention(
                section.get().get("blocked").flatMap(n -> nodes.duration(n, "retention.blocked", Duration.ofDays(1),
                        Duration.ofDays(365))).orElse(d.blocked()),
                section.get().get("quarantine").flatMap(n -> nodes.duration(n, "retention.quarantine",
                        Duration.ofDays(1), Duration.ofDays(365))).orElse(d.quarantine()));
    }

    private Policy.Notices notices(Node node) {
        Optional<PolicyNodes.Section> section = nodes.section(node, "notices",
                Set.of("language", "dpo-address", "tell-sender-on-delete"));
        return new Policy.Notices(section.flatMap(s -> s.get("language"))
                .flatMap(n -> nodes.word(n, "notices.language", PolicyLoader.<String>ordered("en", "en", "cy", "cy", "both", "both")))
                .orElse(Policy.Notices.DEFAULTS.language()),
                section.flatMap(s -> s.get("dpo-address")).flatMap(n -> address(n, "notices.dpo-address"))
                        .orElse(Policy.Notices.DEFAULTS.dpoAddress()),
                section.flatMap(s -> s.get("tell-sender-on-delete"))
                        .flatMap(n -> nodes.bool(n, "notices.tell-sender-on-delete"))
                        .orElse(Policy.Notices.DEFAULTS.tellSenderOnDelete()));
    }

    private List<Policy.Rule> rules(Node node, Policy.Recipients recipients, Map<String, List<String>> senders,
                                    Set<String> dataWords) {
        List<Policy.Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> scopes = new HashSet<>(List.of("internal", "partners", "external"));
        recipients.partners().forEach(p -> scopes.add("partner:" + p.name()));
        for (Node item : nodes.list(node, "rules").orElse(List.of())) {
            Optional<PolicyNodes.Section> section = nodes.section(item, "a rule",
                    Set.of("id", "description", "when", "recipients", "senders", "except-senders", "action"));
            if (section.isEmpty()) {
                continue;
            }
            PolicyNodes.Section s = section.get();
            Optional<String> id = s.require("id").flatMap(n -> name(n, "a rule's id"));
            String where = id.map(i -> "rule '" + i + "'").orElse("a rule");
            id.ifPresent(i -> {
                if (!ids.add(i)) {
                    nodes.problem(s.get("id").get(), "two rules have the id '" + i + "'; rule ids must differ");
                }
            });
            String description = s.get("description").flatMap(n -> nodes.text(n, where + ".description")).orElse("");
            Optional<Policy.Condition> when = s.require("when").flatMap(n -> condition(n, where + ".when", dataWords));
            List<String> to = s.get("recipients").map(n -> nodes.each(n, where + ".recipients",
                    r -> nodes.word(r, where + ".recipients", identity(scopes)))).orElse(List.of());
            List<String> from = s.get("senders").map(n -> nodes.each(n, where + ".senders",
                    g -> nodes.word(g, where + ".senders (a group under senders:)", identity(senders.keySet()))))
                    .orElse(List.of());
            List<String> notFrom = s.get("except-senders").map(n -> nodes.each(n, where + ".except-senders",
                    g -> nodes.word(g, where + ".except-senders (a group under senders:)", identity(senders.keySet()))))
                    .orElse(List.of());
            Optional<Action> action = s.require("action").flatMap(n -> nodes.word(n, where + ".action", actions()));
            if (id.isPresent() && when.isPresent() && action.isPresent()) {
                rules.add(new Policy.Rule(id.get(), description, when.get(), to, from, notFrom, action.get(),
                        item.getStartMark().map(m -> m.getLine() + 1).orElse(0)));
            }
        }
        if (rules.isEmpty() && nodes.problems().isEmpty()) {
            nodes.problem(node, "rules is empty: with no rules every message passes; start from policies/default-policy.yaml");
        }
        return rules;
    }

    private Optional<Policy.Condition> condition(Node node, String where, Set<String> dataWords) {
        Optional<PolicyNodes.Section> section = nodes.section(node, where,
                Set.of("finding", "protection", "min-records", "secure-tag", "file-name", "data"));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        PolicyNodes.Section s = section.get();
        Map<String, FindingKind> kinds = new LinkedHashMap<>();
        Arrays.stream(FindingKind.values()).forEach(k -> kinds.put(k.word(), k));
        Optional<FindingKind> finding = s.require("finding").flatMap(n -> nodes.word(n, where + ".finding", kinds));
        Map<String, ProtectionLevel> levels = new LinkedHashMap<>();
        Arrays.stream(ProtectionLevel.values()).forEach(l -> levels.put(l.word(), l));
        List<ProtectionLevel> protection = s.get("protection")
                .map(n -> nodes.each(n, where + ".protection", l -> nodes.word(l, where + ".protection", levels)))
                .orElse(List.of());
        int minRecords = s.get("min-records").flatMap(n -> nodes.integer(n, where + ".min-records", 1, 1_000_000)).orElse(0);
        Boolean secureTag = s.get("secure-tag").flatMap(n -> nodes.bool(n, where + ".secure-tag")).orElse(null);
        Pattern fileName = s.get("file-name")
                .flatMap(n -> nodes.regex(n, where + ".file-name", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .orElse(null);
        List<String> data = s.get("data").map(n -> data(n, where + ".data", finding, dataWords)).orElse(List.of());
        return finding.map(f -> new Policy.Condition(f, protection, minRecords, secureTag, fileName, data));
    }

    /** Kinds of personal data a rule is about: only personal-data and special-category-data facts carry them. */
    private List<String> data(Node node, String where, Optional<FindingKind> finding, Set<String> words) {
        if (finding.isPresent() && finding.get() != FindingKind.PERSONAL_DATA
                && finding.get() != FindingKind.SPECIAL_CATEGORY_DATA) {
            nodes.problem(node, where + " applies to personal-data and special-category-data findings only, not to "
                    + finding.get().word());
            return List.of();
        }
        return nodes.each(node, where, item -> nodes.text(item, where).flatMap(word -> {
            if (!words.contains(word)) {
                nodes.problem(item, where + " must name kinds of personal data, built-in (listed in policies/README.md)"
                        + " or declared under identifiers:, not '" + word + "'" + PolicyNodes.suggestion(word, words));
                return Optional.empty();
            }
            return Optional.of(word);
        }));
    }

    private Optional<String> name(Node node, String where) {
        return nodes.text(node, where).flatMap(text -> {
            if (!NAME.matcher(text).matches()) {
                nodes.problem(node, where + " must be lowercase letters, digits and dashes, like 'printer', not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    private Optional<String> domain(Node node, String where) {
        return nodes.text(node, where).flatMap(text -> {
            if (!DOMAIN.matcher(text).matches()) {
                nodes.problem(node, where + " must hold domain names like party.example, not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(text.toLowerCase(Locale.ROOT));
        });
    }

    private Optional<String> address(Node node, String where) {
        return nodes.text(node, where).map(String::trim).flatMap(text -> {
            if (!ADDRESS.matcher(text).matches()) {
                nodes.problem(node, where + " must be an address like dpo@party.example, not '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    private Optional<String> sender(Node node, String where) {
        return nodes.text(node, where).flatMap(text -> {
            if (!SENDER.matcher(text).matches()) {
                nodes.problem(node, where + " must hold addresses (name@party.example) or whole domains (@party.example), not '"
                        + text + "'");
                return Optional.empty();
            }
            return Optional.of(text.toLowerCase(Locale.ROOT));
        });
    }

    private static Map<String, Action> actions() {
        Map<String, Action> actions = new LinkedHashMap<>();
        Arrays.stream(Action.values()).forEach(a -> actions.put(a.word(), a));
        return actions;
    }

    private static Map<String, String> identity(Set<String> words) {
        Map<String, String> map = new LinkedHashMap<>();
        words.stream().sorted().forEach(w -> map.put(w, w));
        return map;
    }

    /** Word-to-value pairs in the order problems list them (Map.of would list them in a different order each run). */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> ordered(Object... pairs) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (T) pairs[i + 1]);
        }
        return map;
    }

    private static Set<String> anyKey(Node node) {
        Set<String> keys = new HashSet<>();
        if (node instanceof org.snakeyaml.engine.v2.nodes.MappingNode mapping) {
            mapping.getValue().forEach(t -> {
                if (t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode key) {
                    keys.add(key.getValue());
                }
            });
        }
        return keys;
    }

    private static InvalidPolicyException invalid(String source, String message) {
        return new InvalidPolicyException(List.of(new PolicyProblem(source, 0, 0, message)));
    }
}
