package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;

/**
 * Every real protection fixture, attached as it would be to a message, through the whole walk (true type,
 * spooling, protection check): the verdict and scheme on the attachment are exactly those in
 * {@code test-fixtures/files/protection.csv}, and none of them looks like a disguised file.
 */
class FixtureVerdictsThroughTheWalkTest extends WithCheckingInspector {

    @TempDir
    static Path temp;

    static List<ProtectionFixture> fixtures() {
        return Fixtures.protection();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void attachmentGetsTheFixturesVerdict(ProtectionFixture fixture) throws Exception {
        String name = fixture.path().substring(fixture.path().lastIndexOf('/') + 1);
        Path file = fixture.copyTo(temp);

        Inspection inspection = inspector.inspectFile(file, name);

        InspectedPart attachment = inspection.part("1/" + name).orElseThrow();
        assertThat(attachment.protection().level().word()).as("level").isEqualTo(fixture.level());
        assertThat(attachment.protection().scheme()).as("scheme").isEqualTo(fixture.scheme());
        // Each fixture is what its name says: the party tells members to send exactly these files, so none
        // may look disguised, whether sent with its usual Content-Type or as application/octet-stream.
        assertThat(attachment.flags()).as("type flags, detected " + attachment.detectedType()).isEmpty();
    }
}
