package dev.erpgraph.erpfields;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.erpgraph.access.Caller;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Records what of the request's context each batch loader and each connector call sees:
 * the authenticated {@link Caller} (Spring Security's context), the
 * {@link AuditPrincipal} thread-local, the MDC, and (for loaders) the principal the
 * request's own GraphQL context names. It decorates the application's
 * {@link BatchLoaderRegistry} (every loader registered through it) and every connector
 * the {@link ErpConnectorFactory} beans create (a JDK proxy of the connector SPI, so
 * whatever the SPI adds is passed through).
 */
public final class ContextSightings implements BeanPostProcessor {

    /**
     * One look at the context.
     *
     * @param where {@code loader <name>}, or {@code <system id> <read>} for a connector
     * call
     * @param caller the id of the {@link Caller} in Spring Security's context, if any
     * @param inRequest the principal the request's GraphQL context names (loaders only)
     */
    public record Sighting(String where, String caller, String principal, String mdc, String inRequest, String thread) {
    }

    private static final Set<String> READS = Set.of("orders", "ordersByNumber", "stock", "prices", "credit");

    private final List<Sighting> sightings = new CopyOnWriteArrayList<>();

    private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();

    public List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    public void clear() {
        sightings.clear();
        started.clear();
    }

    /**
     * Holds each of these systems' connector calls until every one of them has a call in
     * flight: requests to them then overlap, whatever the machine's load.
     */
    public void overlap(String... systemIds) {
        for (String systemId : systemIds) {
            started.put(systemId, new CountDownLatch(1));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof BatchLoaderRegistry registry) {
            return new SightedRegistry(registry);
        }
        if (bean instanceof ErpConnectorFactory factory) {
            return new ErpConnectorFactory(factory.kind(), factory.defaultLimits(), factory.eventParser(),
                    (settings, http) -> proxy(ErpConnector.class, factory.create(settings, http), null)) {
            };
        }
        return bean;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication != null && authentication.getPrincipal() instanceof Caller caller) ? caller.id() : null;
    }

    private void sawInLoader(String name, GraphQLContext request) {
        String inRequest = request.get(AuditPrincipal.IN_REQUEST);
        if (inRequest != null || AuditPrincipal.current() != null) {
            sightings.add(new Sighting("loader " + name, caller(), AuditPrincipal.current(),
                    MDC.get(AuditPrincipal.MDC_KEY), inRequest, Thread.currentThread().getName()));
        }
    }

    private void sawInConnector(ErpConnector connector, String read) throws InterruptedException {
        String systemId = connector.systemId();
        sightings.add(new Sighting(systemId + " " + read, caller(), AuditPrincipal.current(),
                MDC.get(AuditPrincipal.MDC_KEY), null, Thread.currentThread().getName()));
        CountDownLatch own = started.get(systemId);
        if (own != null) {
            own.countDown();
            for (CountDownLatch other : started.values()) {
                if (!other.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other requests' connector calls never started");
                }
            }
        }
    }

    /**
     * A JDK proxy passing every call to {@code target}; connector reads are sighted
     * first, and {@code after} (when given) may replace a result.
     */
    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (target instanceof ErpConnector connector && READS.contains(method.getName())) {
                sawInConnector(connector, method.getName());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
            return after == null ? result : after.apply(method, result);
        });
    }

    /** The application's registry, its loaders sighted as they run. */
    private final class SightedRegistry implements BatchLoaderRegistry {

        private final BatchLoaderRegistry registry;

        SightedRegistry(BatchLoaderRegistry registry) {
            this.registry = registry;
        }

        @Override
        public <K, V> RegistrationSpec<K, V> forTypePair(Class<K> keyType, Class<V> valueType) {
            return new SightedSpec<>(registry.forTypePair(keyType, valueType), valueType.getName());
        }

        @Override
        public <K, V> RegistrationSpec<K, V> forName(String name) {
            return new SightedSpec<>(registry.forName(name), name);
        }

        @Override
        public boolean hasRegistrations() {
            return registry.hasRegistrations();
        }

        @Override
        public void registerDataLoaders(DataLoaderRegistry loaders, GraphQLContext context) {
            registry.registerDataLoaders(loaders, context);
        }

    }

    private final class SightedSpec<K, V> implements BatchLoaderRegistry.RegistrationSpec<K, V> {

        private final BatchLoaderRegistry.RegistrationSpec<K, V> spec;

        private String name;

        SightedSpec(BatchLoaderRegistry.RegistrationSpec<K, V> spec, String name) {
            this.spec = spec;
            this.name = name;
        }

        @Override
        public BatchLoaderRegistry.RegistrationSpec<K, V> withName(String name) {
            this.name = name;
            spec.withName(name);
            return this;
        }

        @Override
        public BatchLoaderRegistry.RegistrationSpec<K, V> withOptions(Consumer<DataLoaderOptions.Builder> options) {
            spec.withOptions(options);
            return this;
        }

        @Override
        public BatchLoaderRegistry.RegistrationSpec<K, V> withOptions(DataLoaderOptions options) {
            spec.withOptions(options);
            return this;
        }

        @Override
        public void registerBatchLoader(BiFunction<List<K>, BatchLoaderEnvironment, Flux<V>> loader) {
            String loaderName = name;
            spec.registerBatchLoader((keys, environment) -> {
                sawInLoader(loaderName, environment.getContext());
                return loader.apply(keys, environment);
            });
        }

        @Override
        public void registerMappedBatchLoader(BiFunction<Set<K>, BatchLoaderEnvironment, Mono<Map<K, V>>> loader) {
            String loaderName = name;
            spec.registerMappedBatchLoader((keys, environment) -> {
                sawInLoader(loaderName, environment.getContext());
                return loader.apply(keys, environment);
            });
        }

    }

}
