package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code deploy/gateway} rebuilds the project only when a source is newer than the built jar: the
 * real script runs in a scratch copy of the project's layout, with stand-ins for {@code mvn} (which, like Maven
 * on unchanged classes, leaves the jar as it was and writes a line to a log) and {@code java} on the path.
 */
class LauncherRebuildTest {

    private static final Instant BUILT = Instant.now().minus(Duration.ofHours(2));

    @TempDir
    Path root;

    private Path jar;
    private Path builds;
    private Path bin;

    @BeforeEach
    void aBuiltProject() throws IOException {
        Path deploy = Files.createDirectories(root.resolve("deploy"));
        Path script = deploy.resolve("gateway");
        Files.copy(Paths.get("gateway"), script);
        executable(script);
        jar = Files.createDirectories(deploy.resolve("target")).resolve("outward-deploy-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "jar");
        Files.writeString(deploy.resolve("target/classpath.txt"), "");
        writeAt(root.resolve("pom.xml"), BUILT.minus(Duration.ofHours(1)));
        writeAt(Files.createDirectories(root.resolve("mailet/src/main/java")).resolve("Inspect.java"),
                BUILT.minus(Duration.ofHours(1)));
        writeAt(Files.createDirectories(root.resolve("policies")).resolve("default-policy.yaml"),
                BUILT.minus(Duration.ofHours(1)));
        Files.createDirectories(deploy.resolve("conf"));
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
        Files.setLastModifiedTime(deploy.resolve("target/classpath.txt"), FileTime.from(BUILT));

        bin = Files.createDirectories(root.resolve("bin"));
        builds = root.resolve("builds.log");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho build >> '" + builds + "'\n");
        executable(mvn);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho ran\n");
        executable(java);
    }

    @Test
    void whatABuildWritesNeverMakesTheLauncherRebuild() throws Exception {
        writeAt(Files.createDirectories(root.resolve("policies/target/classes")).resolve("default-policy.yaml"),
                Instant.now());
        writeAt(Files.createDirectories(root.resolve("mailet/target/surefire-reports")).resolve("report.txt"),
                Instant.now());

        assertThat(launch()).isEqualTo("ran");
        assertThat(buildsRun()).isZero();
    }

    @Test
    void aChangedSourceRebuildsOnceEvenWhenMavenLeavesTheJarAsItWas() throws Exception {
        writeAt(root.resolve("mailet/src/main/java/Inspect.java"), BUILT.plus(Duration.ofHours(1)));

        assertThat(launch()).isEqualTo("ran");
        assertThat(launch()).isEqualTo("ran");
        assertThat(buildsRun()).isEqualTo(1);
    }

    @Test
    void aChangedPolicyOrPomRebuilds() throws Exception {
        writeAt(root.resolve("policies/default-policy.yaml"), BUILT.plus(Duration.ofMinutes(5)));
        launch();
        assertThat(buildsRun()).isEqualTo(1);

        writeAt(root.resolve("pom.xml"), Instant.now().plus(Duration.ofMinutes(5)));
        launch();
        assertThat(buildsRun()).isEqualTo(2);
    }

    private String launch() throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder("bash", root.resolve("deploy/gateway").toString(), "--version")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        launcher.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = launcher.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }

    private long buildsRun() throws IOException {
        return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
    }

    private static void writeAt(Path file, Instant time) throws IOException {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
