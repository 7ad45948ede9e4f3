package org.outward.protect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

/**
 * 7z archives (commons-compress). 7-Zip's only cipher is AES-256 with a SHA-256 key derivation. With
 * {@code -mhe=on} the header (file names) is encrypted too, so opening without a password fails with
 * {@link PasswordRequiredException}; otherwise each entry's coder chain shows whether it is encrypted.
 */
final class SevenZipCheck implements ProtectionCheck {

    private static final String AES = "7z AES-256";
    /** Caps what commons-compress may allocate for a (compressed) header: a hostile header cannot exhaust the heap. */
    private static final int MAX_HEADER_MEMORY_KIB = 64 * 1024;

    @Override
    public String format() {
        return "7z";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-7z-compressed");
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith('7', 'z', 0xBC, 0xAF, 0x27, 0x1C);
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        List<Protection.EntryProtection> entries = new ArrayList<>();
        try (SevenZFile archive = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(MAX_HEADER_MEMORY_KIB).get()) {
            // getNextEntry fills in each entry's coder chain; the AES coder derives its key only when read.
            for (SevenZArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.isDirectory() || !entry.hasStream()) {
                    continue; // directories and empty files carry no data to protect
                }
                if (entries.size() == ZipCheck.MAX_ENTRIES) {
                    break;
                }
                boolean encrypted = false;
                Iterable<? extends SevenZMethodConfiguration> coders = entry.getContentMethods();
                for (SevenZMethodConfiguration coder : coders == null ? java.util.List.<SevenZMethodConfiguration>of() : coders) {
                    encrypted |= coder.getMethod() == SevenZMethod.AES256SHA256;
                }
                entries.add(encrypted
                        ? new Protection.EntryProtection(entry.getName(), ProtectionLevel.STRONG, AES)
                        : new Protection.EntryProtection(entry.getName(), ProtectionLevel.NONE, "none"));
            }
        } catch (PasswordRequiredException e) {
            return Protection.of(ProtectionLevel.STRONG, AES, "file names are encrypted too");
        }
        boolean anyEncrypted = entries.stream().anyMatch(e -> e.level() == ProtectionLevel.STRONG);
        return Verdicts.combine("7z", entries, anyEncrypted ? List.of("file names are not encrypted") : List.of());
    }
}
