package org.outward.james39;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.ExtensionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The shared back end on James 3.9: the same {@code outward-backends} jar as for 3.8, beside the James 3.9 plugin in
 * {@code extensions-jars}, chosen by naming {@code PostgresS3Module} as James 3.9's Guice loader reads
 * {@code extensions.properties}, its settings in {@code conf/outward-backends.properties}. The shipped processors with
 * the inspection point's correlation state {@code shared} keep an encrypted send in PostgreSQL.
 */
class SharedBackendModuleInJames39Test {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path work;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void theModuleNamedForJames39KeepsTheCorrelationStateInPostgres() throws Exception {
        Path home = work.resolve("james");
        Path jars = Files.createDirectories(home.resolve("extensions-jars"));
        Path backends = Path.of(System.getProperty("outward.backends.target"));
        copyJars(Path.of("target", "extensions-jars"), jars);
        copyJars(backends.resolve("extensions-jars"), jars);
        copyJars(backends, jars);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/outward-backends.properties"), String.join("\n",
                "database.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "database.user=postgres",
                "database.password=unused-by-trust-auth",
                "database.poolSize=2",
                "s3.bucket=outward-unused",
                "s3.endpoint=http://127.0.0.1:9", ""));
        ExtensionConfiguration extensions = new ExtensionConfiguration(
                List.of(new ClassName("org.outward.backends.PostgresS3Module")), List.of());

        try (James39Container james = new James39Container(work, "https://files.party.example", home, extensions,
                xml -> xml.replace("<parserProcesses>0</parserProcesses>",
                        "<parserProcesses>0</parserProcesses><correlationState>shared</correlationState>"))) {
            james.send(encryptedZip());
        }

        assertThat(encryptedSends()).as("encrypted sends kept in PostgreSQL").isEqualTo(1);
    }

    private static void copyJars(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            // The backends module's own jar, not its test jar.
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")
                    && !f.getFileName().toString().endsWith("-tests.jar"))::iterator) {
                Files.copy(jar, to.resolve(jar.getFileName().toString()));
            }
        }
    }

    private static MailImpl encryptedZip() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("sam.volunteer@party.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "alex.agent@example.org");
        message.setSubject("Canvass sheets");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The file; the password follows by phone.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(Files.readAllBytes(James39Container.REPO.resolve("test-fixtures/files/zip/aes256-7zip.zip")),
                "application/zip");
        file.setHeader("Content-Type", "application/zip");
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setFileName("canvass.zip");
        mixed.addBodyPart(file);
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return MailImpl.builder().name("shared-1").sender(new MailAddress("sam.volunteer@party.example"))
                .addRecipient(new MailAddress("alex.agent@example.org"))
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                        new java.io.ByteArrayInputStream(raw.toByteArray())))
                .build();
    }

    private static long encryptedSends() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM outward_encrypted_sends")) {
            count.next();
            return count.getLong(1);
        }
    }
}
