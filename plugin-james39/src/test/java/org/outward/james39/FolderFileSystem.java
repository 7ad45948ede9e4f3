package org.outward.james39;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.filesystem.api.FileSystem;

/**
 * James's file system seen from one folder, as a James server sees its installation folder: {@code file://NAME}
 * is {@code NAME} inside it. James's {@code ExtendedClassLoader} asks it for {@code file://extensions-jars/}.
 */
record FolderFileSystem(Path base) implements FileSystem {

    @Override
    public InputStream getResource(String url) throws IOException {
        return Files.newInputStream(getFile(url).toPath());
    }

    @Override
    public File getFile(String url) throws FileNotFoundException {
        if (!url.startsWith(FILE_PROTOCOL)) {
            throw new FileNotFoundException("only file:// is served here");
        }
        return base.resolve(url.substring(FILE_PROTOCOL.length())).toFile();
    }

    @Override
    public File getBasedir() {
        return base.toFile();
    }
}
