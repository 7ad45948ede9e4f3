package org.outward.james.configuration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.MailetConfig;

/**
 * The {@code ExpireHeldMail} mailet's parameters.
 *
 * @param repository the repository swept
 * @param retention {@value #BLOCKED} or {@value #QUARANTINE}: which of the policy's retention settings applies
 * @param policy the policy file, the same as the {@code Inspect} mailet's
 * @param sweepSeconds the time between sweeps
 * @param firstSweepSeconds the time from start to the first sweep
 */
public record ExpireHeldMailConfiguration(MailRepositoryUrl repository, String retention, Path policy,
                                          long sweepSeconds, long firstSweepSeconds) {

    public static final String REPOSITORY_PATH = "repositoryPath";
    public static final String RETENTION = "retention";
    public static final String POLICY = InspectConfiguration.POLICY;
    public static final String SWEEP_SECONDS = "sweepSeconds";
    public static final String FIRST_SWEEP_SECONDS = "firstSweepSeconds";

    public static final String BLOCKED = "blocked";
    public static final String QUARANTINE = "quarantine";

    private static final Set<String> NAMES = Set.of(REPOSITORY_PATH, RETENTION, POLICY, SWEEP_SECONDS,
            FIRST_SWEEP_SECONDS);

    public static ExpireHeldMailConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("ExpireHeldMail", config, NAMES);
        MailRepositoryUrl url = MailRepositoryUrl.from(parameters.required(REPOSITORY_PATH,
                "name the repository to sweep"));
        String retention = parameters.text(RETENTION, "").toLowerCase(Locale.ROOT);
        if (!retention.equals(BLOCKED) && !retention.equals(QUARANTINE)) {
            throw parameters.problem("<" + RETENTION + "> must be " + BLOCKED + " or " + QUARANTINE
                    + ", not '" + retention + "'");
        }
        Path policy = Path.of(parameters.required(POLICY, "name the policy file"));
        return new ExpireHeldMailConfiguration(url, retention, policy,
                parameters.wholeNumber(SWEEP_SECONDS, 3600, 1), parameters.wholeNumber(FIRST_SWEEP_SECONDS, 60, 0));
    }
}
