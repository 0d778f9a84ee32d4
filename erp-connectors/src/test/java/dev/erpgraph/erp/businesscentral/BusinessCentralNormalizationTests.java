package dev.erpgraph.erp.businesscentral;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.http.ErpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business Central payloads, captured in its wire format, normalized without a server.
 */
class BusinessCentralNormalizationTests {

    private static final Map<String, String> LOCATIONS = Map.of("11111111-1111-1111-1111-111111111111", "CLE",
            "22222222-2222-2222-2222-222222222222", "DET");

    private static JsonNode payload(String name) throws IOException {
        try (InputStream in = BusinessCentralNormalizationTests.class.getResourceAsStream("/businesscentral/" + name)) {
            return ErpJson.MAPPER.readTree(in);
        }
    }

    private static List<SalesOrder> orders() throws IOException {
        List<SalesOrder> orders = new ArrayList<>();
        for (JsonNode row : payload("salesOrders-page.json").path("value")) {
            orders.add(BusinessCentralOrders.order(row, "USD", LOCATIONS, "business-central"));
        }
        return orders;
    }

    @Test
    void derivesTheOrderStatusFromApprovalShippingInvoicingAndTheCustomersBlock() throws IOException {
        assertThat(orders()).extracting(SalesOrder::status)
            .containsExactly(OrderStatus.PARTIALLY_SHIPPED, // Open, one line partly
                                                            // shipped
                    OrderStatus.OPEN, // Draft
                    OrderStatus.ON_HOLD, // In Review (pending approval)
                    OrderStatus.ON_HOLD, // customer blocked Ship
                    OrderStatus.SHIPPED, // fullyShipped, not all invoiced (a block cannot
                                         // undo a shipment)
                    OrderStatus.INVOICED); // every line invoiced
    }

    @Test
    void readsDecimalsExactlyAndDatesAsIsoDates() throws IOException {
        SalesOrder first = orders().get(0);
        SalesOrder huge = orders().get(1);

        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(first.requestedDeliveryDate()).isEqualTo(LocalDate.of(2024, 6, 27));
        assertThat(first.total().amount()).isEqualTo(new BigDecimal("1520.10"));
        assertThat(huge.total().amount()).isEqualTo(new BigDecimal("98765432109876.54321"));
        assertThat(huge.lines().get(0).unitPrice().amount()).isEqualTo(new BigDecimal("98765432109876.54321"));
        assertThat(huge.lines().get(0).quantity()).isEqualTo(new BigDecimal("1.5"));
        assertThat(huge.requestedDeliveryDate()).as("0001-01-01 is BC's blank date").isNull();
        assertThat(huge.total().currency()).as("blank currency is the local currency").isEqualTo("USD");
    }

    @Test
    void mapsLinesSkippingCommentsAndResolvingLocationIds() throws IOException {
        SalesOrder first = orders().get(0);

        assertThat(first.id()).isEqualTo("5d115c9c-44e3-ea11-bb43-000d3a2feca1");
        assertThat(first.number()).isEqualTo("101005");
        assertThat(first.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(10_000);
            assertThat(line.sku()).isEqualTo("1896-S");
            assertThat(line.description()).isEqualTo("ATHENS Desk");
            assertThat(line.shippedQuantity()).isEqualTo(new BigDecimal("2"));
            assertThat(line.unitPrice().amount()).isEqualTo(new BigDecimal("304.02"));
            assertThat(line.amount().amount()).isEqualTo(new BigDecimal("1520.10"));
            assertThat(line.warehouse()).isEqualTo("CLE");
        });
        assertThat(orders().get(1).lines().get(0).warehouse()).isEqualTo("DET");
    }

    @Test
    void readsCreditWithBlockedAsTheHoldFlag() throws IOException {
        JsonNode rows = payload("customers-credit.json").path("value");

        CreditStatus good = BusinessCentralCredit.creditStatus(rows.get(0), "USD", "business-central");
        CreditStatus blocked = BusinessCentralCredit.creditStatus(rows.get(1), "USD", "business-central");

        assertThat(good.creditLimit().amount()).isEqualTo(new BigDecimal("50000"));
        assertThat(good.balance().amount()).isEqualTo(new BigDecimal("12250.40"));
        assertThat(good.available().amount()).isEqualTo(new BigDecimal("37749.60"));
        assertThat(good.onHold()).isFalse();
        assertThat(good.paymentTerms()).isEqualTo("NET30");
        assertThat(blocked.available().amount()).isEqualTo(new BigDecimal("-1000.005"));
        assertThat(blocked.onHold()).isTrue();
        assertThat(blocked.paymentTerms()).isNull();
    }

    @Test
    void pushesDateAndShippingStatusIntoTheFilter() {
        assertThat(BusinessCentralOrders.pushedDown(OrderQuery.latest(5))).isEmpty();
        assertThat(BusinessCentralOrders
            .pushedDown(new OrderQuery(Set.of(OrderStatus.OPEN, OrderStatus.ON_HOLD), LocalDate.of(2024, 6, 1), 5)))
            .isEqualTo(" and orderDate ge 2024-06-01 and fullyShipped eq false");
        assertThat(BusinessCentralOrders.pushedDown(new OrderQuery(Set.of(OrderStatus.INVOICED), null, 5)))
            .isEqualTo(" and fullyShipped eq true");
        assertThat(BusinessCentralOrders
            .pushedDown(new OrderQuery(Set.of(OrderStatus.INVOICED, OrderStatus.OPEN), null, 5))).isEmpty();
    }

    @Test
    void escapesQuotesAndSplitsOrChainsByUrlLength() {
        assertThat(BusinessCentralFilter.eq("customerNumber", "1' or '1'='1"))
            .isEqualTo("customerNumber eq '1'' or ''1''=''1'");
        assertThat(BusinessCentralFilter.isCode("x".repeat(21))).isFalse();
        List<String> clauses = List.of("a eq '1'", "a eq '2'", "a eq '3'");

        assertThat(BusinessCentralFilter.orGroups(clauses, filter -> "u?$filter=" + filter, 1000))
            .containsExactly("(a eq '1' or a eq '2' or a eq '3')");
        assertThat(BusinessCentralFilter.orGroups(clauses, filter -> "u?$filter=" + filter, 32))
            .containsExactly("(a eq '1' or a eq '2')", "a eq '3'");
    }

}
