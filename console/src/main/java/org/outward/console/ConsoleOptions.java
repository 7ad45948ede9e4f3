package org.outward.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.outward.console.oidc.OidcConfigException;
import org.outward.console.oidc.OidcSettingsFile;
import org.outward.shared.VaultSetting;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every way of starting the console shares (the standalone {@code console} and the embedded gateway's
 * {@code gateway console}), as a picocli mixin: WebAdmin's token, the vault of the secure-links page, and OpenID
 * Connect. A value that cannot work is a usage error of the command that was given it, with the option's name.
 */
public final class ConsoleOptions {

    @Option(names = "--webadmin-token", paramLabel = "FILE", description = "A file holding the bearer token WebAdmin "
            + "asks for (gateway webadmin-token makes one); none by default.")
    Path webAdminToken;

    @Option(names = "--vault", paramLabel = "local:DIR|shared", description = "The gateway's secure-link vault, for "
            + "the secure-links page: a folder, or 'shared' for the shared backends.")
    String vault;

    @Option(names = "--oidc", paramLabel = "FILE", description = "Sign-in with OpenID Connect (Microsoft Entra ID, "
            + "Google): the settings file (see console/README.md); the client secret is read from the file it names.")
    Path oidc;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** WebAdmin's bearer token from the file given, if one was. */
    public Optional<String> webAdminToken() throws IOException {
        return webAdminToken == null ? Optional.empty()
                : Optional.of(Files.readString(webAdminToken, StandardCharsets.UTF_8).trim());
    }

    /**
     * The configuration with the vault and the sign-in provider these options name.
     *
     * @param defaultVault the vault when {@code --vault} is not given: none, or the one next to the gateway
     */
    public ConsoleConfig applyTo(ConsoleConfig config, Optional<String> defaultVault) throws IOException {
        ConsoleConfig applied = config;
        Optional<String> chosen = Optional.ofNullable(vault).or(() -> defaultVault);
        if (chosen.isPresent()) {
            try {
                applied = applied.withVault(VaultSetting.parse(chosen.get()));
            } catch (IllegalArgumentException e) {
                throw usage("--vault: " + e.getMessage());
            }
        }
        if (oidc != null) {
            try {
                applied = applied.withOidc(OidcSettingsFile.read(oidc));
            } catch (OidcConfigException e) {
                throw usage("--oidc: " + e.getMessage());
            }
        }
        return applied;
    }

    /** Starts the console, an OpenID provider that cannot be used being the {@code --oidc} option's error. */
    public Console start(ConsoleConfig config, java.time.Clock clock) throws IOException {
        try {
            return Console.start(config, clock);
        } catch (OidcConfigException e) {
            throw usage("--oidc: " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
