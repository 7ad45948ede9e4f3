package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway webadmin-token}: makes the token an admin sends to James's WebAdmin when its JWT authentication is
 * on (as in the Docker deployment): RS256, signed with the private half of the key pair whose public half WebAdmin
 * reads, with the {@code admin} claim WebAdmin requires and an expiry, so a token that leaks stops working.
 */
@Command(name = "webadmin-token", mixinStandardHelpOptions = true,
        description = "Make a token for James's WebAdmin (JWT authentication on): curl -H \"Authorization: Bearer $(gateway "
                + "webadmin-token --private-key jwt_private.pem)\" ...")
final class WebAdminTokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--private-key", required = true, paramLabel = "FILE",
            description = "The private key, PEM (PKCS#8 or PKCS#1), whose public half WebAdmin reads.")
    Path privateKey;

    @Option(names = "--subject", paramLabel = "NAME", description = "Who the token is for, as WebAdmin logs it "
            + "(default: ${DEFAULT-VALUE}).")
    String subject = "admin";

    @Option(names = "--valid", paramLabel = "DURATION", description = "How long the token works, e.g. PT1H or P1D "
            + "(default: ${DEFAULT-VALUE}).")
    Duration valid = Duration.ofHours(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (valid.isNegative() || valid.isZero() || valid.compareTo(Duration.ofDays(366)) > 0) {
            err.println("gateway: --valid must be more than zero and at most a year");
            err.flush();
            return 2;
        }
        try {
            out.println(token(readPrivateKey(privateKey), subject, Instant.now(), valid));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("gateway: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** A WebAdmin token for this subject, signed with this key, working from {@code now} for {@code valid}. */
    static String token(PrivateKey key, String subject, Instant now, Duration valid) {
        return Jwts.builder().setSubject(subject).claim("admin", true).setIssuedAt(Date.from(now))
                .setExpiration(Date.from(now.plus(valid))).signWith(key, SignatureAlgorithm.RS256).compact();
    }

    static PrivateKey readPrivateKey(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the private key " + file);
        }
        try (Reader reader = Files.newBufferedReader(file); PEMParser pem = new PEMParser(reader)) {
            Object read = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException(file + " holds no unencrypted private key in PEM (make one with openssl genpkey "
                    + "-algorithm RSA -pkeyopt rsa_keygen_bits:3072)");
        }
    }
}
