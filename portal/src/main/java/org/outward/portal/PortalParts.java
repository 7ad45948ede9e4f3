package org.outward.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.outward.feedback.ReportStore;

import org.outward.vault.Vault;

/** The portal's shared state, made once per portal. */
record PortalParts(PortalConfig config, Vault vault, CodeSender codeSender, DownloadNotifier notifier, Clock clock, Pages pages,
                   CsrfTokens csrf, OneTimeCodes codes, Sessions sessions, RateLimiter perClient,
                   RateLimiter perLink, BodySlots bodies, PortalMetrics metrics, Optional<ReportStore> reports) {

    static PortalParts create(PortalConfig config, Vault vault, PortalState state, CodeSender codeSender,
                              DownloadNotifier notifier, Optional<ReportStore> reports, Clock clock) throws IOException {
        PortalConfig.Limits limits = config.limits();
        return new PortalParts(config, vault, codeSender, notifier, clock, new Pages(), new CsrfTokens(state.csrfKey()),
                state.codes(), state.sessions(),
                new RateLimiter(limits.requestsPerClient(), Duration.ofMinutes(1), clock),
                new RateLimiter(limits.requestsPerLink(), Duration.ofMinutes(1), clock),
                new BodySlots(limits.bodiesPerClient()), new PortalMetrics(), reports);
    }

    /** Forgets expired codes, sessions and rate-limit windows. */
    void forgetOld() throws IOException {
        codes.forgetOld();
        sessions.forgetOld();
        perClient.forgetOld(clock.instant());
        perLink.forgetOld(clock.instant());
        if (reports.isPresent()) {
            reports.get().forgetExpired(clock.instant());
        }
    }
}
