package org.outward.james.health;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells James's {@code GET /healthcheck} whether held and queued mail has somewhere to go: every mail repository
 * James has opened (blocked, quarantined, error, relay-denied) and every mail queue can be read, and a repository
 * kept in files still has a writable folder. James's own checks do not look at these: its file repositories keep
 * their keys in memory and notice a missing folder only when a mail is stored, which then fails into the error
 * processor, itself a repository. Unhealthy makes {@code /healthcheck} answer 503, so an orchestrator restarts or
 * flags the gateway before held mail is lost.
 *
 * <p>The cause names repositories and queues only, never a mail. Registered in {@code healthcheck.properties}:
 * {@code additional.healthchecks=org.outward.james.health.MailStorageCheck}.
 */
public final class MailStorageCheck implements HealthCheck {

    public static final ComponentName NAME = new ComponentName("Outward mail storage");

    private static final String FILE_PROTOCOL = "file";

    private final MailRepositoryStore repositories;
    private final MailQueueFactory<? extends ManageableMailQueue> queues;
    private final FileSystem fileSystem;

    @Inject
    public MailStorageCheck(MailRepositoryStore repositories, MailQueueFactory<? extends ManageableMailQueue> queues,
                            FileSystem fileSystem) {
        this.repositories = repositories;
        this.queues = queues;
        this.fileSystem = fileSystem;
    }

    @Override
    public ComponentName componentName() {
        return NAME;
    }

    @Override
    public Mono<Result> check() {
        return Mono.fromCallable(this::problems)
                .map(problems -> problems.isEmpty() ? Result.healthy(NAME)
                        : Result.unhealthy(NAME, String.join("; ", problems)))
                .onErrorResume(e -> Mono.just(Result.unhealthy(NAME,
                        "mail storage could not be checked (" + e.getClass().getSimpleName() + ")")))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        repositories.getUrls().sorted((a, b) -> a.asString().compareTo(b.asString()))
                .forEach(url -> repositoryProblem(url).ifPresent(problems::add));
        for (MailQueueName name : queues.listCreatedMailQueues()) {
            queueProblem(name).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<String> repositoryProblem(MailRepositoryUrl url) {
        String path = url.getPath().asString();
        try {
            if (FILE_PROTOCOL.equals(url.getProtocol().getValue())) {
                File folder = fileSystem.getFileWithinBaseDir(url.asString());
                if (!folder.isDirectory()) {
                    return Optional.of("mail repository " + path + ": its folder is missing");
                }
                if (!folder.canWrite()) {
                    return Optional.of("mail repository " + path + ": its folder cannot be written");
                }
            }
            Optional<MailRepository> repository = repositories.get(url);
            if (repository.isPresent()) {
                repository.get().size();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException | javax.mail.MessagingException
                 | MailRepositoryStore.MailRepositoryStoreException e) {
            return Optional.of("mail repository " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Optional<String> queueProblem(MailQueueName name) {
        try {
            Optional<? extends ManageableMailQueue> queue = queues.getQueue(name);
            if (queue.isPresent()) {
                queue.get().getSize();
            }
            return Optional.empty();
        } catch (Exception e) {
            // MailQueueException and whatever the queue's broker throws: the queue cannot be used either way.
            return Optional.of("mail queue " + name.asString() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
