package org.outward.detect.personal;

import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.List;

/**
 * What a column header names, for one registry: a {@link ColumnRole}, or the kind of a declared identifier
 * whose header words it is (built-in or an installation's own). The roles are asked first, then the
 * declarations in the registry's order, then whether it names a reference to a thing ({@link ReferenceHeader});
 * a header that names a {@link ColumnRole#REFERENCE reference} is an installation's own identifier when one
 * declares it ({@code Case Ref.} of a party's own case references).
 * A bilingual header ({@code Enw / Name}) names what either half names.
 */
final class ColumnHeadings {

    /** What a header names: a role, or (with the role UNKNOWN) a declared identifier's kind. */
    record Heading(ColumnRole role, DataKind declared) {
        boolean known() {
            return role != ColumnRole.UNKNOWN || declared != null;
        }
    }

    private static final Heading[] OF_ROLE = headingsOfRoles();
    private static final Heading NONE = OF_ROLE[ColumnRole.UNKNOWN.ordinal()];

    /** For each declaration with header words, what a header of them names. */
    private final Heading[] declared;
    /** Each declaration's header words as an automaton over the normal form of a header ({@link PlainPattern}). */
    private final RunAutomaton[] words;
    /** All of them in one (null for none). */
    private final RunAutomaton any;
    /**
     * The roles' header words and the declarations' in one, through which most cells tried as headers (names,
     * numbers) are turned away in one reading, where the roles' automaton and then the declarations' read each.
     * A header naming a reference is let through by its last word ({@link ReferenceHeader#mayEndOne}): its shape
     * begins with any word, and read in the same automaton it made every cell of words be read to its end.
     */
    private final RunAutomaton roleOrDeclared;

    ColumnHeadings(RecogniserRegistry registry) {
        List<DataKind> declaredKinds = new ArrayList<>();
        List<RunAutomaton> declaredWords = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (IdentifierDeclaration d : registry.declarations()) {
            if (d.headerWords().isEmpty()) {
                continue;
            }
            String alternatives = alternatives(d.headerWords());
            declaredKinds.add(d.kind());
            declaredWords.add(PlainPattern.whole(alternatives));
            all.append(all.length() == 0 ? "" : "|").append("(?:").append(alternatives).append(')');
        }
        this.declared = declaredKinds.stream().map(kind -> new Heading(ColumnRole.UNKNOWN, kind))
                .toArray(Heading[]::new);
        this.words = declaredWords.toArray(new RunAutomaton[0]);
        this.any = all.length() == 0 ? null : PlainPattern.whole(all.toString());
        this.roleOrDeclared = PlainPattern.whole("(?:" + ColumnRole.allWords() + ")" + (all.length() == 0 ? "" : "|" + all));
    }

    private static Heading[] headingsOfRoles() {
        ColumnRole[] roles = ColumnRole.values();
        Heading[] headings = new Heading[roles.length];
        for (ColumnRole role : roles) {
            headings[role.ordinal()] = new Heading(role, null);
        }
        return headings;
    }

    /**
     * A declaration's header words as one plain pattern; a word that is no plain pattern (a phrase with
     * capitals or punctuation, as an admin may write it) is taken as the phrase its normal form is.
     */
    private static String alternatives(List<String> headerWords) {
        StringBuilder b = new StringBuilder();
        for (String word : headerWords) {
            String plain;
            try {
                plain = PlainPattern.plain(word);
            } catch (IllegalArgumentException e) {
                plain = ColumnRole.normal(word);
            }
            if (!plain.isEmpty()) {
                b.append(b.length() == 0 ? "" : "|").append(plain);
            }
        }
        return b.length() == 0 ? "(?!)" : b.toString();
    }

    /** What the header names; a heading of role UNKNOWN and no kind when it names nothing. */
    Heading of(String header) {
        Heading whole = ofWhole(header);
        int slash = header == null ? -1 : header.indexOf('/');
        if (whole.known() || slash < 0) {
            return whole;
        }
        Heading first = ofWhole(header.substring(0, slash));
        return first.known() ? first : of(header.substring(slash + 1));
    }

    private Heading ofWhole(String header) {
        if (header == null || header.length() > 60) {
            return NONE;
        }
        // The automaton reads the normal form exactly: a header it turns away names no role and no declaration.
        if (ColumnRole.firstNormal(header) != 0 && !ColumnRole.mayRead(roleOrDeclared, header)
                && !ReferenceHeader.mayEndOne(header)) {
            return NONE;
        }
        ColumnRole role = ColumnRole.ofOne(header);
        if (role != ColumnRole.UNKNOWN && role != ColumnRole.REFERENCE) {
            return OF_ROLE[role.ordinal()];
        }
        String normal = ColumnRole.normal(header);
        if (any != null && (ColumnRole.firstNormal(header) == 0 || ColumnRole.mayRead(any, header))) {
            for (int d = 0; d < words.length && !normal.isEmpty(); d++) {
                if (words[d].run(normal)) {
                    return declared[d];
                }
            }
        }
        return role == ColumnRole.REFERENCE || ReferenceHeader.namesAThing(normal) ? OF_ROLE[ColumnRole.REFERENCE.ordinal()]
                : NONE;
    }
}
