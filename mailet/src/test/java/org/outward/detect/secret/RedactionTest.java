package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void keepsFirstCharacterAndShapeOfLongSecrets() {
        assertThat(Redaction.of("Password", "Tidal-Harbour-42")).isEqualTo("Password: T****-*******-**");
    }

    @Test
    void masksShortSecretsWhole() {
        assertThat(Redaction.of("PIN", "4821")).isEqualTo("PIN: ****");
        assertThat(Redaction.mask("K3tt!e")).isEqualTo("******");
    }

    @Test
    void masksSymbolsOtherThanSeparators() {
        assertThat(Redaction.mask("Tr0ub4dor&3")).isEqualTo("T**********");
    }

    @Test
    void bucketsVeryLongSecrets() {
        String masked = Redaction.mask("lantern orchard velvet mountain heron");
        assertThat(masked).startsWith("l****** ******* ****** *").endsWith("(more than 24 characters)");
    }
}
