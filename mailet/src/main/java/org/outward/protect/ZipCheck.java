package org.outward.protect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.GeneralPurposeBit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipExtraField;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipShort;

/**
 * ZIP archives, entry by entry from the central directory (commons-compress): WinZip AES (method 99 with the
 * 0x9901 extra field, whose strength byte gives the key size), PKWARE strong encryption (the cipher from its
 * 0x0017 header; see {@link PkwareStrongEncryption}, which also recognises an encrypted central directory), or
 * traditional ZipCrypto. Entry names are reported, except where the central directory is encrypted.
 */
final class ZipCheck implements ProtectionCheck {

    /** WinZip's AE-x extra field: vendor version (2), vendor id "AE" (2), strength (1), real method (2). */
    private static final ZipShort WINZIP_AES = new ZipShort(0x9901);
    /** PKWARE's strong-encryption header: format (2), algorithm id (2), bit length (2), flags (2). */
    private static final ZipShort PKWARE_STRONG = new ZipShort(0x0017);
    private static final int WINZIP_AES_METHOD = 99;
    /** Entries beyond this are not judged one by one; the walk's own entry limit is far lower. */
    static final int MAX_ENTRIES = 10_000;

    @Override
    public String format() {
        return "ZIP";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/zip", "application/x-zip-compressed");
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith('P', 'K', 3, 4) || head.startsWith('P', 'K', 5, 6);
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        List<Protection.EntryProtection> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Optional<PkwareStrongEncryption.Header> strong = PkwareStrongEncryption.firstEntry(file);
        if (strong.isPresent() && strong.get().centralDirectoryEncrypted()) {
            // The entry list is encrypted too: no directory to read, and nothing of the content either.
            return Protection.of(strong.get().level(), "ZIP PKWARE strong encryption " + strong.get().cipher(),
                    "entry names are encrypted too (central directory encryption)");
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() == MAX_ENTRIES) {
                    notes.add("only the first " + MAX_ENTRIES + " entries were judged");
                    break;
                }
                entries.add(agrees(channel, entry) ? judge(entry)
                        : new Protection.EntryProtection(entry.getName(), ProtectionLevel.UNKNOWN, "ZIP headers disagree"));
            }
            entries = encryptedByManifest(zip, entries);
        }
        return Verdicts.combine("ZIP", entries, notes);
    }

    /**
     * Entries a {@code META-INF/manifest.xml} lists as encrypted the OpenDocument way, in a zip that is not an
     * OpenDocument file (LibreOffice's password-protected Basic libraries): the zip stores them plainly, the cipher
     * is the manifest's. A manifest that cannot be read changes nothing.
     */
    private static List<Protection.EntryProtection> encryptedByManifest(ZipFile zip,
                                                                        List<Protection.EntryProtection> entries) {
        ZipArchiveEntry manifest = zip.getEntry(OdfManifest.PATH);
        if (manifest == null || manifest.getSize() > OdfManifest.MAX_BYTES) {
            return entries;
        }
        Map<String, String> encrypted;
        try {
            byte[] xml = OdfManifest.bytes(zip, manifest);
            encrypted = xml.length > OdfManifest.MAX_BYTES ? Map.of() : OdfManifest.encryptedEntries(xml);
        } catch (Exception e) {
            return entries;
        }
        return entries.stream().map(e -> e.level() == ProtectionLevel.NONE && encrypted.containsKey(e.name())
                ? OdfCheck.entry(e.name(), encrypted.get(e.name())) : e).toList();
    }

    /**
     * Whether the entry's local header tells the same story as the central directory about encryption and
     * method. Unzip tools go by the local header, so a central directory that claims encryption for data
     * stored in the clear must not earn a strong verdict.
     */
    private static boolean agrees(FileChannel channel, ZipArchiveEntry entry) throws IOException {
        long offset = entry.getLocalHeaderOffset();
        ByteBuffer local = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        if (offset < 0 || offset + 10 > channel.size()) {
            return false;
        }
        while (local.hasRemaining()) {
            if (channel.read(local, offset + local.position()) < 0) {
                return false;
            }
        }
        local.flip();
        boolean localEncrypted = (local.getShort(6) & 0x0001) != 0;
        int localMethod = local.getShort(8) & 0xffff;
        return local.getInt(0) == 0x04034b50
                && localEncrypted == entry.getGeneralPurposeBit().usesEncryption()
                && localMethod == entry.getMethod();
    }

    private static Protection.EntryProtection judge(ZipArchiveEntry entry) {
        GeneralPurposeBit flags = entry.getGeneralPurposeBit();
        String name = entry.getName();
        if (!flags.usesEncryption()) {
            return new Protection.EntryProtection(name, ProtectionLevel.NONE, "none");
        }
        if (entry.getMethod() == WINZIP_AES_METHOD) {
            ZipExtraField aes = entry.getExtraField(WINZIP_AES);
            byte[] data = aes == null ? new byte[0] : aes.getCentralDirectoryData();
            int strength = data.length >= 5 ? data[4] & 0xff : 0;
            return switch (strength) {
                case 1 -> new Protection.EntryProtection(name, ProtectionLevel.STRONG, "ZIP WinZip AES-128");
                case 2 -> new Protection.EntryProtection(name, ProtectionLevel.STRONG, "ZIP WinZip AES-192");
                case 3 -> new Protection.EntryProtection(name, ProtectionLevel.STRONG, "ZIP WinZip AES-256");
                default -> new Protection.EntryProtection(name, ProtectionLevel.UNKNOWN, "ZIP AES without a valid AES field");
            };
        }
        if (flags.usesStrongEncryption()) {
            ZipExtraField header = entry.getExtraField(PKWARE_STRONG);
            byte[] data = header == null ? new byte[0] : header.getCentralDirectoryData();
            if (data.length < 6) {
                return new Protection.EntryProtection(name, ProtectionLevel.UNKNOWN,
                        "ZIP PKWARE strong encryption without its header");
            }
            PkwareStrongEncryption.Header cipher = PkwareStrongEncryption.header(
                    (data[2] & 0xff) | (data[3] & 0xff) << 8, (data[4] & 0xff) | (data[5] & 0xff) << 8, false);
            return new Protection.EntryProtection(name, cipher.level(), "ZIP PKWARE strong encryption " + cipher.cipher());
        }
        return new Protection.EntryProtection(name, ProtectionLevel.WEAK, "ZIP ZipCrypto");
    }
}
