package org.outward.detect.personal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The built-in identifier declarations: every class in {@code org.outward.detect.personal.identifiers}, each
 * holding one {@code public static final IdentifierDeclaration DECLARATION}, in the order of their file names.
 * They are found where this package's classes are (a directory or a jar), so adding an identifier is adding
 * its file, with no list to edit.
 */
final class DeclarationFiles {

    static final String PACKAGE = "org.outward.detect.personal.identifiers";
    private static final String FOLDER = PACKAGE.replace('.', '/') + "/";

    private static final List<IdentifierDeclaration> BUILT_IN = load();

    private DeclarationFiles() {
    }

    /** The built-in declarations, in the order of their file names. */
    static List<IdentifierDeclaration> builtIn() {
        return BUILT_IN;
    }

    private static List<IdentifierDeclaration> load() {
        List<String> names = classNames();
        if (names.isEmpty()) {
            throw new IllegalStateException("no identifier declarations found in " + PACKAGE);
        }
        List<IdentifierDeclaration> found = new ArrayList<>(names.size());
        for (String name : names) {
            found.add(declarationOf(name));
        }
        return List.copyOf(found);
    }

    private static IdentifierDeclaration declarationOf(String className) {
        try {
            Class<?> type = Class.forName(className, true, DeclarationFiles.class.getClassLoader());
            return (IdentifierDeclaration) type.getField("DECLARATION").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(className + " must hold a public static final IdentifierDeclaration "
                    + "DECLARATION", e);
        }
    }

    /** The top-level classes of the declarations' package, sorted by name. */
    private static List<String> classNames() {
        URL home = DeclarationFiles.class.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        try {
            File where = new File(home.toURI());
            if (where.isDirectory()) {
                String[] files = new File(where, FOLDER).list();
                for (String file : files == null ? new String[0] : files) {
                    add(names, FOLDER + file);
                }
            } else {
                try (JarFile jar = new JarFile(where)) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        add(names, entries.nextElement().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.sort(null);
        return names;
    }

    private static void add(List<String> names, String path) {
        if (path.startsWith(FOLDER) && path.endsWith(".class") && path.indexOf('$') < 0
                && path.indexOf('-') < 0 && path.indexOf('/', FOLDER.length()) < 0) { // not package-info
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
