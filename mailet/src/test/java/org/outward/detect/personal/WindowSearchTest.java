package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Windows answered from the whole text's matches (special category cues around records, context words around
 * candidate values) must get the answers of the window searched on its own.
 */
class WindowSearchTest {

    /** The whole texts are searched as the detector searches them: with the openings of all window patterns. */
    private static final List<WordStarts> PATTERNS = TextAnalyser.windowPatterns(RecogniserRegistry.standard());
    private static final WordStarts.Family WINDOWS = new WordStarts.Family(PATTERNS);

    /** One walk of the joint beginnings answers, for each pattern, what its own beginnings answer. */
    @Test
    void familyOpeningsAreEachPatternsOwn() throws IOException {
        List<String> texts = CorpusPart.texts();
        Random random = new Random(11);
        String letters = "aAbcdeEilmnNoOprRsStTuvy .'/-\u00e9";
        for (int k = 0; k < 3000; k++) {
            texts.add(RandomText.of(random, letters, random.nextInt(9)));
        }
        int open = 0;
        for (String text : texts) {
            ScannedText scanned = new ScannedText(text, WINDOWS);
            long[] openings = scanned.openings();
            for (int w = 0; w < scanned.words(); w++) {
                for (WordStarts p : PATTERNS) {
                    long bit = WINDOWS.bitOf(p);
                    assertThat(bit).isNotZero();
                    boolean own = p.beginningsAllow(text, scanned.wordStart(w));
                    assertThat((openings[w] & bit) != 0).as("%s at %d of %s", p.pattern(), scanned.wordStart(w), text)
                            .isEqualTo(own);
                    open += own ? 1 : 0;
                }
            }
        }
        assertThat(open).isGreaterThan(1000);
    }

    @Test
    void everyCueTellsHowFarAnAttemptReads() {
        for (WordStarts cue : SpecialCategoryCues.patterns()) {
            assertThat(cue.reach()).as(cue.pattern().pattern()).isBetween(2, 40);
        }
    }

    @Test
    void everyContextPatternTellsHowFarAnAttemptReads() {
        for (Recogniser r : RecogniserRegistry.standard().all()) {
            if (r instanceof PatternRecogniser p && p.contextPattern() != null) {
                assertThat(p.contextPattern().reach()).as(r.kind().name()).isBetween(2, 40);
            }
        }
    }

    /** Context words cut by window edges: "addresses", "xaddress", "D.O.B", "born" inside "reborn"... */
    @Test
    void contextWindowsMatchWhereTheWindowAloneMatches() throws IOException {
        List<String> texts = CorpusPart.texts();
        texts.add("Postcode: LA9 4XB; post codes; addresses xaddress ADDRESS lives at; resident's DOB 1/2/1990, "
                + "D.O.B: 3.4.1950 d/o/b reborn born. NHS number 943 476 5919, patient; NI number, N.I. no; "
                + "sort code 12-34-56, a/c 12345678; card expiry CVV visa Mastercard amex; National Insurance");
        Random random = new Random(10);
        int matched = 0;
        for (Recogniser r : RecogniserRegistry.standard().all()) {
            if (!(r instanceof PatternRecogniser p) || p.contextPattern() == null) {
                continue;
            }
            WordStarts context = p.contextPattern();
            for (String text : texts) {
                WindowSearch search = new WindowSearch(context, new ScannedText(text, WINDOWS));
                for (int i = 0; i < 40 && text.length() > 1; i++) {
                    int[] window = window(random, text, i % 2 == 0 ? 30 : 300);
                    int from = window[0];
                    int to = window[1];
                    boolean alone = context.pattern().matcher(text.substring(from, to)).find();
                    assertThat(search.in(from, to)).as("%s %d-%d", r.kind(), from, to).isEqualTo(alone);
                    matched += alone ? 1 : 0;
                }
            }
        }
        assertThat(matched).isGreaterThan(50);
    }

    /**
     * A window of the text starting anywhere, at most {@code longest} characters long, never empty; one in four
     * starts at the text's start, one in four ends at its end (the windows of a short body are the body).
     */
    private static int[] window(Random random, String text, int longest) {
        int from = random.nextInt(4) == 0 ? 0 : random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(longest));
        return new int[] {from, random.nextInt(4) == 0 ? text.length() : to};
    }

    @Test
    void windowsHoldTheCuesTheyHoldOnTheirOwn() throws IOException {
        List<String> texts = CorpusPart.texts();
        // Cues cut at every place by the windows below: a cue may lose its end, its start or the \b after it.
        texts.add("Mrs Ng, strong Lab; will vote Lib Dems soon. Registered disabled, in hospitalised care; "
                + "member of unisons, member of unison, Muslim, muslims, mixed race, ethnic origin; lib demx; "
                + "votes con, votes conx, Alzheimer's, alzheimers, carer's allowance, won't vote, PIP, PIPs.");
        Random random = new Random(9);
        int windows = 0;
        int withCues = 0;
        for (String text : texts) {
            ScannedText scanned = new ScannedText(text, WINDOWS);
            SpecialCategoryCues.InText cues = new SpecialCategoryCues.InText(scanned);
            for (int i = 0; i < 60 && text.length() > 1; i++) {
                int[] window = window(random, text, i % 2 == 0 ? 40 : 900);
                int from = window[0];
                int to = window[1];
                Set<SpecialCategory> alone = EnumSet.noneOf(SpecialCategory.class);
                SpecialCategoryCues.addTo(alone, new ScannedText(text.substring(from, to)));
                Set<SpecialCategory> fromWhole = EnumSet.noneOf(SpecialCategory.class);
                cues.addTo(fromWhole, from, to);
                assertThat(fromWhole).as("window %d-%d", from, to).isEqualTo(alone);
                windows++;
                withCues += alone.isEmpty() ? 0 : 1;
            }
        }
        assertThat(withCues).as("windows with cues among %d", windows).isGreaterThan(100);
        // On the text made of cues, windows from every character, ending at every distance up to 40, beyond, and
        // at the text's end.
        String cuesText = texts.get(texts.size() - 1);
        SpecialCategoryCues.InText cues = new SpecialCategoryCues.InText(new ScannedText(cuesText, WINDOWS));
        for (int from = 0; from < cuesText.length(); from++) {
            List<Integer> ends = new java.util.ArrayList<>();
            for (int to = from + 1; to <= Math.min(cuesText.length(), from + 60); to += to - from < 40 ? 1 : 7) {
                ends.add(to);
            }
            ends.add(cuesText.length());
            for (int to : ends) {
                Set<SpecialCategory> alone = EnumSet.noneOf(SpecialCategory.class);
                SpecialCategoryCues.addTo(alone, new ScannedText(cuesText.substring(from, to)));
                Set<SpecialCategory> fromWhole = EnumSet.noneOf(SpecialCategory.class);
                cues.addTo(fromWhole, from, to);
                assertThat(fromWhole).as("window %d-%d", from, to).isEqualTo(alone);
            }
        }
    }
}
