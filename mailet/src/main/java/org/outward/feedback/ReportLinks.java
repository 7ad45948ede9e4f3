package org.outward.feedback;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.outward.vault.PortalPaths;

/**
 * Files a ticket for a notice and makes the notice's "Report this notice as wrong" link to it, on the portal's
 * public address. The link works for {@link #LIFETIME}: longer than held mail is kept by default, so a sender
 * back from a holiday can still report.
 */
public final class ReportLinks {

    /** How long a report link works. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    private final ReportStore store;
    private final URI portal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReportLinks(ReportStore store, URI portal, Clock clock) {
        this.store = store;
        this.portal = portal;
        this.clock = clock;
    }

    /** Files the ticket of a message whose notice goes to {@code sender}; answers the link for the notice. */
    public URI issue(String sender, String messageId, List<ReportTicket.Recipient> recipients, List<String> rules,
                     List<ReportTicket.Finding> findings) throws IOException {
        ReportToken token = ReportToken.random(random);
        Instant now = clock.instant();
        store.file(new ReportTicket(token.ticketId(), token.secretHash(), now, now.plus(LIFETIME), sender, messageId,
                recipients, rules, findings, Optional.empty(), Optional.empty()));
        return PortalPaths.report(portal, token.encoded());
    }
}
