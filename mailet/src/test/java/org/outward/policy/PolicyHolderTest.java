package org.outward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyHolderTest {

    @TempDir
    Path temp;

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static String policy(String action) {
        return "version: 1\nrules:\n  - id: password-in-message\n    when:\n      finding: password\n    action: " + action + "\n";
    }

    private void write(Path file, String text, int second) throws Exception {
        Files.writeString(file, text);
        // File systems keep coarse times; set distinct ones so every write is seen as a change.
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T09:00:00Z").plusSeconds(second)));
    }

    @Test
    void switchesToAChangedFileAfterTheCheckInterval() throws Exception {
        Path file = temp.resolve("policy.yaml");
        write(file, policy("block"), 1);
        PolicyHolder holder = PolicyHolder.load(file, Duration.ofSeconds(2), clock);

        write(file, policy("monitor"), 2);
        assertThat(holder.current().rules().get(0).action()).as("within the interval").isEqualTo(Action.BLOCK);

        now = now.plusSeconds(3);
        assertThat(holder.current().rules().get(0).action()).isEqualTo(Action.MONITOR);
    }

    @Test
    void brokenFileLeavesTheLastGoodPolicyInForce() throws Exception {
        Path file = temp.resolve("policy.yaml");
        write(file, policy("block"), 1);
        PolicyHolder holder = PolicyHolder.load(file, Duration.ofSeconds(2), clock);

        write(file, policy("blok"), 2);
        now = now.plusSeconds(3);
        assertThat(holder.current().rules().get(0).action()).isEqualTo(Action.BLOCK);

        write(file, policy("warn"), 3);
        now = now.plusSeconds(3);
        assertThat(holder.current().rules().get(0).action()).as("fixed file is taken").isEqualTo(Action.WARN);
    }

    @Test
    void deletedFileLeavesTheLastGoodPolicyInForce() throws Exception {
        Path file = temp.resolve("policy.yaml");
        write(file, policy("block"), 1);
        PolicyHolder holder = PolicyHolder.load(file, Duration.ofSeconds(2), clock);

        Files.delete(file);
        now = now.plusSeconds(3);
        assertThat(holder.current().rules().get(0).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void brokenFileAtStartIsAnError() throws Exception {
        Path file = temp.resolve("policy.yaml");
        write(file, policy("blok"), 1);

        assertThatThrownBy(() -> PolicyHolder.load(file, Duration.ofSeconds(2), clock))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("policy.yaml:6:13:");
    }

    @Test
    void tellsOfEachVersionWithTheHashOfItsBytes() throws Exception {
        Path file = temp.resolve("policy.yaml");
        write(file, policy("block"), 1);
        java.util.List<String> told = new java.util.ArrayList<>();
        PolicyHolder holder = PolicyHolder.load(file, Duration.ofSeconds(2), clock,
                (path, sha256, outcome, rules) -> told.add(outcome + " " + sha256 + " " + rules));
        String first = sha256(file);

        write(file, policy("blok"), 2);
        String broken = sha256(file);
        now = now.plusSeconds(3);
        holder.current();
        write(file, policy("warn"), 3);
        now = now.plusSeconds(3);
        holder.current();
        now = now.plusSeconds(3);
        holder.current();

        assertThat(told).containsExactly("loaded " + first + " 1", "rejected " + broken + " 1",
                "reloaded " + sha256(file) + " 1");
        assertThat(first).hasSize(64).isNotEqualTo(broken);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
