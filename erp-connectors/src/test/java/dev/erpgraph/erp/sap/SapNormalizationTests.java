package dev.erpgraph.erp.sap;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SAP's wire values and a captured sales-order payload normalized without any server. */
class SapNormalizationTests {

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = SapNormalizationTests.class.getResourceAsStream("/sap/" + name)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void aCapturedSalesOrderNormalizesExactly() throws IOException {
        JsonNode row = resource("sales-orders.json").path("d").path("results").get(0);

        SalesOrder order = SapOrders.order("sap", row);

        assertThat(order.number()).isEqualTo("4000123");
        assertThat(order.customerNumber()).isEqualTo("17100001");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2024, 6, 27));
        assertThat(order.total().amount()).isEqualTo(new BigDecimal("1520.00"));
        assertThat(order.lines()).extracting(line -> line.lineNumber()).containsExactly(10, 20);
        var first = order.lines().get(0);
        assertThat(first.quantity()).isEqualTo(new BigDecimal("5"));
        assertThat(first.shippedQuantity()).isEqualTo(new BigDecimal("5"));
        assertThat(first.unitPrice().amount()).isEqualTo(new BigDecimal("284.00"));
        assertThat(first.amount().amount()).isEqualTo(new BigDecimal("1420.00"));
        assertThat(first.warehouse()).isEqualTo("1710");
        var second = order.lines().get(1);
        assertThat(second.quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(second.shippedQuantity()).isEqualTo(BigDecimal.ZERO);
        // Without NetPriceAmount: NetAmount / RequestedQuantity, exact to 16 digits.
        assertThat(second.unitPrice().amount()).isEqualByComparingTo("33.33333333333333");
    }

    @Test
    void statusesMapByRejectionThenCreditThenProcessThenDelivery() {
        assertThat(SapOrderStatus.of("C", "B", "C", "")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(SapOrderStatus.of("A", "B", "A", "A")).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(SapOrderStatus.of("A", "A", "C", "C")).isEqualTo(OrderStatus.INVOICED);
        assertThat(SapOrderStatus.of("A", "D", "B", "C")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(SapOrderStatus.of("A", "A", "B", "B")).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(SapOrderStatus.of("", "", "A", "A")).isEqualTo(OrderStatus.OPEN);
        assertThat(SapOrderStatus.of(null, null, null, null)).isEqualTo(OrderStatus.OPEN);
        assertThat(SapOrderStatus.filter(Set.of(OrderStatus.SHIPPED))).isEqualTo("(OverallTotalDeliveryStatus eq 'C')");
        assertThat(SapOrderStatus.filter(Set.of())).isNull();
    }

    @Test
    void odataDatesAndDecimalsReadExactly() {
        assertThat(SapODataValues.parseDate("/Date(1718236800000)/")).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(SapODataValues.parseDate("/Date(1718265600000+0000)/")).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(SapODataValues.parseDate("/Date(253402214400000)/")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(SapODataValues.formatDate(LocalDate.of(2024, 6, 13))).isEqualTo("/Date(1718236800000)/");
        assertThat(SapODataValues.dateTimeLiteral(LocalDate.of(2026, 6, 1))).isEqualTo("datetime'2026-06-01T00:00:00'");
        assertThat(SapODataValues.parseDecimal("240.00000000000000")).isEqualTo(new BigDecimal("240.00000000000000"));
        assertThat(SapReads.amount(new BigDecimal("298.000000000"))).isEqualTo(new BigDecimal("298.00"));
        assertThat(SapReads.amount(new BigDecimal("12.345000000"))).isEqualTo(new BigDecimal("12.345"));
        assertThatThrownBy(() -> SapODataValues.parseDate("2024-06-13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filterLiteralsDoubleQuotesAndNumericKeysAreDigitsOnly() {
        assertThat(SapODataFilter.eq("Material", "A' or Material ne '"))
            .isEqualTo("Material eq 'A'' or Material ne '''");
        assertThat(SapODataFilter.anyOf("SoldToParty", List.of("17100001", "17100002")))
            .isEqualTo("(SoldToParty eq '17100001' or SoldToParty eq '17100002')");
        assertThat(SapODataFilter.numericKey("0017100001")).isEqualTo("17100001");
        assertThat(SapODataFilter.numericKey("1' or '1'='1")).isNull();
        assertThat(SapODataFilter.numericKey("12345678901")).isNull();
    }

    @Test
    void chunkingPacksKeysUnderTheUrlLimit() {
        List<String> keys = IntStream.range(0, 100).mapToObj(i -> String.valueOf(17_100_001 + i)).toList();
        // Each key: "SoldToParty%20eq%20%2717100001%27" (33) plus "%20or%20" (8) between,
        // "%28" "%29" around.
        List<List<String>> chunks = SapODataFilter.chunk(keys, 100, 100 + 6 + 33 * 10 + 8 * 9,
                chunk -> SapODataFilter.anyOf("SoldToParty", chunk));

        assertThat(chunks).hasSize(10).allSatisfy(chunk -> assertThat(chunk).hasSize(10));
    }

    @Test
    void idempotencyKeysFitPurchaseOrderByCustomer() {
        assertThat(SapOrderCreation.purchaseOrderReference("OPP-42")).isEqualTo("OPP-42");
        assertThat(SapOrderCreation.purchaseOrderReference("7f1c2a4e-1111-4a2b-9c3d-0123456789ab"))
            .isEqualTo("7f1c2a4e11114a2b9c3d0123456789ab");
        assertThat(SapOrderCreation.purchaseOrderReference("x".repeat(80))).hasSize(35);
    }

}
