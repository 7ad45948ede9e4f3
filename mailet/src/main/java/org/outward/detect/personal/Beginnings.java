package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The beginnings a case-insensitive pattern's matches can have, up to a few characters, as a small tree of
 * lower-case characters worked out once from the pattern itself: a beginning stays in the tree when some text
 * that begins with it matches, or fails only at its end ({@link Matcher#hitEnd()}). Special category cues
 * start with "st", "co", "re", "in"... as a third of English words do, so two characters let the regex start
 * at most words; five or six tell "strong" from "street" and "con" from "council".
 *
 * <p>A necessary condition only: the regex still decides, so matches stay exactly those of {@code find()}.
 * Characters beyond ASCII are not folded by the pattern's {@code (?i)} and are left to the regex.
 */
final class Beginnings {

    private static final int ASCII = 128;
    /** How many characters {@link #mayBeginAt} looks at, and how deep the tree is; beyond them, the regex decides. */
    static final int LOOK = 6;
    /** A bound on the tree's size, so a pattern with many matches does not grow it without end. */
    private static final int MAX_NODES = 20_000;

    /** A node's children by the character (lower case) that leads to each: the trees here and their union. */
    private static class Branches<T> {
        private char[] next = new char[0];
        private Object[] children = new Object[0];
        /** The children by character, for a node with many (the first letters): a scan would be slow. */
        private Object[] byChar;

        @SuppressWarnings("unchecked")
        final T child(char ch) {
            if (byChar != null) {
                return (T) byChar[ch];
            }
            for (int k = 0; k < next.length; k++) {
                if (next[k] == ch) {
                    return (T) children[k];
                }
            }
            return null;
        }

        final void add(char ch, T child) {
            next = Arrays.copyOf(next, next.length + 1);
            next[next.length - 1] = ch;
            children = Arrays.copyOf(children, children.length + 1);
            children[children.length - 1] = child;
            if (next.length > 4) {
                if (byChar == null) {
                    byChar = new Object[ASCII];
                    for (int c = 0; c < next.length - 1; c++) {
                        byChar[next[c]] = children[c];
                    }
                }
                byChar[ch] = child;
            }
        }

        final int size() {
            return next.length;
        }

        final char charAt(int k) {
            return next[k];
        }

        @SuppressWarnings("unchecked")
        final T childAt(int k) {
            return (T) children[k];
        }
    }

    private static final class Node extends Branches<Node> {
        /** A match fits in the beginning already, whatever follows: the pattern will match here. */
        boolean matches;
        /** A match can end exactly at the end of the text after this beginning. */
        boolean matchesAtEnd;
        /** The tree stops here: the regex decides. */
        boolean open;
    }

    private final Node root = new Node();

    /** @throws IllegalArgumentException for a pattern that does not ignore case */
    Beginnings(Pattern pattern) {
        this(ignoringCase(pattern), LOOK);
    }

    private static Pattern ignoringCase(Pattern pattern) {
        if ((pattern.flags() & Pattern.CASE_INSENSITIVE) == 0 && !pattern.pattern().startsWith("(?i)")) {
            throw new IllegalArgumentException("beginnings are folded to lower case: the pattern must ignore case");
        }
        return pattern;
    }

    private Beginnings(Pattern pattern, int maxDepth) {
        Matcher m = pattern.matcher("");
        List<Node> level = List.of(root);
        List<String> beginnings = List.of("");
        int nodes = 1;
        int depth = 0;
        for (; depth < maxDepth && !level.isEmpty(); depth++) {
            List<Node> nextLevel = new ArrayList<>();
            List<String> nextBeginnings = new ArrayList<>();
            for (int k = 0; k < level.size(); k++) {
                Node node = level.get(k);
                String beginning = beginnings.get(k);
                if (node.matches) {
                    continue;
                }
                for (char ch = 0; ch < ASCII; ch++) {
                    if (ch >= 'A' && ch <= 'Z') {
                        continue; // the pattern folds them to lower case
                    }
                    String longer = beginning + ch;
                    m.reset(longer);
                    boolean found = m.lookingAt();
                    if (!found && !m.hitEnd()) {
                        continue; // nothing that begins so can match
                    }
                    Node child = new Node();
                    child.matches = found && !m.hitEnd();
                    child.matchesAtEnd = found;
                    node.add(ch, child);
                    nextLevel.add(child);
                    nextBeginnings.add(longer);
                    nodes++;
                }
            }
            if (nodes > MAX_NODES) {
                for (Node node : nextLevel) {
                    node.open = true;
                }
                return;
            }
            level = nextLevel;
            beginnings = nextBeginnings;
        }
        for (Node node : level) {
            node.open = true;
        }
    }

    /**
     * Several patterns' beginnings as one tree, {@link #LOOK} characters deep: one walk from a word start says
     * which of them may begin there, as each one's {@link #mayBeginAt} would, where the context words of a
     * dozen recognisers and the five special category cues each walked their own tree from every word start.
     */
    static final class Union {

        /** At most this many patterns: each is one bit of the answer. */
        static final int MAX = Long.SIZE;

        /** A beginning, and for each pattern (one bit each) what its own tree says there. */
        private static final class Joint extends Branches<Joint> {
            /** The patterns whose tree holds this beginning. */
            long has;
            /** Those whose node here answers "may begin" whatever follows (it matches, or the tree stops). */
            long decided;
            /** Those a match of which can end exactly here, at the end of the text. */
            long atEnd;

            Joint childOrNew(char ch) {
                Joint child = child(ch);
                if (child == null) {
                    child = new Joint();
                    add(ch, child);
                }
                return child;
            }
        }

        private final Joint root = new Joint();
        /**
         * For two ASCII characters as they stand (first * 128 + second, one bit each), whether no pattern may
         * begin with them, whatever follows: most word starts of prose begin no context word and no cue, and
         * are turned away here without the walk.
         */
        private final long[] noneBegins = new long[ASCII * ASCII / Long.SIZE];

        /** @throws IllegalArgumentException for more than {@link #MAX} patterns */
        Union(List<Beginnings> members) {
            if (members.size() > MAX) {
                throw new IllegalArgumentException("a union holds at most " + MAX + " patterns");
            }
            for (int k = 0; k < members.size(); k++) {
                add(root, members.get(k).root, 1L << k, 0);
            }
            for (char a = 0; a < ASCII; a++) {
                for (char b = 0; b < ASCII; b++) {
                    if (noneBeginWith(a, b)) {
                        int key = a * ASCII + b;
                        noneBegins[key >>> 6] |= 1L << key;
                    }
                }
            }
        }

        /** Whether {@link #mayBeginAt} is 0 at every text that begins with a and b, as its walk would find. */
        private boolean noneBeginWith(char a, char b) {
            if (root.decided != 0) {
                return false;
            }
            Joint first = root.child(folded(a));
            if (first == null) {
                return true;
            }
            if (first.decided != 0) {
                return false;
            }
            return (first.has & ~first.decided) == 0 || first.child(folded(b)) == null;
        }

        private static char folded(char ch) {
            return ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
        }

        private static void add(Joint joint, Node node, long bit, int depth) {
            joint.has |= bit;
            if (node.matches || node.open) {
                joint.decided |= bit;
            }
            if (node.matchesAtEnd) {
                joint.atEnd |= bit;
            }
            if (depth == LOOK) {
                return; // mayBeginAt looks no further
            }
            for (int k = 0; k < node.size(); k++) {
                add(joint.childOrNew(node.charAt(k)), node.childAt(k), bit, depth + 1);
            }
        }

        /**
         * The patterns (bit k for the k-th) whose {@link #mayBeginAt} is true at {@code i}. A pattern's node that
         * is decided has no children (its tree is not grown past a match, nor past where it stops), so the
         * patterns still walking at a beginning are those that hold it and are not decided there.
         */
        long mayBeginAt(String text, int i) {
            int n = text.length();
            if (i + 1 < n) {
                char a = text.charAt(i);
                char b = text.charAt(i + 1);
                int key = a * ASCII + b;
                if (a < ASCII && b < ASCII && (noneBegins[key >>> 6] & (1L << key)) != 0) {
                    return 0;
                }
            }
            Joint joint = root;
            long may = 0;
            for (int at = i; ; at++) {
                may |= joint.decided;
                long walking = joint.has & ~joint.decided;
                if (walking == 0) {
                    return may;
                }
                if (at - i == LOOK) {
                    return may | walking;
                }
                if (at >= n) {
                    return may | (walking & joint.atEnd);
                }
                char ch = text.charAt(at);
                if (ch >= ASCII) {
                    return may | walking;
                }
                joint = joint.child(folded(ch));
                if (joint == null) {
                    return may;
                }
            }
        }
    }

    /** Whether a match of the pattern could begin at {@code i}, judged by the characters from there on. */
    boolean mayBeginAt(String text, int i) {
        Node node = root;
        int n = text.length();
        for (int at = i; ; at++) {
            if (node.matches || node.open || at - i == LOOK) {
                return true;
            }
            if (at >= n) {
                return node.matchesAtEnd;
            }
            char ch = text.charAt(at);
            if (ch >= ASCII) {
                return true;
            }
            node = node.child(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
            if (node == null) {
                return false;
            }
        }
    }
}
