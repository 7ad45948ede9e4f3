package org.outward.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.LocalDiskVault;

class VaultSettingTest {

    @TempDir
    Path folder;

    @Test
    void aFolderWithOrWithoutItsPrefixIsLocal() throws IOException {
        assertThat(VaultSetting.parse("local:" + folder)).isEqualTo(new VaultSetting(false, folder));
        assertThat(VaultSetting.parse(" " + folder + " ")).isEqualTo(new VaultSetting(false, folder));
        assertThat(VaultSetting.parse(folder.toString()).open(Clock.systemUTC(), SharedBackends.fromEnvironment())).isInstanceOf(LocalDiskVault.class);
        assertThat(VaultSetting.parse("local:" + folder).toString()).isEqualTo("local:" + folder);
    }

    @Test
    void sharedIsAWordOfItsOwn() {
        assertThat(VaultSetting.parse("shared").shared()).isTrue();
        assertThat(VaultSetting.parse("shared").toString()).isEqualTo("shared");
        assertThat(VaultSetting.parse("local:shared").shared()).isFalse();
    }

    @Test
    void nothingIsNotASetting() {
        assertThatThrownBy(() -> VaultSetting.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultSetting.parse("local:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultSetting.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedWithoutTheBackendsJarSaysWhatIsMissing() {
        // The plugin jar alone: outward-backends is not on this module's class path.
        assertThatThrownBy(() -> VaultSetting.parse("shared").open(Clock.systemUTC(), SharedBackends.fromEnvironment()))
                .isInstanceOf(IOException.class).hasMessageContaining("outward-backends")
                .hasMessageContaining("extensions-jars");
    }
}
