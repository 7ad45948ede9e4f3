package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recognisers detection uses, in one place (as Presidio's registry composes its recognisers): one
 * compiled from each identifier declaration (the built-in ones, then an installation's own), then the
 * recognisers that are not patterns (phone numbers by the numbering plan, street addresses, names). A column
 * is classified by its contents in this order, the declared identifiers (whose validators are the most
 * telling) first.
 */
public final class RecogniserRegistry {

    /** Kinds are counted as bits of a word per table row. */
    private static final int MAX_KINDS = Long.SIZE;

    private final List<Recogniser> all;
    private final List<IdentifierDeclaration> declarations;
    private final Map<DataKind, Recogniser> byKind = new HashMap<>();

    public RecogniserRegistry(List<Recogniser> recognisers) {
        this.all = List.copyOf(recognisers);
        List<IdentifierDeclaration> declared = new ArrayList<>();
        for (Recogniser r : all) {
            byKind.putIfAbsent(r.kind(), r);
            if (r instanceof DeclaredRecogniser d) {
                declared.add(d.declaration());
            }
        }
        this.declarations = List.copyOf(declared);
        if (byKind.size() >= MAX_KINDS) {
            throw new IllegalArgumentException("at most " + (MAX_KINDS - 1) + " kinds of recognised personal data");
        }
    }

    /** Every built-in recogniser: the declared identifiers, then the hand-written ones. */
    public static RecogniserRegistry standard() {
        return new RecogniserRegistry(compose(DeclarationFiles.builtIn()));
    }

    /** The kinds the built-in recognisers report (the declared identifiers' among them): what a policy may name. */
    public static List<DataKind> standardKinds() {
        return StandardKinds.KINDS;
    }

    /** Worked out on first use, once: compiling the standard registry takes a moment. */
    private static final class StandardKinds {
        static final List<DataKind> KINDS = standard().all().stream().map(Recogniser::kind).distinct().toList();
    }

    /**
     * The given declarations (an installation's own, from its policy) followed by this registry's. An
     * installation's own come first: where its header words or values are also a built-in kind's (a column
     * headed "Membership no" of the party's own checked numbers), the party's precise declaration names them.
     */
    public RecogniserRegistry with(List<IdentifierDeclaration> custom) {
        List<IdentifierDeclaration> both = new ArrayList<>(custom);
        both.addAll(declarations);
        return new RecogniserRegistry(compose(both));
    }

    private static List<Recogniser> compose(List<IdentifierDeclaration> declared) {
        List<Recogniser> all = new ArrayList<>();
        for (IdentifierDeclaration d : declared) {
            all.add(new DeclaredRecogniser(d));
        }
        all.add(new PhoneRecogniser());
        all.add(new StreetAddressRecogniser());
        all.add(new PersonNameRecogniser());
        return all;
    }

    public List<Recogniser> all() {
        return all;
    }

    /** The identifier declarations this registry was compiled from, in order. */
    public List<IdentifierDeclaration> declarations() {
        return declarations;
    }

    public Recogniser get(DataKind kind) {
        Recogniser r = byKind.get(kind);
        if (r == null) {
            throw new IllegalArgumentException("no recogniser for " + kind);
        }
        return r;
    }
}
