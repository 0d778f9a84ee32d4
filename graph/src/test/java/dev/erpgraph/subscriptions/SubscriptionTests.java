package dev.erpgraph.subscriptions;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.erpgraph.DemoTokens;
import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.security.TrustedDocuments;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over a real WebSocket at {@code /graphql} (graphql-transport-ws), fed by
 * the sandbox ERPs' change events ({@code POST /sandbox/{id}/_admin/changes}, whose
 * webhook reaches {@code /erp-events/{id}}): a change reaches a subscriber within a
 * second, read once however many subscribe; the connection is authenticated by its
 * {@code connection_init} and scoped like a query; a subscription ends when its client
 * goes.
 */
class SubscriptionTests extends HttpGraphQlTests {

    /** The brief's promise: a change reaches a subscriber within this. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final String SKU = "PVC-10000";

    private static final String WAREHOUSE = "CLE";

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ActiveSubscriptions active;

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ErpCustomerLinkRepository links;

    @Autowired
    AccessLogWriter accessLog;

    @Autowired
    JWKSource<SecurityContext> demoSigningKey;

    private Subscriber subscriber;

    @BeforeEach
    void clients() {
        subscriber = new Subscriber(port);
    }

    @AfterEach
    void disconnect() {
        subscriber.close();
    }

    @Test
    void theGraphQlPathUpgradesToGraphQlTransportWs() throws Exception {
        Closed closed = new Closed();
        WebSocket socket = rawSocket(closed);
        assertThat(socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
        socket
            .sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\""
                    + DemoTokens.bearer(port, DemoTokens.MANAGER) + "\"}}", true)
            .get(5, TimeUnit.SECONDS);
        assertThat(closed.messages.poll(5, TimeUnit.SECONDS)).contains("\"connection_ack\"");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionWithoutACredentialIsClosedWith4401() throws Exception {
        Closed closed = new Closed();
        WebSocket socket = rawSocket(closed);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(5, TimeUnit.SECONDS);
        assertThat(closed.status.get(5, TimeUnit.SECONDS)).isEqualTo(4401);
        assertThat(closed.messages).noneMatch(message -> message.contains("connection_ack"));
    }

    @Test
    void aConnectionWithABadTokenOrKeyIsClosedWith4401() throws Exception {
        for (String payload : List.of("{\"Authorization\":\"Bearer not.a.token\"}", "{\"X-API-Key\":\"egk_nope\"}")) {
            Closed closed = new Closed();
            WebSocket socket = rawSocket(closed);
            socket.sendText("{\"type\":\"connection_init\",\"payload\":" + payload + "}", true)
                .get(5, TimeUnit.SECONDS);
            assertThat(closed.status.get(5, TimeUnit.SECONDS)).as(payload).isEqualTo(4401);
        }
    }

    @Test
    void aSandboxStockChangeReachesASubscriberWithinASecondReadFreshFromItsErp() {
        BigDecimal changed = onHand("netsuite").add(BigDecimal.valueOf(17));
        BlockingQueue<Map<String, Object>> levels = subscribeToStock(DemoTokens.MANAGER, "netsuite");

        long sent = System.nanoTime();
        change("netsuite", Map.of("type", "inventory", "sku", SKU, "warehouse", WAREHOUSE, "onHand", changed));
        await().atMost(WITHIN).until(() -> !levels.isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(WITHIN);

        Map<String, Object> level = levels.poll();
        assertThat(level).containsEntry("sku", SKU).containsEntry("warehouse", WAREHOUSE);
        assertThat(new BigDecimal(String.valueOf(level.get("onHand")))).isEqualByComparingTo(changed);
        assertThat(level.get("freshness"))
            .isEqualTo(Map.of("fromCache", false, "stale", false, "erpSystem", Map.of("id", "netsuite")));
    }

    @Test
    void twoSubscribersToOneSkuCostItsErpOneRead() {
        BigDecimal changed = onHand("sap").add(BigDecimal.valueOf(5));
        BlockingQueue<Map<String, Object>> manager = subscribeToStock(DemoTokens.MANAGER, "sap");
        BlockingQueue<Map<String, Object>> rep = subscribeToStock("demo-rep", "sap");
        sandboxes.find("sap").orElseThrow().stats().reset();

        change("sap", Map.of("type", "inventory", "sku", SKU, "warehouse", WAREHOUSE, "onHand", changed));
        await().atMost(WITHIN).until(() -> !manager.isEmpty() && !rep.isEmpty());

        assertThat(manager.poll()).isEqualTo(rep.poll());
        assertThat(sandboxes.find("sap").orElseThrow().stats().snapshot().byResource())
            .isEqualTo(Map.of("inventory", 1L));
    }

    @Test
    void tooManySkusIsRefusedWithAClearError() {
        List<String> skus = IntStream.rangeClosed(1, 101).mapToObj(i -> "SKU-" + i).toList();
        Throwable refused = catchRefusal(connect(DemoTokens.MANAGER).documentName("inventoryChanged")
            .variable("skus", skus)
            .executeSubscription()
            .toFlux());
        assertThat(errorsOf(refused)).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).contains("Give 1 to 100 SKUs");
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
    }

    @Test
    void aSubscriptionEndsWhenItsClientGoes() {
        int before = active.count("inventoryChanged");
        WebSocketGraphQlTester connection = connect(DemoTokens.MANAGER);
        Disposable one = connection.documentName("inventoryChanged")
            .variable("skus", List.of(SKU))
            .executeSubscription()
            .toFlux()
            .subscribe();
        Disposable two = connection.documentName("inventoryChanged")
            .variable("skus", List.of("BV-1-NPT"))
            .executeSubscription()
            .toFlux()
            .subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count("inventoryChanged") == before + 2);

        one.dispose();
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count("inventoryChanged") == before + 1);
        connection.stop().block(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count("inventoryChanged") == before);
        two.dispose();
    }

    @Test
    void anOrderChangeReachesTheSubscriberOfItsAccount() throws Exception {
        Map<String, Object> link = jdbc.queryForMap(
                "select account_id, customer_number from erp_customer_links where erp_system_id = 'sap' order by id"
                        + " limit 1");
        String accountId = GlobalId.encode(GlobalId.ACCOUNT, ((Number) link.get("account_id")).longValue());
        Map<String, Object> order = graphQl
            .document("query($id: ID!) { account(id: $id) { orders(first: 1) { number status } } }")
            .variable("id", accountId)
            .execute()
            .errors()
            .verify()
            .path("account.orders[0]")
            .entity(MAP)
            .get();
        String status = "ON_HOLD".equals(order.get("status")) ? "OPEN" : "ON_HOLD";
        BlockingQueue<Map<String, Object>> orders = subscriber.subscribe(
                connect(DemoTokens.MANAGER).documentName("orderChanged").variable("accountId", accountId),
                "orderChanged");
        awaitSubscribers("orderChanged", 1);

        change("sap", Map.of("type", "order", "orderNumber", order.get("number"), "status", status));
        await().atMost(WITHIN).until(() -> !orders.isEmpty());

        Map<String, Object> changed = orders.poll();
        assertThat(changed).containsEntry("number", order.get("number"))
            .containsEntry("status", status)
            .containsEntry("erpSystem", Map.of("id", "sap"))
            .containsEntry("freshness", Map.of("fromCache", false));
        assertThat((List<?>) changed.get("lines")).isNotEmpty();

        // Counted in the access log like a query's answer: the pushed order, under the
        // subscriber's name.
        accessLog.flush();
        assertThat(graphQl.document("query($id: ID!) { accessLog(accountId: $id) { nodes { principal dataKinds } } }")
            .variable("id", accountId)
            .execute()
            .errors()
            .verify()
            .path("accessLog.nodes")
            .entityList(MAP)
            .get()).contains(Map.of("principal", "demo-manager", "dataKinds", List.of("ORDERS")));
    }

    @Test
    void anOrderSubmissionIsFollowedFromPendingToSubmitted() {
        String accountId = accountOfACustomerWhoMayOrder("sap");
        String opportunityId = graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input",
                    Map.of("accountId", accountId, "name", "Order " + uniqueWord(), "stage", "PROPOSAL", "lines",
                            List.of(Map.of("sku", SKU, "quantity", "3"))))
            .execute()
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();
        BlockingQueue<Map<String, Object>> changes = subscriber
            .subscribe(connect(DemoTokens.MANAGER).documentName("orderSubmissionChanged")
                .variable("opportunityId", opportunityId), "orderSubmissionChanged");
        awaitSubscribers("orderSubmissionChanged", 1);

        graphQl.documentName("submitOpportunityOrder")
            .fragmentName("orderSubmissionFields")
            .variable("input", Map.of("opportunityId", opportunityId, "expectedVersion", 0))
            .execute()
            .errors()
            .verify()
            .path("submitOpportunityOrder.opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("PENDING");

        List<Map<String, Object>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            changes.drainTo(seen);
            return !seen.isEmpty() && "SUBMITTED".equals(seen.get(seen.size() - 1).get("state"));
        });
        assertThat(seen.get(0)).containsEntry("state", "PENDING");
        Map<String, Object> submitted = seen.get(seen.size() - 1);
        assertThat(submitted).containsEntry("attempts", 1).containsEntry("erpSystem", Map.of("id", "sap"));
        assertThat((String) submitted.get("erpOrderNumber")).isNotBlank();
    }

    @Test
    void aPartnerCannotSubscribeToAnotherPartnersAccountWhichLooksMissing() {
        String theirs = createAccount(Map.of("name", uniqueWord() + " Supply", "partnerId", "partner-2"));
        String missing = GlobalId.encode(GlobalId.ACCOUNT, 999_999_999);
        String document = TrustedDocuments.read("portalOrderChanged");

        List<ResponseError> others = errorsOf(catchRefusal(connect("demo-partner-1").document(document)
            .variable("accountId", theirs)
            .executeSubscription()
            .toFlux()));
        List<ResponseError> none = errorsOf(catchRefusal(connect("demo-partner-1").document(document)
            .variable("accountId", missing)
            .executeSubscription()
            .toFlux()));
        assertThat(others).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getMessage()).isEqualTo(none.get(0).getMessage());
        });

        int before = active.count("orderChanged");
        subscriber.subscribe(connect("demo-partner-2").document(document).variable("accountId", theirs),
                "orderChanged");
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count("orderChanged") == before + 1);
    }

    @Test
    void aPartnerSubscribesOnlyWithARegisteredDocument() {
        ResponseError refused = onlyError(
                connect("demo-partner-1").documentName("inventoryChanged").variable("skus", List.of(SKU)));
        assertThat(refused.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void everySubscriptionCountsAgainstItsPrincipalsRateLimitAsItsHttpRequestsDo() {
        // ws-rate-limit-probe may send 2 requests a minute (HttpGraphQlTests).
        String bearer = "Bearer " + DemoTokens.minted(demoSigningKey, "ws-rate-limit-probe", "crm:read erp:inventory");
        int before = active.count("inventoryChanged");
        for (int i = 0; i < 2; i++) {
            subscriber.subscribe(
                    subscriber.connectWith(bearer).documentName("inventoryChanged").variable("skus", List.of(SKU)),
                    "inventoryChanged");
        }
        awaitSubscribers("inventoryChanged", before + 2);

        ResponseError refused = onlyError(
                subscriber.connectWith(bearer).documentName("inventoryChanged").variable("skus", List.of(SKU)));
        assertThat(refused.getExtensions()).containsEntry("code", "RATE_LIMITED").containsKey("retryAfter");
        assertThat(active.count("inventoryChanged")).isEqualTo(before + 2);
    }

    @Test
    void aSubscriptionNeedsItsFieldsScope() {
        ResponseError refused = onlyError(subscriber.connect(DemoTokens.MANAGER, "crm:read")
            .documentName("inventoryChanged")
            .variable("skus", List.of(SKU)));
        assertThat(refused.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("scope", "erp:inventory");
        assertThat(refused.getPath()).isEqualTo("inventoryChanged");
    }

    @Test
    void aCircuitBreakerOpeningAndClosingIsPushed() {
        BlockingQueue<Map<String, Object>> moves = subscriber
            .subscribe(connect(DemoTokens.MANAGER).documentName("erpHealthChanged"), "erpHealthChanged");
        awaitSubscribers("erpHealthChanged", 1);
        CircuitBreaker breaker = breakers.circuitBreaker("p21");
        try {
            breaker.transitionToOpenState();
            await().atMost(WITHIN).until(() -> !moves.isEmpty());
            assertThat(moves.poll()).isEqualTo(Map.of("id", "p21", "health", "DOWN"));
        }
        finally {
            breaker.transitionToClosedState();
        }
        await().atMost(WITHIN).until(() -> !moves.isEmpty());
        assertThat(moves.poll()).isEqualTo(Map.of("id", "p21", "health", "UP"));
    }

    // --- fixtures

    private WebSocketGraphQlTester connect(String clientId) {
        return subscriber.connect(clientId);
    }

    private BlockingQueue<Map<String, Object>> subscribeToStock(String clientId, String erp) {
        int before = active.count("inventoryChanged");
        BlockingQueue<Map<String, Object>> levels = subscriber
            .subscribe(connect(clientId).documentName("inventoryChanged")
                .variable("skus", List.of(SKU))
                .variable("erpSystemId", erp)
                .variable("warehouse", WAREHOUSE), "inventoryChanged");
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count("inventoryChanged") == before + 1);
        return levels;
    }

    /** A demo account linked to a customer of the ERP who is not on credit hold. */
    private String accountOfACustomerWhoMayOrder(String erpSystemId) {
        Sandbox sandbox = sandboxes.find(erpSystemId).orElseThrow();
        for (ErpCustomerLink link : links.findAll()) {
            OptionalInt index = sandbox.erp().customerIndex(link.customerNumber());
            if (link.erpSystemId().equals(erpSystemId) && index.isPresent()
                    && !sandbox.data().customer(index.getAsInt()).orElseThrow().onHold()) {
                return GlobalId.encode(GlobalId.ACCOUNT, link.accountId());
            }
        }
        throw new AssertionError("the demo data links no customer of " + erpSystemId + " who may order");
    }

