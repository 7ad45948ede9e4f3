package org.outward.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.outward.notice.LinkNotices;
import org.outward.notice.NoticeTemplateException;
import org.outward.notice.NoticeTemplates;
import org.outward.policy.CustomIdentifier;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;
import org.outward.policy.PolicyProblem;

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

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> templateProblems = templateProblems();
            if (!templateProblems.isEmpty()) {
                templateProblems.forEach(out::println);
            }
            try {
                Policy policy = PolicyLoader.load(file);
                if (!templateProblems.isEmpty()) {
                    out.println(templateProblems.size() == 1 ? "1 problem" : templateProblems.size() + " problems");
                    out.flush();
                    return 1;
                }
                out.println(file + ": OK, " + policy.rules().size() + " rules; internal domains "
                        + String.join(", ", policy.recipients().internalDomains()) + "; partners "
                        + (policy.recipients().partners().isEmpty() ? "none" : policy.recipients().partners().stream()
                                .map(Policy.Partner::name).collect(java.util.stream.Collectors.joining(", ")))
                        + (policy.identifiers().isEmpty() ? "" : "; identifiers " + policy.identifiers().stream()
                                .map(CustomIdentifier::name).collect(java.util.stream.Collectors.joining(", "))));
                out.flush();
                return 0;
            } catch (InvalidPolicyException e) {
                for (PolicyProblem problem : e.problems()) {
                    out.println(problem);
                }
                int count = e.problems().size() + templateProblems.size();
                out.println(count == 1 ? "1 problem" : count + " problems");
                out.flush();
                return 1;
            }
        }

        /**
         * Compiles the teaching notices and the secure-link notices the way the mailets do when James starts,
         * every section rendered once, so that a mistyped variable is found before it goes live.
         */
        private List<String> templateProblems() {
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
