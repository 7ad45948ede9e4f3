package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The context words found in one pass must be those each word's own search finds, at a word boundary. */
class ContextWordsTest {

    private static final RecogniserRegistry REGISTRY = RecogniserRegistry.standard();
    private static final ContextWords WORDS = ContextWords.of(REGISTRY);

    @Test
    void eachWordIsFoundWhereItsOwnSearchFindsIt() throws IOException {
        List<String> texts = texts();
        int found = 0;
        for (String text : texts) {
            boolean[] present = WORDS.present(new ScannedText(text));
            for (Recogniser r : REGISTRY.all()) {
                if (r instanceof PatternRecogniser p) {
                    for (String word : p.contextLiterals()) {
                        boolean own = Pattern.compile("(?i)\\b" + Pattern.quote(word)).matcher(text).find();
                        assertThat(present[WORDS.id(word)]).as("%s in [%s]", word, text).isEqualTo(own);
                        found += own ? 1 : 0;
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(200);
    }

    /** Wherever a recogniser's context pattern matches, one of its words is there: the gate loses nothing. */
    @Test
    void everyContextMatchHoldsOneOfTheWords() throws IOException {
        Random random = new Random(13);
        int matched = 0;
        for (String text : texts()) {
            for (int k = 0; k < 5 && !text.isEmpty(); k++) {
                int from = random.nextInt(text.length());
                String window = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(300)));
                boolean[] present = WORDS.present(new ScannedText(window));
                for (Recogniser r : REGISTRY.all()) {
                    if (r instanceof PatternRecogniser p && p.contextPattern() != null
                            && p.contextPattern().pattern().matcher(window).find()) {
                        matched++;
                        assertThat(p.contextLiterals().stream().anyMatch(w -> present[WORDS.id(w)]))
                                .as("%s in [%s]", r.kind(), window).isTrue();
                    }
                }
            }
        }
        assertThat(matched).isGreaterThan(30);
    }

    @Test
    void refusesWordsItCannotLookFor() {
        assertThatThrownBy(() -> new ContextWords(List.of("NHS"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContextWords(List.of("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The corpus texts, and short texts made of the words' letters in both cases, cut anywhere. */
    private static List<String> texts() throws IOException {
        List<String> texts = CorpusPart.texts();
        texts.add("Sort Code 12-34-56, A/C 12345678; D.O.B 1/2/1990, d/o/b, DOB:; NHS No 943 476 5919; N.I. no;"
                + " ENO 12, PDENO; Membership No. 12345; Mem No 9; national insurance; lives at; ADDRESS; patient");
        Random random = new Random(12);
        String alphabet = "aAbBcCdDeEiInNoOrRsStT ./-";
        for (int k = 0; k < 3000; k++) {
            texts.add(RandomText.of(random, alphabet, random.nextInt(12)));
        }
        return texts;
    }
}
