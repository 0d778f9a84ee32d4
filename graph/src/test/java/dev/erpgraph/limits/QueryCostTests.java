package dev.erpgraph.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost estimate counts the fields an answer would hold: a list's selection once per
 * item, at its {@code first}, or its typical size where a client cannot size it. Costed
 * on the served schema with the defaults of {@code application.yaml}.
 */
class QueryCostTests {

    private static final GraphQLSchema SCHEMA = servedSchema();

    private static final Map<String, Integer> LIST_SIZES = Map.of("Order.lines", 5, "OrderLine.inventory", 5,
            "Query.inventory", 5, "Account.erpLinks", 2, "Order.shipments", 2, "Order.invoices", 2, "Shipment.lines",
            5);

    private static final QueryLimitsProperties LIMITS = new QueryLimitsProperties(15, 200_000, 20_000, LIST_SIZES, 10);

    /** The same estimate with no cap in sight, to read whole costs. */
    private static final QueryLimitsProperties UNCAPPED = new QueryLimitsProperties(15, Integer.MAX_VALUE - 1, 20_000,
            LIST_SIZES, 10);

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

    private static GraphQLSchema servedSchema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:graphql/*.graphqls")) {
                registry.merge(new SchemaParser().parse(read(file)));
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
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