    private void awaitSubscribers(String field, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> active.count(field) >= count);
    }

    /**
     * The one error of a subscription refused before it ran: one answer holding it, then
     * complete.
     */
    private static ResponseError onlyError(GraphQlTester.Request<?> request) {
        List<GraphQlTester.Response> answers = request.executeSubscription()
            .toFlux()
            .collectList()
            .block(Duration.ofSeconds(10));
        assertThat(answers).hasSize(1);
        List<ResponseError> errors = new ArrayList<>();
        answers.get(0).errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static Throwable catchRefusal(Flux<?> subscription) {
        try {
            subscription.blockFirst(Duration.ofSeconds(10));
        }
        catch (RuntimeException ex) {
            return ex;
        }
        throw new AssertionError("the subscription was accepted");
    }

    private static List<ResponseError> errorsOf(Throwable refused) {
        Throwable cause = refused;
        while (cause != null && !(cause instanceof SubscriptionErrorException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as(String.valueOf(refused)).isInstanceOf(SubscriptionErrorException.class);
        return ((SubscriptionErrorException) cause).getErrors();
    }

    private BigDecimal onHand(String erp) {
        String onHand = graphQl.documentName("outageStock")
            .variable("sku", SKU)
            .variable("erpSystemId", erp)
            .variable("warehouse", WAREHOUSE)
            .execute()
            .errors()
            .verify()
            .path("inventory[0].onHand")
            .entity(String.class)
            .get();
        return new BigDecimal(onHand);
    }

    private void change(String erp, Map<String, Object> change) {
        int status = RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .build()
            .post()
            .uri("/sandbox/{id}/_admin/changes", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .body(change)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
        assertThat(status).isEqualTo(202);
    }

    private WebSocket rawSocket(Closed closed) throws Exception {
        return HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("graphql-transport-ws")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), closed)
            .get(5, TimeUnit.SECONDS);
    }

    /** A plain WebSocket client's view: the texts it got and how it was closed. */
    private static final class Closed implements WebSocket.Listener {

        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        final CompletableFuture<Integer> status = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            messages.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            status.complete(statusCode);
            return null;
        }

    }

}
