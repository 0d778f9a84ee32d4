package dev.erpgraph.erp.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.ErpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErpRepliesTests {

    private static final CustomerRef SAP_CUSTOMER = new CustomerRef("sap", "17100001");

    private static final CustomerRef NETSUITE_CUSTOMER = new CustomerRef("netsuite", "1042");

    private final CompletableFuture<Map<CustomerRef, ErpOutcome<String>>> sap = new CompletableFuture<>();

    private final CompletableFuture<Map<CustomerRef, ErpOutcome<String>>> netSuite = new CompletableFuture<>();

    private final ErpReplies<CustomerRef, String> replies = new ErpReplies<>(Map.of("sap", sap, "netsuite", netSuite));

    @Test
    void aSystemsKeysAreAnsweredWithoutWaitingForTheOtherSystems() {
        List<CompletableFuture<Map<String, ErpOutcome<String>>>> parts = replies
            .partsFor(Map.of("account 1", SAP_CUSTOMER, "account 2", NETSUITE_CUSTOMER));

        sap.complete(Map.of(SAP_CUSTOMER, value("sap")));

        assertThat(parts).hasSize(2);
        assertThat(parts).filteredOn(CompletableFuture::isDone)
            .singleElement()
            .satisfies(part -> assertThat(part.join()).containsOnlyKeys("account 1"));
        assertThat(replies.all()).isNotDone();
    }

    @Test
    void allAnswersEveryKeyOnceEverySystemHasAnswered() {
        ErpOutcome<String> unknown = ErpOutcome.failed(ErpException.notFound("netsuite", "customer 1042"));
        sap.complete(Map.of(SAP_CUSTOMER, value("sap")));
        netSuite.complete(Map.of(NETSUITE_CUSTOMER, unknown));

        assertThat(replies.all().join()).isEqualTo(Map.of(SAP_CUSTOMER, value("sap"), NETSUITE_CUSTOMER, unknown));
    }

    @Test
    void aSystemTheCallDidNotAskAnswersNothing() {
        assertThat(replies.part("p21").join()).isEmpty();
    }

    private static ErpOutcome<String> value(String systemId) {
        return ErpOutcome.of("credit of " + systemId, new Freshness(systemId, Instant.EPOCH, false, false));
    }

}
