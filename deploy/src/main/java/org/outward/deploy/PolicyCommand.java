package org.outward.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;
import org.outward.policy.PolicyProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway policy ...}: the admin's tools for policy files. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Check and test policy files.",
        subcommands = {PolicyCommand.Check.class, PolicyTestCommand.class})
final class PolicyCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load and check a policy file as the gateway would.",
                    "Prints every problem as FILE:LINE:COLUMN: what is wrong. Exit code 0 if the file is usable, 1 if not."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The policy file, e.g. policies/default-policy.yaml.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Policy policy = PolicyLoader.load(file);
                out.println(file + ": OK, " + policy.rules().size() + " rules; internal domains "
                        + String.join(", ", policy.recipients().internalDomains()) + "; partners "
                        + (policy.recipients().partners().isEmpty() ? "none" : policy.recipients().partners().stream()
                                .map(Policy.Partner::name).collect(java.util.stream.Collectors.joining(", "))));
                out.flush();
                return 0;
            } catch (InvalidPolicyException e) {
                for (PolicyProblem problem : e.problems()) {
                    out.println(problem);
                }
                out.println(e.problems().size() == 1 ? "1 problem" : e.problems().size() + " problems");
                out.flush();
                return 1;
            }
        }
    }
}
