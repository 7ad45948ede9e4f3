package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Windows answered from one search of the whole text (special category cues around records, context words
 * around candidate values) hold a match exactly when a match of the whole text reaches into them.
 */
class WindowSearchTest {

    /**
     * The whole texts are searched as the detector searches them: with the openings of all window patterns, and
     * those of the context words that recognisers need worked out apart.
     */
    private static final List<WordStarts> PATTERNS = TextAnalyser.windowPatterns(RecogniserRegistry.standard());
    private static final WordStarts.Family WINDOWS = new WordStarts.Family(PATTERNS);
    private static final List<WordStarts> GUARDED = TextAnalyser.guardedWindowPatterns(RecogniserRegistry.standard());
    private static final WordStarts.Family GUARDED_WINDOWS = new WordStarts.Family(GUARDED);

    /**
     * One walk of the joint beginnings answers, for each pattern, what its own beginnings answer; the words
     * open to each pattern are those whose openings have its bit.
     */
    @Test
    void familyOpeningsAreEachPatternsOwn() throws IOException {
        List<String> texts = CorpusPart.texts();
        Random random = new Random(11);
        String letters = "aAbcdeEilmnNoOprRsStTuvy .'/-\u00e9";
        for (int k = 0; k < 3000; k++) {
            texts.add(RandomText.of(random, letters, random.nextInt(9)));
        }
        assertThat(GUARDED).hasSizeGreaterThanOrEqualTo(4);
        int open = 0;
        for (String text : texts) {
            open += openingsAreEachPatternsOwn(text, WINDOWS, PATTERNS, new ScannedText(text, WINDOWS));
            open += openingsAreEachPatternsOwn(text, GUARDED_WINDOWS, GUARDED, new ScannedText(text, GUARDED_WINDOWS));
        }
        assertThat(open).isGreaterThan(1000);
    }

