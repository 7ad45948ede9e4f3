package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        List<String> texts = CorpusPart.texts();
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

    /**
     * The runs of digits found in the same pass as the word starts: each begins at an ASCII digit with no digit
     * of any script before it, counts the digits up to the first character other than a digit, space or dash,
     * and knows its line.
     */
    @Test
    void digitRunsAreWhereTheRegexFindsThem() throws IOException {
        // Each start of a run, and what follows it (a run goes on over spaces and dashes; the next one may
        // begin inside it, after a space).
        Pattern run = Pattern.compile("(?<!\\p{IsDigit})(?=([0-9][0-9 -]*))");
        List<String> texts = CorpusPart.texts();
        java.util.Random random = new java.util.Random(8);
        String alphabet = "07 -a\n\u0663x.";
        for (int k = 0; k < 5000; k++) {
            texts.add(RandomText.of(random, alphabet, random.nextInt(20)));
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = run.matcher(text);
            while (m.find()) {
                int lineStart = text.lastIndexOf('\n', m.start()) + 1;
                int newline = text.indexOf('\n', m.start());
                expected.add(m.start() + ":" + m.group(1).replaceAll("[^0-9]", "").length() + "@" + lineStart + "-"
                        + (newline < 0 ? text.length() : newline));
            }
            DigitRuns runs = DigitRuns.of(text);
            List<String> found = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                found.add(runs.start(r) + ":" + runs.digits(r) + "@" + runs.lineStart(r) + "-" + runs.lineEnd(r));
            }
            assertThat(found).as(text).isEqualTo(expected);
        }
    }

    /** The name patterns also check their opening by hand: that must not lose a match either. */
    @Test
    void namePatternsWithTheirOpeningsFindWhatFindFinds() throws IOException {
        List<String> texts = CorpusPart.texts();
        texts.add("Mary-Jane O'Brien, Sean O’Neill and Anne-Marie Smith-Jones; Mrs.Smith, Mr  Jones, Dr. A. B. Khan");
        texts.add("Smith's Dog, Jane's Cafe, Pat Dietrich of 216 Park Lane, Omar Mann, 37 Mill Way, Cllr Patel");
        texts.add("Jo-Ann X-Ray Mo’s BBC-TV Anne O'Brien-Smith Mrs");
        texts.add("SMITH, Jane; O'NEILL, Sean; SMITH-JONES, Ann; AB, Cd; ABC,Def; Jo Bloggs of 12 High St, Al Bo, "
                + "Flat 3, 9 Mill Way; Di Ro at 7A, Oak Road; Ed Fo from 1 X; Ma Ry, 12; Su Ze Flat 2 Ha; Ki Ta 5");
        texts.add("Élodie Ng, Øyvind Berg and Ülkü Yılmaz; ÉLODIE, Ng; Mr Ölçer");
        for (WordStarts starts : List.of(PersonNameRecogniser.TITLED, PersonNameRecogniser.BEFORE_ADDRESS,
                PersonNameRecogniser.REGISTER_STYLE)) {
            // These begin with a capital: they are tried only at the words that begin with one (or beyond ASCII).
            assertThat(starts.capitalsOnly()).as(starts.pattern().pattern()).isTrue();
            for (String text : texts) {
                assertThat(viaWordStarts(starts, text)).as(starts.pattern().pattern())
                        .isEqualTo(viaFind(starts.pattern(), text));
            }
        }
        texts.add("Dear Jane Smith, Thanks Omar Mann; Local Liberal Democrats; Mary Rose Hall");
        for (String text : texts) {
            assertThat(viaWordStarts(PersonNameRecogniser.PAIR, text)).as(text)
                    .isEqualTo(pairsStartingWithAGivenName(text));
        }
    }

    /**
     * The four name patterns' openings worked out in one walk find, in any stretch of a text, what each
     * pattern's own search of the stretch finds.
     */
    @Test
    void nameOpeningsFoundTogetherFindWhatEachPatternFinds() throws IOException {
        java.util.Random random = new java.util.Random(14);
        List<String> texts = CorpusPart.texts();
        texts.add("SMITH, Jane; Mrs. A. Khan; Dear Jane Smith, Pat Dietrich of 216 Park Lane, Mo’s Café, ÉLODIE, Ng");
        texts.add("Jo-ann Smith of 12 Oak Road; Anne-Marie Jones, 4 Elm Row; Sue D’arcy at 3 Mill Way");
        int found = 0;
        for (String text : texts) {
            ScannedText scanned = new ScannedText(text);
            for (int i = 0; i < 20 && text.length() > 2; i++) {
                int from = i == 0 ? 0 : random.nextInt(text.length() - 1);
                int to = i == 0 ? text.length() : from + 1 + random.nextInt(Math.min(400, text.length() - from));
                PersonNameRecogniser.Openings openings = PersonNameRecogniser.Openings.in(scanned, from, to);
                for (WordStarts pattern : PersonNameRecogniser.Openings.PATTERNS) {
                    List<String> own = matches(pattern.matches(scanned, from, to));
                    assertThat(matches(openings.matches(pattern))).as("%s %d-%d", pattern.pattern(), from, to)
                            .isEqualTo(own);
                    found += own.size();
                }
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    private static List<String> matches(WordStarts.Matches matches) {
        List<String> found = new ArrayList<>();
        while (matches.find()) {
            found.add(matches.matcher().start() + "-" + matches.matcher().end());
        }
        return found;
    }

    /**
     * The pairs' opening is more than a necessary condition: the first word must be a given name, and the
     * search goes on at the next word after a pair whose first word is not one. What it must find: the
     * pattern tried at every word start, kept only where its first word is a listed given name.
     */
    private static List<String> pairsStartingWithAGivenName(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PersonNameRecogniser.PAIR.pattern().matcher(text);
        m.useTransparentBounds(true);
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && WordStarts.isWordChar(text.charAt(i - 1))) {
                continue;
            }
            m.region(i, text.length());
            if (m.lookingAt() && NameLists.isGivenName(m.group(1))) {
                found.add(m.start() + "-" + m.end());
                i = m.end() - 1;
            }
        }
        return found;
    }

    /** The cues ignore case and are passed over by their longer beginnings: no cue may be lost by that. */
    @Test
    void cuePatternsFindWhatFindFinds() throws IOException {
        List<String> texts = CorpusPart.texts();
        texts.add("STRONG LAB, Strong Lib Dems, will VOTE, votes con; Alzheimers, alzheimer's, HOSPITALISED, "
                + "hospitalized, Won't vote, member of UNISON, union member, unison rep, ethnic Origin, mixed race,"
                + " strongest, stroke, Street, council, Con, pip, PIP, ld, LD? lab. Carer's allowance ATTENDS mosque");
        texts.add("ld");
        texts.add("strong l");
        texts.add("Deaf");
        for (WordStarts starts : SpecialCategoryCues.patterns()) {
            for (String text : texts) {
                assertThat(viaWordStarts(starts, text)).as(starts.pattern().pattern())
                        .isEqualTo(viaFind(starts.pattern(), text));
            }
        }
    }

    @Test
    void refusesPatternsThatDoNotBeginAtAWordBoundary() {
        assertThatThrownBy(() -> new WordStarts(Pattern.compile("[A-Z]+")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> viaWordStarts(WordStarts starts, String text) {
        return viaWordStarts(starts, new ScannedText(text));
    }

    private static List<String> viaWordStarts(WordStarts starts, ScannedText scanned) {
        List<String> found = new ArrayList<>();
        for (WordStarts.Matches matches = starts.matches(scanned); matches.find(); ) {
            found.add(matches.matcher().start() + "-" + matches.matcher().end());
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
}
