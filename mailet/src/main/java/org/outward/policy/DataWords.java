package org.outward.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.RecogniserRegistry;

/**
 * The words that name kinds of personal data in a policy: the built-in kinds' (as the detector reports them,
 * e.g. {@code national-insurance-number}) and the identifiers the policy declares. A rule's {@code when.data}
 * may name any of them; a declared identifier may not take a built-in kind's word.
 */
final class DataWords {

    private DataWords() {
    }

    /** The built-in kinds' words, in the detector's order. */
    static Set<String> builtIn() {
        Set<String> words = new LinkedHashSet<>();
        DataKind.builtIn().forEach(k -> words.add(k.word()));
        RecogniserRegistry.standardKinds().forEach(k -> words.add(k.word()));
        return Collections.unmodifiableSet(words);
    }

    /** Every word a rule may name, given the names of the policy's declared identifiers. */
    static Set<String> all(Collection<String> declared) {
        Set<String> words = new LinkedHashSet<>(builtIn());
        words.addAll(declared);
        return Collections.unmodifiableSet(words);
    }
}
