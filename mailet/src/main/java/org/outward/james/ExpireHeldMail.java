package org.outward.james;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.outward.james.configuration.ExpireHeldMailConfiguration;
import org.apache.mailet.base.GenericMailet;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes mail that has been held in a mail repository for longer than the policy's {@code retention}: the
 * originals of blocked mail and quarantined mail no admin acted on are personal data, and the party may keep
 * them only as long as it needs them.
 *
 * <p>The sweep runs on a timer of its own, shortly after start-up and then every {@code sweepSeconds}, not when mail
 * passes: a repository must be emptied of old mail even on a day nothing is blocked. Mail passing through
 * this mailet goes on unchanged to the next one, so it sits just before the {@code ToRepository} that fills
 * the same repository. A mail's age is taken from its last-updated time, which James sets when the mail was
 * stored; a mail without one is kept. Each deletion is one line on the audit logger.
 *
 * <pre>{@code
 * <processor state="outward-blocked">
 *   <mailet match="All" class="org.outward.james.ExpireHeldMail">
 *     <repositoryPath>file://var/mail/outward-blocked/</repositoryPath>
 *     <retention>blocked</retention>
 *     <policy>/etc/outward/policy.yaml</policy>
 *   </mailet>
 *   <mailet match="All" class="ToRepository">
 *     <repositoryPath>file://var/mail/outward-blocked/</repositoryPath>
 *   </mailet>
 * </processor>
 * }</pre>
 *
 * <ul>
 *   <li>{@code repositoryPath} (required): the repository to sweep.</li>
 *   <li>{@code retention} (required): {@code blocked} or {@code quarantine}, the policy's
 *       {@code retention.*} setting that applies to this repository.</li>
 *   <li>{@code policy} (required): path of the policy file, the same as the {@code Inspect} mailet's; an
 *       edited retention takes effect at the next sweep.</li>
 *   <li>{@code sweepSeconds}: time between sweeps. Default 3600.</li>
 *   <li>{@code firstSweepSeconds}: time from start-up to the first sweep, so that start-up is not slowed by it.
 *       Default 60.</li>
 * </ul>
 */
public class ExpireHeldMail extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(ExpireHeldMail.class);

    private final MailRepositoryStore repositories;
    private final Clock clock;
    private final GaugeRegistry gauges;
    private final ServerState server;

    private MailRepositoryUrl url;
    private String retention;
    private PolicyHolder policy;
    private ScheduledExecutorService timer;

    /** As James makes it: the number of mails held is published as {@code outward_held_<retention>_mails}. */
    @Inject
    public ExpireHeldMail(MailRepositoryStore repositories, GaugeRegistry gauges, ServerState server) {
        this(repositories, Clock.systemUTC(), gauges, server);
    }

    ExpireHeldMail(MailRepositoryStore repositories, Clock clock) {
        this(repositories, clock, null, ServerState.unmanaged());
    }

    private ExpireHeldMail(MailRepositoryStore repositories, Clock clock, GaugeRegistry gauges, ServerState server) {
        this.repositories = repositories;
        this.clock = clock;
        this.gauges = gauges;
        this.server = server;
    }

    @Override
    public void init() throws MessagingException {
        ExpireHeldMailConfiguration config = ExpireHeldMailConfiguration.from(getMailetConfig());
        url = config.repository();
        retention = config.retention();
        long sweepSeconds = config.sweepSeconds();
        long firstSweepSeconds = config.firstSweepSeconds();
        try {
            policy = server.policies().holder(config.policy());
        } catch (InvalidPolicyException e) {
            throw new MessagingException("ExpireHeldMail: policy " + e.problems().get(0));
        }
        try {
            repositories.select(url);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("ExpireHeldMail: cannot open the repository " + url.asString(), e);
        }
        if (gauges != null) {
            gauges.register(DecisionMetrics.PREFIX + "held_" + retention + "_mails", this::heldCount);
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outward-retention-" + retention);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepQuietly, firstSweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    /** Mails in the repository now; no value (the gauge is left out) when it cannot be read. */
    private Long heldCount() {
        try {
            return repositories.select(url).size();
        } catch (MailRepositoryStore.MailRepositoryStoreException | MessagingException | RuntimeException e) {
            LOG.warn("ExpireHeldMail: the repository {} could not be counted ({})", url.asString(), e.getClass().getName());
            return null;
        }
    }

    /** The mail goes on to the next mailet untouched: this mailet only keeps the repository tidy. */
    @Override
    public void service(Mail mail) {
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Outward: deletes held mail older than the policy's retention";
    }

    /** Deletes every mail held longer than the retention in force; answers how many went. */
    int sweep() throws MessagingException, MailRepositoryStore.MailRepositoryStoreException {
        // Sweeps are hourly: the file is looked at each time, so an edited retention applies at the next one.
        Policy.Retention settings = policy.refreshed().retention();
        Duration keep = retention.equals("blocked") ? settings.blocked() : settings.quarantine();
        Instant cutOff = clock.instant().minus(keep);
        MailRepository repository = repositories.select(url);
        List<MailKey> keys = new ArrayList<>();
        for (Iterator<MailKey> it = repository.list(); it.hasNext(); ) {
            keys.add(it.next());
        }
        int deleted = 0;
        for (MailKey key : keys) {
            Mail mail = repository.retrieve(key);
            if (mail == null) {
                continue; // released or deleted by an admin since the listing
            }
            try {
                Date held = mail.getLastUpdated();
                if (held == null || !held.toInstant().isBefore(cutOff)) {
                    continue;
                }
                String messageId = AuditLog.messageId(mail);
                repository.remove(key);
                deleted++;
                AuditLog.expired(messageId, url.asString(), held.toInstant(), keep);
            } finally {
                LifecycleUtil.dispose(mail);
            }
        }
        if (deleted > 0) {
            LOG.info("Retention: deleted {} of {} held mails older than {} from {}", deleted, keys.size(), keep, url.asString());
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (Exception | LinkageError e) {
            // The next sweep tries again; nothing is deleted unless it was judged old enough.
            LOG.warn("Retention: sweeping {} failed ({}); trying again at the next sweep", url.asString(),
                    e.getClass().getSimpleName());
        }
    }
}
