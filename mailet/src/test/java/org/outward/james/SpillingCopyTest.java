package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SpillingCopyTest {

    @Test
    void aSmallMessageStaysInMemory() throws Exception {
        SpillingCopy copy = new SpillingCopy(1024);
        try (copy) {
            copy.write(new byte[1000], 0, 1000);
            copy.write(7);
        }
        assertThat(copy.bytes()).hasSize(1001).endsWith(7);
        assertThat(copy.file()).isNull();
        copy.delete();
    }

    @Test
    void aLargeMessageMovesToATempFileWholeAndIsDeletedAfter() throws Exception {
        byte[] first = new byte[800];
        Arrays.fill(first, (byte) 'a');
        byte[] second = new byte[800];
        Arrays.fill(second, (byte) 'b');
        SpillingCopy copy = new SpillingCopy(1024);
        try (copy) {
            copy.write(first, 0, first.length);
            copy.write(second, 0, second.length);
        }
        assertThat(copy.bytes()).isNull();
        Path file = copy.file();
        byte[] written = Files.readAllBytes(file);
        assertThat(written).hasSize(1600);
        assertThat(Arrays.copyOfRange(written, 0, 800)).isEqualTo(first);
        assertThat(Arrays.copyOfRange(written, 800, 1600)).isEqualTo(second);
        copy.delete();
        assertThat(file).doesNotExist();
    }
}
