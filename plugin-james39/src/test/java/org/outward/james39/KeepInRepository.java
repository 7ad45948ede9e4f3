package org.outward.james39;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Stores the mail in the repository named by {@code repositoryPath} and ends its journey, as James's
 * {@code ToRepository} does: that mailet lives in {@code james-server-mailets}, which James 3.9.0 did not publish,
 * so the tests put this one in its place in the shipped processors.
 */
public class KeepInRepository extends GenericMailet {

    private final MailRepositoryStore store;
    private MailRepository repository;

    @Inject
    public KeepInRepository(MailRepositoryStore store) {
        this.store = store;
    }

    @Override
    public void init() throws MessagingException {
        try {
            repository = store.select(MailRepositoryUrl.from(getInitParameter("repositoryPath")));
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("no repository " + getInitParameter("repositoryPath"), e);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        repository.store(mail);
        mail.setState(Mail.GHOST);
    }
}
