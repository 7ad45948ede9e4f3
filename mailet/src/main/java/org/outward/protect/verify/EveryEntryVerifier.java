package org.outward.protect.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A verifier over several entries of one archive, each with a short verifier of its own (ZIP keeps one per
 * entry): a candidate opens the file only if every kept entry agrees, so each entry adds its bits.
 *
 * @param <E> what is kept of one entry
 */
abstract class EveryEntryVerifier<E> implements Verifier {

    private final List<E> entries;
    private final int bitsPerEntry;

    EveryEntryVerifier(List<E> entries, int bitsPerEntry) {
        this.entries = List.copyOf(entries);
        this.bitsPerEntry = bitsPerEntry;
    }

    /** Material of a count and each entry's fields as {@code write} puts them. */
    static <E> byte[] material(List<E> entries, BiConsumer<Fields.Writer, E> write) {
        Fields.Writer out = new Fields.Writer().u8(entries.size());
        entries.forEach(entry -> write.accept(out, entry));
        return out.done();
    }

    /** The entries {@link #material} wrote, one to {@code max} of them, each read by {@code read}; strict. */
    static <E> List<E> entries(byte[] material, int max, Function<Fields.Reader, E> read) {
        Fields.Reader in = new Fields.Reader(material);
        int count = in.count(max);
        List<E> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(read.apply(in));
        }
        in.end();
        return entries;
    }

    /** Whether this entry's verifier agrees with the password (as UTF-8, as 7-Zip and WinZip write AES). */
    abstract boolean agrees(E entry, byte[] password);

    @Override
    public final boolean opens(String candidate) {
        byte[] password = candidate.getBytes(StandardCharsets.UTF_8);
        for (E entry : entries) {
            if (!agrees(entry, password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int bits() {
        return bitsPerEntry * entries.size();
    }
}
