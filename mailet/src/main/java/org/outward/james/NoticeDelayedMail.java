package org.outward.james;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.james.configuration.NoticeDelayedMailConfiguration;
import org.outward.delivery.DelayWatch;
import org.outward.delivery.NotifiedMessages;
import org.outward.notice.DelayNotices;
import org.outward.notice.Notice;
import org.outward.notice.NoticeMessage;
import org.outward.notice.NoticeTemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a sender once, after some hours, that their mail has not reached the next server yet and that the gateway
 * keeps trying. James 3.8.1's RemoteDelivery has no delay notice of its own (it only bounces when it gives up), so
 * this mailet, placed just before RemoteDelivery, stamps each mail with the time the gateway took it on
 * ({@value #QUEUED_AT_NAME}), and a timer of its own reads the outgoing queue through James's mail-queue API: a mail
 * that has failed at least once and waited {@code notifyAfter} earns its sender one notice, in the policy's
 * language. Who was told is recorded in the state folder before the notice leaves, so a restart does not tell
 * anyone twice. No notice goes about bounces, notices or other automatic mail.
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.NoticeDelayedMail">
 *   <notifyAfter>4 hours</notifyAfter>
 *   <retryFor>5 days</retryFor>
 *   <stateFolder>/var/lib/outward/state</stateFolder>
 * </mailet>
 * <mailet match="All" class="RemoteDelivery"> ...
 * }</pre>
 *
 * <p>Parameters: {@code notifyAfter} (default 4 hours) and {@code retryFor} (how long RemoteDelivery's schedule
 * lasts, which the notice promises; default 5 days), in James's duration syntax; {@code stateFolder} (required);
 * {@code outgoingQueue} (RemoteDelivery's, default {@code outgoing}); {@code scanEvery} (default 5 minutes);
 * {@code templates}, a folder laid out as {@code policies/notices} (default: the built-in notices).
 *
 * <p>Each node keeps its own record: where several gateway nodes share one queue, each may tell the sender once.
 */
public class NoticeDelayedMail extends GenericMailet {

    public static final String QUEUED_AT_NAME = "org.outward.queuedAt";

    /** The failed-attempt count RemoteDelivery keeps on the mail (its {@code DeliveryRetriesHelper}). */
    static final AttributeName FAILED_ATTEMPTS = AttributeName.of("delivery_retry_count");

    static final String RECORD_FILE = "delay-notices.txt";

    private static final AttributeName QUEUED_AT = AttributeName.of(QUEUED_AT_NAME);
    private static final Logger LOG = LoggerFactory.getLogger(NoticeDelayedMail.class);

    private final MailQueueFactory<? extends ManageableMailQueue> queues;
    private final Clock clock;

    private MailQueueName queueName;
    private DelayWatch watch;
    private DelayNotices notices;
    private ScheduledExecutorService timer;

    @Inject
    public NoticeDelayedMail(MailQueueFactory<? extends ManageableMailQueue> queues) {
        this(queues, Clock.systemUTC());
    }

    NoticeDelayedMail(MailQueueFactory<? extends ManageableMailQueue> queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        NoticeDelayedMailConfiguration config = NoticeDelayedMailConfiguration.from(getMailetConfig());
        Path record = config.stateFolder().resolve(RECORD_FILE);
        try {
            watch = new DelayWatch(config.notifyAfter(), config.retryFor(), NotifiedMessages.in(record));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("NoticeDelayedMail: " + e.getMessage());
        } catch (IOException e) {
            throw new MessagingException("NoticeDelayedMail: cannot read " + record, e);
        }
        try {
            notices = config.templates().isEmpty() ? DelayNotices.builtIn() : DelayNotices.from(config.templates().get());
        } catch (NoticeTemplateException e) {
            throw new MessagingException("NoticeDelayedMail: notice templates cannot be used: " + e.getMessage());
        }
        queueName = config.outgoingQueue();
        Duration scanEvery = config.scanEvery();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outward-delay-notices");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, scanEvery.toMillis());
        timer.scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stamps the mail with the time it was handed to delivery, once: a retry keeps the first stamp. */
    @Override
    public void service(Mail mail) {
        if (mail.getAttribute(QUEUED_AT).isEmpty()) {
            mail.setAttribute(new Attribute(QUEUED_AT, AttributeValue.of(clock.millis())));
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Outward: one notice to the sender of mail that has waited hours for the next server";
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (Exception | LinkageError e) {
            // The next scan tries again; a sender is recorded as told only when their notice is sent.
            LOG.warn("Delay notices: reading the queue {} failed ({}); trying again at the next scan",
                    queueName.asString(), e.getClass().getSimpleName());
        }
    }

    /** Sends the notices now due; answers how many. */
    int scan() throws MessagingException, IOException {
        Optional<? extends ManageableMailQueue> queue = queues.getQueue(queueName);
        if (queue.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        // James's in-memory queue shows its own live mail; the others (ActiveMQ, RabbitMQ) build a copy for each
        // look, which must be released here or James reports it as leaked.
        boolean copies = !queue.get().getClass().getName().startsWith("org.apache.james.queue.memory.");
        ManageableMailQueue.MailQueueIterator items = queue.get().browse();
        try {
            while (items.hasNext()) {
                Mail mail = items.next().getMail();
                try {
                    if (noticeIfDue(mail, now)) {
                        sent++;
                    }
                } finally {
                    if (copies) {
                        LifecycleUtil.dispose(mail);
                    }
                }
            }
        } finally {
            items.close();
        }
        watch.forgetOld(now);
        return sent;
    }

    private boolean noticeIfDue(Mail mail, Instant now) throws MessagingException, IOException {
        Optional<Long> queuedAt = mail.getAttribute(QUEUED_AT).flatMap(a -> a.getValue().valueAs(Long.class));
        int failed = mail.getAttribute(FAILED_ATTEMPTS).flatMap(a -> a.getValue().valueAs(Integer.class)).orElse(0);
        Optional<MailAddress> sender = mail.getMaybeSender().asOptional();
        MailAddress postmaster = getMailetContext().getPostmaster();
        if (queuedAt.isEmpty() || sender.isEmpty() || sender.get().equals(postmaster)
                || !watch.due(mail.getName(), Instant.ofEpochMilli(queuedAt.get()), failed, now)) {
            return false;
        }
        MimeMessage original = mail.getMessage();
        if (NotifySender.isAutomatic(original)) {
            return false;
        }
        Instant since = Instant.ofEpochMilli(queuedAt.get());
        Notice notice;
        try {
            notice = notices.render(new DelayNotices.DelayFacts(original.getSubject() == null ? "" : original.getSubject(),
                    original.getSentDate() == null ? null : original.getSentDate().toInstant(),
                    mail.getRecipients().stream().map(MailAddress::asString).toList(), since,
                    watch.keepsTryingUntil(since)), DecisionAttributes.noticeLanguage(mail));
        } catch (NoticeTemplateException e) {
            throw new MessagingException("NoticeDelayedMail: " + e.getMessage());
        }
        MimeMessage message = NoticeMessage.compose(notice, postmaster.toInternetAddress()
                .orElseThrow(() -> new MessagingException("NoticeDelayedMail: the postmaster address is not usable")),
                DecisionAttributes.dpoAddress(mail), new InternetAddress(sender.get().asString()), original.getMessageID());
        // Recorded first: a crash between the two loses one courtesy notice rather than sending it twice.
        watch.told(mail.getName(), now);
        getMailetContext().sendMail(postmaster, List.of(sender.get()), message);
        LOG.info("Delay notice sent for queued mail {} ({} failed attempts)", mail.getName(), failed);
        return true;
    }
}
