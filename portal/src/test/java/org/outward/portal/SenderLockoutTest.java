package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;
import org.outward.vault.LinkToken;

/**
 * Someone who holds the recipient's link (the recipient, or whoever the mail was forwarded to) knows the item's id:
 * it is the SHA-256 of the link id. A management token is that id and a secret. Flooding the sender's path with
 * made-up secrets must not lock the sender out of withdrawing the file.
 */
class SenderLockoutTest {

    @TempDir
    Path folder;

    /** A management token for the item with a random secret: the right shape, the wrong secret. */
    private static String forgedManagement(String link) {
        byte[] id = HexFormat.of().parseHex(LinkToken.parse(link).orElseThrow().itemId().hex());
        byte[] token = new byte[64];
        System.arraycopy(id, 0, token, 0, 32);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        System.arraycopy(secret, 0, token, 32, 32);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @Test
    void wrongManagementTokensCannotLockTheSenderOut() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", "x".getBytes(StandardCharsets.UTF_8));
            String link = deposit.link().encoded();
            HttpClient outsider = PortalHarness.browser();
            int limit = PortalConfig.Limits.DEFAULTS.requestsPerLink();
            java.util.Set<Integer> outsiderSaw = new java.util.TreeSet<>();
            for (int i = 0; i <= limit; i++) {
                String forged = "/m/" + forgedManagement(link);
                outsiderSaw.add(h.get(outsider, i % 2 == 0 ? forged : forged + "/revoke").statusCode());
                outsiderSaw.add(h.get(outsider, "/m/" + link).statusCode());
            }

            HttpClient sender = PortalHarness.browser();
            String path = "/m/" + deposit.management().encoded();
            HttpResponse<String> page = h.get(sender, path);
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> revoked = h.post(sender, path + "/revoke", "csrf=" + PortalHarness.csrf(page.body()));
            assertThat(revoked.statusCode()).isEqualTo(303);
            assertThat(h.vault.find(deposit.id()).orElseThrow().revoked()).isTrue();
            assertThat(outsiderSaw).as("forged tokens get the one answer for dead links").containsExactly(404);
        }
    }

    @Test
    void theSendersOwnRequestsAreStillLimited() throws Exception {
        try (PortalHarness h = new PortalHarness(folder, PortalConfig.Limits.DEFAULTS.withRequestLimits(1000, 5), null,
                "http")) {
            Deposit deposit = h.put("a@example.org", "x".getBytes(StandardCharsets.UTF_8));
            HttpClient sender = PortalHarness.browser();
            String path = "/m/" + deposit.management().encoded();
            for (int i = 0; i < 5; i++) {
                assertThat(h.get(sender, path).statusCode()).isEqualTo(200);
            }
            assertThat(h.get(sender, path).statusCode()).isEqualTo(429);
        }
    }
}
