package dev.erpgraph.erpfields;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import graphql.GraphQLContext;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Registers an ERP-field DataLoader by name, the same way for every resource: batched (one gateway call per
 * dispatch) unless {@code erp.graphql.batching=false} turns every key into its own call.
 */
public final class LoaderRegistration {

    private LoaderRegistration() {
    }

    /**
     * @param batch the keys of one dispatch and the request's GraphQL context (for what the request already read,
     *              such as {@link dev.erpgraph.erpsystems.AccountErpLinks#of(java.util.Collection, GraphQLContext)})
     */
    public static <K, V> void register(BatchLoaderRegistry registry, String name, ErpFieldProperties properties,
                                       BiFunction<Set<K>, GraphQLContext, CompletableFuture<Map<K, V>>> batch) {
        registry.<K, V>forName(name)
                .withOptions(options -> {
                    if (!properties.batching()) {
                        options.setMaxBatchSize(1);
                    }
                })
                .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> batch.apply(keys, environment.getContext())));
    }
}
