package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;

/** Reading a server's SMTP replies by hand, for the tests that speak SMTP over a plain socket. */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /** One SMTP reply, all its lines. */
    static String read(BufferedReader in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("the server closed the connection").isNotNull();
            reply.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }
}
