package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashIsArgon2idWithItsCostAndASaltOfItsOwn() {
        String first = PasswordHash.of("correct horse battery staple".toCharArray());
        String second = PasswordHash.of("correct horse battery staple".toCharArray());

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHash.matches("correct horse battery staple".toCharArray(), first)).isTrue();
        assertThat(PasswordHash.matches("correct horse battery stapler".toCharArray(), first)).isFalse();
    }

    /**
     * A hash made by another implementation (the reference argon2 tool: {@code argon2 saltsaltsaltsalt -id -t 3
     * -m 10 -p 2 -l 32 -e}) with other costs is checked by the costs it carries.
     */
    @Test
    void aHashOfTheReferenceToolWithOtherCostsIsCheckedByThem() {
        String reference = "$argon2id$v=19$m=1024,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$G3SohFMWwGaoLJHB3NJRd0JMqM4Yc6pFymmd7lD9LgI";
        assertThat(PasswordHash.matches("correct horse battery staple".toCharArray(), reference)).isTrue();
        assertThat(PasswordHash.matches("correct horse battery stapl".toCharArray(), reference)).isFalse();
        assertThat(PasswordHash.matches("correct horse battery staple".toCharArray(), reference.replace("t=3", "t=2"))).isFalse();
        assertThat(PasswordHash.matches("password".toCharArray(), "$argon2i$v=19$m=64,t=1,p=1$c29tZQ$c29tZQ")).isFalse();
        assertThat(PasswordHash.matches("password".toCharArray(), "not a hash")).isFalse();
    }
}
