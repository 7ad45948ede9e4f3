package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.outward.vault.ItemId;

/** What is stored for a code is bound to the portal's key and to the item. */
class CodeStateTest {

    private static final PortalConfig.Limits LIMITS = PortalConfig.Limits.DEFAULTS;
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final ItemId A = new ItemId("a".repeat(64));
    private static final ItemId B = new ItemId("b".repeat(64));

    @Test
    void twoPortalsWithDifferentKeysStoreDifferentValuesForTheSameCode() {
        PortalKey one = PortalKey.random();
        PortalKey other = PortalKey.random();
        CodeState.Step<java.util.Optional<String>> issued =
                CodeState.fresh(LIMITS).issue(NOW, LIMITS, new SecureRandom(), new CodeMac(one, A));
        String code = issued.answer().orElseThrow();
        assertThat(issued.next().codeMac()).isEqualTo(one.codeMac(A, code))
                .isNotEqualTo(other.codeMac(A, code));
    }

    @Test
    void aStoredValueMovedToAnotherItemAcceptsNothing() {
        PortalKey key = PortalKey.random();
        CodeState.Step<java.util.Optional<String>> issued =
                CodeState.fresh(LIMITS).issue(NOW, LIMITS, new SecureRandom(), new CodeMac(key, A));
        String code = issued.answer().orElseThrow();
        // The row of item A copied to item B, as someone who can write the store might.
        assertThat(issued.next().verify(code, NOW, LIMITS, new CodeMac(key, B)).answer().outcome())
                .isEqualTo(OneTimeCodes.Outcome.WRONG);
        assertThat(issued.next().verify(code, NOW, LIMITS, new CodeMac(key, A)).answer().outcome())
                .isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
    }
}
