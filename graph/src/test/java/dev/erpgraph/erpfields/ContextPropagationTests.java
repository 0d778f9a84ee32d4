package dev.erpgraph.erpfields;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erpfields.ContextSightings.Sighting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is set on the request thread reaches every ERP-field loader and every connector
 * call, on whatever thread they run, and only those of its own request: a thread-local
 * registered in Micrometer's {@code ContextRegistry} (the {@link AuditPrincipal}, set by
 * a {@code WebGraphQlInterceptor}), the SLF4J MDC, and the signed-in {@code Caller} in
 * Spring Security's context, whose scope every store read and every audit entry takes.
 */
class ContextPropagationTests extends HttpGraphQlTests {

    private static final Set<String> ERP_FIELD_LOADERS = Set.of("loader accountOrders", "loader orderByNumber",
            "loader creditStatus", "loader price", "loader inventory");

    /** Who signs in for each of the two witnesses. */
    private static final Map<String, String> CALLERS = Map.of("alice", "demo-manager", "bob", "demo-rep");

    @Autowired
    ContextSightings sightings;

    @Autowired
    ErpGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        sightings.clear();
    }

    @Test
    void twoConcurrentRequestsEachSeeOnlyTheirOwnPrincipalInEveryLoaderAndConnectorCall() throws Exception {
        Map<String, String> opportunities = Map.of("sap", wonOpportunity("sap"), "netsuite",
                wonOpportunity("netsuite"));
        cold();
        sightings.clear();
        sightings.overlap("sap", "netsuite");

        CompletableFuture<Void> alice = CompletableFuture
            .runAsync(() -> erpFields("alice", "demo-manager", "sap", opportunities.get("sap")));
        CompletableFuture<Void> bob = CompletableFuture
            .runAsync(() -> erpFields("bob", "demo-rep", "netsuite", opportunities.get("netsuite")));
        CompletableFuture.allOf(alice, bob).get(60, TimeUnit.SECONDS);

        List<Sighting> inLoaders = sightings.sightings()
            .stream()
            .filter(sighting -> sighting.where().startsWith("loader "))
            .toList();
        assertThat(inLoaders).allSatisfy(sighting -> {
            assertThat(sighting.principal()).as(sighting.toString()).isNotNull().isEqualTo(sighting.inRequest());
            assertThat(sighting.mdc()).as(sighting.toString()).isEqualTo(sighting.inRequest());
            assertThat(sighting.caller()).as(sighting.toString()).isEqualTo(CALLERS.get(sighting.inRequest()));
        });
        for (String principal : List.of("alice", "bob")) {
            assertThat(inLoaders.stream()
                .filter(sighting -> principal.equals(sighting.inRequest()))
                .map(Sighting::where)
                .collect(Collectors.toSet())).as(principal).containsAll(ERP_FIELD_LOADERS);
        }

        assertConnectorCallsOf("sap", "alice");
        assertConnectorCallsOf("netsuite", "bob");
    }

    private void assertConnectorCallsOf(String systemId, String principal) {
        List<Sighting> calls = sightings.sightings()
            .stream()
            .filter(sighting -> sighting.where().startsWith(systemId + " "))
            .toList();
        assertThat(calls).extracting(Sighting::where)
            .containsAll(Set.of(systemId + " orders", systemId + " ordersByNumber", systemId + " stock",
                    systemId + " prices", systemId + " credit"));
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.principal()).as(call.toString()).isEqualTo(principal);
            assertThat(call.mdc()).as(call.toString()).isEqualTo(principal);
            assertThat(call.caller()).as(call.toString()).isEqualTo(CALLERS.get(principal));
            assertThat(call.thread()).as(call.toString()).startsWith("erp-call-");
        });
    }

    private void erpFields(String principal, String clientId, String erpSystemId, String opportunity) {
        as(clientId).mutate()
            .header(AuditPrincipal.HEADER, principal)
            .build()
            .documentName("erpFieldsOfOneErp")
            .variable("erpSystemId", erpSystemId)
            .variable("opportunity", opportunity)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes[0].orders[0].lines[0].inventory[0].warehouse")
            .hasValue()
            .path("opportunity.order.number")
            .hasValue();
    }

    /**
     * An opportunity of the ERP's first customer, won and become that customer's latest
     * order.
     */
    private String wonOpportunity(String erpSystemId) {
        GraphQlTester.Response customer = graphQl
            .document("query($erp: ID!) { accounts(first: 1, filter: { erpSystemId: $erp })"
                    + " { nodes { id orders(first: 1) { number } } } }")
            .variable("erp", erpSystemId)
            .execute();
        customer.errors().verify();
        String accountId = customer.path("accounts.nodes[0].id").entity(String.class).get();
        String orderNumber = customer.path("accounts.nodes[0].orders[0].number").entity(String.class).get();
        String name = uniqueWord();
        String opportunity = graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input", Map.of("accountId", accountId, "name", name, "stage", "CLOSED_WON"))
            .execute()
            .errors()
            .verify()
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();
        jdbc.update("update opportunities set erp_system_id = ?, erp_order_number = ? where name = ?", erpSystemId,
                orderNumber, name);
        return opportunity;
    }

    /** Nothing cached: every ERP field is read from its ERP. */
    private void cold() {
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }
    }

}
