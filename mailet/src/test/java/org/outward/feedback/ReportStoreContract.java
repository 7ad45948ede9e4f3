package org.outward.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.vault.PortalPaths;

/**
 * What every report store must do with the report link's token: only the link the notice carried opens its ticket
 * and records a report, once. The folder store and the shared backends' store each run it.
 */
public abstract class ReportStoreContract {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private ReportStore store;
    private ReportLinks links;

    /** A new, empty store. */
    protected abstract ReportStore open() throws Exception;

    @BeforeEach
    public void setUpStore() throws Exception {
        store = open();
        links = new ReportLinks(store, URI.create("https://files.party.example"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ReportToken issue(String messageId) throws Exception {
        URI link = links.issue("sam@party.example", messageId,
                List.of(new ReportTicket.Recipient("alex@example.org", "block")), List.of("personal-data-unprotected"),
                List.of(new ReportTicket.Finding("personal-data", "2/list.csv", "list.csv", "none", 12,
                        "12 records: person name (e.g. J*** S****)")));
        String path = link.getPath();
        assertThat(path).startsWith(PortalPaths.REPORT_PREFIX);
        return ReportToken.parse(path.substring(PortalPaths.REPORT_PREFIX.length())).orElseThrow();
    }

    private static ReportTicket.Report report(Instant at, String comment) {
        return new ReportTicket.Report(at, comment);
    }

    @Test
    public void theNoticesLinkOpensItsTicketAndRecordsOneReport() throws Exception {
        ReportToken token = issue("<a@party.example>");

        assertThat(store.open(token, NOW)).get().satisfies(t -> {
            assertThat(t.messageId()).isEqualTo("<a@party.example>");
            assertThat(t.files()).containsExactly("list.csv");
            assertThat(t.state()).isEqualTo("open");
        });
        // Opening is not reporting: a mail scanner that follows the link records nothing.
        assertThat(store.reported()).isEmpty();

        assertThat(store.report(token, report(NOW.plusSeconds(60), "It is our own staff list")))
                .isEqualTo(ReportStore.Outcome.RECORDED);
        assertThat(store.reported()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo("reported");
            assertThat(t.report().orElseThrow().comment()).isEqualTo("It is our own staff list");
        });
    }

    @Test
    public void aReplayedReportChangesNothing() throws Exception {
        ReportToken token = issue("<a@party.example>");
        store.report(token, report(NOW, "first"));

        assertThat(store.report(token, report(NOW.plusSeconds(5), "second"))).isEqualTo(ReportStore.Outcome.ALREADY_REPORTED);
        assertThat(store.reported()).singleElement()
                .satisfies(t -> assertThat(t.report().orElseThrow().comment()).isEqualTo("first"));
    }

    @Test
    public void aMadeUpTokenOpensNothing() throws Exception {
        issue("<a@party.example>");
        ReportToken forged = ReportToken.random(new SecureRandom());

        assertThat(store.open(forged, NOW)).isEmpty();
        assertThat(store.report(forged, report(NOW, ""))).isEqualTo(ReportStore.Outcome.UNAVAILABLE);
        assertThat(store.reported()).isEmpty();
    }

    @Test
    public void anAlteredTokenOpensNothing() throws Exception {
        String encoded = issue("<a@party.example>").encoded();
        for (int at : new int[] {0, 21, encoded.length() - 2}) {
            char changed = encoded.charAt(at) == 'A' ? 'B' : 'A';
            ReportToken altered = ReportToken.parse(encoded.substring(0, at) + changed + encoded.substring(at + 1))
                    .orElseThrow();
            assertThat(store.report(altered, report(NOW, ""))).isEqualTo(ReportStore.Outcome.UNAVAILABLE);
        }
        assertThat(ReportToken.parse(encoded + "A")).isEmpty();
        assertThat(ReportToken.parse("../../etc/passwd")).isEmpty();
        assertThat(store.reported()).isEmpty();
    }

    @Test
    public void anExpiredLinkOpensNothing() throws Exception {
        ReportToken token = issue("<a@party.example>");
        Instant expired = NOW.plus(ReportLinks.LIFETIME);

        assertThat(store.open(token, expired.minusSeconds(1))).isPresent();
        assertThat(store.open(token, expired)).isEmpty();
        assertThat(store.report(token, report(expired, ""))).isEqualTo(ReportStore.Outcome.UNAVAILABLE);
        assertThat(store.reported()).isEmpty();
        assertThat(store.forgetExpired(expired)).isEqualTo(1);
        assertThat(store.find(token.ticketId())).isEmpty();
    }

    @Test
    public void oneMailsSecretDoesNotOpenAnotherMailsTicket() throws Exception {
        String mine = issue("<mine@party.example>").encoded();
        String theirs = issue("<theirs@party.example>").encoded();
        // Their ticket's id with my secret: the id says which ticket, the secret must be that ticket's.
        int idChars = 22;
        ReportToken crossed = ReportToken.parse(theirs.substring(0, idChars) + mine.substring(idChars)).orElseThrow();

        assertThat(store.open(crossed, NOW)).isEmpty();
        assertThat(store.report(crossed, report(NOW, ""))).isEqualTo(ReportStore.Outcome.UNAVAILABLE);
        assertThat(store.reported()).isEmpty();
    }

    @Test
    public void anAdminResolvesAReportOnce() throws Exception {
        ReportToken token = issue("<a@party.example>");
        ReportTicket.Resolution dismissed = new ReportTicket.Resolution("dismissed", "alice", NOW, "a real list");

        assertThat(store.resolve(token.ticketId(), dismissed)).as("not reported yet").isFalse();
        store.report(token, report(NOW, ""));
        assertThat(store.resolve(token.ticketId(), dismissed)).isTrue();
        assertThat(store.resolve(token.ticketId(), dismissed)).isFalse();
        assertThat(store.find(token.ticketId()).orElseThrow().state()).isEqualTo("dismissed");
        assertThat(store.forgetExpired(NOW.plus(Duration.ofDays(365)))).as("reported tickets are kept").isZero();
    }

    @Test
    public void theTokenNeverShowsItself() throws Exception {
        ReportToken token = issue("<a@party.example>");
        assertThat(token.toString()).doesNotContain(token.encoded()).doesNotContain(token.ticketId());
    }
}
