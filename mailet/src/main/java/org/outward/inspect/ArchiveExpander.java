package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import com.github.junrar.Archive;
import com.github.junrar.rarfile.FileHeader;
import org.outward.protect.PkwareStrongEncryption;

/**
 * Lists and expands the entries of one archive or compressed file to temp files, each bounded by its
 * {@link ArchiveBudget.Slot}. Encrypted entries are listed (their names are visible in the format) but never
 * opened. It never decides protection: that is the assessor's, from the container file.
 */
final class ArchiveExpander {

    static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/x-tar", "application/x-gtar",
            "application/gzip", "application/x-gzip", "application/x-bzip2", "application/x-xz");

    /** 7z dictionaries can ask for gigabytes; 7-Zip's own "ultra" preset needs 64 MiB. */
    private static final int SEVEN_Z_MEMORY_KB = 256 * 1024;

    /** One entry as listed; {@code file} is null for an entry that was not expanded. */
    record Entry(String name, Path file, Spool.Result spool, boolean encrypted) {
    }

    /**
     * The entries, and a short redacted reason if the archive could not be read to its end.
     * {@code namesEncrypted} is set when the format hides even the entry list behind the password (7z with
     * encrypted headers, rar with encrypted headers): then there is nothing to list, and that is no fault.
     */
    record Listing(List<Entry> entries, String problem, boolean namesEncrypted) {
    }

    /** Whether the part is expanded rather than parsed: an archive, or CMS compressed data. */
    static boolean isArchive(String type, Path file) {
        return ARCHIVES.contains(type) || (type.equals(CmsCompressed.TYPE) && CmsCompressed.is(PlainText.head(file)));
    }

    Listing expand(Path file, String type, String fileName, String where, ArchiveBudget.Container budget) {
        List<Entry> entries = new ArrayList<>();
        String problem = null;
        try {
            switch (type) {
                case "application/zip" -> zip(file, where, budget, entries);
                case "application/x-7z-compressed" -> sevenZ(file, where, budget, entries);
                case "application/x-rar-compressed", "application/vnd.rar" -> rar(file, where, budget, entries);
                case "application/x-tar", "application/x-gtar" -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                         TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                        stream(tar, where, budget, entries);
                    }
                }
                default -> single(file, type, fileName, where, budget, entries);
            }
        } catch (org.apache.commons.compress.PasswordRequiredException | HeadersEncrypted e) {
            return new Listing(entries, null, true);
        } catch (IOException | RuntimeException e) {
            problem = describe(e);
        }
        return new Listing(entries, problem, false);
    }

    private static void zip(Path file, String where, ArchiveBudget.Container budget, List<Entry> entries)
            throws IOException {
        if (PkwareStrongEncryption.firstEntry(file).map(PkwareStrongEncryption.Header::centralDirectoryEncrypted)
                .orElse(false)) {
            throw new HeadersEncrypted();
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            // The central directory is missing or lies: the local headers are the other truth in a zip.
            fromLocalHeaders(file, where, budget, entries);
            return;
        }
        try (zip) {
            List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
            if (ZipEnd.entries(file).orElse(0) > all.size()) {
                // A directory that does not add up with its end record yields fewer entries, without a word.
                zip.close();
                fromLocalHeaders(file, where, budget, entries);
                return;
            }
            ZipEntryNames names = ZipEntryNames.of(all, entry -> head(zip, entry));
            for (ZipArchiveEntry entry : all) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = names.name(entry);
                String path = where + "/" + (entries.size() + 1) + "/" + PartPaths.safe(name);
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    if (budget.next(path, 0) == null) {
                        return;
                    }
                    entries.add(new Entry(name, null, null, true));
                    continue;
                }
                ArchiveBudget.Slot slot = budget.next(path, entry.getSize());
                if (slot == null) {
                    return;
                }
                if (slot.file() == null || !zip.canReadEntryData(entry)) {
                    entries.add(new Entry(name, null, null, false));
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Spool.Result result = checked(entry, in, slot);
                    budget.spent(slot, result);
                    entries.add(new Entry(name, slot.file(), result, false));
                }
            }
        }
    }

    private static void fromLocalHeaders(Path file, String where, ArchiveBudget.Container budget, List<Entry> entries)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ZipArchiveInputStream stream = new ZipArchiveInputStream(in, "UTF-8", true, true)) {
            stream(stream, where, budget, entries);
        }
    }

    /** The first bytes of an entry, for telling the code page of its name; bounded, so a bomb costs nothing. */
    private static byte[] head(ZipFile zip, ZipArchiveEntry entry) {
        if (!zip.canReadEntryData(entry)) {
            return new byte[0];
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(ZipEntryNames.HEAD_BYTES);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static void stream(ArchiveInputStream<?> archive, String where, ArchiveBudget.Container budget,
                               List<Entry> entries) throws IOException {
        ArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry instanceof ZipArchiveEntry z ? ZipEntryNames.of(List.of(z)).name(z) : entry.getName();
            String path = where + "/" + (entries.size() + 1) + "/" + PartPaths.safe(name);
            boolean encrypted = entry instanceof ZipArchiveEntry z && z.getGeneralPurposeBit().usesEncryption();
            ArchiveBudget.Slot slot = budget.next(path, encrypted ? 0 : entry.getSize());
            if (slot == null) {
                return;
            }
            if (encrypted || slot.file() == null || !archive.canReadEntryData(entry)) {
                entries.add(new Entry(name, null, null, encrypted));
                continue;
            }
            Spool.Result result = entry instanceof ZipArchiveEntry z ? checked(z, archive, slot)
                    : Spool.copy(archive, slot.file(), slot.maxBytes());
            budget.spent(slot, result);
            entries.add(new Entry(name, slot.file(), result, false));
        }
    }

    /**
     * Spools a zip entry and holds it to the size and CRC its headers give (commons-compress checks neither when
     * reading from the central directory): an entry that ends early or whose bytes do not match is broken.
     */
    private static Spool.Result checked(ZipArchiveEntry entry, InputStream in, ArchiveBudget.Slot slot)
            throws IOException {
        CheckedInputStream counted = new CheckedInputStream(in, new CRC32());
        Spool.Result result = Spool.copy(counted, slot.file(), slot.maxBytes());
        if (result.cut() || result.broken()) {
            return result;
        }
        boolean shortOrLong = entry.getSize() >= 0 && entry.getSize() != result.bytes();
        boolean badCrc = entry.getCrc() >= 0 && entry.getCrc() != counted.getChecksum().getValue();
        return shortOrLong || badCrc ? new Spool.Result(result.bytes(), false, true) : result;
    }

    private static void sevenZ(Path file, String where, ArchiveBudget.Container budget, List<Entry> entries)
            throws IOException {
        try (SevenZFile archive = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
            SevenZArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = where + "/" + (entries.size() + 1) + "/" + PartPaths.safe(entry.getName());
                boolean encrypted = false;
                for (SevenZMethodConfiguration method : entry.getContentMethods()) {
                    encrypted |= method.getMethod() == SevenZMethod.AES256SHA256;
                }
                ArchiveBudget.Slot slot = budget.next(path, encrypted ? 0 : entry.getSize());
                if (slot == null) {
                    return;
                }
                if (encrypted || slot.file() == null || !entry.hasStream()) {
                    entries.add(new Entry(entry.getName(), null, null, encrypted));
                    continue;
                }
                try (InputStream in = archive.getInputStream(entry)) {
                    Spool.Result result = Spool.copy(in, slot.file(), slot.maxBytes());
                    budget.spent(slot, result);
                    entries.add(new Entry(entry.getName(), slot.file(), result, false));
                }
            }
        }
    }

    private static void rar(Path file, String where, ArchiveBudget.Container budget, List<Entry> entries)
            throws IOException {
        try (Archive archive = new Archive(file.toFile())) {
            if (archive.isEncrypted()) {
                throw new HeadersEncrypted();
            }
            for (FileHeader header : archive.getFileHeaders()) {
                if (header.isDirectory()) {
                    continue;
                }
                String name = header.getFileName();
                String path = where + "/" + (entries.size() + 1) + "/" + PartPaths.safe(name);
                ArchiveBudget.Slot slot = budget.next(path, header.isEncrypted() ? 0 : header.getFullUnpackSize());
                if (slot == null) {
                    return;
                }
                if (header.isEncrypted() || slot.file() == null) {
                    entries.add(new Entry(name, null, null, header.isEncrypted()));
                    continue;
                }
                Spool.Result result;
                try (OutputStream out = new BoundedOutputStream(Files.newOutputStream(slot.file()), slot.maxBytes())) {
                    archive.extractFile(header, out);
                    result = new Spool.Result(Files.size(slot.file()), false, false);
                } catch (Exception e) {
                    // junrar may wrap our Full in its own exception; the file size tells which it was.
                    long size = Files.size(slot.file());
                    result = size >= slot.maxBytes() ? new Spool.Result(size, true, false)
                            : new Spool.Result(size, false, true);
                }
                budget.spent(slot, result);
                entries.add(new Entry(name, slot.file(), result, false));
            }
        } catch (com.github.junrar.exception.RarException e) {
            throw new IOException("rar: " + e.getClass().getSimpleName());
        }
    }

    /** gzip, bzip2, xz, CMS compressed data: one stream, one entry, named after the file without its compression suffix. */
    private static void single(Path file, String type, String fileName, String where,
                               ArchiveBudget.Container budget, List<Entry> entries) throws IOException {
        String name = fileName.replaceFirst("(?i)\\.(gz|tgz|bz2|tbz2|xz|txz|p7z)$", "");
        if (fileName.toLowerCase(Locale.ROOT).matches(".*\\.t(gz|bz2|xz)$")) {
            name = name + ".tar";
        }
        if (name.isEmpty() || name.equals(fileName)) {
            name = "content";
        }
        ArchiveBudget.Slot slot = budget.next(where + "/1/" + PartPaths.safe(name), -1);
        if (slot == null || slot.file() == null) {
            return;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             InputStream in = switch (type) {
                 case "application/x-bzip2" -> new BZip2CompressorInputStream(raw, true);
                 case "application/x-xz" -> new XZCompressorInputStream(raw, true, SEVEN_Z_MEMORY_KB);
                 case CmsCompressed.TYPE -> CmsCompressed.content(raw);
                 default -> new GzipCompressorInputStream(raw, true);
             }) {
            Spool.Result result = Spool.copy(in, slot.file(), slot.maxBytes());
            budget.spent(slot, result);
            entries.add(new Entry(name, slot.file(), result, false));
        }
    }

    /** The exception's kind only: messages from archive libraries can quote entry content. */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName();
    }

    /** A rar whose headers are encrypted: no entry can be listed. */
    private static final class HeadersEncrypted extends IOException {
        HeadersEncrypted() {
            super("headers encrypted");
        }
    }

    /** Refuses bytes past a bound, for libraries that write to a stream rather than offer one. */
    private static final class BoundedOutputStream extends OutputStream {
        static final class Full extends IOException {
            Full() {
                super("bound reached");
            }
        }

        private final OutputStream out;
        private long left;

        BoundedOutputStream(OutputStream out, long max) {
            this.out = out;
            this.left = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (left <= 0) {
                throw new Full();
            }
            out.write(b);
            left--;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new Full();
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
