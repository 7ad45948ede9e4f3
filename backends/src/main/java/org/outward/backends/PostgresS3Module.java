package org.outward.backends;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration;
import org.outward.james.ServerState;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Gives the Outward mailets of a James server the PostgreSQL and S3 back end, when James's
 * {@code extensions.properties} names this module:
 * <pre>
 * guice.extension.module=org.outward.backends.PostgresS3Module
 * </pre>
 * Its settings are in {@value #SETTINGS_FILE} in James's configuration folder ({@link BackendSettings#PROPERTY_VARIABLES}
 * names them); a value may be an environment variable, {@code database.password=${env:OUTWARD_DB_PASSWORD}}, so that no
 * password need be written into the file. The file is read and the back end opened when the first mailet set to
 * {@code shared} starts: a server whose mailets are all local never connects.
 *
 * <p>It binds {@link ServerState}, one per server, which also holds the server's policy holders. Written against
 * Guice's own annotations only, so that the same jar serves James 3.8 (Guice 5, {@code javax.inject}) and James 3.9
 * (Guice 7, {@code jakarta.inject}).
 */
public final class PostgresS3Module extends AbstractModule {

    /** The settings file, in James's configuration folder. */
    public static final String SETTINGS_FILE = "outward-backends.properties";

    @Provides
    @Singleton
    ServerState serverState(FileSystem fileSystem, Configuration.ConfigurationPath folder) {
        return new ServerState(new OpenedOnFirstUse(() -> {
            File file = fileSystem.getFile(folder.asString() + SETTINGS_FILE);
            try {
                return PostgresS3Backend.open(BackendSettings.fromProperties(read(file)));
            } catch (IllegalArgumentException e) {
                throw new IOException("shared back end: " + e.getMessage());
            }
        }));
    }

    /** Each setting as one string: no list splitting at commas (a password may hold one), {@code ${env:...}} resolved. */
    static Map<String, String> read(File file) throws IOException {
        if (!file.isFile()) {
            throw new IOException("PostgresS3Module is named in extensions.properties, but " + file
                    + " is missing (see backends/README.md)");
        }
        // No list splitting at commas (the default handler here), unlike James's own PropertiesProvider.
        PropertiesConfiguration properties = new PropertiesConfiguration();
        try {
            new FileHandler(properties).load(file);
        } catch (ConfigurationException e) {
            throw new IOException(file + " cannot be read: " + e.getClass().getSimpleName());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.getKeys().forEachRemaining(key -> settings.put(key, properties.getString(key)));
        return settings;
    }
}
