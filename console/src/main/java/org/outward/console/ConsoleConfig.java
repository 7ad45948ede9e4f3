package org.outward.console;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.outward.console.oidc.OidcSettings;
import org.outward.shared.VaultSetting;

/**
 * How the console runs.
 *
 * @param bind          where it listens: the management side, 127.0.0.1 by default
 * @param secure        served to browsers over HTTPS (by a proxy in front): cookies are marked Secure and HSTS sent
 * @param webAdmin      James WebAdmin's base URL
 * @param webAdminToken the bearer token WebAdmin asks for, if it asks
 * @param users         the users file
 * @param auditFile     the gateway's audit file: admin events are appended to it, and the statistics page counts
 *                      from it and its rolled-over days; none: events go to the log, and there are no statistics
 * @param repositories  the held-mail repositories under {@code var/mail} that the console shows
 * @param vault         the secure-link vault the gateway writes to, for the secure-links page and the
 *                      false-positive reports filed beside it; none: no such pages
 * @param policy        the policy file and its checks, to turn reports into policy exceptions; none: reports can only
 *                      be dismissed
 * @param oidc          sign-in with OpenID Connect providers besides (or instead of) the local accounts; none: local
 *                      accounts only
 */
public record ConsoleConfig(InetSocketAddress bind, boolean secure, URI webAdmin, Optional<String> webAdminToken,
                            Path users, Optional<Path> auditFile, List<String> repositories,
                            Optional<VaultSetting> vault, Optional<PolicyDesk> policy, Optional<OidcSettings> oidc) {

    public static final int DEFAULT_PORT = 8090;
    public static final List<String> HELD = List.of("outward-blocked", "outward-quarantine");

    public ConsoleConfig {
        repositories = List.copyOf(repositories);
    }

    /** A console that changes no policy and signs in its local accounts only. */
    public ConsoleConfig(InetSocketAddress bind, boolean secure, URI webAdmin, Optional<String> webAdminToken,
                         Path users, Optional<Path> auditFile, List<String> repositories, Optional<VaultSetting> vault) {
        this(bind, secure, webAdmin, webAdminToken, users, auditFile, repositories, vault, Optional.empty(),
                Optional.empty());
    }

    /** Listening on 127.0.0.1 at this port (0: any free one), plain HTTP, the usual held-mail repositories. */
    public static ConsoleConfig local(int port, URI webAdmin, Optional<String> token, Path users, Optional<Path> audit) {
        return new ConsoleConfig(new InetSocketAddress("127.0.0.1", port), false, webAdmin, token, users, audit, HELD,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same, with the secure-links page on this vault. */
    public ConsoleConfig withVault(VaultSetting setting) {
        return new ConsoleConfig(bind, secure, webAdmin, webAdminToken, users, auditFile, repositories,
                Optional.of(setting), policy, oidc);
    }

    /** The same, turning reports into exceptions of this policy. */
    public ConsoleConfig withPolicy(PolicyDesk desk) {
        return new ConsoleConfig(bind, secure, webAdmin, webAdminToken, users, auditFile, repositories, vault,
                Optional.of(desk), oidc);
    }

    /** The same, with sign-in through these OpenID Connect settings. */
    public ConsoleConfig withOidc(OidcSettings settings) {
        return new ConsoleConfig(bind, secure, webAdmin, webAdminToken, users, auditFile, repositories, vault,
                policy, Optional.of(settings));
    }
}
