package org.outward.console.oidc;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.outward.console.Role;

/**
 * Reads the OpenID Connect settings from a properties file: per provider {@code entra.*} or {@code google.*}
 * ({@code issuer}, {@code client-id}, {@code client-secret-file}, {@code redirect-uri}, and {@code tenant-id},
 * {@code hosted-domain}, {@code role-claim}), who may sign in ({@code user.ADDRESS=admin|dpo},
 * {@code claim.VALUE=admin|dpo}) and {@code local-sign-in=on|off}. An unknown key is an error, so that a typo does
 * not quietly leave a check out. A relative secret file is read from the settings file's folder.
 */
public final class OidcSettingsFile {

    private static final Set<String> PROVIDER_KEYS = Set.of("issuer", "client-id", "client-secret-file",
            "redirect-uri", "tenant-id", "hosted-domain", "role-claim");

    private OidcSettingsFile() {
    }

    public static OidcSettings read(Path file) throws OidcConfigException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new OidcConfigException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<ProviderKind, Map<String, String>> byProvider = new LinkedHashMap<>();
        Map<String, Role> addresses = new LinkedHashMap<>();
        Map<String, Role> claims = new LinkedHashMap<>();
        boolean local = true;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith("user.")) {
                addresses.put(key.substring("user.".length()), role(file, key, value));
            } else if (key.startsWith("claim.")) {
                claims.put(key.substring("claim.".length()), role(file, key, value));
            } else if ("local-sign-in".equals(key)) {
                if (!"on".equals(value) && !"off".equals(value)) {
                    throw new OidcConfigException(file + ": local-sign-in is on or off, not '" + value + "'");
                }
                local = "on".equals(value);
            } else {
                int dot = key.indexOf('.');
                ProviderKind kind = dot < 0 ? null : kind(key.substring(0, dot));
                if (kind == null || !PROVIDER_KEYS.contains(key.substring(dot + 1))) {
                    throw new OidcConfigException(file + ": unknown setting '" + key + "'");
                }
                byProvider.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
            }
        }
        List<ProviderSettings> providers = new ArrayList<>();
        for (Map.Entry<ProviderKind, Map<String, String>> entry : byProvider.entrySet()) {
            providers.add(provider(file, entry.getKey(), entry.getValue()));
        }
        if (providers.isEmpty()) {
            throw new OidcConfigException(file + ": no provider: give entra.issuer or google.issuer and the rest");
        }
        RoleMapping mapping = new RoleMapping(addresses, claims);
        if (mapping.isEmpty()) {
            throw new OidcConfigException(file + ": nobody may sign in: name users (user.ADDRESS=admin|dpo) or role "
                    + "claim values (claim.VALUE=admin|dpo)");
        }
        return new OidcSettings(providers, mapping, local);
    }

    private static ProviderSettings provider(Path file, ProviderKind kind, Map<String, String> values)
            throws OidcConfigException {
        String prefix = kind.word() + ".";
        for (String required : List.of("issuer", "client-id", "client-secret-file", "redirect-uri")) {
            if (values.getOrDefault(required, "").isEmpty()) {
                throw new OidcConfigException(file + ": " + prefix + required + " is missing");
            }
        }
        if (kind != ProviderKind.ENTRA && values.containsKey("tenant-id")) {
            throw new OidcConfigException(file + ": " + prefix + "tenant-id is for entra only");
        }
        if (kind != ProviderKind.GOOGLE && values.containsKey("hosted-domain")) {
            throw new OidcConfigException(file + ": " + prefix + "hosted-domain is for google only");
        }
        Path secret = Path.of(values.get("client-secret-file"));
        Path folder = file.toAbsolutePath().getParent();
        return new ProviderSettings(kind, uri(file, prefix + "issuer", values.get("issuer")), values.get("client-id"),
                secret.isAbsolute() || folder == null ? secret : folder.resolve(secret),
                uri(file, prefix + "redirect-uri", values.get("redirect-uri")), optional(values, "tenant-id"),
                optional(values, "hosted-domain"), optional(values, "role-claim"));
    }

    private static Optional<String> optional(Map<String, String> values, String key) {
        String value = values.getOrDefault(key, "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static URI uri(Path file, String key, String value) throws OidcConfigException {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
                // Codes and tokens cross these URLs: plain HTTP only where nothing leaves the machine (tests, try-out).
                throw new OidcConfigException(file + ": " + key + " must be https (http only on localhost): " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OidcConfigException(file + ": " + key + " is not an http(s) URL: " + value);
        }
    }

    private static boolean loopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static ProviderKind kind(String word) {
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        return null;
    }

    private static Role role(Path file, String key, String value) throws OidcConfigException {
        try {
            return Role.of(value);
        } catch (IllegalArgumentException e) {
            throw new OidcConfigException(file + ": " + key + " is admin or dpo, not '" + value + "'");
        }
    }
}
