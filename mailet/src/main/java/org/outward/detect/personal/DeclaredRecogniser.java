package org.outward.detect.personal;

import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared identifier compiled into its part of the scanning plan: the digit anchoring, word starts and
 * context windows of {@link PatternRecogniser}, with what they need worked out from the shape
 * ({@link ShapeFacts}) and the declaration's validator, context words and hints.
 */
final class DeclaredRecogniser extends PatternRecogniser {

    private final IdentifierDeclaration declaration;
    private final ShapeFacts facts;
    /**
     * What a text starting at a candidate's first character must begin with for a value to be there, as an
     * automaton read until it accepts or fails (null where the shape cannot be read so): a run of six digits
     * is far more often a reference than a sort code, and the automaton turns it away before the regex starts.
     */
    private final RunAutomaton beginning;
    /**
     * The whole shape as an automaton, for table cells (null where the shape is read by hand, which is as
     * fast, or cannot be read as an automaton: then the regex decides).
     */
    private final CellShape cells;
    /**
     * The whole shape as an automaton for a declaration that compares cells in capitals, hand-read or not: its
     * no turns a cell away before the cell's upper-case copy is made (null where there is none).
     */
    private final CellShape capitals;
    private final HandReading reading;
    /** Whether the reading gives where a match at a word start ends (else it finds matches, or is none). */
    private final boolean readsEnds;

    DeclaredRecogniser(IdentifierDeclaration declaration) {
        super(declaration.kind(), declaration.shape(), escaped(declaration.contextWords()),
                declaration.contextRequired(), declaration.window(), declaration.score());
        this.declaration = declaration;
        this.facts = ShapeFacts.of(declaration.shape());
        this.reading = declaration.hints().reading();
        this.readsEnds = reading != null && reading.end("", 0, 0) != (int) HandReading.NOT_READ;
        // A shape read by hand is turned away as fast by its reading as by the automaton.
        this.beginning = facts.digitAnchor() >= 0 && !readsEnds ? ShapeFacts.beginning(declaration.shape()) : null;
        this.cells = byHand() ? null : CellShape.of(declaration.shape());
        this.capitals = declaration.hints().capitalsInCells() ? CellShape.of(declaration.shape()) : null;
    }

    IdentifierDeclaration declaration() {
        return declaration;
    }

    /** The context words as the regex alternatives the context pattern is made of. */
    private static List<String> escaped(List<String> words) {
        List<String> escaped = new ArrayList<>(words.size());
        for (String word : words) {
            StringBuilder b = new StringBuilder(word.length() + 4);
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (".\\[](){}*+?^$|".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
            escaped.add(b.toString());
        }
        return escaped;
    }

    @Override
    boolean validate(String candidate) {
        return declaration.validator().test(candidate);
    }

    @Override
    int digitAnchor() {
        return facts.digitAnchor();
    }

    @Override
    int minDigits() {
        return Math.max(1, facts.minDigits());
    }

    @Override
    int maxDigits() {
        return facts.maxDigits();
    }

    @Override
    char trigger() {
        return facts.trigger();
    }

    @Override
    boolean mayBeginAt(String text, int i) {
        if (beginning == null) {
            return true;
        }
        int state = beginning.getInitialState();
        // Past the longest value the answer can no longer be no.
        int end = (int) Math.min(text.length(), (long) i + Math.min(facts.maxLength(), 256));
        for (int k = i; k < end; k++) {
            if (beginning.isAccept(state)) {
                return true;
            }
            state = beginning.step(state, text.charAt(k));
            if (state < 0) {
                return false;
            }
        }
        return end < text.length() || beginning.isAccept(state);
    }

    @Override
    boolean byHand() {
        return readsEnds && digitAnchor() >= 0;
    }

    @Override
    int endByHand(String text, int i, int to) {
        return reading.end(text, i, to);
    }

    @Override
    long findByHand(String text, int from, int to) {
        return reading == null ? NOT_BY_HAND : reading.firstMatch(text, from, to);
    }

    @Override
    public List<Match> find(ScannedText text) {
        List<Match> found = super.find(text);
        if (declaration.hints().needsContext() == null || found.isEmpty()) {
            return found;
        }
        // Kept with a context word near (a higher score), or when the value stands on its own.
        List<Match> kept = new ArrayList<>(found.size());
        for (Match m : found) {
            if (m.score() > declaration.score()
                    || !declaration.hints().needsContext().test(text.text().substring(m.start(), m.end()))) {
                kept.add(m);
            }
        }
        return kept;
    }

    @Override
    public boolean columnIsContext() {
        return declaration.hints().columnIsContext();
    }

    /** Whether a column under one of the header words holds this kind when most cells merely hold digits. */
    boolean headerTakesDigits() {
        return declaration.hints().headerTakesDigits();
    }

    @Override
    boolean wholeHasShape(String value) {
        if (cells == null) {
            return super.wholeHasShape(value);
        }
        int verdict = cells.verdict(value);
        // The regex alone when asked: the start tests' automaton, like this one, reads a surrogate pair as two.
        return verdict == CellShape.ASK_REGEX ? shapeOf(value) : verdict == CellShape.YES;
    }

    @Override
    boolean shapeOf(String value) {
        return byHand() ? handMatchEnd(value, 0, value.length()) == value.length() : super.shapeOf(value);
    }

    @Override
    public boolean isValue(String cell) {
        if (!declaration.hints().capitalsInCells() || cell == null) {
            return super.isValue(cell);
        }
        String value = cell.strip();
        int lower = asciiLowerCase(value);
        if (lower != NOT_ASCII) {
            // An ASCII cell keeps its length in upper case, so a longer one than any value is none without the copy.
            if (value.length() > facts.maxLength()) {
                return false;
            }
            if (lower == 0) {
                return super.isValue(value); // already in capitals: the copy would be the same text
            }
            if (capitals != null && capitals.verdict(value, true) == CellShape.NO) {
                return false; // the automaton's no is final
            }
        }
        return super.isValue(value.toUpperCase(Locale.ROOT));
    }

    private static final int NOT_ASCII = -1;

    /** How many lower-case ASCII letters the value has; {@link #NOT_ASCII} for a value beyond ASCII. */
    private static int asciiLowerCase(String value) {
        int lower = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= 128) {
                return NOT_ASCII;
            }
            if (ch >= 'a' && ch <= 'z') {
                lower++;
            }
        }
        return lower;
    }
}
