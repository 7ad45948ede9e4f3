package org.outward.james.configuration;

import java.nio.file.Path;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.outward.inspect.ParserIsolation;
import org.outward.shared.VaultSetting;

/**
 * The {@code Inspect} mailet's parameters.
 *
 * @param verdictHeader the header the verdict is stamped in, starting with {@code X-}
 * @param policy the policy file
 * @param policyReloadSeconds how often the policy file is looked at for edits
 * @param stateFolder the inspection's key and correlation state
 * @param parserIsolation the parser processes, their heap, warm-up and class archive
 * @param sharedCorrelation whether the password-correlation state is kept in the shared back ends
 */
public record InspectConfiguration(String verdictHeader, Path policy, long policyReloadSeconds, Path stateFolder,
                                   ParserIsolation parserIsolation, boolean sharedCorrelation) {

    public static final String VERDICT_HEADER = "verdictHeader";
    public static final String POLICY = "policy";
    public static final String POLICY_RELOAD_SECONDS = "policyReloadSeconds";
    public static final String STATE_FOLDER = "stateFolder";
    public static final String PARSER_PROCESSES = "parserProcesses";
    public static final String PARSER_HEAP_MEGABYTES = "parserHeapMegabytes";
    public static final String PARSER_WARM_UP = "parserWarmUp";
    public static final String PARSER_CLASS_ARCHIVE = "parserClassArchive";
    /** {@value #LOCAL_CORRELATION} (in the state folder, the default) or {@link VaultSetting#SHARED}. */
    public static final String CORRELATION_STATE = "correlationState";
    public static final String LOCAL_CORRELATION = "local";

    public static final String DEFAULT_VERDICT_HEADER = "X-Outward-Verdict";

    private static final String MAILET = "Inspect";
    private static final Set<String> NAMES = Set.of(VERDICT_HEADER, POLICY, POLICY_RELOAD_SECONDS, STATE_FOLDER,
            PARSER_PROCESSES, PARSER_HEAP_MEGABYTES, PARSER_WARM_UP, PARSER_CLASS_ARCHIVE, CORRELATION_STATE);

    public static InspectConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of(MAILET, config, NAMES);
        String verdictHeader = parameters.text(VERDICT_HEADER, DEFAULT_VERDICT_HEADER);
        if (!verdictHeader.regionMatches(true, 0, "X-", 0, 2) || !verdictHeader.matches("[!-9;-~]+")) {
            throw parameters.problem(VERDICT_HEADER + " '" + verdictHeader
                    + "' must be a header name starting with X- (letters, digits and dashes)");
        }
        Path policy = Path.of(parameters.required(POLICY, "name the policy file"));
        long reloadSeconds = parameters.wholeNumber(POLICY_RELOAD_SECONDS, 2, 0);
        Path state = Path.of(parameters.text(STATE_FOLDER, "var/outward"));
        ParserIsolation defaults = ParserIsolation.defaults();
        ParserIsolation isolation = new ParserIsolation(
                (int) parameters.wholeNumber(PARSER_PROCESSES, defaults.processes(), 0),
                (int) parameters.wholeNumber(PARSER_HEAP_MEGABYTES, defaults.heapMegabytes(), 64),
                ParserIsolation.LARGE_PART_BYTES, parameters.onOrOff(PARSER_WARM_UP, true),
                parameters.onOrOff(PARSER_CLASS_ARCHIVE, true) ? state.resolve("parser-classes") : null);
        String correlation = parameters.text(CORRELATION_STATE, LOCAL_CORRELATION);
        if (!correlation.equals(LOCAL_CORRELATION) && !correlation.equals(VaultSetting.SHARED)) {
            throw parameters.problem(CORRELATION_STATE + " must be " + LOCAL_CORRELATION + " or " + VaultSetting.SHARED);
        }
        return new InspectConfiguration(verdictHeader, policy, reloadSeconds, state, isolation,
                correlation.equals(VaultSetting.SHARED));
    }
}
