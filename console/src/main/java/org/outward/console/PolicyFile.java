package org.outward.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/**
 * The policy file as the console changes it: read as text, told apart by its SHA-256 (the audit trail's and the
 * gateway's fingerprint of a version), shown changed as a unified diff, and written whole then renamed into place,
 * so the gateway, which reloads the file when it changes, never reads half of it.
 */
final class PolicyFile {

    private static final int CONTEXT_LINES = 2;

    private PolicyFile() {
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The change as a unified diff, a line each with whether it is added ({@code add}), removed, kept or a heading. */
    static List<Map<String, Object>> diff(String before, String after, Path file) {
        List<String> old = before.lines().toList();
        String name = file.getFileName().toString();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(name, name, old,
                DiffUtils.diff(old, after.lines().toList()), CONTEXT_LINES)) {
            String kind = line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@") ? "head"
                    : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "keep";
            lines.add(Map.of("text", line, "kind", kind));
        }
        return lines;
    }

    static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".console-" + System.nanoTime() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                // The admin chose who may read the policy; the new version keeps that.
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
