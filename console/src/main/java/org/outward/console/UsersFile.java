package org.outward.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's local accounts: a text file, one user a line, {@code name<TAB>role<TAB>argon2id-hash<TAB>totp-secret},
 * kept readable by its owner only (mode 600), since the TOTP secrets must be read back to check codes. Changes are
 * written to a new file that then replaces the old one, so a crash never leaves half a file.
 */
public final class UsersFile {

    private final Path file;

    public UsersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The accounts in the file; none when it does not exist yet. */
    public Map<String, Account> read() throws IOException {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return accounts;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new IOException(file + " line " + number + ": expected name, role, hash and secret");
            }
            try {
                Account account = new Account(fields[0], Role.of(fields[1]), fields[2], fields[3]);
                accounts.put(account.name(), account);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + number + ": " + e.getMessage());
            }
        }
        return accounts;
    }

    /** Adds the account, or replaces the one of the same name. */
    public void put(Account account) throws IOException {
        Map<String, Account> accounts = read();
        accounts.put(account.name(), account);
        List<String> lines = new ArrayList<>();
        lines.add("# Outward console users: name, role (admin|dpo), Argon2id password hash, TOTP secret. Keep mode 600.");
        for (Account a : accounts.values()) {
            lines.add(String.join("\t", a.name(), a.role().word(), a.passwordHash(), a.totpSecret()));
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path next = Files.createTempFile(folder, ".users", ".tmp");
        try {
            restrict(next);
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    public Optional<Account> find(String name) throws IOException {
        return Optional.ofNullable(read().get(name));
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }
}
