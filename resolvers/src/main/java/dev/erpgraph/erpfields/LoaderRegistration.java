package dev.erpgraph.erpfields;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Registers an ERP-field DataLoader by name, the same way for every resource: batched (one gateway call per
 * dispatch) unless {@code erp.graphql.batching=false} turns every key into its own call.
 */
public final class LoaderRegistration {

    private LoaderRegistration() {
    }

    public static <K, V> void register(BatchLoaderRegistry registry, String name, ErpFieldProperties properties,
                                       Function<Set<K>, CompletableFuture<Map<K, V>>> batch) {
        registry.<K, V>forName(name)
                .withOptions(options -> {
                    if (!properties.batching()) {
                        options.setMaxBatchSize(1);
                    }
                })
                .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> batch.apply(keys)));
    }
}
