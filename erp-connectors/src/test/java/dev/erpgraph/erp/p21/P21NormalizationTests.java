package dev.erpgraph.erp.p21;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.ErpJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Captured P21 payloads (ERP-WIRE-FORMATS.md §4.4 shapes) through the mapping, without a
 * server.
 */
class P21NormalizationTests {

    private static final String LOCATIONS = "10=CLE,20=CMH,30=DET,40=PIT,50=IND";

    private final P21Mapping mapping = mapping(options(Map.of()));

    /** A mapping whose locations are configured, so nothing reads P21's table. */
    private static P21Mapping mapping(P21Options options) {
        return new P21Mapping("p21", options, new P21LocationSource(null, options, Clock.systemUTC()));
    }

    /**
     * The options of a P21 system with these set, the locations configured and the rest
     * at their defaults.
     */
    private static P21Options options(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of("locations", LOCATIONS));
        all.putAll(options);
        return P21Options.from(new ConnectorSettings("p21", ErpKind.EPICOR_P21, null, ErpAuthProperties.none(),
                Duration.ofSeconds(1), 1, all));
    }

    private static JsonNode payload(String name) {
        try (InputStream in = P21NormalizationTests.class.getResourceAsStream("/p21/" + name)) {
            return ErpJson.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<JsonNode> rows(String name) {
        List<JsonNode> rows = new ArrayList<>();
        payload(name).path("value").forEach(rows::add);
        return rows;
    }

    private Map<String, SalesOrder> orders() {
        Map<Long, P21Mapping.Item> items = new HashMap<>();
        rows("inv_mast.json").forEach(row -> items.put(row.path("inv_mast_uid").asLong(), mapping.item(row)));
        Map<String, List<JsonNode>> lines = new HashMap<>();
        rows("oe_line.json").forEach(
                line -> lines.computeIfAbsent(line.path("order_no").asString(), number -> new ArrayList<>()).add(line));
        Map<String, SalesOrder> orders = new HashMap<>();
        for (JsonNode header : rows("oe_hdr.json")) {
            SalesOrder order = mapping.order(header, lines.getOrDefault(header.path("order_no").asString(), List.of()),
                    items);
            orders.put(order.number(), order);
        }
        return orders;
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void statusesFollowHeaderFlagsThenLineQuantities() {
        Map<String, SalesOrder> orders = orders();

        assertThat(orders.get("1013938").status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(orders.get("1013939").status()).isEqualTo(OrderStatus.INVOICED);
        assertThat(orders.get("1013940").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.get("1013941").status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(orders.get("1013942").status()).as("all shipped, one line still to invoice")
            .isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void ordersKeepDatesAndExactDecimals() {
        SalesOrder order = orders().get("1013938");

        assertThat(order.id()).isEqualTo("1013938");
        assertThat(order.customerNumber()).isEqualTo("100198");
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2024, 6, 27));
        assertThat(order.total()).isEqualTo(usd("1544.69"));
        assertThat(order.lines()).containsExactly(
                new SalesOrderLine(1, "WIDGET-001", "Widget, steel, 1\"", new BigDecimal("5"), new BigDecimal("0"),
                        usd("304.0"), usd("1520.0"), "CLE"),
                new SalesOrderLine(2, "WIDGET-002", "Widget, brass", new BigDecimal("2"), new BigDecimal("1"),
                        usd("12.345"), usd("24.69"), "DET"));
        assertThat(orders().get("1013939").requestedDeliveryDate()).isNull();
        assertThat(orders().get("1013939").total()).isEqualTo(usd("0"));
    }

    @Test
    void unknownItemsAndLocationsShowTheirP21Numbers() {
        SalesOrder order = orders().get("1013942");

        assertThat(order.total()).isEqualTo(usd("3001.4"));
        assertThat(order.lines().get(0).warehouse()).isEqualTo("99");
        assertThat(order.lines().get(1).sku()).isEqualTo("35925");
        assertThat(order.lines().get(1).description()).isNull();
    }

    @Test
    void creditUsesTheLimitUsedAsBalanceAndTheStatusCodeAsHold() {
        List<JsonNode> customers = rows("customer.json");

        assertThat(mapping.credit(customers.get(0)))
            .isEqualTo(new CreditStatus(usd("50000.0"), usd("12250.4"), usd("37749.6"), false, "N30"));
        assertThat(mapping.credit(customers.get(1)))
            .isEqualTo(new CreditStatus(usd("1000.00"), usd("1250.55"), usd("-250.55"), true, null));
    }

    @Test
    void stockIsOnHandLessAllocatedNeverBelowZero() {
        List<JsonNode> levels = rows("inv_loc.json");

        assertThat(mapping.stock("WIDGET-001", levels.get(0)))
            .isEqualTo(new StockLevel("WIDGET-001", "CLE", new BigDecimal("240"), new BigDecimal("195")));
        assertThat(mapping.stock("WIDGET-001", levels.get(1)))
            .isEqualTo(new StockLevel("WIDGET-001", "77", new BigDecimal("3.5"), BigDecimal.ZERO));
    }

    @Test
    void priceIsTheHighestBreakNotAboveTheQuantity() {
        List<JsonNode> rows = rows("price_view.json");

        ItemPrice at1 = mapping.price(new PriceKey("100198", "WIDGET-001", BigDecimal.ONE), rows).orElseThrow();
        assertThat(at1.unitPrice()).isEqualTo(usd("304.0"));
        assertThat(at1.listPrice()).isEqualTo(usd("320.00"));
        assertThat(at1.breaks()).containsExactly(new PriceBreak(new BigDecimal("10"), usd("295.5")),
                new PriceBreak(new BigDecimal("100"), usd("285.0")));
        assertThat(mapping.price(new PriceKey("100198", "WIDGET-001", new BigDecimal("99")), rows)
            .orElseThrow()
            .unitPrice()).isEqualTo(usd("295.5"));
        assertThat(mapping.price(new PriceKey("100198", "WIDGET-001", new BigDecimal("100")), rows)
            .orElseThrow()
            .unitPrice()).isEqualTo(usd("285.0"));
        assertThat(mapping.price(new PriceKey("100198", "WIDGET-001", new BigDecimal("0.5")), rows)
            .orElseThrow()
            .unitPrice()).isEqualTo(usd("304.0"));
        assertThat(mapping.price(new PriceKey("100198", "WIDGET-001", BigDecimal.ONE), List.of())).isEmpty();
    }

    @Test
    void theListPriceColumnIsConfigurable() {
        P21Mapping price1 = mapping(options(Map.of("listPriceColumn", "price1")));
        JsonNode row = ErpJson.MAPPER.readTree(
                "{\"item_id\":\"A\",\"customer_id\":1,\"unit_price\":9.5," + "\"quantity_break\":1,\"price1\":12.25}");

        assertThat(price1.price(new PriceKey("1", "A", BigDecimal.ONE), List.of(row)).orElseThrow().listPrice())
            .isEqualTo(usd("12.25"));
    }

    @Test
    void bothODataCountSpellingsAreRead() {
        assertThat(P21Client.count(payload("oe_hdr.json"))).isEqualTo(5L);
        assertThat(P21Client.count(payload("price_view.json"))).isEqualTo(3L);
        assertThat(P21Client.count(payload("customer.json"))).isNull();
    }

    @Test
    void bothTokenAnswersGiveTheirLifetime() {
        assertThat(P21TokenClient.lifetime(payload("token-user.json"))).isEqualTo(Duration.ofSeconds(86400));
        assertThat(P21TokenClient.lifetime(payload("token-consumer.json"))).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void errorBodiesGiveTheErpsMessage() {
        assertThat(P21ErrorBody.message(payload("odata-error.json"))).isEqualTo("Invalid filter expression");
        assertThat(P21ErrorBody.message(payload("token-refused.json")))
            .isEqualTo("invalid_grant: The user name or password is incorrect.");
        assertThat(P21ErrorBody.message(payload("transaction-failed.json")))
            .isEqualTo("Customer 100199 is on credit hold. The order cannot be saved.");
    }

    // ---- Transaction API answers

    private static P21TransactionClient transactions() {
        ErpHttpClient http = new ErpHttpClient("p21", () -> "http://127.0.0.1:1", Duration.ofSeconds(1),
                new SimpleMeterRegistry());
        P21Client odata = new P21Client(http,
                new P21TokenClient(http, new ConnectorSettings("p21", ErpKind.EPICOR_P21, null,
                        ErpAuthProperties.none(), Duration.ofSeconds(1), 1, Map.of()), Clock.systemUTC()),
                10, Map.of());
        P21Options options = options(Map.of());
        return new P21TransactionClient(odata, options, new P21LocationSource(odata, options, Clock.systemUTC()),
                Clock.systemUTC());
    }

    private static ErpHttpResponse response(int status, String body) {
        return new ErpHttpResponse("p21", status, HttpHeaders.of(Map.of(), (name, value) -> true), body);
    }

    @Test
    void aPassedTransactionAnswersTheNewOrderNumber() {
        assertThat(transactions().orderNumber(payload("transaction-passed.json"))).isEqualTo("1013950");
    }

    @Test
    void http200WithAFailedSummaryIsRejectedWithItsMessage() {
        ErpException ex = catchThrowableOfType(ErpException.class,
                () -> transactions().orderNumber(payload("transaction-failed.json")));

        assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
        assertThat(ex.erpMessage()).isEqualTo("Customer 100199 is on credit hold. The order cannot be saved.");
    }

    @Test
    void anEmptyHttp500IsUnavailableWithoutAMessage() {
        ErpException ex = catchThrowableOfType(ErpException.class, () -> transactions().orderNumber(response(500, "")));

        assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(ex.erpMessage()).isNull();
    }

    @Test
    void aPassedTransactionWithoutOrderNumberIsABadResponse() {
        ErpException ex = catchThrowableOfType(ErpException.class, () -> transactions().orderNumber(response(200,
                "{\"Summary\":{\"Succeeded\":1,\"Failed\":0},\"Results\":{\"Transactions\":[{\"Status\":\"Passed\","
                        + "\"DataElements\":[]}]},\"Messages\":[]}")));

        assertThat(ex.kind()).isEqualTo(ErpException.Kind.BAD_RESPONSE);
    }

}
