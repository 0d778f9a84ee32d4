package dev.erpgraph.changes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How many subscriptions are open, per subscription field: the gauge
 * {@code graphql.subscriptions.active{subscription=...}}. A subscription counts from its
 * first subscriber until it ends however it ends (the client completes it or goes away,
 * the server fails it), so a count that never drops back is a leak an operator sees.
 */
@Component
public class ActiveSubscriptions {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final MeterRegistry meters;

    public ActiveSubscriptions(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** The stream, counted while it is subscribed to. */
    public <T> Flux<T> counted(String subscription, Flux<T> stream) {
        AtomicInteger count = counter(subscription);
        return stream.doOnSubscribe(subscribed -> count.incrementAndGet()).doFinally(ended -> count.decrementAndGet());
    }

    /** Open subscriptions of one field. */
    public int count(String subscription) {
        AtomicInteger count = counts.get(subscription);
        return (count != null) ? count.get() : 0;
    }

    private AtomicInteger counter(String subscription) {
        return counts.computeIfAbsent(subscription, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("graphql.subscriptions.active", count, AtomicInteger::get)
                .description("open GraphQL subscriptions")
                .tag("subscription", name)
                .register(meters);
            return count;
        });
    }

}
