package org.outward.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Outward's processors as each shipped configuration must carry them, made from their one source in
 * {@code deploy/chain}: the template {@code outward-processors.xml.mustache} and each copy's values in
 * {@code flavours.yaml}. A copy sits in its file from a {@value #BEGIN} line to an {@value #END} line; the rest of
 * the file is its own. The copies are kept in the repository, where admins and the compose files read them, so
 * this class both finds where a file's copy first differs from the source and writes the copy from it.
 */
final class ProcessorChain {

    static final Path SOURCE = Path.of("deploy/chain");
    static final String BEGIN = "<!-- BEGIN Outward's processors, made from deploy/chain: edit them there (deploy/README.md) -->";
    static final String END = "<!-- END Outward's processors -->";
    static final String WRITE_COMMAND =
            "mvn -B -q -o -pl deploy test -Dtest=ProcessorChainFilesTest -Doutward.processors.write=true";

    private static final String INDENT = "indent";
    private static final Set<String> VALUES = Set.of(INDENT, "jmx", "exit", "repositoryProtocol", "policy",
            "stateFolder", "vault", "portalUrl", "marks");

    private final Path repo;
    private final Template template;
    private final Map<String, Map<String, Object>> flavours;

    private ProcessorChain(Path repo, Template template, Map<String, Map<String, Object>> flavours) {
        this.repo = repo;
        this.template = template;
        this.flavours = flavours;
    }

    @SuppressWarnings("unchecked")
    static ProcessorChain load(Path repo) throws IOException {
        Path folder = repo.resolve(SOURCE);
        // Values are written into XML text; a missing value fails (JMustache's default) instead of rendering empty.
        Template template = Mustache.compiler()
                .withEscaper(Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}}))
                .compile(Files.readString(folder.resolve("outward-processors.xml.mustache")));
        Path values = folder.resolve("flavours.yaml");
        Map<String, Map<String, Object>> flavours = new LinkedHashMap<>((Map<String, Map<String, Object>>)
                new Load(LoadSettings.builder().setLabel(values.toString()).build()).loadFromString(Files.readString(values)));
        flavours.forEach((file, given) -> {
            if (!given.keySet().equals(VALUES)) {
                Set<String> missing = new TreeSet<>(VALUES);
                missing.removeAll(given.keySet());
                Set<String> unknown = new TreeSet<>(given.keySet());
                unknown.removeAll(VALUES);
                throw new IllegalArgumentException(values + ": " + file + " must give every value, false where absent;"
                        + " missing " + missing + ", unknown " + unknown);
            }
        });
        return new ProcessorChain(repo, template, flavours);
    }

    /** The files that carry a copy, from the top of the repository. */
    Set<String> files() {
        return flavours.keySet();
    }

    /** The copy the file must carry, its BEGIN and END lines included. */
    List<String> copyFor(String file) {
        Map<String, Object> values = flavours.get(file);
        String indent = " ".repeat((Integer) values.get(INDENT));
        List<String> lines = new ArrayList<>();
        lines.add(indent + BEGIN);
        for (String line : template.execute(values).split("\n", -1)) {
            lines.add(line.isEmpty() ? line : indent + line);
        }
        // The template ends with a line break, which leaves an empty last piece.
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.add(indent + END);
        return lines;
    }

    /**
     * @return where the file's copy first differs from the source ({@code file:line: ...}), or nothing when it is
     *         the source's line for line
     */
    Optional<String> firstDifference(String file) throws IOException {
        List<String> lines = Files.readAllLines(repo.resolve(file));
        List<String> expected = copyFor(file);
        int begin = indexOf(lines, BEGIN, 0);
        int end = begin < 0 ? -1 : indexOf(lines, END, begin);
        if (begin < 0 || end < 0) {
            return Optional.of(file + ": no " + (begin < 0 ? BEGIN : END) + " line");
        }
        for (int i = 0; i < expected.size(); i++) {
            String found = begin + i <= end ? lines.get(begin + i) : "(the copy ends before this line)";
            if (!found.equals(expected.get(i))) {
                return Optional.of(file + ":" + (begin + i + 1) + ": the source makes\n" + expected.get(i)
                        + "\nbut the file has\n" + found);
            }
        }
        if (begin + expected.size() - 1 != end) {
            return Optional.of(file + ":" + (begin + expected.size() + 1) + ": the source's copy ends here, the file's"
                    + " goes on to line " + (end + 1));
        }
        return Optional.empty();
    }

    /** Puts the source's copy in place of the file's, from its BEGIN line to its END line. */
    void write(String file) throws IOException {
        Path path = repo.resolve(file);
        String text = Files.readString(path);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int begin = indexOf(lines, BEGIN, 0);
        int end = begin < 0 ? -1 : indexOf(lines, END, begin);
        if (begin < 0 || end < 0) {
            throw new IllegalStateException(file + " has no " + (begin < 0 ? BEGIN : END)
                    + " line: put both where Outward's processors go");
        }
        lines.subList(begin, end + 1).clear();
        lines.addAll(begin, copyFor(file));
        Files.writeString(path, String.join("\n", lines));
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