    /** The openings of the family's patterns in one text are their own; answers how many words were open. */
    private static int openingsAreEachPatternsOwn(String text, WordStarts.Family family, List<WordStarts> patterns,
                                                  ScannedText scanned) {
        int open = 0;
        long[] openings = scanned.openings();
        for (int w = 0; w < scanned.words(); w++) {
            for (WordStarts p : patterns) {
                long bit = family.bitOf(p);
                assertThat(bit).isNotZero();
                boolean own = p.beginningsAllow(text, scanned.wordStart(w));
                assertThat((openings[w] & bit) != 0).as("%s at %d of %s", p.pattern(), scanned.wordStart(w), text)
                        .isEqualTo(own);
                open += own ? 1 : 0;
            }
        }
        for (WordStarts p : patterns) {
            long bit = family.bitOf(p);
            List<Integer> expected = new ArrayList<>();
            for (int w = 0; w < scanned.words(); w++) {
                if ((openings[w] & bit) != 0) {
                    expected.add(w);
                }
            }
            assertThat(scanned.openWords(bit)).as("%s in %s", p.pattern(), text)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
        return open;
    }

    /** Context words in and around windows: "addresses", "xaddress", "D.O.B", "born" inside "reborn"... */
    @Test
    void contextWindowsHoldTheContextWordsThatReachIntoThem() throws IOException {
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
                ScannedText scanned = new ScannedText(text, WINDOWS, null, GUARDED_WINDOWS);
                assertThat(scanned.openWordsOf(context)).as("%s: its openings are worked out", r.kind()).isNotNull();
                WindowSearch search = new WindowSearch(context, scanned);
                List<int[]> all = matchesOfTheWholeText(context, text);
                for (int i = 0; i < 40 && text.length() > 1; i++) {
                    int[] window = window(random, text, i % 2 == 0 ? 30 : 300);
                    boolean expected = reachesInto(all, window[0], window[1]);
                    assertThat(search.overlaps(window[0], window[1])).as("%s %d-%d", r.kind(), window[0], window[1])
                            .isEqualTo(expected);
                    matched += expected ? 1 : 0;
                }
            }
        }
        assertThat(matched).isGreaterThan(50);
    }

    /** Where the pattern matches in the whole text, tried at every character (\\b decides the word starts). */
    private static List<int[]> matchesOfTheWholeText(WordStarts pattern, String text) {
        List<int[]> all = new ArrayList<>();
        Matcher m = pattern.pattern().matcher(text);
        m.useTransparentBounds(true);
        for (int i = 0; i < text.length(); i++) {
            if (m.region(i, text.length()).lookingAt()) {
                all.add(new int[] {m.start(), m.end()});
            }
        }
        return all;
    }

    private static boolean reachesInto(List<int[]> matches, int from, int to) {
        return matches.stream().anyMatch(m -> m[0] < to && m[1] > from);
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
    void windowsHoldTheCuesThatReachIntoThem() throws IOException {
        List<String> texts = CorpusPart.texts();
        // Cues cut at every place by the windows below: a window holds a cue it cuts, and makes none of a part.
        texts.add("Mrs Ng, strong Lab; will vote Lib Dems soon. Registered disabled, in hospitalised care; "
                + "member of unisons, member of unison, Muslim, muslims, mixed race, ethnic origin; lib demx; "
                + "votes con, votes conx, Alzheimer's, alzheimers, carer's allowance, won't vote, PIP, PIPs, "
                + "walks a strong Labrador.");
        Random random = new Random(9);
        int windows = 0;
        int withCues = 0;
        for (String text : texts) {
            ScannedText scanned = new ScannedText(text, WINDOWS);
            SpecialCategoryCues.InText cues = new SpecialCategoryCues.InText(scanned);
            for (int i = 0; i < 60 && text.length() > 1; i++) {
                int[] window = window(random, text, i % 2 == 0 ? 40 : 900);
                Set<SpecialCategory> expected = cuesReachingInto(text, window[0], window[1]);
                Set<SpecialCategory> found = EnumSet.noneOf(SpecialCategory.class);
                cues.addTo(found, window[0], window[1]);
                assertThat(found).as("window %d-%d", window[0], window[1]).isEqualTo(expected);
                windows++;
                withCues += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(withCues).as("windows with cues among %d", windows).isGreaterThan(100);
        // On the text made of cues, windows from every character, ending at every distance up to 40, beyond, and
        // at the text's end.
        String cuesText = texts.get(texts.size() - 1);
        SpecialCategoryCues.InText cues = new SpecialCategoryCues.InText(new ScannedText(cuesText, WINDOWS));
        for (int from = 0; from < cuesText.length(); from++) {
            List<Integer> ends = new ArrayList<>();
            for (int to = from + 1; to <= Math.min(cuesText.length(), from + 60); to += to - from < 40 ? 1 : 7) {
                ends.add(to);
            }
            ends.add(cuesText.length());
            for (int to : ends) {
                Set<SpecialCategory> found = EnumSet.noneOf(SpecialCategory.class);
                cues.addTo(found, from, to);
                assertThat(found).as("window %d-%d", from, to).isEqualTo(cuesReachingInto(cuesText, from, to));
            }
        }
        // "a strong Labrador" cut to "strong Lab" is no party support; "strong Lab;" cut in half still is.
        int dog = cuesText.indexOf("strong Labrador");
        Set<SpecialCategory> cut = EnumSet.noneOf(SpecialCategory.class);
        cues.addTo(cut, dog, dog + "strong Lab".length());
        assertThat(cut).isEmpty();
        int strongLab = cuesText.indexOf("strong Lab;");
        Set<SpecialCategory> half = EnumSet.noneOf(SpecialCategory.class);
        cues.addTo(half, strongLab + 8, strongLab + 10);
        assertThat(half).containsExactly(SpecialCategory.POLITICAL_OPINION);
    }

    /** The categories with a cue matched in the whole text that reaches into [from, to). */
    private static Set<SpecialCategory> cuesReachingInto(String text, int from, int to) {
        Set<SpecialCategory> found = EnumSet.noneOf(SpecialCategory.class);
        SpecialCategoryCues.byCategory().forEach((category, cue) -> {
            if (reachesInto(matchesOfTheWholeText(cue, text), from, to)) {
                found.add(category);
            }
        });
        return found;
    }
}
