package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads running text: tables pasted into it go to the {@link TableAnalyser}; in the prose that remains, a
 * record is a person's name followed, before the next name, by another kind of personal data (an address
 * with a postcode, a phone number, an e-mail...), or a unit of a list whose units repeat one shape, whatever
 * joins their fields ({@link RepeatedRecords}). Both kinds are counted alike, one per person. Special category
 * cues count only near such a record, so a motion about "health data" or a flyer for a church hall is not
 * special category data about anyone.
 */
final class TextAnalyser {

    /** How far after a name its details may be (a casework sentence, a line of a pasted list). */
    private static final int DETAIL_WINDOW = 200;
    /** How far around a record a special category cue is taken to be about that person. */
    private static final int CUE_WINDOW = 400;

    private final RecogniserRegistry registry;
    private final TableAnalyser tables;
    /** The recognisers' context words and the cues, whose openings in a text are worked out together. */
    private final WordStarts.Family windows;
    /**
     * The context words of recognisers that need them, whose openings are worked out only in a text that has
     * some of them ({@link ScannedText#openWordsOf}); null for none.
     */
    private final WordStarts.Family guardedWindows;
    /** The recognisers' context words, looked for in a text all at once. */
    private final ContextWords contextWords;
    /**
     * The recognisers of details (all but names), split once by how they read a text: asking each, for every
     * text, whether it is a {@link ScansText} was a large share of reading a short body (HotSpot caches one
     * interface per class for such checks, and each recogniser is checked against two in turn).
     */
    private final ScansText[] readers;
    private final Recogniser[] others;

    TextAnalyser(RecogniserRegistry registry, TableAnalyser tables) {
        this.registry = registry;
        this.tables = tables;
        this.windows = new WordStarts.Family(windowPatterns(registry));
        List<WordStarts> guarded = guardedWindowPatterns(registry);
        this.guardedWindows = guarded.isEmpty() ? null : new WordStarts.Family(guarded);
        this.contextWords = ContextWords.of(registry);
        List<ScansText> reading = new ArrayList<>();
        List<Recogniser> rest = new ArrayList<>();
        for (Recogniser r : registry.all()) {
            if (r.kind() == DataKind.PERSON_NAME) {
                continue;
            }
            if (r instanceof ScansText reader) {
                reading.add(reader);
            } else {
                rest.add(r);
            }
        }
        this.readers = reading.toArray(new ScansText[0]);
        this.others = rest.toArray(new Recogniser[0]);
    }

    /**
     * The patterns searched in windows of every text: the special category cues, the context words of
     * recognisers whose values count without them. The words of a recogniser that needs them are searched only
     * in a text that has them ({@link ContextWords} says so first), which few texts do: their openings are worked
     * out apart ({@link #guardedWindowPatterns}), in those texts only.
     */
    static List<WordStarts> windowPatterns(RecogniserRegistry registry) {
        List<WordStarts> searched = new ArrayList<>(SpecialCategoryCues.patterns());
        for (Recogniser r : registry.all()) {
            if (r instanceof PatternRecogniser p && p.contextPattern() != null && !p.contextRequired()) {
                searched.add(p.contextPattern());
            }
        }
        return searched;
    }

    /** The context words of the recognisers that need them, searched in windows of the texts that have them. */
    static List<WordStarts> guardedWindowPatterns(RecogniserRegistry registry) {
        List<WordStarts> searched = new ArrayList<>();
        for (Recogniser r : registry.all()) {
            if (r instanceof PatternRecogniser p && p.contextPattern() != null && p.contextRequired()) {
                searched.add(p.contextPattern());
            }
        }
        return searched;
    }

    PersonalDataFinding analyse(String text) {
        if (text.isBlank()) {
            return PersonalDataFinding.none();
        }
        TextTableSniffer.Lines lines = TextTableSniffer.Lines.of(text);
        List<PersonalDataFinding> found = new ArrayList<>();
        List<TextTableSniffer.Block> blocks = new ArrayList<>();
        for (TextTableSniffer.Block block : TextTableSniffer.find(lines)) {
            PersonalDataFinding inTable = tables.analyse(block.table());
            // A table about people is read as a table; lines that only looked like one (a numbered list split
            // on its tab, a slash or a comma inside an address) stay in the text for the record finders.
            if (inTable.records() > 0) {
                found.add(inTable);
                blocks.add(block);
            }
        }
        found.add(prose(blocks.isEmpty() && text.indexOf('\r') < 0 ? text : withoutBlocks(lines, blocks)));
        return Findings.sum(found);
    }

    /** The text with the lines that were read as tables blanked, so they are not counted twice. */
    private static String withoutBlocks(TextTableSniffer.Lines lines, List<TextTableSniffer.Block> blocks) {
        boolean[] skip = new boolean[lines.count()];
        for (TextTableSniffer.Block b : blocks) {
            for (int i = b.fromLine(); i < b.toLine(); i++) {
                skip[i] = true;
            }
        }
        // Lines joined by LF (CRLF made LF); with lines left out, each line ends in LF, the last one too.
        StringBuilder prose = new StringBuilder(lines.text().length() + 1);
        for (int i = 0; i < lines.count(); i++) {
            if (i > 0 && blocks.isEmpty()) {
                prose.append('\n');
            }
            if (!skip[i]) {
                prose.append(lines.text(), lines.starts()[i], lines.ends()[i]);
            }
            if (!blocks.isEmpty()) {
                prose.append('\n');
            }
        }
        return prose.toString();
    }

