package dev.erpgraph.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.erpgraph.benchmark.Account360Benchmark.Query;

/**
 * Two warm throughputs measured in turns (a round of one, then a round of the other), so
 * that the shared machine's noise falls on both alike; the ratio is of the medians over
 * the rounds.
 *
 * @param first queries a second of the first page, per round
 * @param second queries a second of the second page, per round
 */
record ThroughputInTurns(List<Double> first, List<Double> second) {

    static ThroughputInTurns measure(int warmUpRounds, int rounds, int firstPort, Query firstPage, int secondPort,
            Query secondPage) throws Exception {
        for (int round = 0; round < warmUpRounds; round++) {
            Account360Benchmark.execute(firstPort, firstPage);
            Account360Benchmark.execute(secondPort, secondPage);
            Account360Benchmark.throughput(firstPort, firstPage);
            Account360Benchmark.throughput(secondPort, secondPage);
        }
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            first.add(Account360Benchmark.throughput(firstPort, firstPage).perSecond());
            second.add(Account360Benchmark.throughput(secondPort, secondPage).perSecond());
        }
        return new ThroughputInTurns(first, second);
    }

    double firstMedian() {
        return Account360Benchmark.Figures.median(first);
    }

    double secondMedian() {
        return Account360Benchmark.Figures.median(second);
    }

    double ratio() {
        return firstMedian() / secondMedian();
    }

    static String rounds(List<Double> perSecond) {
        return perSecond.stream().map(value -> String.format(Locale.ROOT, "%.1f", value)).toList().toString();
    }

}
