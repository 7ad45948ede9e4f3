package org.outward.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.outward.policy.Action;

/**
 * The expected outcomes of a folder of samples: a CSV file beside them, {@code path,verdict,why}, one sample a
 * line, paths relative to the folder; blank lines and lines starting with {@code #} are comments. The same
 * format as {@code test-fixtures/outcomes.csv}, so an admin's folder and the project's fixtures work alike.
 * The verdict is the one expected for an outside recipient (the command's default envelope).
 */
record Manifest(Path file, List<Expectation> expectations) {

    /** The default manifest name inside the sample folder. */
    static final String DEFAULT_NAME = "outcomes.csv";

    /** One sample and the outcome the policy must reach for it; {@code line} points the admin at the row. */
    record Expectation(Path sample, String relativePath, Action verdict, int line) {
    }

    Manifest {
        expectations = List.copyOf(expectations);
    }

    /** Reads and checks the whole manifest, listing every bad row at once (as {@code policy check} does). */
    static Manifest read(Path folder, Path file) throws IOException, BadManifest {
        List<Expectation> expectations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] fields = line.split(",", 3);
            if (fields.length < 2) {
                problems.add(where + "expected path,verdict[,why]");
                continue;
            }
            String verdict = fields[1].strip();
            Action action = Action.fromWord(verdict);
            if (!action.word().equals(verdict)) {
                problems.add(where + "'" + verdict + "' is not one of pass, monitor, warn, wrap, quarantine, block");
                continue;
            }
            Path sample = folder.resolve(fields[0].strip()).normalize();
            if (!Files.isRegularFile(sample)) {
                problems.add(where + "no sample " + sample);
                continue;
            }
            expectations.add(new Expectation(sample, fields[0].strip(), action, i + 1));
        }
        if (!problems.isEmpty()) {
            throw new BadManifest(problems);
        }
        return new Manifest(file, expectations);
    }

    /** A manifest that cannot be used as it is, with one sentence per bad row. */
    static final class BadManifest extends Exception {
        private final List<String> problems;

        BadManifest(List<String> problems) {
            super(problems.size() + " problems in the manifest");
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
