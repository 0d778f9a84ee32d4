package dev.erpgraph.instrumentation;

import java.util.List;

import dev.erpgraph.crm.HttpGraphQlTests;
import graphql.execution.instrumentation.Instrumentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server runs every instrumentation bean, in Spring Boot's order, through one
 * {@link SparseInstrumentationChain}; what each of them does is specified by its own
 * tests (access log, query limits, observations, dispatching), which run through it.
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

}
