package org.outward.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/** The outside world's mailboxes, as the end-to-end tests read them: by envelope recipient, not by the To header. */
final class Mailboxes {

    private Mailboxes() {
    }

    /** The messages GreenMail delivered to this address, whatever their headers say. */
    static MimeMessage[] of(GreenMail outside, String address) {
        GreenMailUser user = outside.getUserManager().getUserByEmail(address);
        if (user == null) {
            return new MimeMessage[0];
        }
        try {
            List<MimeMessage> messages = new ArrayList<>();
            for (StoredMessage stored : outside.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                messages.add(stored.getMimeMessage());
            }
            return messages.toArray(MimeMessage[]::new);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first message in this address's mailbox that is wanted, waiting up to 30 seconds for it. */
    static MimeMessage await(GreenMail outside, String address, Predicate<MimeMessage> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : of(outside, address)) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the expected message did not arrive");
    }
}
