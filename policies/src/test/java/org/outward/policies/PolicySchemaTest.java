package org.outward.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schema editors use must agree with the policies shipped beside it, and must refuse what the
 * gateway's loader refuses, so that an admin's editor and the gateway never disagree on the common mistakes.
 */
class PolicySchemaTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = open("outward-policy.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static InputStream open(String name) {
        InputStream in = PolicySchemaTest.class.getResourceAsStream("/org/outward/policies/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static Set<ValidationMessage> validate(String yaml) {
        Object value = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        JsonNode json = new ObjectMapper().valueToTree(value);
        return schema.validate(json);
    }

    /** The default policy and every example in examples/, so that a new example cannot go out unchecked. */
    static Stream<String> shippedPolicies() throws IOException {
        List<String> names = new ArrayList<>(List.of("default-policy.yaml"));
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.map(p -> "examples/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted().forEach(names::add);
        }
        assertThat(names).contains("examples/strict-policy.yaml", "examples/membership-numbers-policy.yaml");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedPolicies")
    void shippedPoliciesMatchTheSchema(String name) throws IOException {
        String yaml;
        try (InputStream in = open(name)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(validate(yaml)).isEmpty();
    }

    @Test
    void unknownKeyIsRefused() {
        assertThat(validate("version: 1\ndetection: {personal-data: {min-record: 5}}\n"
                + "rules: [{id: a, when: {finding: password}, action: block}]"))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("min-record"));
    }

    @Test
    void unknownActionIsRefused() {
        assertThat(validate("version: 1\nrules: [{id: a, when: {finding: password}, action: blok}]")).isNotEmpty();
    }

    @Test
    void passOnInspectionFailureIsRefused() {
        assertThat(validate("version: 1\ninspection-failure: pass\nrules: [{id: a, when: {finding: password}, action: block}]"))
                .isNotEmpty();
    }

    @Test
    void badDurationIsRefused() {
        assertThat(validate("version: 1\nlimits: {time-per-part: 20 seconds}\n"
                + "rules: [{id: a, when: {finding: password}, action: block}]")).isNotEmpty();
    }

    private static final String IDENTIFIER_RULES = "rules: [{id: a, when: {finding: personal-data, data: [case-ref]},"
            + " action: block}]\n";

    @Test
    void aDeclaredIdentifierAndARuleNamingItMatch() {
        assertThat(validate("version: 1\nidentifiers: [{name: case-ref, description: Case references,"
                + " pattern: 'CW-[0-9]{6}', validator: mod11, context-words: [case], header-words: [case ref],"
                + " context-required: true, window: 40, score: 0.7, identifier: false}]\n" + IDENTIFIER_RULES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"validator: mod10", "window: 1000", "window: 0", "score: 1.5", "name: Case_Ref",
            "contex-words: [case]", "context-words: case", "context-words: [c]", "identifier: maybe"})
    void aMistakeInADeclaredIdentifierIsRefused(String mistake) {
        String declaration = "{" + (mistake.startsWith("name:") ? "" : "name: case-ref, ")
                + "description: Case references, pattern: 'CW-[0-9]{6}', " + mistake + "}";
        assertThat(validate("version: 1\nidentifiers: [" + declaration + "]\n" + IDENTIFIER_RULES)).as(mistake)
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{name: case-ref, pattern: 'CW-[0-9]{6}'}", "{name: case-ref, description: Case references}",
            "{description: Case references, pattern: 'CW-[0-9]{6}'}"})
    void anIdentifierWithoutItsNameDescriptionOrPatternIsRefused(String declaration) {
        assertThat(validate("version: 1\nidentifiers: [" + declaration + "]\n" + IDENTIFIER_RULES)).as(declaration)
                .isNotEmpty();
    }

    @Test
    void dataThatIsNotAListOfNamesIsRefused() {
        assertThat(validate("version: 1\nrules: [{id: a, when: {finding: personal-data, data: Case_Ref}, action: block}]"))
                .isNotEmpty();
    }
}
