package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one pass over a text's characters finds the word starts, capitalised words and runs of digits. */
class ScannedTextTest {

    /**
     * What the pass must find, read character by character with no table: a word starts at a word character
     * with none before it; it is capitalised when it begins with A-Z or a character beyond ASCII; a run of
     * digits starts at an ASCII digit with no digit of any script before it.
     */
    private static String expected(String text) {
        List<Integer> words = new ArrayList<>();
        List<Integer> capitals = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        boolean inWord = false;
        boolean afterDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean word = ch < 128 ? (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || ch == '_' : Character.isLetterOrDigit(ch);
            if (word && !inWord) {
                words.add(i);
                if ((ch >= 'A' && ch <= 'Z') || ch >= 128) {
                    capitals.add(i);
                }
            }
            if (ch >= '0' && ch <= '9' && !afterDigit) {
                runs.add(i);
            }
            inWord = word;
            afterDigit = Character.isDigit(ch);
        }
        return words + " " + capitals + " " + runs;
    }

    private static String found(ScannedText scanned) {
        List<Integer> words = new ArrayList<>();
        List<Integer> capitals = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        for (int w = 0; w < scanned.words(); w++) {
            words.add(scanned.wordStart(w));
        }
        for (int k = 0; k < scanned.capitals(); k++) {
            capitals.add(scanned.capitalStart(k));
        }
        DigitRuns digitRuns = scanned.digitRuns();
        for (int r = 0; r < digitRuns.size(); r++) {
            runs.add(digitRuns.start(r));
        }
        return words + " " + capitals + " " + runs;
    }

    @Test
    void findsWhatACharacterByCharacterReadingFinds() throws IOException {
        List<String> texts = CorpusPart.texts();
        Random random = new Random(27);
        // Latin-1 letters, a real '?', characters beyond Latin-1 (a curly quote, Greek, an Arabic-Indic digit, a
        // combining mark) and a pair of surrogates, which the Latin-1 copy cannot hold one for one.
        String alphabet = "aZ_9 0,.?\u00e9\u00c9\u00b2\u00d7\u2019\u03a9\u0663\u0301\n\t";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder text = new StringBuilder(RandomText.of(random, alphabet, random.nextInt(24)));
            if (random.nextInt(4) == 0) {
                text.insert(random.nextInt(text.length() + 1), "\uD83D\uDE00"); // an emoji
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(found(new ScannedText(text))).as(text).isEqualTo(expected(text));
        }
    }
}
