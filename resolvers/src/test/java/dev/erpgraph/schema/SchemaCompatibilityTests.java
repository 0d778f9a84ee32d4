package dev.erpgraph.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.apollographql.federation.graphqljava.Federation;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema clients generate code against does not break behind their backs. The schema
 * the application serves (every {@code graphql/*.graphqls} it loads) is compared with the
 * committed snapshot, {@code src/test/resources/schema-snapshot.graphqls}, by
 * graphql-java's {@link SchemaDiff}: a breaking change (a removed field or type, a
 * changed type, a new required argument) fails the build with the list of what breaks,
 * unless the snapshot is updated in the same change. Additions pass, and rewrite the
 * snapshot so that the change commits it. The other tests run the same check against a
 * copy of the snapshot with one deliberate change each.
 */
class SchemaCompatibilityTests {

    private static final Path SNAPSHOT = Path.of("src/test/resources/schema-snapshot.graphqls");

    private static final String ACCOUNT = "type Account implements Node {";

    @Test
    void theServedSchemaBreaksNothingTheSnapshotPromises() throws IOException {
        check(SNAPSHOT, print(served()));
    }

    /**
     * The breaking changes the check must catch, each as a rewrite of the served schema's
     * {@code Account.name: String!}.
     */
    static Stream<Arguments> breakingChanges() {
        String account = "(" + Pattern.quote(ACCOUNT) + "[^}]*?\\n\\s*)";
        return Stream.of(Arguments.of("a removed field", account + "name: String!\\n", "$1"),
                Arguments.of("a changed type", account + "name: String!", "$1name: Int!"),
                Arguments.of("a new required argument", account + "name: String!", "$1name(locale: String!): String!"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void aBreakingChangeFailsTheCheckWithTheFieldNamedAndLeavesTheSnapshotAlone(String change, String regex,
            String replacement, @TempDir Path dir) throws IOException {
        String served = print(served());
        Path snapshot = snapshotOf(dir, served);
        String changed = served.replaceFirst(regex, replacement);
        assertThat(changed).as("%s to Account.name", change).isNotEqualTo(served);

        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> check(snapshot, changed))
            .withMessageContaining("breaking changes against " + snapshot)
            .withMessageContaining("- Account.name: ");
        assertThat(Files.readString(snapshot)).isEqualTo(served);
    }

    @Test
    void anAddedFieldPassesAndRewritesTheSnapshot(@TempDir Path dir) throws IOException {
        String served = print(served());
        Path snapshot = snapshotOf(dir, served);
        String withMore = print(served.replaceFirst("type Account implements Node \\{",
                "type Account implements Node {\n  nickname: String"));

        check(snapshot, withMore);

        assertThat(Files.readString(snapshot)).isEqualTo(withMore).contains("nickname: String");
    }

    @Test
    void aBreakingChangeCommittedWithItsSnapshotPasses(@TempDir Path dir) throws IOException {
        String served = print(served());
        String withoutName = served.replaceFirst("(" + Pattern.quote(ACCOUNT) + "[^}]*?\\n\\s*)name: String!\\n", "$1");
        assertThat(withoutName).isNotEqualTo(served);
        Path snapshot = snapshotOf(dir, withoutName);

        check(snapshot, withoutName);

        assertThat(Files.readString(snapshot)).isEqualTo(withoutName);
    }

    /**
     * The check itself: fails with one line per breaking change of {@code served} against
     * the snapshot; otherwise writes {@code served} over the snapshot if it differs (an
     * addition, or a changed description).
     */
    private static void check(Path snapshotFile, String served) throws IOException {
        if (!Files.exists(snapshotFile)) {
            Files.writeString(snapshotFile, served);
            throw new AssertionError("No schema snapshot yet: " + snapshotFile + " is written now; commit it.");
        }
        String snapshot = Files.readString(snapshotFile);

        List<DiffEvent> breakages = breakages(snapshot, served);

        assertThat(breakages)
            .as("breaking changes against %s (update it in the same change if they are meant):%n%s", snapshotFile,
                    readable(breakages))
            .isEmpty();
        if (!snapshot.equals(served)) {
            Files.writeString(snapshotFile, served);
        }
    }

    private static Path snapshotOf(Path dir, String sdl) throws IOException {
        return Files.writeString(dir.resolve("schema-snapshot.graphqls"), sdl);
    }

    private static List<DiffEvent> breakages(String before, String after) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromIntrospection(schema(before), schema(after)), reporter);
        return reporter.getBreakages();
    }

    private static String readable(List<DiffEvent> events) {
        return events.stream()
            .map(event -> "- " + event.getTypeName() + (event.getFieldName() == null ? "" : "." + event.getFieldName())
                    + ": " + event.getReasonMsg())
            .collect(Collectors.joining("\n"));
    }

    /** Every schema file the application loads, as one SDL document. */
    private static String served() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls");
        assertThat(files).as("schema files on the classpath").isNotEmpty();
        StringBuilder sdl = new StringBuilder();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                sdl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sdl.toString();
    }

    /**
     * The schema of an SDL text: the served files are an Apollo Federation subgraph (its
     * {@code @link} makes the federation directives known, and adds {@code _service} and
     * {@code _entities}); a printed snapshot is plain SDL.
     */
    private static GraphQLSchema schema(String sdl) {
        if (sdl.contains("@link(")) {
            return Federation.transform(new SchemaParser().parse(sdl), RuntimeWiring.MOCKED_WIRING)
                .fetchEntities(environment -> null)
                .resolveEntityType(environment -> null)
                .build();
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    /**
     * Types sorted by name, descriptions as comments: a stable text to commit and review,
     * whose structure alone is compared.
     */
    private static String print(String sdl) {
        return new SchemaPrinter(
                SchemaPrinter.Options.defaultOptions().includeDirectives(false).descriptionsAsHashComments(true))
            .print(schema(sdl));
    }

}
