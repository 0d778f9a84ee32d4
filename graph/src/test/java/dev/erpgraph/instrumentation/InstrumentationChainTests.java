package dev.erpgraph.instrumentation;

import java.util.List;

import dev.erpgraph.crm.HttpGraphQlTests;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server runs every instrumentation bean, in Spring Boot's order, through one
 * {@link SparseInstrumentationChain}; what each of them does is specified by its own
 * tests (access log, query limits, observations, dispatching), which run through it. The
 * fields an account-360 page calls per account and per line declare their DataLoader, so
 * that Spring's observation instrumentation leaves them to the DataLoader's observation
 * instead of wrapping every call, behind {@code @authorized} too.
 */
class InstrumentationChainTests extends HttpGraphQlTests {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    ObjectProvider<Instrumentation> instrumentations;

    @Test
    void everyInstrumentationBeanRunsThroughTheSparseChainInBootsOrder() {
        List<Instrumentation> beans = instrumentations.orderedStream().toList();

        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOfSatisfying(
                SparseInstrumentationChain.class,
                chain -> assertThat(chain.getInstrumentations()).containsExactlyElementsOf(beans));
        assertThat(beans).hasSizeGreaterThan(1);
    }

    @Test
    void theDataLoaderFieldsOfAPageTellSpringTheyUseADataLoaderBehindTheirScopeCheck() {
        GraphQLSchema schema = graphQlSource.schema();
        for (FieldCoordinates field : List.of(FieldCoordinates.coordinates("OrderLine", "inventory"),
                FieldCoordinates.coordinates("Account", "orders"),
                FieldCoordinates.coordinates("Account", "creditStatus"))) {
            GraphQLFieldDefinition definition = schema.getObjectType(field.getTypeName())
                .getFieldDefinition(field.getFieldName());
            assertThat(schema.getCodeRegistry().getDataFetcher(field, definition)).as(field.toString())
                .isInstanceOfSatisfying(SelfDescribingDataFetcher.class,
                        fetcher -> assertThat(fetcher.usesDataLoader()).isTrue());
        }
    }

}
