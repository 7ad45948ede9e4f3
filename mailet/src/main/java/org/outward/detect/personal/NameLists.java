package org.outward.detect.personal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The given-name and surname lists shipped beside this class (sources and licences in their README),
 * loaded once and matched case-insensitively.
 */
final class NameLists {

    private static final Set<String> GIVEN = load("given-names.txt");
    private static final Set<String> SURNAMES = load("surnames.txt");
    /** The given names, asked about every capitalised word before a capital without making a string of it. */
    private static final LowerCaseWords GIVEN_WORDS = new LowerCaseWords(GIVEN);

    private NameLists() {
    }

    static boolean isGivenName(String word) {
        return GIVEN.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code text[from, to)} is a listed given name, ignoring the case of ASCII letters. */
    static boolean isGivenName(String text, int from, int to) {
        return GIVEN_WORDS.contains(text, from, to);
    }

    static boolean isSurname(String word) {
        return SURNAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isKnown(String word) {
        return isGivenName(word) || isSurname(word);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        InputStream in = NameLists.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("name list missing from the jar: " + resource);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name list " + resource, e);
        }
        return Set.copyOf(names);
    }
}
