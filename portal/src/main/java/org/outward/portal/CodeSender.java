package org.outward.portal;

import java.io.IOException;

/** Delivers a one-time code to the recipient a link was made for. */
public interface CodeSender {

    /** Sends the code; the implementation must not log it. */
    void send(CodeMail mail) throws IOException;
}
