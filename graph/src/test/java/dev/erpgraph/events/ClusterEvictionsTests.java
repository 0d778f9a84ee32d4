package dev.erpgraph.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.erpgraph.TestPostgres;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on the real PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}): an eviction published by one is applied by the other, and not again
 * by itself. Skipped when PostgreSQL is not reachable, unless
 * {@code ERPGRAPH_TEST_POSTGRES=required} or {@code CI=true}: then it fails.
 */
class ClusterEvictionsTests {

    private final List<ErpEviction> appliedByA = new CopyOnWriteArrayList<>();

    private final List<ErpEviction> appliedByB = new CopyOnWriteArrayList<>();

    private ClusterEvictions replicaA;

    private ClusterEvictions replicaB;

    @BeforeEach
    void startTwoReplicas() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestPostgres.URL);
        dataSource.setUser(TestPostgres.USER);
        TestPostgres.require();
        replicaA = new ClusterEvictions(dataSource, appliedByA::add, () -> {
        }, "replica-a");
        replicaB = new ClusterEvictions(dataSource, appliedByB::add, () -> {
        }, "replica-b");
        replicaA.start();
        replicaB.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> replicaA.isListening() && replicaB.isListening());
    }

    @AfterEach
    void stopReplicas() {
        if (replicaA != null) {
            replicaA.stop();
        }
        if (replicaB != null) {
            replicaB.stop();
        }
    }

    @Test
    void anEvictionPublishedByOneReplicaIsAppliedByTheOther() {
        ErpEviction stock = ErpEviction.skus("ns", ErpResource.INVENTORY, Set.of("PVC-10000", "O'Brien \"x\""));
        ErpEviction credit = ErpEviction.all("bc", ErpResource.CREDIT);

        replicaA.publish(List.of(stock, credit));

        await().atMost(Duration.ofSeconds(10)).until(() -> appliedByB.size() == 2);
        assertThat(appliedByB).containsExactly(stock, credit);
        assertThat(appliedByA).isEmpty();
    }

    @Test
    void anEvictionTooLargeForOneNotificationEvictsTheWholeResourceElsewhere() {
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            skus.add("SKU-" + i);
        }

        replicaB.publish(List.of(ErpEviction.skus("ns", ErpResource.PRICES, skus)));

        await().atMost(Duration.ofSeconds(10)).until(() -> appliedByA.size() == 1);
        assertThat(appliedByA).containsExactly(ErpEviction.all("ns", ErpResource.PRICES));
    }

}
