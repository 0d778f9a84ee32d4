package dev.erpgraph.erp.netsuite;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SuiteQL rows as NetSuite answers them (captured pages under {@code resources/netsuite})
 * into the model.
 */
class NetSuiteNormalizationTests {

    private final SuiteQlRows rows = new SuiteQlRows("ns-test");

    @Test
    void readsOrderHeadersWithExactTotalsAndMappedStatus() throws IOException {
        List<JsonNode> headers = items("suiteql-orders-page.json");
        SalesOrder order = rows.order(headers.get(0), List.of());
        assertThat(order.id()).isEqualTo("5521");
        assertThat(order.number()).isEqualTo("SO10492");
        assertThat(order.customerNumber()).isEqualTo("101");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2024, 6, 27));
        assertThat(order.total().amount()).isEqualTo(new BigDecimal("1520.00"));
        assertThat(order.total().currency()).isEqualTo("USD");

        SalesOrder closed = rows.order(headers.get(1), List.of());
        assertThat(closed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(closed.requestedDeliveryDate()).isNull();
        assertThat(closed.total().amount()).isEqualTo(new BigDecimal("99.50"));
    }

    @Test
    void turnsNegativeSalesLinesPositive() throws IOException {
        List<JsonNode> lines = items("suiteql-order-lines-page.json");
        SalesOrderLine line = rows.line(lines.get(0), "USD");
        assertThat(line.lineNumber()).isEqualTo(1);
        assertThat(line.sku()).isEqualTo("VLV-10014");
        assertThat(line.description()).isEqualTo("Brass Ball Valve 1\"");
        assertThat(line.quantity()).isEqualTo(new BigDecimal("5"));
        assertThat(line.shippedQuantity()).isEqualTo(new BigDecimal("3"));
        assertThat(line.unitPrice().amount()).isEqualTo(new BigDecimal("304.00"));
        assertThat(line.amount().amount()).isEqualTo(new BigDecimal("1520.00"));
        assertThat(line.warehouse()).isEqualTo("CLE");

        SalesOrderLine sparse = rows.line(lines.get(1), "USD");
        assertThat(sparse.quantity()).isEqualTo(new BigDecimal("2"));
        assertThat(sparse.shippedQuantity()).isNull();
        assertThat(sparse.unitPrice().amount()).isEqualTo(new BigDecimal("49.75"));
        assertThat(sparse.amount().amount()).isEqualTo(new BigDecimal("99.50"));
        assertThat(sparse.warehouse()).isNull();
        assertThat(sparse.description()).isNull();
    }

    @Test
    void readsCreditFromSearchBalanceAndTheHoldFlag() throws IOException {
        List<JsonNode> customers = items("suiteql-credit-page.json");
        CreditStatus credit = rows.credit(customers.get(0));
        assertThat(credit.creditLimit().amount()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(credit.balance().amount()).isEqualTo(new BigDecimal("12250.40"));
        assertThat(credit.available().amount()).isEqualTo(new BigDecimal("37749.60"));
        assertThat(credit.onHold()).isFalse();
        assertThat(credit.paymentTerms()).isEqualTo("Net 30");

        // No credit limit set: the column is left out of the row entirely.
        CreditStatus noLimit = rows.credit(customers.get(1));
        assertThat(noLimit.creditLimit().amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(noLimit.available().amount()).isEqualTo(new BigDecimal("-310.05"));
        assertThat(noLimit.onHold()).isTrue();
        assertThat(noLimit.paymentTerms()).isNull();
    }

    @Test
    void readsStockWithMissingQuantitiesAsZero() throws IOException {
        List<JsonNode> stock = items("suiteql-inventory-page.json");
        assertThat(rows.stock(stock.get(0)))
            .isEqualTo(new StockLevel("VLV-10014", "CLE", new BigDecimal("240"), new BigDecimal("195")));
        assertThat(rows.stock(stock.get(1)))
            .isEqualTo(new StockLevel("VLV-10014", "DET", new BigDecimal("0"), BigDecimal.ZERO));
    }

    @Test
    void refusesDatesInTheAccountFormatInsteadOfGuessing() throws IOException {
        JsonNode header = items("suiteql-orders-account-dates.json").get(0);
        assertThatThrownBy(() -> rows.order(header, List.of())).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.BAD_RESPONSE);
            assertThat(ex.erpSystemId()).isEqualTo("ns-test");
            assertThat(ex.getMessage()).contains("TO_CHAR");
        });
    }

    @Test
    void mapsEveryStatusLetter() {
        assertThat(List.of("A", "B", "C", "D", "E", "F", "G", "H")
            .stream()
            .map(letter -> NetSuiteOrderStatus.of(letter).orElseThrow())
            .toList()).containsExactly(OrderStatus.ON_HOLD, OrderStatus.OPEN, OrderStatus.CANCELLED,
                    OrderStatus.PARTIALLY_SHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED,
                    OrderStatus.INVOICED, OrderStatus.CANCELLED);
        assertThat(NetSuiteOrderStatus.of("SalesOrd:B")).isEmpty();
        assertThat(NetSuiteOrderStatus.letters(Set.of(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.CANCELLED)))
            .containsExactly("C", "D", "E", "H");
    }

    @Test
    void quotesLiteralsAndValidatesIds() {
        assertThat(SuiteQl.string("1' OR '1'='1")).isEqualTo("'1'' OR ''1''=''1'");
        assertThat(SuiteQl.internalId("1001")).contains("1001");
        assertThat(SuiteQl.internalId("01001")).isEmpty();
        assertThat(SuiteQl.internalId("1001) OR (1=1")).isEmpty();
        assertThat(SuiteQl.internalId("'; drop table")).isEmpty();
    }

    private static List<JsonNode> items(String file) throws IOException {
        try (InputStream in = NetSuiteNormalizationTests.class.getResourceAsStream("/netsuite/" + file)) {
            JsonNode page = JsonMapper.builder().build().readTree(in);
            return page.get("items").valueStream().toList();
        }
    }

}
