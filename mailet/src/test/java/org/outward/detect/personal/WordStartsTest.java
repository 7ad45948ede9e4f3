package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The word-start shortcut must find exactly what {@link Matcher#find()} finds, in the same order. */
class WordStartsTest {

    private static final List<String> PATTERNS = List.of(
            "\\b[A-Z][a-z]+ (?:[A-Z]\\. )?[A-Z][a-z]+\\b(?!'s)",
            "(?i)\\b(?:will vote|strong (?:lib dems?|labour)|disabled|mr|union rep)\\b",
            "\\b(?:Mr|Mrs|Cllr)\\.? [A-Z][a-z]+",
            "\\b\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Road|Street|Lane)\\b",
            "\\b[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\\b",
            "\\b\\w");

    @Test
    void findsWhatFindFindsOnTheCorpusText() throws IOException {
        List<String> texts = corpusTexts();
        texts.add("Élodie Smith met Mr Øyvind Berg, Mrs Jane Smith's dog and 12 High Street LA9 4XB.");
        texts.add("J");
        texts.add("");
        for (String regex : PATTERNS) {
            WordStarts starts = new WordStarts(Pattern.compile(regex));
            for (String text : texts) {
                assertThat(viaWordStarts(starts, text)).as(regex).isEqualTo(viaFind(starts.pattern(), text));
            }
        }
    }

    @Test
    void refusesPatternsThatDoNotBeginAtAWordBoundary() {
        assertThatThrownBy(() -> new WordStarts(Pattern.compile("[A-Z]+"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> viaWordStarts(WordStarts starts, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = starts.pattern().matcher(text);
        for (int at = 0; starts.find(m, text, at); at = WordStarts.after(m)) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    private static List<String> viaFind(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    private static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (BufferedReader labels = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                WordStartsTest.class.getResourceAsStream("/fixtures/personal/labels.csv")), StandardCharsets.UTF_8))) {
            labels.readLine();
            String line;
            while ((line = labels.readLine()) != null) {
                String path = line.split(",", 2)[0];
                if (path.endsWith(".txt") || path.endsWith(".csv")) {
                    try (InputStream in = WordStartsTest.class.getResourceAsStream("/fixtures/personal/" + path)) {
                        texts.add(new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return texts;
    }
}
