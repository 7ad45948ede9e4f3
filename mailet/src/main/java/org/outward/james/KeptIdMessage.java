package org.outward.james;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * A copy of a message that keeps its Message-ID when saved: a wrapped copy is still the sender's message, and
 * replies and threads must find it. (JavaMail makes a new Message-ID on every save.)
 */
final class KeptIdMessage extends MimeMessage {

    KeptIdMessage(MimeMessage original) throws MessagingException {
        super(original);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
