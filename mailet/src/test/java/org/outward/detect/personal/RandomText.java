package org.outward.detect.personal;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Short texts drawn at random from a few characters: many cases for comparing a shortcut with what it replaces. */
final class RandomText {

    private RandomText() {
    }

    /** {@code length} characters of the alphabet, each drawn at random. */
    static String of(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** {@code count} pieces, each drawn at random, one after another. */
    static String ofPieces(Random random, java.util.List<String> pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }

    /** A string the automaton accepts, by a random walk to an accepting state; null when it wanders too long. */
    static String accepted(Automaton a, Random random) {
        StringBuilder v = new StringBuilder();
        State s = a.getInitialState();
        for (int steps = 0; steps < 600; steps++) {
            List<Transition> out = new ArrayList<>(s.getTransitions());
            if (s.isAccept() && (out.isEmpty() || random.nextInt(4) == 0)) {
                return v.toString();
            }
            if (out.isEmpty()) {
                return null;
            }
            Transition t = out.get(random.nextInt(out.size()));
            int span = Math.min(t.getMax() - t.getMin(), 200);
            v.append((char) (t.getMin() + random.nextInt(span + 1)));
            s = t.getDest();
        }
        return null;
    }
}
