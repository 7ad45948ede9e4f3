package org.outward.backends;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shared backends are and how to log in, read from environment variables so that no credential is
 * written into a configuration file or a command line:
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code OUTWARD_DB_URL}</td><td>required: {@code jdbc:postgresql://host:5432/outward}</td></tr>
 *   <tr><td>{@code OUTWARD_DB_USER}, {@code OUTWARD_DB_PASSWORD}</td><td>the database login</td></tr>
 *   <tr><td>{@code OUTWARD_DB_POOL_SIZE}</td><td>connections per process (default 8)</td></tr>
 *   <tr><td>{@code OUTWARD_S3_BUCKET}</td><td>required: the bucket for vault contents</td></tr>
 *   <tr><td>{@code OUTWARD_S3_ENDPOINT}</td><td>an S3-compatible server's URL (default: AWS S3 itself)</td></tr>
 *   <tr><td>{@code OUTWARD_S3_REGION}</td><td>default {@code us-east-1}</td></tr>
 *   <tr><td>{@code OUTWARD_S3_ACCESS_KEY}, {@code OUTWARD_S3_SECRET_KEY}</td><td>the object store login
 *       (default: the AWS SDK's usual credential chain)</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows a password, a secret key, or a URL's user part or query.
 */
public record BackendSettings(String databaseUrl, String databaseUser, String databasePassword, int poolSize,
                              String bucket, Optional<URI> endpoint, String region, Optional<String> accessKey,
                              Optional<String> secretKey) {

    public BackendSettings {
        if (databaseUrl == null || !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("OUTWARD_DB_URL must be a jdbc:postgresql: URL");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("OUTWARD_S3_BUCKET must name the bucket for vault contents");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("OUTWARD_DB_POOL_SIZE must be at least 1");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("OUTWARD_S3_ACCESS_KEY and OUTWARD_S3_SECRET_KEY go together");
        }
    }

    /**
     * The names of the settings in {@code outward-backends.properties} (James reads it; see {@link PostgresS3Module}),
     * each with the environment variable the other processes read it from.
     */
    public static final Map<String, String> PROPERTY_VARIABLES = Map.of(
            "database.url", "OUTWARD_DB_URL",
            "database.user", "OUTWARD_DB_USER",
            "database.password", "OUTWARD_DB_PASSWORD",
            "database.poolSize", "OUTWARD_DB_POOL_SIZE",
            "s3.bucket", "OUTWARD_S3_BUCKET",
            "s3.endpoint", "OUTWARD_S3_ENDPOINT",
            "s3.region", "OUTWARD_S3_REGION",
            "s3.accessKey", "OUTWARD_S3_ACCESS_KEY",
            "s3.secretKey", "OUTWARD_S3_SECRET_KEY");

    /**
     * The settings in these properties, named as in {@link #PROPERTY_VARIABLES}. A value left as a placeholder
     * ({@code ${env:NAME}} whose variable is not set) counts as not given; a name not known is refused.
     */
    public static BackendSettings fromProperties(Map<String, String> properties) {
        Map<String, String> env = new java.util.HashMap<>();
        properties.forEach((name, value) -> {
            String variable = PROPERTY_VARIABLES.get(name);
            if (variable == null) {
                throw new IllegalArgumentException("outward-backends.properties: unknown setting " + name
                        + "; the settings are " + new java.util.TreeSet<>(PROPERTY_VARIABLES.keySet()));
            }
            if (value != null && !value.strip().startsWith("${")) {
                env.put(variable, value);
            }
        });
        return from(env);
    }

    /** The settings in these variables (the process environment of the portal, the console and the tools). */
    public static BackendSettings from(Map<String, String> env) {
        int pool;
        try {
            pool = Integer.parseInt(env.getOrDefault("OUTWARD_DB_POOL_SIZE", "8").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("OUTWARD_DB_POOL_SIZE must be a whole number");
        }
        Optional<URI> endpoint;
        try {
            endpoint = value(env, "OUTWARD_S3_ENDPOINT").map(URI::create);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OUTWARD_S3_ENDPOINT is not a URL");
        }
        return new BackendSettings(value(env, "OUTWARD_DB_URL").orElse(null),
                value(env, "OUTWARD_DB_USER").orElse(null), value(env, "OUTWARD_DB_PASSWORD").orElse(null), pool,
                value(env, "OUTWARD_S3_BUCKET").orElse(null), endpoint,
                value(env, "OUTWARD_S3_REGION").orElse("us-east-1"), value(env, "OUTWARD_S3_ACCESS_KEY"),
                value(env, "OUTWARD_S3_SECRET_KEY"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "PostgreSQL " + withoutSecrets(databaseUrl) + ", bucket " + bucket + " at "
                + endpoint.map(uri -> withoutSecrets(uri.toString())).orElse("AWS S3 " + region);
    }

    /** A URL without its user part and query, where a password may hide. */
    static String withoutSecrets(String url) {
        String text = url.replaceAll("//[^/@]*@", "//");
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }
}
