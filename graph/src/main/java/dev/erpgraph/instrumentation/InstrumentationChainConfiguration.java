package dev.erpgraph.instrumentation;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the application's instrumentations through a {@link SparseInstrumentationChain}
 * instead of the {@code ChainedInstrumentation} Spring for GraphQL builds: the same
 * instrumentation beans, in the same order (Spring Boot's, {@code orderedStream()}), with
 * the same states and per-execution hooks.
 */
@Configuration(proxyBeanMethods = false)
class InstrumentationChainConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer sparseInstrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() > 1) {
                graphQl.instrumentation(new SparseInstrumentationChain(all));
            }
        });
    }

}
