package org.outward.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.outward.feedback.ReportTicket;

/**
 * What the console needs to turn a false-positive report into a policy exception: the policy file the gateway
 * enforces, the smallest exception for a report, and the checks {@code gateway policy check} and
 * {@code gateway policy test} make. The gateway's launcher implements it, where the policy language and the engine
 * are; a console without one shows reports and can dismiss them, but changes no policy.
 */
public interface PolicyDesk {

    /** The policy file the gateway enforces and reloads when it changes. */
    Path file();

    /**
     * The smallest exception for this report, written into {@code current} (the file's text now).
     *
     * @throws Refused when the report cannot be turned into an exception of this policy (a rule it names is gone)
     */
    Proposal propose(ReportTicket report, String current) throws Refused;

    /**
     * The checks a candidate text must pass before it is written: {@code policy check} (it loads, and the notice
     * templates compile), {@code policy test} (the policy's own test cases still agree), and the reported message,
     * when it is still held, judged again under it.
     */
    Trial trial(String candidate, ReportTicket report, Optional<byte[]> heldMessage);

    /**
     * @param after the policy text with the exception
     * @param rules the rules the exception is for
     * @param group the sender group the exception adds
     * @param count how many rules the policy with the exception has
     */
    record Proposal(String after, List<String> rules, String group, int count) {
        public Proposal {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param passed whether the candidate may be written
     * @param lines  what each check said, for the admin
     */
    record Trial(boolean passed, List<String> lines) {
        public Trial {
            lines = List.copyOf(lines);
        }
    }

    /** A report that cannot be turned into an exception; the message says why, for the admin. */
    final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }
}
