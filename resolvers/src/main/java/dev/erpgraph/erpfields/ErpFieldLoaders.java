package dev.erpgraph.erpfields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import graphql.GraphQLContext;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.springframework.graphql.execution.DataLoaderRegistrar;
import org.springframework.stereotype.Component;

/**
 * The DataLoaders of the ERP-owned fields, registered for every request the same way:
 * batched (one gateway call per dispatch) unless {@code erp.graphql.batching=false} turns
 * every key into its own call.
 * <p>
 * A loader answers a dispatch in parts, typically one per ERP system
 * ({@link dev.erpgraph.erp.gateway.ErpReplies}), and each part's keys resolve as soon as
 * that part completes: the orders of an ERP that answered are completed, lines and all,
 * and their stock can be asked for while a slower ERP is still reading its orders
 * ({@link ErpBatchPublisher}, {@link RequestDispatch}). Spring's
 * {@code BatchLoaderRegistry} only knows loaders that answer a whole batch at once, hence
 * this registrar.
 */
@Component
public class ErpFieldLoaders implements DataLoaderRegistrar {

    private final ErpFieldProperties properties;

    private final Map<String, BiFunction<Set<Object>, GraphQLContext, List<CompletableFuture<Map<Object, Object>>>>> loaders = new LinkedHashMap<>();

    ErpFieldLoaders(ErpFieldProperties properties) {
        this.properties = properties;
    }

    /**
     * Registers the loader of one ERP-owned field; its batches answer in parts, as
     * {@link dev.erpgraph.erp.gateway.ErpReplies#parts()} and
     * {@link dev.erpgraph.erp.gateway.ErpReplies#partsFor} give them.
     * @param batch the keys of one dispatch and the request's GraphQL context (for what
     * the request already read, such as
     * {@link dev.erpgraph.erpsystems.AccountErpLinks#of(java.util.Collection, GraphQLContext)})
     * to the parts of their answer; a key in no part resolves to null
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <K, V> void register(String name,
            BiFunction<Set<K>, GraphQLContext, List<CompletableFuture<Map<K, V>>>> batch) {
        if (loaders.putIfAbsent(name, (BiFunction) batch) != null) {
            throw new IllegalStateException("A DataLoader named '" + name + "' is already registered");
        }
    }

    @Override
    public boolean hasRegistrations() {
        return !loaders.isEmpty();
    }

    @Override
    public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
        RequestDispatch dispatch = new RequestDispatch();
        DataLoaderOptions.Builder options = DataLoaderOptions.newOptions().setInstrumentation(dispatch);
        if (!properties.batching()) {
            options.setMaxBatchSize(1);
        }
        loaders.forEach((name, batch) -> registry.register(name, DataLoaderFactory.newMappedPublisherDataLoader(name,
                new ErpBatchPublisher(batch, context, dispatch), options.build())));
    }

}
