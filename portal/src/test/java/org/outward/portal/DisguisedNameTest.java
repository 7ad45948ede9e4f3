package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;
import org.outward.vault.NewItem;

/** A file name whose right-to-left override makes {@code .exe} look like {@code .pdf}, on every page that names it. */
class DisguisedNameTest {

    @TempDir
    Path folder;

    private static long formatCharacters(String text) {
        return text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT).count();
    }

    @Test
    void theRealExtensionShowsEverywhere() throws Exception {
        for (String override : List.of("\u202E", "\u202D\u202E", "\u2067", "\u200F\u061C")) {
            try (PortalHarness h = new PortalHarness(folder.resolve(Integer.toHexString(override.charAt(0))))) {
                Deposit deposit = h.vault.put(NewItem.withDefaults("agent@party.example", "a@example.org",
                        "invoice" + override + "fdp.exe", "application/pdf"),
                        new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
                HttpClient recipient = PortalHarness.browser();
                String path = "/l/" + deposit.link().encoded();
                String linkPage = h.get(recipient, path).body();
                String csrf = "csrf=" + PortalHarness.csrf(linkPage);
                String codePage = h.post(recipient, path + "/code", csrf).body();
                h.post(recipient, path + "/verify", csrf + "&code=" + h.sent.get(0).code());
                String readyPage = h.get(recipient, path).body();
                HttpResponse<byte[]> file = h.post(recipient, path + "/download", csrf,
                        HttpResponse.BodyHandlers.ofByteArray());
                String senderPage = h.get(PortalHarness.browser(), "/m/" + deposit.management().encoded()).body();

                List<String> pages = List.of(linkPage, codePage, readyPage, senderPage);
                for (int i = 0; i < pages.size(); i++) {
                    // Booleans, not the page: a failure must not print the page, whose forms hold the link.
                    // The code page (1) does not name the file.
                    assertThat(pages.get(i).contains("invoicefdp.exe")).as("page %d shows the real name", i).isEqualTo(i != 1);
                    assertThat(formatCharacters(pages.get(i))).as("format characters on page %d", i).isZero();
                }
                assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                        "attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe");
                assertThat(h.awaitNotified(1)).singleElement()
                        .satisfies(item -> assertThat(item.fileName()).isEqualTo("invoicefdp.exe"));
            }
        }
    }
}
