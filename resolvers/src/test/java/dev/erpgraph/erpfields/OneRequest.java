package dev.erpgraph.erpfields;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * The DataLoaders of one GraphQL request, made from a {@link BatchLoaderRegistry}'s
 * registrations as Spring's execution service makes them.
 */
public final class OneRequest {

    private final GraphQLContext context = GraphQLContext.newContext().build();

    private final DataLoaderRegistry loaders = DataLoaderRegistry.newRegistry().build();

    public OneRequest(BatchLoaderRegistry registry) {
        registry.registerDataLoaders(loaders, context);
    }

    public <K, V> DataLoader<K, V> loader(String name) {
        return loaders.getDataLoader(name);
    }

    /** The request's GraphQL context, which loaders receive as their batch context. */
    public GraphQLContext context() {
        return context;
    }

}
