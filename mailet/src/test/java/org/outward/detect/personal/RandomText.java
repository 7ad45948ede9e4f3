package org.outward.detect.personal;

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
}
