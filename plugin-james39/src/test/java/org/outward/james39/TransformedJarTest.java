package org.outward.james39;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The James 3.9 plugin jar is the mailet module's jar with every javax Mail, Activation and Inject name turned to
 * its jakarta one: the same classes and resources, none of them copied by hand, and no javax name left behind (a
 * class that still named one would fail in James 3.9 only when that code runs).
 */
class TransformedJarTest {

    private static final List<String> JAVAX = List.of("javax/mail", "javax.mail", "javax/activation", "javax.activation",
            "javax/inject", "javax.inject");

    @Test
    void itHoldsExactlyTheMailetModulesClassesAndResources() throws Exception {
        assertThat(entries(System.getProperty("outward.plugin.jar")))
                .isEqualTo(entries(System.getProperty("outward.mailet.jar")))
                .anyMatch(name -> name.equals("org/outward/james/Inspect.class"));
    }

    @Test
    void noJavaxMailActivationOrInjectNameIsLeft() throws Exception {
        List<String> left = new ArrayList<>();
        try (JarFile jar = new JarFile(System.getProperty("outward.plugin.jar"))) {
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/maven/")) {
                    continue;
                }
                String text = latin1(jar, entry);
                JAVAX.stream().filter(text::contains).forEach(name -> left.add(entry.getName() + ": " + name));
            }
        }

        assertThat(left).isEmpty();
    }

    @Test
    void theMailetsNameTheJakartaTypes() throws Exception {
        try (JarFile jar = new JarFile(System.getProperty("outward.plugin.jar"))) {
            assertThat(latin1(jar, jar.getJarEntry("org/outward/james/Inspect.class"))).contains("jakarta/mail/internet/MimeMessage");
            assertThat(latin1(jar, jar.getJarEntry("org/outward/james/Wrap.class"))).contains("jakarta/inject/Inject");
        }
    }

    private static Set<String> entries(String path) throws IOException {
        try (JarFile jar = new JarFile(path)) {
            Set<String> names = new TreeSet<>();
            jar.stream().map(JarEntry::getName).filter(name -> !name.startsWith("META-INF/maven/")).forEach(names::add);
            return names;
        }
    }

    /** Class-file names are modified UTF-8; ISO-8859-1 keeps every byte, so ASCII names are found as written. */
    private static String latin1(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
