package org.outward.detect.personal;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.RunAutomaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a shape's regex says about every value, worked out once from the regex itself, for the scanning plan:
 * how many characters can stand before a value's first digit (the plan tries the regex only that far before
 * the text's runs of digits), how many digits a value's first run and a whole value hold (runs too short are
 * skipped, cells with too many are turned away), the longest value, and, for values that need not hold a
 * digit, a punctuation character every value holds (only lines with it are searched).
 *
 * <p>The regex is read as an automaton ({@code dk.brics.automaton}). Its zero-width {@code \b} is left out,
 * which only widens what is accepted, so every fact stays true of the regex's values (a bound can only be
 * looser). A regex the automaton cannot read (lookaround, flags, other escapes) gets {@link #UNKNOWN}: it is
 * then searched on every line, which is slower, never wrong.
 *
 * @param digitAnchor most characters before a value's first digit, or -1 when a value need not hold a digit
 *                    or the characters before it are unbounded
 * @param minDigits   fewest digits in a value's first run of digits (digits with spaces and dashes between,
 *                    as {@link DigitRuns} counts them)
 * @param maxDigits   most digits in a value; {@link Integer#MAX_VALUE} for no bound
 * @param maxLength   most characters in a value; {@link Integer#MAX_VALUE} for no bound
 * @param trigger     a character every value holds (0 for none), for values not anchored at digits
 */
record ShapeFacts(int digitAnchor, int minDigits, int maxDigits, int maxLength, char trigger) {

    static final ShapeFacts UNKNOWN = new ShapeFacts(-1, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, (char) 0);

    /** Punctuation rare in prose first: the trigger is the first of these every value holds. */
    private static final String TRIGGERS = "@#%&+=:;/_.-";
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Map<String, ShapeFacts> KNOWN = new ConcurrentHashMap<>();
    /** Automata are immutable once built, and shared by every detector built from the same shape. */
    private static final Map<String, Optional<RunAutomaton>> BEGINNINGS = new ConcurrentHashMap<>();
    private static final Optional<RunAutomaton> NO_AUTOMATON = Optional.empty();

    /** The facts of a shape (cached: a detector is built with each engine, and reading a shape takes a while). */
    static ShapeFacts of(Pattern shape) {
        return KNOWN.computeIfAbsent(shape.pattern(), ShapeFacts::read);
    }

    /**
     * The automaton that accepts every text beginning with a value of the shape (what lies after the value
     * aside), or null where the shape cannot be read as one.
     */
    static RunAutomaton beginning(Pattern shape) {
        return BEGINNINGS.computeIfAbsent(shape.pattern(), regex -> {
            String plain = AutomatonSyntax.of(regex);
            // Tabled: a step is one look-up, not a search of the character ranges (64K entries, once per shape).
            return plain == null ? NO_AUTOMATON : Optional.of(new RunAutomaton(
                    new RegExp(plain, RegExp.NONE).toAutomaton().concatenate(Automaton.makeAnyString()), true));
        }).orElse(null);
    }

    private static ShapeFacts read(String regex) {
        String plain = AutomatonSyntax.of(regex);
        if (plain == null) {
            return UNKNOWN;
        }
        Graph g = new Graph(new RegExp(plain, RegExp.NONE).toAutomaton(false));
        int maxDigits = g.longest(true);
        int maxLength = g.longest(false);
        int anchor = g.acceptsWithoutDigit() ? -1 : g.charsBeforeFirstDigit();
        if (anchor < 0) {
            return new ShapeFacts(-1, 0, maxDigits, maxLength, g.trigger());
        }
        return new ShapeFacts(anchor, g.fewestInFirstRun(), maxDigits, maxLength, (char) 0);
    }

    /** The automaton's live states (reachable and able to reach an accepting state) and their edges. */
    private static final class Graph {
        final List<State> states = new ArrayList<>();
        final Map<State, Integer> index = new HashMap<>();
        final State initial;

        Graph(Automaton a) {
            initial = a.getInitialState();
            Set<State> live = a.getLiveStates();
            for (State s : live) {
                index.put(s, states.size());
                states.add(s);
            }
        }

        boolean isLive(State s) {
            return index.containsKey(s);
        }

        static boolean hasDigit(Transition t) {
            return t.getMin() <= '9' && t.getMax() >= '0';
        }

        static boolean hasNonDigit(Transition t) {
            return t.getMin() < '0' || t.getMax() > '9';
        }

        static boolean has(Transition t, char c) {
            return t.getMin() <= c && t.getMax() >= c;
        }

        /** Whether only characters other than c (and not digits, if c is 0) lead from the start to acceptance. */
        boolean acceptsAvoiding(char c, boolean avoidDigits) {
            if (!isLive(initial)) {
                return false;
            }
            boolean[] seen = new boolean[states.size()];
            Deque<State> todo = new ArrayDeque<>(List.of(initial));
            seen[index.get(initial)] = true;
            while (!todo.isEmpty()) {
                State s = todo.pop();
                if (s.isAccept()) {
                    return true;
                }
                for (Transition t : s.getTransitions()) {
                    State to = t.getDest();
                    boolean passable = avoidDigits ? hasNonDigit(t)
                            : t.getMin() != c || t.getMax() != c; // a range holding other characters passes
                    if (passable && isLive(to) && !seen[index.get(to)]) {
                        seen[index.get(to)] = true;
                        todo.push(to);
                    }
                }
            }
            return false;
        }

        boolean acceptsWithoutDigit() {
            return acceptsAvoiding((char) 0, true);
        }

        char trigger() {
            for (char c : TRIGGERS.toCharArray()) {
                if (!acceptsAvoiding(c, false)) {
                    return c;
                }
            }
            return 0;
        }

        /**
         * The longest path from the start counting every edge, or digit edges only; {@link #UNBOUNDED} when a
         * counted edge lies on a cycle.
         */
        int longest(boolean digitsOnly) {
            int[] memo = new int[states.size()];
            Arrays.fill(memo, -1);
            byte[] onPath = new byte[states.size()];
            return isLive(initial) ? longestFrom(initial, digitsOnly, memo, onPath, 0) : 0;
        }

        private int longestFrom(State s, boolean digitsOnly, int[] memo, byte[] onPath, int depth) {
            int i = index.get(s);
            if (memo[i] >= 0) {
                return memo[i];
            }
            if (onPath[i] != 0 || depth > 10_000) {
                return UNBOUNDED; // a cycle: unbounded if any edge on it counts, which is taken to be so
            }
            onPath[i] = 1;
            int best = 0;
            for (Transition t : s.getTransitions()) {
                if (!isLive(t.getDest())) {
                    continue;
                }
                int step = digitsOnly ? (hasDigit(t) ? 1 : 0) : 1;
                int rest = longestFrom(t.getDest(), digitsOnly, memo, onPath, depth + 1);
                best = Math.max(best, rest == UNBOUNDED ? UNBOUNDED : rest + step);
            }
            onPath[i] = 0;
            memo[i] = best;
            return best;
        }

        /** The most characters before the first digit: the longest path of non-digit edges to a digit edge. */
        int charsBeforeFirstDigit() {
            int[] memo = new int[states.size()];
            Arrays.fill(memo, -2);
            byte[] onPath = new byte[states.size()];
            int n = beforeDigitFrom(initial, memo, onPath);
            return n == UNBOUNDED ? -1 : n;
        }

        /** From s, the longest run of non-digit edges ending where a digit edge leaves; -1 when none does. */
        private int beforeDigitFrom(State s, int[] memo, byte[] onPath) {
            int i = index.get(s);
            if (memo[i] != -2) {
                return memo[i];
            }
            if (onPath[i] != 0) {
                return UNBOUNDED;
            }
            onPath[i] = 1;
            int best = -1;
            for (Transition t : s.getTransitions()) {
                if (!isLive(t.getDest())) {
                    continue;
                }
                if (hasDigit(t)) {
                    best = Math.max(best, 0);
                }
                if (hasNonDigit(t)) {
                    int rest = beforeDigitFrom(t.getDest(), memo, onPath);
                    if (rest == UNBOUNDED) {
                        best = UNBOUNDED;
                    } else if (rest >= 0 && best != UNBOUNDED) {
                        best = Math.max(best, rest + 1);
                    }
                }
            }
            onPath[i] = 0;
            memo[i] = best;
            return best;
        }

        /**
         * The fewest digits a value's first run holds: from each state a first digit leads to, digits (one
         * each) and spaces and dashes (none) until the value may end or another character may follow.
         */
        int fewestInFirstRun() {
            // Where the first digit can be read: states reached from the start by non-digit edges.
            boolean[] before = new boolean[states.size()];
            Deque<State> todo = new ArrayDeque<>(List.of(initial));
            before[index.get(initial)] = true;
            int[] best = new int[states.size()];
            Arrays.fill(best, UNBOUNDED);
            Deque<State> run = new ArrayDeque<>();
            while (!todo.isEmpty()) {
                State s = todo.pop();
                for (Transition t : s.getTransitions()) {
                    State to = t.getDest();
                    if (!isLive(to)) {
                        continue;
                    }
                    if (hasDigit(t) && best[index.get(to)] > 1) {
                        best[index.get(to)] = 1;
                        run.add(to);
                    }
                    if (hasNonDigit(t) && !before[index.get(to)]) {
                        before[index.get(to)] = true;
                        todo.push(to);
                    }
                }
            }
            // Shortest counts through the run (0-1 breadth first: a space or dash costs nothing).
            Deque<State> queue = new ArrayDeque<>(run);
            int fewest = UNBOUNDED;
            while (!queue.isEmpty()) {
                State s = queue.pollFirst();
                int here = best[index.get(s)];
                boolean mayEnd = s.isAccept();
                for (Transition t : s.getTransitions()) {
                    State to = t.getDest();
                    if (!isLive(to)) {
                        continue;
                    }
                    if (endsRun(t)) {
                        mayEnd = true;
                    }
                    int j = index.get(to);
                    if (hasDigit(t) && best[j] > here + 1) {
                        best[j] = here + 1;
                        queue.addLast(to);
                    }
                    if ((has(t, ' ') || has(t, '-')) && best[j] > here) {
                        best[j] = here;
                        queue.addFirst(to);
                    }
                }
                if (mayEnd) {
                    fewest = Math.min(fewest, here);
                }
            }
            return fewest == UNBOUNDED ? 0 : fewest;
        }

        /** Whether the edge reads a character that ends a run of digits (not a digit, space or dash). */
        private static boolean endsRun(Transition t) {
            for (int c = t.getMin(); c <= t.getMax(); c++) {
                if (!(c >= '0' && c <= '9') && c != ' ' && c != '-') {
                    return true;
                }
            }
            return false;
        }
    }
}
