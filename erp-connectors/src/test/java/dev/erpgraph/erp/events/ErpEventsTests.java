package dev.erpgraph.erp.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.businesscentral.BusinessCentralConnectorFactory;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.netsuite.NetSuiteConnectorFactory;
import dev.erpgraph.erp.p21.P21ConnectorFactory;
import dev.erpgraph.erp.sap.SapConnectorFactory;
import dev.erpgraph.erp.sxe.SxeConnectorFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each ERP's event format read into evictions, and every way an event is refused. */
class ErpEventsTests {

    private static final String SECRET = "s3cret";

    private final ErpEvents events = new ErpEvents(
            systems(Map.of("bc", system(ErpKind.BUSINESS_CENTRAL, SECRET), "sap", system(ErpKind.SAP_S4HANA, SECRET),
                    "ns", system(ErpKind.NETSUITE, SECRET), "p21", system(ErpKind.EPICOR_P21, null))));

    // --- Business Central

    @Test
    void businessCentralRecordNotificationEvictsThatResourceOfTheSystem() {
        List<ErpEviction> evictions = events.read("bc", noHeaders(),
                bytes("""
                        {"value":[{"subscriptionId":"sub-1","clientState":"s3cret","expirationDateTime":"2026-11-05T10:00:00Z",
                          "resource":"api/v2.0/companies(2f1b3c4d-0000-0000-0000-000000000001)/items(5d115c9c-44e3-ea11-bb43-000d3a2feca1)",
                          "changeType":"updated","lastModifiedDateTime":"2026-11-02T10:00:00Z"}]}"""));

        assertThat(evictions).containsExactly(ErpEviction.all("bc", ErpResource.INVENTORY),
                ErpEviction.all("bc", ErpResource.PRICES));
    }

    @Test
    void businessCentralKeyByNumberEvictsOnlyThatNumber() {
        List<ErpEviction> evictions = events.read("bc", noHeaders(), bytes("""
                {"value":[{"clientState":"s3cret","resource":"api/v2.0/companies(1)/customers('10''000')",
                  "changeType":"updated"},
                 {"clientState":"s3cret","resource":"api/v2.0/companies(1)/salesOrders('101005')",
                  "changeType":"deleted"}]}"""));

        assertThat(evictions).containsExactly(ErpEviction.customers("bc", ErpResource.CREDIT, Set.of("10'000")),
                ErpEviction.customers("bc", ErpResource.PRICES, Set.of("10'000")),
                ErpEviction.orderNumbers("bc", Set.of("101005")));
    }

    @Test
    void businessCentralCollectionNotificationEvictsTheWholeResource() {
        List<ErpEviction> evictions = events.read("bc", noHeaders(),
                bytes("""
                        {"value":[{"clientState":"s3cret","changeType":"collection",
                          "resource":"api/v2.0/companies(1)/salesOrders?$filter=lastModifiedDateTime%20gt%202026-11-02T10:00:00Z"}]}"""));

        assertThat(evictions).containsExactly(ErpEviction.all("bc", ErpResource.ORDERS));
    }

    @Test
    void businessCentralUnknownEntitySetIsAcceptedAndEvictsNothing() {
        assertThat(events.read("bc", noHeaders(),
                bytes("""
                        {"value":[{"clientState":"s3cret","resource":"api/v2.0/companies(1)/vendors(2)","changeType":"updated"}]}""")))
            .isEmpty();
    }

    @Test
    void businessCentralWrongClientStateRefusesTheWholeBody() {
        assertStatus(() -> events.read("bc", noHeaders(), bytes("""
                {"value":[{"clientState":"s3cret","resource":"api/v2.0/companies(1)/items(2)","changeType":"updated"},
                 {"clientState":"guess","resource":"api/v2.0/companies(1)/items(3)","changeType":"updated"}]}""")),
                403);
        assertStatus(() -> events.read("bc", noHeaders(), bytes("""
                {"value":[{"resource":"api/v2.0/companies(1)/items(2)","changeType":"updated"}]}""")), 401);
    }

    @Test
    void businessCentralMalformedNotificationsAreRefused() {
        assertStatus(() -> events.read("bc", noHeaders(), bytes("{\"value\": [")), 400);
        assertStatus(() -> events.read("bc", noHeaders(), bytes("{\"value\": []}")), 400);
        assertStatus(() -> events.read("bc", noHeaders(), bytes("[]")), 400);
        assertStatus(() -> events.read("bc", noHeaders(),
                bytes("""
                        {"value":[{"clientState":"s3cret","resource":"api/v2.0/companies(1)/items(2)","changeType":"renamed"}]}""")),
                400);
    }

    // --- SAP

