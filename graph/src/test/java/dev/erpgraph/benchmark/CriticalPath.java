package dev.erpgraph.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import dev.erpgraph.sandbox.SandboxStats.Interval;

/**
 * The longest chain of ERP requests that ran strictly one after another: the round trips
 * a query could not overlap, however well it batched and parallelised. Times the
 * sandboxes' latency, it is the query's floor.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /**
     * The same chain weighted by how long each request really took: the time the query
     * could not have spent anywhere but waiting for ERPs (latency plus the ERP's own
     * work), in milliseconds.
     */
    static long busyMillis(List<Interval> intervals) {
        List<Interval> byEnd = intervals.stream().sorted(Comparator.comparingLong(Interval::endNanos)).toList();
        long[] chain = new long[byEnd.size()];
        long longest = 0;
        for (int i = 0; i < byEnd.size(); i++) {
            long own = byEnd.get(i).endNanos() - byEnd.get(i).startNanos();
            chain[i] = own;
            for (int j = 0; j < i; j++) {
                if (byEnd.get(j).endNanos() <= byEnd.get(i).startNanos()) {
                    chain[i] = Math.max(chain[i], chain[j] + own);
                }
            }
            longest = Math.max(longest, chain[i]);
        }
        return longest / 1_000_000;
    }

    /**
     * Longest chain of intervals in which each starts after the previous one ended
     * (O(n²), n is small).
     */
    public static int roundTrips(List<Interval> intervals) {
        List<Interval> byEnd = intervals.stream().sorted(Comparator.comparingLong(Interval::endNanos)).toList();
        int[] chain = new int[byEnd.size()];
        int longest = 0;
        for (int i = 0; i < byEnd.size(); i++) {
            chain[i] = 1;
            for (int j = 0; j < i; j++) {
                if (byEnd.get(j).endNanos() <= byEnd.get(i).startNanos()) {
                    chain[i] = Math.max(chain[i], chain[j] + 1);
                }
            }
            longest = Math.max(longest, chain[i]);
        }
        return longest;
    }

    /**
     * What the query actually waited on, first to last: from the request that finished
     * last, each step back is the request that finished last before it started. The gaps
     * between them are the gateway's own time.
     */
    public static List<Interval> lastChain(List<Interval> intervals) {
        List<Interval> chain = new ArrayList<>();
        Interval current = intervals.stream().max(Comparator.comparingLong(Interval::endNanos)).orElse(null);
        while (current != null) {
            chain.add(current);
            long start = current.startNanos();
            current = intervals.stream()
                .filter(interval -> interval.endNanos() <= start)
                .max(Comparator.comparingLong(Interval::endNanos))
                .orElse(null);
        }
        Collections.reverse(chain);
        return chain;
    }

}
