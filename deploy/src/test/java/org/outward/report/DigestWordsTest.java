package org.outward.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A word added in English and forgotten in Welsh would leave a Welsh reader a blank. */
class DigestWordsTest {

    @Test
    void welshHasEveryWordEnglishHas() throws Exception {
        Properties english = load("en");
        Properties welsh = load("cy");

        assertThat(welsh.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).contains("title", "waiting", "console");
    }

    private static Properties load(String language) throws Exception {
        Properties words = new Properties();
        try (var in = DigestText.class.getResourceAsStream("digest-words-" + language + ".properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
