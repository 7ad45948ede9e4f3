package org.outward.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.outward.notice.LinkNotices;
import org.outward.notice.NoticeTemplateException;
import org.outward.notice.NoticeTemplates;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.PolicyLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway policy ...}: the admin's tools for policy files. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Check and test policy files.",
        subcommands = {PolicyCommand.Check.class, PolicyTestCommand.class})
final class PolicyCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load and check a policy file as the gateway would, and the notice templates it will send.",
                    "Prints every problem as FILE:LINE:COLUMN: what is wrong. Exit code 0 if all is usable, 1 if not."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Verbosity verbosity;

        @Parameters(paramLabel = "FILE", description = "The policy file, e.g. policies/default-policy.yaml.")
        Path file;

        @Option(names = "--notices", paramLabel = "DIR",
                description = "A folder of notice templates laid out as policies/notices (default: the built-in ones).")
        Path notices;

        @Option(names = "--json", description = "One JSON object on one line: file, ok, rules, internalDomains, "
                + "partners, identifiers, and problems with file, line, column and message.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> templateProblems = templateProblems(notices);
            PolicyCheckResult result;
            try {
                result = PolicyCheckResult.usable(file.toString(), PolicyLoader.load(file),
                        templateProblems.stream().map(PolicyCheckResult.Problem::ofTemplate).toList());
            } catch (InvalidPolicyException e) {
                List<PolicyCheckResult.Problem> problems = new ArrayList<>();
                templateProblems.stream().map(PolicyCheckResult.Problem::ofTemplate).forEach(problems::add);
                e.problems().stream().map(PolicyCheckResult.Problem::of).forEach(problems::add);
                result = PolicyCheckResult.unusable(file.toString(), problems);
            }
            if (json) {
                JsonLines.print(out, result);
            } else {
                printHuman(out, result);
            }
            return result.ok() ? 0 : 1;
        }

        /** Every problem as FILE:LINE:COLUMN: what is wrong, and their count; or what the usable policy holds. */
        private static void printHuman(PrintWriter out, PolicyCheckResult result) {
            if (result.ok()) {
                out.println(result.file() + ": OK, " + result.rules() + " rules; internal domains "
                        + String.join(", ", result.internalDomains()) + "; partners "
                        + (result.partners().isEmpty() ? "none" : String.join(", ", result.partners()))
                        + (result.identifiers().isEmpty() ? "" : "; identifiers " + String.join(", ", result.identifiers())));
            } else {
                result.problems().forEach(out::println);
                int count = result.problems().size();
                out.println(count == 1 ? "1 problem" : count + " problems");
            }
            out.flush();
        }

        /**
         * Compiles the teaching notices and the secure-link notices the way the mailets do when James starts,
         * every section rendered once, so that a mistyped variable is found before it goes live.
         */
        static List<String> templateProblems(Path notices) {
            List<String> problems = new ArrayList<>();
            try {
                if (notices == null) {
                    NoticeTemplates.builtIn();
                } else {
                    NoticeTemplates.from(notices);
                }
            } catch (NoticeTemplateException e) {
                problems.addAll(e.problems());
            }
            try {
                if (notices == null) {
                    LinkNotices.builtIn();
                } else {
                    LinkNotices.from(notices);
                }
            } catch (NoticeTemplateException e) {
                problems.addAll(e.problems());
            }
            return problems;
        }
    }
}
