package org.outward.james.configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.util.DurationParser;
import org.apache.mailet.MailetConfig;

/**
 * The {@code NoticeDelayedMail} mailet's parameters.
 *
 * @param stateFolder the gateway's state folder, where the mailet records whom it told
 * @param notifyAfter how long a mail waits before its sender is told
 * @param retryFor how long delivery is retried, which the notice promises
 * @param scanEvery how often the queue is looked at
 * @param templates a folder of delay-notice templates; empty: the built-in ones
 * @param outgoingQueue the queue RemoteDelivery retries from
 */
public record NoticeDelayedMailConfiguration(Path stateFolder, Duration notifyAfter, Duration retryFor,
                                             Duration scanEvery, Optional<Path> templates,
                                             MailQueueName outgoingQueue) {

    public static final String STATE_FOLDER = "stateFolder";
    public static final String NOTIFY_AFTER = "notifyAfter";
    public static final String RETRY_FOR = "retryFor";
    public static final String SCAN_EVERY = "scanEvery";
    public static final String TEMPLATES = "templates";
    public static final String OUTGOING_QUEUE = "outgoingQueue";

    private static final Set<String> NAMES = Set.of(STATE_FOLDER, NOTIFY_AFTER, RETRY_FOR, SCAN_EVERY, TEMPLATES,
            OUTGOING_QUEUE);

    public static NoticeDelayedMailConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("NoticeDelayedMail", config, NAMES);
        Path state = Path.of(parameters.required(STATE_FOLDER, "name the gateway's state folder"));
        Duration scanEvery = duration(parameters, SCAN_EVERY, "5 minutes");
        return new NoticeDelayedMailConfiguration(state, duration(parameters, NOTIFY_AFTER, "4 hours"),
                duration(parameters, RETRY_FOR, "5 days"), scanEvery, parameters.folder(TEMPLATES),
                MailQueueName.of(parameters.text(OUTGOING_QUEUE, "outgoing")));
    }

    private static Duration duration(InitParameters parameters, String name, String byDefault)
            throws MessagingException {
        String text = parameters.text(name, byDefault);
        try {
            return DurationParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw parameters.problem(name + " '" + text + "' is not a duration such as '4 hours' or '30 minutes'");
        }
    }
}
