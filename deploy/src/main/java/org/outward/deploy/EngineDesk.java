package org.outward.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.outward.console.PolicyDesk;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.feedback.ReportTicket;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;
import org.outward.policy.SenderException;

/**
 * The console's policy desk next to the gateway, where the policy language and the engine are: it proposes a
 * report's exception ({@link SenderException}: the rules that stopped or questioned the message no longer apply to
 * its sender), and tries a candidate policy as {@code gateway policy check} and {@code gateway policy test} do,
 * with the same code, then judges the reported message again under it when it is still held.
 *
 * @param file     the policy file the gateway enforces
 * @param tests    the folder of the policy's own test cases and the manifest in it, if it has any
 * @param notices  the notice templates the gateway sends, if not the built-in ones
 */
record EngineDesk(Path file, Optional<Path> tests, String manifest, Optional<Path> notices) implements PolicyDesk {

    /** The sender group a report's exception adds: named after the report, so the policy says where it came from. */
    static String group(ReportTicket report) {
        return "report-" + report.id().substring(0, 12);
    }

    @Override
    public Proposal propose(ReportTicket report, String current) throws Refused {
        Policy policy;
        try {
            policy = PolicyLoader.parse(current, file.toString());
        } catch (InvalidPolicyException e) {
            throw new Refused("the policy file has problems now: " + String.join("; ", lines(e)));
        }
        // Only rules that stopped or questioned the message: a monitor rule changed nothing the sender saw.
        List<String> rules = policy.rules().stream().filter(r -> report.rules().contains(r.id()))
                .filter(r -> r.action().isStricterThan(Action.MONITOR)).map(Policy.Rule::id).toList();
        if (rules.isEmpty()) {
            throw new Refused("no rule that fired for this message (" + String.join(", ", report.rules())
                    + ") stops or questions mail in the policy now");
        }
        try {
            String after = SenderException.apply(current, file.toString(), rules, report.sender(), group(report));
            return new Proposal(after, rules, group(report), PolicyLoader.parse(after, file.toString()).rules().size());
        } catch (InvalidPolicyException e) {
            throw new Refused(String.join("; ", lines(e)));
        }
    }

    /** One trial at a time: each starts an engine with its parser processes, and trials are rare. */
    @Override
    public synchronized Trial trial(String candidate, ReportTicket report, Optional<byte[]> heldMessage) {
        List<String> said = new ArrayList<>();
        Policy policy;
        try {
            policy = PolicyLoader.parse(candidate.getBytes(StandardCharsets.UTF_8), file.toString());
        } catch (InvalidPolicyException e) {
            said.add("policy check: the changed policy cannot be used");
            said.addAll(lines(e));
            return new Trial(false, said);
        }
        List<String> templates = PolicyCommand.Check.templateProblems(notices.orElse(null));
        if (!templates.isEmpty()) {
            said.add("policy check: the notice templates have problems");
            said.addAll(templates);
            return new Trial(false, said);
        }
        said.add("policy check: OK, " + policy.rules().size() + " rules");
        boolean passed;
        try (SampleJudge judge = SampleJudge.inServer(policy)) {
            passed = testCases(judge, said) & reportedMessage(judge, policy, report, heldMessage, said);
        } catch (IOException | UncheckedIOException e) {
            said.add("the checks could not run: " + e.getClass().getSimpleName());
            return new Trial(false, said);
        }
        return new Trial(passed, said);
    }

    /** {@code policy test} on the policy's own manifest: every sample must still get its expected verdict. */
    private boolean testCases(SampleJudge judge, List<String> said) throws IOException {
        if (tests.isEmpty()) {
            said.add("policy test: no test folder for this policy (gateway console --policy-tests DIR); not run");
            return true;
        }
        Manifest cases;
        try {
            cases = Manifest.read(tests.get(), tests.get().resolve(manifest));
        } catch (Manifest.BadManifest e) {
            said.add("policy test: the manifest cannot be used");
            said.addAll(e.problems());
            return false;
        }
        List<String> disagree = new ArrayList<>();
        for (Manifest.Expectation expectation : cases.expectations()) {
            Judgement judgement = judge.judge(expectation.sample());
            Action actual = judgement.decision().verdict();
            if (actual != expectation.verdict()) {
                String rule = ScanResult.decidingRule(judgement);
                disagree.add("  " + expectation.relativePath() + ": expected " + expectation.verdict().word() + ", got "
                        + actual.word() + (rule.isEmpty() ? " (no rule fired)" : " by rule " + rule));
            }
        }
        int total = cases.expectations().size();
        if (disagree.isEmpty()) {
            said.add("policy test: all " + total + " samples of " + manifest + " agree");
            return true;
        }
        said.add("policy test: " + disagree.size() + " of " + total + " samples of " + manifest + " disagree:");
        said.addAll(disagree);
        return false;
    }

    /**
     * The reported message as its own test case: judged again under the candidate for its sender and the recipients
     * the notice was about, none of the rules the exception is for may fire.
     */
    private static boolean reportedMessage(SampleJudge judge, Policy policy, ReportTicket report,
                                           Optional<byte[]> held, List<String> said) {
        if (held.isEmpty()) {
            said.add("reported message: no longer held, so not judged again");
            return true;
        }
        String group = group(report);
        List<String> excepted = policy.rules().stream().filter(r -> r.exceptSenders().contains(group))
                .map(Policy.Rule::id).toList();
        List<String> recipients = report.recipients().stream().map(ReportTicket.Recipient::address).toList();
        Judgement judgement = judge.judge(held.get(), new Envelope(report.sender(), recipients));
        List<String> still = judgement.decision().recipients().stream()
                .flatMap(r -> r.fired().stream()).map(Decision.FiredRule::ruleId)
                .filter(excepted::contains).distinct().toList();
        if (!still.isEmpty()) {
            said.add("reported message: rules " + String.join(", ", still) + " still apply to it");
            return false;
        }
        said.add("reported message: judged again, now " + judgement.decision().verdict().word()
                + (ScanResult.decidingRule(judgement).isEmpty() ? "" : " by rule " + ScanResult.decidingRule(judgement)));
        return true;
    }

    private static List<String> lines(InvalidPolicyException e) {
        return e.problems().stream().map(Object::toString).toList();
    }
}
