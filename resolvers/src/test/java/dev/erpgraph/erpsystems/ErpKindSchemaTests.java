package dev.erpgraph.erpsystems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.erpgraph.erp.ErpKind;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's {@code ErpKind} and the Java {@link ErpKind} name the same ERPs: an ERP
 * added to one and not the other would answer {@code erpSystem.kind} with a value the
 * schema does not know, or document a kind no connector has.
 */
class ErpKindSchemaTests {

    @Test
    void theSchemasErpKindNamesExactlyTheJavaErpKinds() throws IOException {
        EnumTypeDefinition schemaKind = schema().getType("ErpKind", EnumTypeDefinition.class)
            .orElseThrow(() -> new AssertionError("no enum ErpKind in graphql/*.graphqls"));

        List<String> inSchema = schemaKind.getEnumValueDefinitions()
            .stream()
            .map(EnumValueDefinition::getName)
            .toList();

        assertThat(inSchema).as("schema's ErpKind vs. dev.erpgraph.erp.ErpKind")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErpKind.values()).map(Enum::name).toList());
    }

    /** Every schema file the application loads, as one registry. */
    private static TypeDefinitionRegistry schema() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls");
        assertThat(files).as("schema files on the classpath").isNotEmpty();
        StringBuilder sdl = new StringBuilder();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                sdl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return new SchemaParser().parse(sdl.toString());
    }

}
