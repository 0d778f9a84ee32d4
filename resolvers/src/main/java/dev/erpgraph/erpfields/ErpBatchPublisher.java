package dev.erpgraph.erpfields;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchPublisherWithContext;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One ERP-field loader's batches, answered part by part: each part's keys resolve when
 * that part completes, and the loads they make are dispatched then (see
 * {@link RequestDispatch}).
 * <p>
 * The batch reports itself finished only once the batches its keys started have finished
 * too. graphql-java's exhausted dispatching dispatches again only when every batch it
 * dispatched has finished; were this batch to finish first, graphql-java could dispatch
 * while a later part is still queueing its keys, and split one ERP's stock into several
 * calls.
 */
final class ErpBatchPublisher implements MappedBatchPublisherWithContext<Object, Object> {

    /**
     * Values are pushed as parts complete; a DataLoader asks for all of them, so there is
     * no demand to honour.
     */
    private static final Subscription UNBOUNDED = new Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final BiFunction<Set<Object>, GraphQLContext, List<CompletableFuture<Map<Object, Object>>>> batch;

    private final GraphQLContext request;

    private final RequestDispatch dispatch;

    ErpBatchPublisher(BiFunction<Set<Object>, GraphQLContext, List<CompletableFuture<Map<Object, Object>>>> batch,
            GraphQLContext request, RequestDispatch dispatch) {
        this.batch = batch;
        this.request = request;
        this.dispatch = dispatch;
    }

    @Override
    public void load(List<Object> keys, Subscriber<Map.Entry<Object, Object>> subscriber,
            BatchLoaderEnvironment environment) {
        subscriber.onSubscribe(UNBOUNDED);
        List<CompletableFuture<Map<Object, Object>>> parts;
        try {
            parts = batch.apply(new LinkedHashSet<>(keys), request);
        }
        catch (RuntimeException ex) {
            subscriber.onError(ex);
            return;
        }
        CompletableFuture<?>[] finished = parts.stream()
            .map(part -> part
                .thenCompose(answered -> dispatch.complete(() -> answered.entrySet().forEach(subscriber::onNext))))
            .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(finished).whenComplete((done, failure) -> dispatch.complete(() -> {
            if (failure == null) {
                subscriber.onComplete();
            }
            else {
                subscriber.onError(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
    }

}
