package org.outward.notice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A weak protection scheme's name in a notice's language. The names the protection checks give mix product and
 * cipher names, which stay as they are (Word 97-2003, ZipCrypto, RC4), with a few English words, which a Welsh
 * notice says in Welsh: {@code PDF RC4-40 user password} becomes {@code PDF RC4-40 cyfrinair defnyddiwr}.
 */
final class SchemeWords {

    /** The English phrases of the checks' scheme names, longest first so that a phrase wins over its words. */
    private static final Map<String, String> WELSH = welsh();

    private SchemeWords() {
    }

    private static Map<String, String> welsh() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("no integrity protection: the data can be altered unnoticed",
                "dim diogelwch cyfanrwydd: gellir newid y data heb i neb sylwi");
        words.put("encryption (truncated header)", "amgryptio (pennawd anghyflawn)");
        words.put("with the default password", "gyda'r cyfrinair diofyn");
        words.put("XOR obfuscation", "cuddio XOR");
        words.put("encryption version", "amgryptio fersiwn");
        words.put("user password", "cyfrinair defnyddiwr");
        words.put("owner password", "cyfrinair perchennog");
        words.put("cipher", "seiffr");
        words.put("encryption", "amgryptio");
        return words;
    }

    /** The scheme as a {@code cy} or {@code en} notice names it. */
    static String in(String language, String scheme) {
        if (!"cy".equals(language)) {
            return scheme;
        }
        String named = scheme;
        for (Map.Entry<String, String> phrase : WELSH.entrySet()) {
            named = named.replace(phrase.getKey(), phrase.getValue());
        }
        return named;
    }
}
