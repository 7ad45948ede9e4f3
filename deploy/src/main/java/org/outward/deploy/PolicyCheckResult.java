package org.outward.deploy;

import java.util.List;

import org.outward.policy.CustomIdentifier;
import org.outward.policy.Policy;
import org.outward.policy.PolicyProblem;

/**
 * A policy check as {@code policy check --json} prints it, on one line. Every field is always there: a policy
 * that cannot be loaded has no rules, domains, partners nor identifiers.
 *
 * @param file            the policy file as given
 * @param ok              whether the policy and the notice templates are usable
 * @param rules           how many rules the policy has
 * @param internalDomains the party's own domains
 * @param partners        the names of the partners
 * @param identifiers     the names of the policy's own identifiers
 * @param problems        every problem, of the policy and of the notice templates
 */
record PolicyCheckResult(String file, boolean ok, int rules, List<String> internalDomains, List<String> partners,
                         List<String> identifiers, List<Problem> problems) {

    /**
     * @param file    the file with the problem: the policy, or a notice template's folder and name
     * @param line    its line, 0 when the problem is of the whole file
     * @param column  its column, 0 when the problem is of the whole file
     * @param message what is wrong
     */
    record Problem(String file, int line, int column, String message) {

        static Problem of(PolicyProblem problem) {
            return new Problem(problem.file(), problem.line(), problem.column(), problem.message());
        }

        /** A notice template's problem, written {@code FOLDER/NAME: message}. */
        static Problem ofTemplate(String problem) {
            int colon = problem.indexOf(": ");
            return colon < 0 ? new Problem("", 0, 0, problem)
                    : new Problem(problem.substring(0, colon), 0, 0, problem.substring(colon + 2));
        }

        /** As the human output words it: {@code FILE:LINE:COLUMN: message}, or {@code FILE: message}. */
        @Override
        public String toString() {
            String where = line > 0 ? file + ":" + line + ":" + column : file;
            return where.isEmpty() ? message : where + ": " + message;
        }
    }

    static PolicyCheckResult usable(String file, Policy policy, List<Problem> problems) {
        return new PolicyCheckResult(file, problems.isEmpty(), policy.rules().size(),
                policy.recipients().internalDomains(),
                policy.recipients().partners().stream().map(Policy.Partner::name).toList(),
                policy.identifiers().stream().map(CustomIdentifier::name).toList(), problems);
    }

    static PolicyCheckResult unusable(String file, List<Problem> problems) {
        return new PolicyCheckResult(file, false, 0, List.of(), List.of(), List.of(), problems);
    }
}
