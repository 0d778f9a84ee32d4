package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector self-check: every endpoint a system's connector will read is probed with
 * the cheapest request its ERP offers ({@link ErpProbe}), and each is reported
 * {@link ErpResourceStatus#USABLE USABLE}, {@link ErpResourceStatus#MISSING MISSING}
 * (with the option to set), {@link ErpResourceStatus#UNAUTHORIZED UNAUTHORIZED} or
 * {@link ErpResourceStatus#UNREACHABLE UNREACHABLE}.
 *
 * <p>
 * A probe is an ERP call like any other: it goes through the system's guard (rate limit,
 * bulkhead, breaker, retries, and the ERP's timeout, so a slow ERP costs its timeout and
 * no more). One system's probes run one after another on a gateway thread, never on the
 * caller's, and never as a burst: a dozen probes at once made a just-started ERP (the
 * sandbox process, cold) miss its timeout on half of them, which opened its breaker and
 * failed the first real page. {@link #checkAll()} at start-up returns at once, so
 * start-up never waits on an ERP, and nothing a probe finds stops the application. The
 * findings are logged (one line per system, listing what to fix) and kept until the next
 * check: {@link ErpGateway#health} is DEGRADED while one of them is not usable.
 */
public final class ErpSelfCheck {

    private static final Logger logger = LoggerFactory.getLogger(ErpSelfCheck.class);

    private final ErpSystems systems;

    private final ErpCallPolicy policy;

    private final Executor executor;

    private final Clock clock;

    private final Map<String, List<ErpResourceCheck>> latest = new ConcurrentHashMap<>();

    /**
     * @param executor where the probes run (they block on HTTP); the gateway's threads
     */
    public ErpSelfCheck(ErpSystems systems, ErpCallPolicy policy, Executor executor, Clock clock) {
        this.systems = systems;
        this.policy = policy;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Probes every endpoint of one system; the future completes once each has answered or
     * failed (never exceptionally), and the findings replace the system's last ones.
     * @throws IllegalArgumentException for a system that is not configured
     */
    public CompletableFuture<List<ErpResourceCheck>> check(String erpSystemId) {
        ErpSystems.ErpSystem system = systems.find(erpSystemId)
            .orElseThrow(() -> new IllegalArgumentException("no ERP system '" + erpSystemId + "'"));
        List<ErpProbe> probes = system.connector().probes();
        return CompletableFuture.supplyAsync(() -> {
            List<ErpResourceCheck> checks = probes.stream().map(probe -> probe(erpSystemId, probe)).toList();
            latest.put(erpSystemId, checks);
            log(erpSystemId, checks);
            return checks;
        }, executor);
    }

    /**
     * Checks every configured system in the background (at start-up): returns at once;
     * each system's findings arrive when its probes have answered.
     */
    public CompletableFuture<Void> checkAll() {
        return CompletableFuture
            .allOf(systems.all().stream().map(system -> check(system.id()).exceptionally(failure -> {
                logger.warn("ERP {}: the self-check could not run: {}", system.id(), failure.toString());
                return List.of();
            })).toArray(CompletableFuture[]::new));
    }

    /** The system's findings of its last check; empty until its first check is done. */
    public List<ErpResourceCheck> latest(String erpSystemId) {
        return latest.getOrDefault(erpSystemId, List.of());
    }

    /** Whether the last check found an endpoint of this system that is not usable. */
    public boolean hasUnusable(String erpSystemId) {
        return latest(erpSystemId).stream().anyMatch(check -> !check.usable());
    }

    private ErpResourceCheck probe(String erpSystemId, ErpProbe probe) {
        String option = probe.option() == null ? null : "erp.systems." + erpSystemId + ".options." + probe.option();
        try {
            policy.readLive(erpSystemId, () -> {
                probe.request().run();
                return Boolean.TRUE;
            });
            return new ErpResourceCheck(probe.resource(), ErpResourceStatus.USABLE, null, option, clock.instant());
        }
        catch (ErpException failure) {
            return new ErpResourceCheck(probe.resource(), status(failure), message(failure), option, clock.instant());
        }
        catch (RuntimeException failure) {
            return new ErpResourceCheck(probe.resource(), ErpResourceStatus.UNREACHABLE,
                    "the probe failed: " + failure.getClass().getSimpleName(), option, clock.instant());
        }
    }

    private static ErpResourceStatus status(ErpException failure) {
        return switch (failure.kind()) {
            case MISCONFIGURED, NOT_FOUND -> ErpResourceStatus.MISSING;
            case UNAUTHORIZED -> ErpResourceStatus.UNAUTHORIZED;
            case UNAVAILABLE, TIMEOUT, BAD_RESPONSE, REJECTED -> ErpResourceStatus.UNREACHABLE;
        };
    }

    private static String message(ErpException failure) {
        if (failure.kind() == ErpException.Kind.MISCONFIGURED && failure.erpMessage() != null) {
            return failure.erpMessage();
        }
        return failure.kind() + ": " + failure.getMessage();
    }

    private static void log(String erpSystemId, List<ErpResourceCheck> checks) {
        List<ErpResourceCheck> unusable = checks.stream().filter(check -> !check.usable()).toList();
        if (unusable.isEmpty()) {
            logger.info("ERP {}: self-check passed, all {} endpoints usable", erpSystemId, checks.size());
            return;
        }
        String toFix = unusable.stream()
            .map(check -> "  " + check.resource() + " " + check.status() + ": " + check.message()
                    + (check.option() == null ? "" : " (set " + check.option() + ")"))
            .collect(Collectors.joining(System.lineSeparator()));
        logger.warn("ERP {}: self-check found {} of {} endpoints unusable; health is DEGRADED until fixed:{}{}",
                erpSystemId, unusable.size(), checks.size(), System.lineSeparator(), toFix);
    }

}
