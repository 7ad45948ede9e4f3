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
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway scan}: judge files and messages with a policy, without any server. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Judge each PATH as the gateway would, without any server.",
                "A .eml file is a message; any other file is judged as the single attachment of a message from "
                        + "a sender in the policy's first internal domain to " + SampleJudge.DEFAULT_RECIPIENT + ".",
                "Prints the verdict, the outcome per recipient, the findings with redacted evidence and the time taken. "
                        + "Exit code 0 whatever the verdicts, 1 when a PATH could not be read to the end (the others are still "
                        + "judged), 2 for bad usage or an unusable policy."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy to judge with (default: the default policy).")
    Path policyFile;

    @Option(names = "--from", paramLabel = "ADDR",
            description = "Envelope sender (default: scan@ the policy's first internal domain).")
    String from;

    @Option(names = "--to", paramLabel = "ADDR",
            description = "Envelope recipient, repeatable (default: " + SampleJudge.DEFAULT_RECIPIENT + ").")
    List<String> to = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per PATH per line.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Messages (.eml) and files to judge.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new ParameterException(spec.commandLine(), "cannot read " + path + ": not a readable file");
            }
        }
        Policy policy;
        try {
            policy = PolicySource.load(policyFile);
        } catch (InvalidPolicyException e) {
            e.problems().forEach(err::println);
            err.println("scan: cannot use " + PolicySource.describe(policyFile) + "; check it with: gateway policy check FILE");
            err.flush();
            return 2;
        }
        int unread = 0;
        try (SampleJudge judge = new SampleJudge(policy, from, to)) {
            for (Path path : paths) {
                Judgement judgement;
                try {
                    judgement = judge.judge(path);
                } catch (IOException | UncheckedIOException e) {
                    // One file that vanished or broke mid-read must not cost the verdicts of all the others.
                    unread++;
                    err.println("scan: cannot read " + path + ": " + e.getClass().getSimpleName() + "; not judged");
                    err.flush();
                    continue;
                }
                if (json) {
                    JsonLines.print(out, ScanResult.of(path.toString(), judgement));
                } else {
                    printHuman(out, path, judgement);
                }
                out.flush();
            }
        } catch (IOException e) {
            err.println("scan: cannot make a temp folder to judge in: " + e.getClass().getSimpleName() + " " + e.getMessage());
            err.flush();
            return 2;
        }
        if (unread > 0) {
            err.println("scan: " + unread + " of " + paths.size() + " paths could not be read and were not judged");
            err.flush();
            return 1;
        }
        return 0;
    }

    /** Verdict, outcome per recipient, findings: metadata and redacted evidence only, never the subject or text. */
    private static void printHuman(PrintWriter out, Path path, Judgement judgement) {
        Decision decision = judgement.decision();
        out.println(path + ": " + decision.verdict().word() + " (" + judgement.took().toMillis() + " ms)");
        for (Decision.RecipientDecision recipient : decision.recipients()) {
            recipient.explain().lines().forEach(line -> out.println("  " + line));
        }
        if (judgement.facts().isEmpty()) {
            out.println("  findings: none");
            return;
        }
        out.println("  findings:");
        for (Fact fact : judgement.facts()) {
            out.println("    " + fact.kind().word() + " in " + fact.partPath() + " (protection " + fact.protection().word()
                    + (fact.records() > 0 ? ", " + fact.records() + " records" : "") + ")"
                    + (fact.evidence().isEmpty() ? "" : ": " + fact.evidence()));
        }
    }
}
