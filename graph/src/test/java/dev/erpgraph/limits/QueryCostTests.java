package dev.erpgraph.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.apollographql.federation.graphqljava.Federation;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.RuntimeWiring;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost estimate counts the fields an answer would hold: a list's selection once per
 * item, at its {@code first}, or its typical size where a client cannot size it. Costed
 * on the served schema with the limits and typical sizes of {@code application.yaml}.
 */
class QueryCostTests {

    private static final GraphQLSchema SCHEMA = servedSchema();

    /** As the application is configured: application.yaml's graph.limits. */
    private static final QueryLimitsProperties LIMITS = servedLimits();

    /** The same estimate with no cap in sight, to read whole costs. */
    private static final QueryLimitsProperties UNCAPPED = new QueryLimitsProperties(LIMITS.maxDepth(),
            Integer.MAX_VALUE - 1, LIMITS.maxDocumentLength(), LIMITS.listSizes(), LIMITS.defaultListSize());

    @Test
    void aPagedListCountsItsSelectionOncePerItemAndItsConnectionFieldsOnce() {
        // accounts 1 + totalCount 1 + pageInfo (1 + 1) + nodes (1 + 30 × (id + name))
        assertThat(cost("{ accounts(first: 30) { totalCount pageInfo { hasNextPage } nodes { id name } } }"))
            .isEqualTo(1 + 1 + 2 + 1 + 30 * 2);
    }

    @Test
    void aPagedFieldWithoutFirstCountsTheDefaultPage() {
        assertThat(cost("{ accounts { nodes { id } } }")).isEqualTo(1 + 1 + 20);
    }

    @Test
    void aListTheClientCannotSizeCountsItsTypicalSize() {
        // orders 1 + 2 × (number + lines (1 + 5 × sku))
        assertThat(cost("{ account(id: \"x\") { orders(first: 2) { number lines { sku } } } }"))
            .isEqualTo(1 + 1 + 2 * (1 + 1 + 5));
    }

    @Test
    void aListOfKeysCountsItsTypicalSizePerKey() {
        assertThat(cost("{ inventory(skus: [\"A\", \"B\", \"C\"]) { sku available } }")).isEqualTo(1 + 3 * 5 * 2);
    }

    @Test
    void aGatewaysEntitiesCountTheirSelectionOncePerRepresentation() {
        String entities = "query($representations: [_Any!]!) { _entities(representations: $representations) {"
                + " ... on Account { id name } } }";
        List<Map<String, Object>> three = List.of(Map.of("__typename", "Account", "id", "a"),
                Map.of("__typename", "Account", "id", "b"), Map.of("__typename", "Account", "id", "c"));
        assertThat(cost(entities, Map.of("representations", three))).isEqualTo(1 + 3 * 2);
    }

    @Test
    void theReadmeAccount360PageOfFiftyAccountsWithFiftyOrdersIsWithinTheLimit() {
        int fifty = cost(document("account360Readme"), Map.of("accounts", 50, "orders", 50));
        assertThat(fifty).isEqualTo(131_402).isLessThanOrEqualTo(LIMITS.maxComplexity());
    }

    @Test
    void everyListAtItsLargestPageIsFarOverTheLimit() {
        assertThat(cost(document("abusivePage"), Map.of())).isGreaterThan(4_000_000);
    }

    @Test
    void nestedLargePagesDoNotOverflowIntoASmallCost() {
        String nested = "{ accounts(first: 100) { nodes { contacts(first: 100) { nodes { account {"
                + " contacts(first: 100) { nodes { account { contacts(first: 100) { nodes { account {"
                + " contacts(first: 100) { nodes { id } } } } } } } } } } } } } }";
        assertThat(cost(nested, Map.of(), LIMITS)).isGreaterThan(LIMITS.maxComplexity());
    }

    private static int cost(String document) {
        return cost(document, Map.of());
    }

    private static int cost(String document, Map<String, Object> variables) {
        return cost(document, variables, UNCAPPED);
    }

    private static int cost(String document, Map<String, Object> variables, QueryLimitsProperties limits) {
        AtomicInteger cost = new AtomicInteger(-1);
        MaxQueryComplexityInstrumentation measuring = new MaxQueryComplexityInstrumentation(0, new QueryCost(limits),
                info -> {
                    cost.set(info.getComplexity());
                    return true;
                });
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(measuring).build();
        // Aborted once costed: there is nothing to run it on. An invalid document is
        // never costed.
        graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
        assertThat(cost.get()).as("costed").isNotNegative();
        return cost.get();
    }

    private static String document(String name) {
        return read(
                new PathMatchingResourcePatternResolver().getResource("classpath:graphql-test/" + name + ".graphql"));
    }

    private static QueryLimitsProperties servedLimits() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
                    new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(yaml)).bind("graph.limits", QueryLimitsProperties.class)
                .get();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static GraphQLSchema servedSchema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:graphql/*.graphqls")) {
                registry.merge(new SchemaParser().parse(read(file)));
            }
            // A federation subgraph: its @link makes the federation directives known.
            return Federation.transform(registry, RuntimeWiring.MOCKED_WIRING)
                .fetchEntities(environment -> null)
                .resolveEntityType(environment -> null)
                .build();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
