package dev.erpgraph.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.benchmark.Account360Benchmark.Query;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What partner security costs on the warm path: the account-360 page's warm throughput
 * (every value cached) of the product as it is, every query with a bearer token checked
 * and its answer written to the access log, against the same product without either
 * ({@link OpenServer}: as it answered before). Both servers run side by side and are
 * measured in turns, so that the machine's noise falls on both alike; the ratio is of the
 * medians over the rounds.
 */
final class SecurityCost {

    static final int ROUNDS = Integer.getInteger("benchmark.securityRounds", 3);

    static final int WARM_UP_ROUNDS = 3;

    private SecurityCost() {
    }

    static List<String> measure() throws Exception {
        try (ConfigurableApplicationContext secured = start(false); ConfigurableApplicationContext open = start(true)) {
            int securedPort = port(secured);
            int openPort = port(open);
            // The open server ignores the header; the secured one checks it on every
            // query.
            Account360Benchmark.bearer = "Bearer " + DemoTokens.fetch(securedPort, DemoTokens.MANAGER);
            Query page = Account360Benchmark.query(Account360Benchmark.cursors(securedPort).get(0));
            ThroughputInTurns turns = ThroughputInTurns.measure(WARM_UP_ROUNDS, ROUNDS, securedPort, page, openPort,
                    page);
            double securedMedian = turns.firstMedian();
            double openMedian = turns.secondMedian();
            return List.of(String.format(Locale.ROOT,
                    "security cost, warm throughput (%d rounds in turns, %d clients, %d queries each): with a bearer"
                            + " token and the access log %.1f queries/s %s; without either (as before) %.1f queries/s"
                            + " %s; ratio %.2f (target: at least 0.90)",
                    ROUNDS, Account360Benchmark.THROUGHPUT_CLIENTS, Account360Benchmark.THROUGHPUT_QUERIES,
                    securedMedian, ThroughputInTurns.rounds(turns.first()), openMedian,
                    ThroughputInTurns.rounds(turns.second()), turns.ratio()));
        }
    }

    /**
     * The benchmark's server; cached values live an hour, so that every round is warm.
     * Command-line arguments, because default properties lose to application.yaml (its
     * port and its database, which the two servers must not share).
     */
    static ConfigurableApplicationContext start(boolean open) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--erp.timeout=10s",
                "--graph.security.rate-limit.requests-per-minute=100000000", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--erp.cache.ttl.orders=1h", "--erp.cache.ttl.inventory=1h",
                "--erp.cache.ttl.prices=1h", "--erp.cache.ttl.credit=1h",
                "--spring.datasource.url=jdbc:h2:mem:" + (open ? "open" : "secured")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.main.allow-bean-definition-overriding=" + open));
        SpringApplicationBuilder builder = open
                ? new SpringApplicationBuilder(ErpGraphApplication.class, OpenServer.class)
                : new SpringApplicationBuilder(ErpGraphApplication.class);
        return builder.run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

}
