package org.outward.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A container's files laid out for a test: the shipped configuration of deploy/docker/conf/common and one flavour,
 * with the values .env would give in the environment (set for the test JVM in deploy/pom.xml). Only what a
 * container has and a test cannot is moved: the absolute paths (/etc/outward, /var/lib/outward, /run/secrets)
 * point into a folder of the test's, the SMTP ports are free ones, RemoteDelivery hands mail to the test's GreenMail
 * as to an onward relay (the {@code <gateway>} lines the configuration's comment shows), on port 587 the test's
 * loopback client is an outside client (in a container, loopback is the container itself), and the keys and
 * certificates the admin would mount are made here: a self-signed TLS certificate, the tenant secret, WebAdmin's
 * JWT public key, and the DKIM key, put where the class-path name the configuration gives finds it.
 *
 * @param conf         the configuration folder James reads ({@code --config})
 * @param root         what stands for the container's {@code /}; {@code root/var/lib/outward} is the work folder
 * @param webAdminKeys the pair whose public half WebAdmin checks tokens with
 * @param dkimKeys     the pair outbound mail is signed with
 * @param dkimKeyFile  the private key on the test class path, removed by {@link #close()}
 */
record ContainerFiles(Path conf, Path root, KeyPair webAdminKeys, KeyPair dkimKeys, Path dkimKeyFile)
        implements AutoCloseable {

    /** What the party's tenant adds to its outbound mail, as the secret file says. */
    static final String TENANT_SECRET = "kq7-Zm2pX9vR4tW8yB3nC6dF1gH5jL0s";
    /** The party's Microsoft 365 tenant, as surefire's OUTWARD_MICROSOFT_TENANT_IDS says. */
    static final String PARTY_TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private static final Path DOCKER_CONF = Path.of("docker", "conf").toAbsolutePath();

    /** Lays out {@code common} and {@code flavour} under {@code temp}, sending mail on to 127.0.0.1:outsidePort. */
    static ContainerFiles lay(Path temp, String flavour, int submissionPort, int outsidePort) throws Exception {
        Path root = temp.resolve("container");
        Path conf = Files.createDirectories(temp.resolve("conf"));
        for (Path folder : List.of(DOCKER_CONF.resolve("common"), DOCKER_CONF.resolve(flavour))) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file)
                            .replace("/etc/outward/", root.resolve("etc/outward") + "/")
                            .replace("/var/lib/outward/", root.resolve("var/lib/outward") + "/")
                            .replace("/run/secrets/", root.resolve("run/secrets") + "/")
                            .replace("0.0.0.0:587", "127.0.0.1:" + submissionPort)
                            .replace("<authorizedAddresses>127.0.0.1/32</authorizedAddresses>",
                                    "<authorizedAddresses>203.0.113.1/32</authorizedAddresses>")
                            .replace("172.30.27.5:2526", "127.0.0.1:0")
                            .replace("<outgoingQueue>outgoing</outgoingQueue>", "<outgoingQueue>outgoing</outgoingQueue>"
                                    + "<gateway>127.0.0.1</gateway><gatewayPort>" + outsidePort + "</gatewayPort>");
                    Files.writeString(conf.resolve(file.getFileName()), text);
                }
            }
        }
        Path policies = Files.createDirectories(root.resolve("etc/outward/policies"));
        try (InputStream in = ContainerFiles.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policies.resolve("default-policy.yaml"));
        }
        writeSelfSignedPem(Files.createDirectories(root.resolve("etc/outward/tls")));
        Files.writeString(Files.createDirectories(root.resolve("run/secrets")).resolve("outward-tenant-secret"),
                TENANT_SECRET + "\n");
        KeyPair webAdminKeys = rsaKeys();
        writePem(root.resolve("run/secrets/outward-webadmin-jwt-key"), webAdminKeys.getPublic());
        KeyPair dkimKeys = rsaKeys();
        Path dkimKeyFile = classPathRoot().resolve("dkim/outward.pem");
        Files.createDirectories(dkimKeyFile.getParent());
        writePem(dkimKeyFile, dkimKeys.getPrivate());
        return new ContainerFiles(conf, root, webAdminKeys, dkimKeys, dkimKeyFile);
    }

    /** The headers the party's tenant adds to what it relays (its secret, its Microsoft 365 tenant ID). */
    static java.util.Map<String, String> partyTenantHeaders() {
        return java.util.Map.of(org.outward.james.smtp.RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET,
                org.outward.james.smtp.RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT);
    }

    /** The container's work folder, {@code /var/lib/outward}. */
    Path work() {
        return root.resolve("var/lib/outward");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dkimKeyFile);
    }

    static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The folder of this build's test classes: on the system class path, like the image's resources folder. */
    private static Path classPathRoot() throws Exception {
        return Path.of(ContainerFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }

    /** gateway.crt and gateway.key as an admin would mount them: a certificate and its unencrypted key, in PEM. */
    private static void writeSelfSignedPem(Path tls) throws Exception {
        KeyPair keys = rsaKeys();
        X500Name name = new X500Name("CN=outward.party.example");
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        writePem(tls.resolve("gateway.crt"), certificate);
        writePem(tls.resolve("gateway.key"), keys.getPrivate());
    }
}
