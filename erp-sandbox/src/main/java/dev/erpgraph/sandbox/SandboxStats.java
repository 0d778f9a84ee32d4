package dev.erpgraph.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sandbox was asked: requests in all, per resource, and the most it ever had in
 * flight at once (the SX.e fan-out bound is asserted on that). Served at {@code GET
 * /sandbox/{id}/_admin/stats}.
 */
public final class SandboxStats {

    private final AtomicLong requests = new AtomicLong();

    private final Map<String, AtomicLong> byResource = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicInteger maxInFlight = new AtomicInteger();

    private final List<Interval> intervals = new ArrayList<>();

    /**
     * When one request was served (System.nanoTime), for measuring how many ran one after
     * another, and what it was ({@code GET /sandbox/sap/...}, without the query string),
     * for saying which requests they were.
     */
    public record Interval(long startNanos, long endNanos, String request) {
    }

    private static final int MAX_INTERVALS = 100_000;

    /** A snapshot, as the admin API serves it. */
    public record Snapshot(long requests, Map<String, Long> byResource, int inFlight, int maxConcurrent) {
    }

    void started() {
        requests.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void finished(long startNanos, String request) {
        inFlight.decrementAndGet();
        synchronized (intervals) {
            if (intervals.size() < MAX_INTERVALS) {
                intervals.add(new Interval(startNanos, System.nanoTime(), request));
            }
        }
    }

    /**
     * The requests served since the last reset, as time intervals (bounded to the last
     * 100,000).
     */
    public List<Interval> intervals() {
        synchronized (intervals) {
            return List.copyOf(intervals);
        }
    }

    /**
     * Called by an ERP's sandbox controller for every request it serves, naming what was
     * read or written.
     */
    public void record(String resource) {
        byResource.computeIfAbsent(resource, key -> new AtomicLong()).incrementAndGet();
    }

    public Snapshot snapshot() {
        Map<String, Long> resources = new TreeMap<>();
        byResource.forEach((resource, count) -> resources.put(resource, count.get()));
        return new Snapshot(requests.get(), resources, inFlight.get(), maxInFlight.get());
    }

    public void reset() {
        requests.set(0);
        byResource.clear();
        maxInFlight.set(inFlight.get());
        synchronized (intervals) {
            intervals.clear();
        }
    }

}
