package org.outward.protect;

import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Apple iWork documents (Pages, Numbers, Keynote), which are zip packages. A document with a password carries a
 * password verifier ({@code .iwpv2}) and its components encrypted with AES-128 under a key derived from the
 * password; older packages whose entries use a compression method no zip reader knows cannot be read either, and
 * are reported as such rather than passed as readable.
 */
final class IWorkCheck implements ProtectionCheck {

    private static final Set<String> TYPES = Set.of("application/vnd.apple.pages", "application/vnd.apple.numbers",
            "application/vnd.apple.keynote", "application/vnd.apple.pages.13", "application/vnd.apple.numbers.13",
            "application/vnd.apple.keynote.13", "application/vnd.apple.pages.18", "application/vnd.apple.numbers.18",
            "application/vnd.apple.keynote.18", "application/vnd.apple.unknown.13", "application/vnd.apple.iwork");

    @Override
    public String format() {
        return "iWork";
    }

    @Override
    public Set<String> mediaTypes() {
        return TYPES;
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return false; // a zip like any other by its bytes: only Tika's type says iWork
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        boolean unreadable = false;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            for (int i = 0; entries.hasMoreElements() && i < ZipCheck.MAX_ENTRIES; i++) {
                ZipArchiveEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.equals(".iwpv2") || name.endsWith("/.iwpv2") || name.equals(".iwpv") || name.endsWith("/.iwpv")) {
                    return Protection.of(ProtectionLevel.STRONG, "iWork password (AES-128)");
                }
                int method = entry.getMethod();
                unreadable |= !entry.isDirectory() && method != ZipMethod.STORED.getCode()
                        && method != ZipMethod.DEFLATED.getCode();
            }
        }
        return unreadable ? Protection.unknown("iWork package with entries stored in a way no zip reader knows")
                : Protection.none();
    }
}
