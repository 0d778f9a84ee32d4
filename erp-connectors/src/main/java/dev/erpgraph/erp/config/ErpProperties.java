package dev.erpgraph.erp.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code erp.*}. One block per ERP system under
 * {@code erp.systems.<id>}; the id is the instance name for the cache, the circuit
 * breaker and the metrics. With none configured, the systems come from the application's
 * {@code DefaultErpSystems}, if it has one (the demo's sandboxes).
 *
 * @param systems the ERP systems to read from, by id
 * @param timeout default timeout of one ERP request (overridable per system)
 * @param cache the gateway cache in front of every connector read (overridable per
 * system)
 * @param resilience circuit breaker, retry, bulkhead and rate limit per system
 * (overridable per system)
 * @param quota when a system's use of its ERP's API quota makes it {@code DEGRADED}
 */
@Validated
@ConfigurationProperties("erp")
public record ErpProperties(Map<String, @Valid ErpSystemProperties> systems,
        @NotNull @DefaultValue("2s") Duration timeout, @Valid @NotNull @DefaultValue Cache cache,
        @Valid @NotNull @DefaultValue Resilience resilience, @Valid @NotNull @DefaultValue Quota quota) {

    public ErpProperties {
        systems = systems == null ? Map.of() : new LinkedHashMap<>(systems);
    }

    /**
     * The gateway cache. An entry is fresh for its resource's TTL; past it, it is kept
     * another {@code maxStale} to be served (flagged stale) while the ERP fails, and
     * dropped after that.
     *
     * @param ttl how long a value is served without asking the ERP again, per resource
     * @param maxStale how long past its TTL a value may still stand in for an ERP that
     * fails
     * @param maximumSize entries per ERP system and resource (the cache is bounded: least
     * used go first)
     */
    public record Cache(@Valid @NotNull @DefaultValue Ttl ttl, @NotNull @DefaultValue("15m") Duration maxStale,
            @Positive @DefaultValue("10000") long maximumSize) {

        /**
         * The TTL of {@code resource} ({@code orders}, {@code inventory}, {@code prices},
         * {@code credit}, {@code shipments}, {@code invoices}).
         */
        public Duration ttl(String resource) {
            return ttl.of(resource);
        }
    }

    /**
     * Time to live per resource: stock moves fastest, list prices slowest; invoices as
     * credit, since what they still owe is the detail of the credit balance and the two
     * must not disagree for long; shipments as credit, since a posted shipment's tracking
     * and status change a few times a day and its change event evicts it sooner.
     */
    public record Ttl(@NotNull @DefaultValue("60s") Duration orders, @NotNull @DefaultValue("30s") Duration inventory,
            @NotNull @DefaultValue("5m") Duration prices, @NotNull @DefaultValue("2m") Duration credit,
            @NotNull @DefaultValue("2m") Duration shipments, @NotNull @DefaultValue("2m") Duration invoices) {

        public Duration of(String resource) {
            return switch (resource) {
                case "orders" -> orders;
                case "inventory" -> inventory;
                case "prices" -> prices;
                case "credit" -> credit;
                case "shipments" -> shipments;
                case "invoices" -> invoices;
                default -> throw new IllegalArgumentException("no cache TTL for resource '" + resource + "'");
            };
        }
    }

    /**
     * How each ERP system is called. The call timeout is {@code erp.timeout} (or the
     * system's {@code timeout}): the whole call, retries included, never outlasts it.
     *
     * @param failureRateThreshold percentage of failed calls (in the sliding window) that
     * opens the breaker
     * @param slowCallRateThreshold percentage of slow calls that opens the breaker
     * @param slowCallDuration a call slower than this is slow (and the system DEGRADED
     * when many are)
     * @param slidingWindowSize how many recent calls the breaker judges
     * @param minimumNumberOfCalls calls needed before the breaker judges at all
     * @param waitInOpenState how long an open breaker refuses calls before it lets a few
     * through (half-open)
     * @param permittedCallsInHalfOpenState trial calls in half-open; their outcome closes
     * or reopens it
     * @param maxAttempts attempts per read, the first included (writes are never retried)
     * @param retryBackoff wait before the first retry, doubled for each further one (a
     * 429's Retry-After wins)
     * @param maxConcurrentCalls calls in flight per system; null: the ERP's default (its
     * factory's {@code defaultLimits()})
     * @param limitForPeriod calls allowed per {@code limitRefreshPeriod}; null: the ERP
     * kind's default, 0: none
     * @param limitRefreshPeriod the rate limiter's period
     */
    public record Resilience(@DefaultValue("50") @Positive float failureRateThreshold,
            @DefaultValue("80") @Positive float slowCallRateThreshold,
            @NotNull @DefaultValue("1500ms") Duration slowCallDuration,
            @DefaultValue("20") @Positive int slidingWindowSize, @DefaultValue("10") @Positive int minimumNumberOfCalls,
            @NotNull @DefaultValue("30s") Duration waitInOpenState,
            @DefaultValue("3") @Positive int permittedCallsInHalfOpenState,
            @DefaultValue("2") @Positive int maxAttempts, @NotNull @DefaultValue("100ms") Duration retryBackoff,
            @Positive Integer maxConcurrentCalls, @PositiveOrZero Integer limitForPeriod,
            @NotNull @DefaultValue("1s") Duration limitRefreshPeriod) {

        /** These defaults with a system's overrides applied. */
        public Resilience with(ErpSystemProperties.ResilienceOverrides overrides) {
            if (overrides == null) {
                return this;
            }
            return new Resilience(or(overrides.failureRateThreshold(), failureRateThreshold),
                    or(overrides.slowCallRateThreshold(), slowCallRateThreshold),
                    or(overrides.slowCallDuration(), slowCallDuration),
                    or(overrides.slidingWindowSize(), slidingWindowSize),
                    or(overrides.minimumNumberOfCalls(), minimumNumberOfCalls),
                    or(overrides.waitInOpenState(), waitInOpenState),
                    or(overrides.permittedCallsInHalfOpenState(), permittedCallsInHalfOpenState),
                    or(overrides.maxAttempts(), maxAttempts), or(overrides.retryBackoff(), retryBackoff),
                    or(overrides.maxConcurrentCalls(), maxConcurrentCalls),
                    or(overrides.limitForPeriod(), limitForPeriod),
                    or(overrides.limitRefreshPeriod(), limitRefreshPeriod));
        }

        private static <T> T or(T override, T fallback) {
            return override == null ? fallback : override;
        }
    }

    /**
     * The quota watch (each ERP's quota itself comes from its factory, or
     * {@code erp.systems.<id>.quota.*}).
     *
     * @param degradedAt the share of the quota, used in the current window, at which the
     * system's health becomes {@code DEGRADED} and a warning is logged (once per window)
     */
    public record Quota(
            @DefaultValue("0.7") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double degradedAt) {
    }

}
