package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import picocli.CommandLine;

class WebAdminTokenCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void makesAnAdminTokenThatOnlyThePairsPublicHalfVerifies() throws Exception {
        KeyPair keys = rsa();
        Path pkcs8 = folder.resolve("pkcs8.pem");
        Path pkcs1 = folder.resolve("pkcs1.pem");
        try (Writer file = Files.newBufferedWriter(pkcs8); JcaPEMWriter pem = new JcaPEMWriter(file)) {
            pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        try (Writer file = Files.newBufferedWriter(pkcs1); JcaPEMWriter pem = new JcaPEMWriter(file)) {
            pem.writeObject(keys.getPrivate());
        }
        for (Path key : new Path[] {pkcs8, pkcs1}) {
            out.getBuffer().setLength(0);
            assertThat(run("webadmin-token", "--private-key", key.toString(), "--valid", "PT10M")).isZero();
            String token = out.toString().strip();
            Claims claims = Jwts.parserBuilder().setSigningKey(keys.getPublic()).build().parseClaimsJws(token).getBody();
            assertThat(claims.getSubject()).isEqualTo("admin");
            assertThat(claims.get("admin", Boolean.class)).isTrue();
            assertThat(claims.getExpiration()).isBefore(new Date(System.currentTimeMillis() + 11 * 60_000L));
            assertThatThrownBy(() -> Jwts.parserBuilder().setSigningKey(rsa().getPublic()).build().parseClaimsJws(token))
                    .as("another key's public half").isInstanceOf(JwtException.class);
        }
    }

    @Test
    void aMissingOrWrongKeyFileIsOneClearLine() throws Exception {
        assertThat(run("webadmin-token", "--private-key", folder.resolve("none.pem").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("gateway: cannot read the private key");
        Path publicOnly = folder.resolve("public.pem");
        try (Writer file = Files.newBufferedWriter(publicOnly); JcaPEMWriter pem = new JcaPEMWriter(file)) {
            pem.writeObject(rsa().getPublic());
        }
        err.getBuffer().setLength(0);
        assertThat(run("webadmin-token", "--private-key", publicOnly.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("holds no unencrypted private key");
        assertThat(run("webadmin-token", "--private-key", publicOnly.toString(), "--valid", "P400D")).isEqualTo(2);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
