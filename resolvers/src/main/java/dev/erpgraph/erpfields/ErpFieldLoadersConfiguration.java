package dev.erpgraph.erpfields;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.DataLoaderRegistrar;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Boot's execution service registers only the {@code BatchLoaderRegistry}'s loaders; this
 * one registers every {@link DataLoaderRegistrar}, the {@link ErpFieldLoaders} among
 * them.
 */
@Configuration(proxyBeanMethods = false)
class ErpFieldLoadersConfiguration {

    @Bean
    ExecutionGraphQlService executionGraphQlService(GraphQlSource source, List<DataLoaderRegistrar> registrars) {
        DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
        registrars.forEach(service::addDataLoaderRegistrar);
        return service;
    }

}