    @Test
    void sapSalesOrderEventEvictsTheOrderAndItsCustomersLists() {
        List<ErpEviction> evictions = events.read("sap", sapAuth(SECRET), bytes("""
                {"specversion":"1.0","id":"e-1","source":"/default/sap.s4.beh/244","time":"2026-11-02T10:00:00Z",
                 "type":"sap.s4.beh.salesorder.v1.SalesOrder.Changed.v1","datacontenttype":"application/json",
                 "data":{"SalesOrder":"0000004711","SalesOrderType":"OR","SoldToParty":"0010100001"}}"""));

        assertThat(evictions).containsExactly(ErpEviction.orderNumbers("sap", Set.of("0000004711", "4711")),
                ErpEviction.customers("sap", ErpResource.ORDERS, Set.of("0010100001", "10100001")));
    }

    @Test
    void sapStockPriceAndCreditEvents() {
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.materialstock.v1.MaterialStock.Changed.v1", "{\"Material\":\"PVC-10000\"}")))
            .containsExactly(ErpEviction.skus("sap", ErpResource.INVENTORY, Set.of("PVC-10000")));
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.salespricingcondition.v1.SalesPricingCondition.Changed.v1",
                        "{\"Material\":\"PVC-10000\"}")))
            .containsExactly(ErpEviction.skus("sap", ErpResource.PRICES, Set.of("PVC-10000")));
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.businesspartner.v1.BusinessPartner.Changed.v1",
                        "{\"BusinessPartner\":\"17100001\"}")))
            .containsExactly(ErpEviction.customers("sap", ErpResource.CREDIT, Set.of("17100001")),
                    ErpEviction.customers("sap", ErpResource.PRICES, Set.of("17100001")));
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.purchaseorder.v1.PurchaseOrder.Changed.v1", "{\"PurchaseOrder\":\"1\"}")))
            .isEmpty();
    }

    @Test
    void sapEventsNeedTheSecretAsBasicPassword() {
        byte[] event = cloudEvent("sap.s4.beh.product.v1.Product.Changed.v1", "{\"Product\":\"P1\"}");
        assertStatus(() -> events.read("sap", noHeaders(), event), 401);
        assertStatus(() -> events.read("sap", sapAuth("wrong"), event), 403);
        assertStatus(() -> events.read("sap", header("Authorization", "Basic %%%"), event), 401);
    }

    @Test
    void sapMalformedEventsAreRefused() {
        assertStatus(() -> events.read("sap", sapAuth(SECRET),
                bytes("""
                        {"specversion":"0.3","id":"1","source":"s","type":"sap.s4.beh.product.v1.Product.Changed.v1","data":{}}""")),
                400);
        assertStatus(() -> events.read("sap", sapAuth(SECRET),
                bytes("""
                        {"specversion":"1.0","id":"1","source":"s","type":"sap.s4.beh.product.v1.Product.Changed.v1","data":{}}""")),
                400);
        assertStatus(() -> events.read("sap", sapAuth(SECRET), bytes("not json")), 400);
    }

    // --- signed JSON (NetSuite, SX.e, P21)

    @Test
    void signedEventEvictsTheNamedKeys() {
        byte[] body = bytes("""
                {"changes":[{"resource":"inventory","skus":["PVC-10000"]},
                            {"resource":"orders","customerNumbers":["101"],"orderNumbers":["SO10492"]},
                            {"resource":"credit","all":true}]}""");

        List<ErpEviction> evictions = events.read("ns", signed(body, SECRET), body);

        assertThat(evictions).containsExactly(ErpEviction.skus("ns", ErpResource.INVENTORY, Set.of("PVC-10000")),
                ErpEviction.customers("ns", ErpResource.ORDERS, Set.of("101")),
                ErpEviction.orderNumbers("ns", Set.of("SO10492")), ErpEviction.all("ns", ErpResource.CREDIT));
    }

    @Test
    void signedShipmentAndInvoiceEventsEvictThoseOfTheCustomersAndOrdersNamed() {
        byte[] body = bytes("""
                {"changes":[{"resource":"shipments","customerNumbers":["101"],"orderNumbers":["SO10492"]},
                            {"resource":"invoices","orderNumbers":["SO10492"]}]}""");

        List<ErpEviction> evictions = events.read("ns", signed(body, SECRET), body);

        assertThat(evictions).containsExactly(ErpEviction.customers("ns", ErpResource.SHIPMENTS, Set.of("101")),
                ErpEviction.orderNumbers("ns", ErpResource.SHIPMENTS, Set.of("SO10492")),
                ErpEviction.orderNumbers("ns", ErpResource.INVOICES, Set.of("SO10492")));
        byte[] skus = bytes("{\"resource\":\"invoices\",\"skus\":[\"PVC-10000\"]}");
        assertStatus(() -> events.read("ns", signed(skus, SECRET), skus), 400);
    }

    @Test
    void sapDeliveryAndBillingEventsEvictTheCustomersDocumentsAndWhatTheyMove() {
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.outbounddelivery.v1.OutboundDelivery.Changed.v1",
                        "{\"OutboundDelivery\":\"80000001\",\"SoldToParty\":\"0010100001\"}")))
            .containsExactly(ErpEviction.customers("sap", ErpResource.SHIPMENTS, Set.of("0010100001", "10100001")),
                    ErpEviction.customers("sap", ErpResource.ORDERS, Set.of("0010100001", "10100001")));
        assertThat(events.read("sap", sapAuth(SECRET),
                cloudEvent("sap.s4.beh.billingdocument.v1.BillingDocument.Created.v1",
                        "{\"BillingDocument\":\"90000001\"}")))
            .containsExactly(ErpEviction.all("sap", ErpResource.INVOICES), ErpEviction.all("sap", ErpResource.ORDERS),
                    ErpEviction.all("sap", ErpResource.CREDIT));
    }

    @Test
    void signedEventWithABadOrMissingSignatureIsRefused() {
        byte[] body = bytes("{\"resource\":\"inventory\",\"skus\":[\"PVC-10000\"]}");
        assertStatus(() -> events.read("ns", noHeaders(), body), 401);
        assertStatus(() -> events.read("ns", signed(body, "wrong"), body), 403);
        byte[] tampered = bytes("{\"resource\":\"inventory\",\"skus\":[\"PVC-10001\"]}");
        assertStatus(() -> events.read("ns", signed(body, SECRET), tampered), 403);
    }

    @Test
    void signedEventThatIsMalformedIsRefused() {
        for (String body : List.of("{", "{\"resource\":\"stock\",\"skus\":[\"A\"]}", "{\"resource\":\"credit\"}",
                "{\"resource\":\"credit\",\"skus\":[\"A\"]}", "{\"resource\":\"inventory\",\"skus\":\"A\"}",
                "{\"changes\":[]}")) {
            byte[] bytes = bytes(body);
            assertStatus(() -> events.read("ns", signed(bytes, SECRET), bytes), 400);
        }
    }

    @Test
    void aConfiguredSystemWithoutASecretAcceptsNoEvents() {
        byte[] body = bytes("{\"resource\":\"credit\",\"customerNumbers\":[\"1\"]}");
        assertStatus(() -> events.read("p21", signed(body, SECRET), body), 403);
        assertStatus(() -> events.read("nope", noHeaders(), body), 404);
    }

    @Test
    void noSecretIsAssumedForASystemWithoutOneNotEvenTheDemos() {
        // The demo configures its systems' secret like any deployment; nothing here knows
        // it.
        ErpEvents only = new ErpEvents(systems(Map.of("p21", system(ErpKind.EPICOR_P21, null))));
        byte[] body = bytes("{\"resource\":\"credit\",\"customerNumbers\":[\"1\"]}");

        assertStatus(() -> only.read("p21", signed(body, "erp-graph-demo-events-secret"), body), 403);
    }

    // --- fixtures

    private static void assertStatus(Runnable read, int status) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ErpEventException.class,
                ex -> assertThat(ex.status()).as(ex.getMessage()).isEqualTo(status));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cloudEvent(String type, String data) {
        return bytes("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/default/sap.s4.beh/244\",\"type\":\"" + type
                + "\",\"data\":" + data + "}");
    }

    private static UnaryOperator<String> noHeaders() {
        return name -> null;
    }

    private static UnaryOperator<String> header(String name, String value) {
        return asked -> asked.equalsIgnoreCase(name) ? value : null;
    }

    private static UnaryOperator<String> sapAuth(String secret) {
        return header("Authorization", ErpEvents.sapAuthorization(secret));
    }

    private static UnaryOperator<String> signed(byte[] body, String secret) {
        return header(ErpEvents.SIGNATURE_HEADER, ErpEvents.signature(body, secret));
    }

    private static ErpSystemProperties system(ErpKind kind, String secret) {
        return new ErpSystemProperties(kind, null, "http://erp.invalid", null, null, null, null, null, null,
                new ErpSystemProperties.Events(secret), null);
    }

    private static ErpSystems systems(Map<String, ErpSystemProperties> configured) {
        List<ErpConnectorFactory> factories = Stream
            .of(new SapConnectorFactory(), new NetSuiteConnectorFactory(), new BusinessCentralConnectorFactory(),
                    new SxeConnectorFactory(), new P21ConnectorFactory())
            .map(ErpEventsTests::withoutConnector)
            .toList();
        return new ErpSystems(new HashMap<>(configured), factories, Duration.ofSeconds(2), UnaryOperator.identity(),
                new SimpleMeterRegistry());
    }

    /**
     * The ERP's own factory (kind, event parser) that builds no connector: these systems
     * are only read events for.
     */
    private static ErpConnectorFactory withoutConnector(ErpConnectorFactory real) {
        return new ErpConnectorFactory(real.kind(), real.defaultLimits(), real.eventParser(),
                (settings, http) -> null) {
        };
    }

}
