package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path folder;

    @Test
    void usersAreKeptOwnerOnlyAndAReplacedUserKeepsItsPlace() throws Exception {
        UsersFile users = new UsersFile(folder.resolve("users"));
        users.put(new Account("admin", Role.ADMIN, "$argon2id$a", "AAAA"));
        users.put(new Account("dpo", Role.DPO, "$argon2id$b", "BBBB"));
        users.put(new Account("admin", Role.ADMIN, "$argon2id$c", "CCCC"));

        assertThat(users.read().keySet()).containsExactly("admin", "dpo");
        assertThat(users.find("admin")).hasValueSatisfying(a -> assertThat(a.totpSecret()).isEqualTo("CCCC"));
        assertThat(users.find("dpo")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.DPO));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users.path()))).isEqualTo("rw-------");
        assertThat(new UsersFile(folder.resolve("none")).read()).isEmpty();
    }
}
