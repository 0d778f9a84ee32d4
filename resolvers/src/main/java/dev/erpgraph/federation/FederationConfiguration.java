package dev.erpgraph.federation;

import java.util.Map;

import dev.erpgraph.access.Caller;
import dev.erpgraph.orders.OrderView;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.ClassNameTypeResolver;

/**
 * Makes the schema an Apollo Federation v2 subgraph ({@code graphql/federation.graphqls}
 * names the entities and their keys): Spring for GraphQL's
 * {@link FederationSchemaFactory} adds {@code _service} and {@code _entities} and routes
 * each entity to its {@code @EntityMapping} method. {@code _service { sdl }} is the
 * schema's SDL, which is the distributor's: like {@code /graphql/schema} and
 * introspection, it answers internal principals only (a gateway composes with a service
 * credential); a partner gets {@code FORBIDDEN}.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    private static final FieldCoordinates SERVICE = FieldCoordinates.coordinates("Query", "_service");

    @Bean
    FederationSchemaFactory federationSchemaFactory() {
        FederationSchemaFactory factory = new FederationSchemaFactory();
        // Entities are resolved to records named as their types, but for the order's
        // view.
        ClassNameTypeResolver types = new ClassNameTypeResolver();
        types.addMapping(OrderView.class, "Order");
        factory.setTypeResolver(types);
        return factory;
    }

    @Bean
    GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
        return builder -> builder.schemaFactory(
                (registry, wiring) -> serviceForInternalCallers(factory.createGraphQLSchema(registry, wiring)));
    }

    private static GraphQLSchema serviceForInternalCallers(GraphQLSchema schema) {
        GraphQLCodeRegistry code = schema.getCodeRegistry();
        DataFetcher<?> sdl = code.getDataFetcher(SERVICE, schema.getQueryType().getFieldDefinition("_service"));
        DataFetcher<?> guarded = environment -> {
            if (!Caller.current().isPartner()) {
                return sdl.get(environment);
            }
            return DataFetcherResult.newResult()
                .error(GraphqlErrorBuilder.newError(environment)
                    .message("The subgraph's SDL is for the distributor's own gateway.")
                    .extensions(Map.of("code", "FORBIDDEN"))
                    .build())
                .build();
        };
        return schema.transform(
                builder -> builder.codeRegistry(code.transform(registry -> registry.dataFetcher(SERVICE, guarded))));
    }

}
