package dev.erpgraph.erp.config;

import java.time.Duration;
import java.util.Map;

import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpQuota;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One ERP system.
 *
 * @param kind which ERP product this is
 * @param name a display name ({@code ErpSystem.name}); defaults to the id
 * @param baseUrl the root every connector path is resolved against (see each connector's
 * docs)
 * @param auth how to authenticate
 * @param timeout this system's request timeout; null: {@code erp.timeout}
 * @param maxConcurrency how many requests the connector may have in flight where it fans
 * out (default 4)
 * @param options connector-specific settings (versioned operation names, company ids,
 * entity set names)
 * @param cache this system's cache settings where they differ from {@code erp.cache}
 * @param resilience this system's resilience settings where they differ from
 * {@code erp.resilience}
 * @param events how this system's change events are authenticated
 * @param quota this system's API quota where it differs from its ERP kind's documented
 * one
 */
public record ErpSystemProperties(@NotNull ErpKind kind, String name, @NotBlank String baseUrl,
        @Valid ErpAuthProperties auth, Duration timeout, @Positive Integer maxConcurrency, Map<String, String> options,
        @Valid CacheOverrides cache, @Valid ResilienceOverrides resilience, @Valid Events events,
        @Valid QuotaOverrides quota) {

    /** The one constructor configuration binds through (the short one is for code). */
    @ConstructorBinding
    public ErpSystemProperties {
        auth = auth == null ? ErpAuthProperties.none() : auth;
        options = options == null ? Map.of() : Map.copyOf(options);
        cache = cache == null ? new CacheOverrides(null, null, null) : cache;
        events = events == null ? new Events(null) : events;
        quota = quota == null ? new QuotaOverrides(null, null, null) : quota;
    }

    /**
     * A system with the global cache, resilience and events settings (what the demo
     * sandboxes configure).
     */
    public ErpSystemProperties(ErpKind kind, String name, String baseUrl, ErpAuthProperties auth, Duration timeout,
            Integer maxConcurrency, Map<String, String> options) {
        this(kind, name, baseUrl, auth, timeout, maxConcurrency, options, null, null, null, null);
    }

    /**
     * A system's cache settings; what is left out comes from {@code erp.cache}.
     *
     * @param ttl per resource name ({@code orders}, {@code inventory}, {@code prices},
     * {@code credit}, {@code shipments}, {@code invoices})
     */
    public record CacheOverrides(Map<String, Duration> ttl, Duration maxStale, @Positive Long maximumSize) {

        public CacheOverrides {
            ttl = ttl == null ? Map.of() : Map.copyOf(ttl);
        }
    }

    /**
     * A system's resilience settings; each one left out comes from
     * {@code erp.resilience}.
     */
    public record ResilienceOverrides(@Positive Float failureRateThreshold, @Positive Float slowCallRateThreshold,
            Duration slowCallDuration, @Positive Integer slidingWindowSize, @Positive Integer minimumNumberOfCalls,
            Duration waitInOpenState, @Positive Integer permittedCallsInHalfOpenState, @Positive Integer maxAttempts,
            Duration retryBackoff, @Positive Integer maxConcurrentCalls, @PositiveOrZero Integer limitForPeriod,
            Duration limitRefreshPeriod) {
    }

    /**
     * @param secret the shared secret of {@code POST /erp-events/<id>}: the HMAC key of
     * signed events, Business Central's {@code clientState}, the password of SAP Event
     * Mesh's webhook (Basic)
     */
    public record Events(String secret) {

        @Override
        public String toString() {
            return "Events[secret=***]";
        }
    }

    /**
     * A system's API quota; what is left out comes from its ERP kind's factory
     * ({@code ErpCallLimits.quota}).
     *
     * @param limit requests per window, or requests in flight at once; 0: none
     * @param window the window requests are counted in
     * @param measure {@code REQUESTS} or {@code CONCURRENT_REQUESTS}
     */
    public record QuotaOverrides(@PositiveOrZero Integer limit, Duration window, ErpQuota.Measure measure) {

        /** {@code defaults} with these overrides applied. */
        public ErpQuota applyTo(ErpQuota defaults) {
            return defaults.with(measure, limit, window);
        }
    }

}
