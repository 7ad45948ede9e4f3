package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's example, "To open it use QFK3uvJosshmkj as the password.", as the gateway receives it: in a plain
 * body, an HTML body, a quoted reply, and a quoted-printable body whose soft line break falls inside the secret.
 */
class CueAfterTheSecretThroughTheEngineTest {

    private static final String HEAD = "From: Sam <sam@party.example>\r\nTo: Alex <alex@example.org>\r\n"
            + "Subject: the file\r\nMIME-Version: 1.0\r\n";

    @TempDir
    Path state;

    @Test
    void plainBody() throws Exception {
        assertFound(HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\nHi Alex,\r\n\r\n"
                + "To open it use QFK3uvJosshmkj as the password.\r\n\r\nSam\r\n");
    }

    @Test
    void htmlBody() throws Exception {
        assertFound(HEAD + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><div>Hi Alex,</div>"
                + "<div><br></div><div>To open it use <b>QFK3uvJosshmkj</b> as the password.</div></body></html>\r\n");
    }

    @Test
    void quotedReply() throws Exception {
        assertFound(HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\nResending.\r\n\r\n"
                + "On Mon, 7 Dec 2026 at 10:02, Sam <sam@party.example> wrote:\r\n"
                + "> To open it use QFK3uvJosshmkj as the password.\r\n");
    }

    @Test
    void quotedPrintableSplitsTheSecret() throws Exception {
        assertFound(HEAD + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Hi Alex, here is the file. To open it use QFK3uv=\r\n"
                + "Josshmkj as the password.\r\n");
    }

    @Test
    void theSameMessageWithoutTheSecretPasses() throws Exception {
        try (EnginePasswords engine = new EnginePasswords(state)) {
            assertThat(engine.reportsPassword((HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "To open it use the password I texted you.\r\n").getBytes(StandardCharsets.UTF_8))).isFalse();
        }
    }

    private void assertFound(String eml) throws Exception {
        try (EnginePasswords engine = new EnginePasswords(state)) {
            assertThat(engine.reportsPassword(eml.getBytes(StandardCharsets.UTF_8))).isTrue();
        }
    }
}
