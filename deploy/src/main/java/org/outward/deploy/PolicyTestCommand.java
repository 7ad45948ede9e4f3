package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.outward.engine.Judgement;
import org.outward.policy.Action;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway policy test}: a folder of samples with expected verdicts, as a regression check for a policy. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Judge every sample listed in DIR/outcomes.csv (path,verdict,why; # starts a comment) with the "
                + "policy and compare with the expected verdict (for an outside recipient unless --to says otherwise).",
                "Prints a confusion matrix (expected x actual) and every disagreement with the rule that decided, "
                        + "and every 10 samples of a longer run its progress on standard error. "
                        + "Exit code 0 when all agree, 1 when any disagrees, 2 for bad usage, an unusable policy or manifest, "
                        + "or a sample that could not be read (the others are still judged)."})
final class PolicyTestCommand implements Callable<Integer> {

    /** How often a long run says how far it is: a folder of hundreds of samples takes minutes. */
    private static final int PROGRESS_EVERY = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "The policy to test.")
    Path policyFile;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "The manifest, relative to DIR (default: " + Manifest.DEFAULT_NAME + ").")
    String manifestName = Manifest.DEFAULT_NAME;

    @Option(names = "--from", paramLabel = "ADDR",
            description = "Envelope sender (default: scan@ the policy's first internal domain).")
    String from;

    @Option(names = "--to", paramLabel = "ADDR",
            description = "Envelope recipient, repeatable (default: " + SampleJudge.DEFAULT_RECIPIENT + "); "
                    + "keep one manifest per kind of recipient, e.g. --to colleague@party.example --manifest internal.csv.")
    List<String> to = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per sample and line as it is judged (kind, path, expected, "
            + "verdict, agrees, decidedBy), then a summary line (kind, policy, manifest, samples, agree, disagree).")
    boolean json;

    @Parameters(paramLabel = "DIR", description = "The folder of samples with their manifest.")
    Path folder;

    /** A sample whose verdict differs from the expected one, with the rule that chose it. */
    record Disagreement(String path, Action expected, Action actual, String decidedBy) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path manifestFile = folder.resolve(manifestName);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(manifestFile)) {
            throw new ParameterException(spec.commandLine(), "no manifest " + manifestFile
                    + ": DIR must be a folder holding " + manifestName + " (path,verdict,why per sample)");
        }
        Manifest manifest;
        Policy policy;
        try {
            manifest = Manifest.read(folder, manifestFile);
            policy = PolicySource.load(policyFile);
        } catch (Manifest.BadManifest e) {
            e.problems().forEach(err::println);
            err.flush();
            return 2;
        } catch (InvalidPolicyException e) {
            e.problems().forEach(err::println);
            err.println("policy test: cannot use " + policyFile + "; check it with: gateway policy check " + policyFile);
            err.flush();
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfusionMatrix matrix = new ConfusionMatrix();
        List<Disagreement> disagreements = new ArrayList<>();
        int unread = 0;
        int judged = 0;
        try (SampleJudge judge = new SampleJudge(policy, from, to)) {
            for (Manifest.Expectation expectation : manifest.expectations()) {
                Judgement judgement;
                try {
                    judgement = judge.judge(expectation.sample());
                } catch (IOException | UncheckedIOException e) {
                    // One sample that broke mid-read must not cost the verdicts of all the others.
                    unread++;
                    err.println("policy test: cannot read " + expectation.relativePath() + ": "
                            + e.getClass().getSimpleName() + "; not judged");
                    err.flush();
                    continue;
                }
                Action actual = judgement.decision().verdict();
                matrix.add(expectation.verdict(), actual);
                String decidedBy = ScanResult.decidingRule(judgement);
                if (actual != expectation.verdict()) {
                    disagreements.add(new Disagreement(expectation.relativePath(), expectation.verdict(), actual, decidedBy));
                }
                if (json) {
                    JsonLines.print(out, new PolicyTestResult.Sample(expectation.relativePath(),
                            expectation.verdict().word(), actual.word(), decidedBy));
                } else {
                    progress(err, ++judged, manifest.expectations().size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json) {
            JsonLines.print(out, new PolicyTestResult.Summary(policyFile.toString(), manifest.file().toString(),
                    manifest.expectations().size() - unread, disagreements.size()));
        } else {
            printReport(out, manifest, manifest.expectations().size() - unread, matrix, disagreements);
        }
        return unread > 0 ? 2 : disagreements.isEmpty() ? 0 : 1;
    }

    /** Every {@value #PROGRESS_EVERY} samples of a longer manifest, how far the run is, on standard error. */
    private static void progress(PrintWriter err, int judged, int total) {
        if (judged % PROGRESS_EVERY == 0 && judged < total) {
            err.println("policy test: " + judged + " of " + total + " samples judged");
            err.flush();
        }
    }

    private void printReport(PrintWriter out, Manifest manifest, int total, ConfusionMatrix matrix,
                             List<Disagreement> disagreements) {
        out.println("policy " + policyFile + " on " + total + " samples of " + manifest.file());
        matrix.print(out);
        if (disagreements.isEmpty()) {
            out.println("all " + total + " samples agree");
        } else {
            out.println(disagreements.size() + " of " + total + " samples disagree:");
            for (Disagreement d : disagreements) {
                out.println("  " + d.path() + ": expected " + d.expected().word() + ", got " + d.actual().word()
                        + (d.decidedBy().isEmpty() ? " (no rule fired)" : " by rule " + d.decidedBy()));
            }
        }
        out.flush();
    }
}