    private PersonalDataFinding prose(String text) {
        List<Match> details = new ArrayList<>();
        ScannedText scanned = new ScannedText(text, windows, contextWords, guardedWindows);
        for (ScansText reader : readers) {
            addDetails(reader.find(scanned), details);
        }
        for (Recogniser other : others) {
            addDetails(other.find(text), details);
        }
        if (details.isEmpty()) {
            return PersonalDataFinding.none();
        }
        details.sort(Comparator.comparingInt(Match::start));
        List<Match> names = withoutOverlaps(namesBefore(details, scanned));
        List<RecordSpan> records = new ArrayList<>(names.size());
        int firstDetail = 0;
        for (int i = 0; i < names.size(); i++) {
            Match name = names.get(i);
            int until = Math.min(name.end() + DETAIL_WINDOW,
                    i + 1 < names.size() ? names.get(i + 1).start() : text.length());
            // Names come in text order without overlaps, so the details before this name are behind us.
            while (firstDetail < details.size() && details.get(firstDetail).start() < name.end()) {
                firstDetail++;
            }
            int endDetail = firstDetail;
            while (endDetail < details.size() && details.get(endDetail).start() < until) {
                endDetail++;
            }
            records.add(new RecordSpan(name.start(), name.end(), name.score(), name.start(), until, firstDetail,
                    endDetail));
        }
        records.addAll(RepeatedRecords.find(text, details, names));
        return count(records, details, scanned);
    }

    /**
     * Counts records as the policy's {@code records} means them, the same for every layout: one per person
     * (the same name twice is one person), only with details, with the special category cues near each.
     */
    private static PersonalDataFinding count(List<RecordSpan> records, List<Match> details, ScannedText scanned) {
        if (records.isEmpty()) {
            return PersonalDataFinding.none();
        }
        String text = scanned.text();
        Set<String> people = new HashSet<>();
        KindsSeen kinds = new KindsSeen();
        Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
        SpecialCategoryCues.InText cues = null;
        List<String> evidence = new ArrayList<>();
        double scores = 0;
        for (RecordSpan record : records) {
            if (record.firstDetail() == record.endDetail()) {
                continue;
            }
            String who = text.substring(record.nameStart(), record.nameEnd());
            if (!people.add(who.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String postcode = null;
            for (int k = record.firstDetail(); k < record.endDetail(); k++) {
                Match d = details.get(k);
                kinds.add(d.kind());
                if (d.kind() == DataKind.POSTCODE && postcode == null) {
                    postcode = text.substring(d.start(), d.end());
                }
            }
            kinds.add(DataKind.PERSON_NAME);
            scores += record.nameScore();
            if (cues == null) {
                cues = new SpecialCategoryCues.InText(scanned);
            }
            cues.addTo(special, Math.max(0, record.from() - CUE_WINDOW),
                    Math.min(text.length(), record.to() + CUE_WINDOW));
            if (evidence.size() < 3) {
                evidence.add(postcode == null ? Redactor.name(who) : Redactor.name(who) + ", "
                        + Redactor.postcode(postcode));
            }
        }
        int found = people.size();
        if (found == 0) {
            return PersonalDataFinding.none();
        }
        double confidence = Math.min(1.0, 0.3 + 0.1 * Math.min(3, kinds.size() - 1) + 0.4 * scores / found);
        return new PersonalDataFinding(found, kinds.toSet(), special, confidence, evidence);
    }

    /** The matches that are details of a record: all but street addresses the recogniser is unsure of. */
    private static void addDetails(List<Match> matches, List<Match> details) {
        for (int k = 0; k < matches.size(); k++) { // by index: most lists are empty, and an iterator is an object
            Match m = matches.get(k);
            if (m.kind() != DataKind.STREET_ADDRESS || m.score() >= 0.5) {
                details.add(m);
            }
        }
    }

    /**
     * Names are looked for only in the stretch before each detail, where a record's name must be: most prose
     * has few details, and the name patterns are the costliest to run over everything. The details are taken
     * in text order, each stretch beginning where the one before ended at the latest; a name is seen with
     * what follows its stretch (a name right before an address is known by the house number after it).
     */
    private List<Match> namesBefore(List<Match> details, ScannedText scanned) {
        String text = scanned.text();
        Recogniser names = registry.get(DataKind.PERSON_NAME);
        List<Match> found = new ArrayList<>();
        int covered = 0;
        for (Match d : details) { // in text order
            int from = Math.max(covered, d.start() - DETAIL_WINDOW - 60);
            // Start the stretch at a line or sentence edge, so no name is cut in half.
            while (from > 0 && from > covered && text.charAt(from - 1) != '\n' && text.charAt(from - 1) != '.') {
                from--;
            }
            int to = d.start();
            if (to <= from) {
                continue;
            }
            if (names instanceof PersonNameRecogniser people) {
                found.addAll(people.find(scanned, from, to));
            } else {
                for (Match m : names.find(text.substring(from, to))) {
                    found.add(new Match(m.kind(), from + m.start(), from + m.end(), m.score()));
                }
            }
            covered = to;
        }
        return found;
    }

    /** Name matches in text order, the longer or surer one kept where two recognisers' patterns overlap. */
    private static List<Match> withoutOverlaps(List<Match> names) {
        names.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
        List<Match> kept = new ArrayList<>();
        for (Match m : names) {
            if (!kept.isEmpty() && m.start() < kept.get(kept.size() - 1).end()) {
                continue;
            }
            kept.add(m);
        }
        return kept;
    }
}
