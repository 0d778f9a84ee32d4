package dev.erpgraph.erp.sxe;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.ErpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Normalization of captured SX.API answers (src/test/resources/sxe), no server. */
class SxeResponsesTests {

    private static final SxeOptions OPTIONS = SxeOptions.from(new ConnectorSettings("sxe", ErpKind.INFOR_SXE, null,
            ErpAuthProperties.none(), Duration.ofSeconds(2), 4, Map.of()));

    @Test
    void orderListRowsCarryNumberDatesAndExactTotals() {
        JsonNode response = load("order-list.json");

        List<SxeResponses.OrderRow> rows = SxeResponses.orderRows(response);

        assertThat(SxeResponses.moreRecordsAvailable(response)).isTrue();
        assertThat(rows).extracting(SxeResponses.OrderRow::number).containsExactly("1234567-00", "1234501-01");
        SxeResponses.OrderRow first = rows.get(0);
        assertThat(first.custNo()).isEqualTo(98762L);
        assertThat(first.stageCd()).isEqualTo(1);
        assertThat(first.enterDt()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(first.reqShipDt()).isEqualTo(LocalDate.of(2024, 6, 27));
        assertThat(first.totLineAmt()).isEqualTo(new BigDecimal("1520.00"));
        assertThat(rows.get(1).reqShipDt()).isNull();
    }

    @Test
    void aShippedOrderWithAShortLineIsPartiallyShipped() {
        SxeResponses.OrderRow row = SxeResponses.orderRows(load("order-list.json")).get(1);
        SxeResponses.OrderDetail detail = SxeResponses.orderDetail(load("single-order-short-shipped.json"), "USD");

        SalesOrder listed = SxeResponses.order(row, detail, OPTIONS);
        SalesOrder byNumber = SxeResponses.order("1234501-01", detail, OPTIONS);

        assertThat(listed.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(listed.total()).isEqualTo(new Money(new BigDecimal("80.10"), "USD"));
        assertThat(byNumber.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(byNumber.customerNumber()).isEqualTo("98762");
        assertThat(byNumber.orderDate()).as("Progress MM/DD/YY form").isEqualTo(LocalDate.of(2024, 6, 2));
        assertThat(byNumber.requestedDeliveryDate()).as("Progress unknown '?'").isNull();
        assertThat(byNumber.total()).isEqualTo(new Money(new BigDecimal("80.10"), "USD"));
        SalesOrderLine line = byNumber.lines().get(1);
        assertThat(line.lineNumber()).isEqualTo(2);
        assertThat(line.sku()).isEqualTo("WIDGET-002");
        assertThat(line.description()).isEqualTo("Pipe Hanger");
        assertThat(line.quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(line.shippedQuantity()).isEqualTo(new BigDecimal("1"));
        assertThat(line.unitPrice()).isEqualTo(new Money(new BigDecimal("6.1234"), "USD"));
        assertThat(line.amount()).isEqualTo(new Money(new BigDecimal("18.37"), "USD"));
        assertThat(line.warehouse()).isEqualTo("300");
    }

    @Test
    void aLineIsDescribedByDesc1AndDesc2AndShipsFromItsOrdersWarehouse() {
        SxeResponses.OrderRow row = SxeResponses.orderRows(load("order-list.json")).get(1);
        SxeResponses.OrderDetail detail = SxeResponses.orderDetail(load("single-order-short-shipped.json"), "USD");

        SalesOrder listed = SxeResponses.order(row, detail, OPTIONS);

        assertThat(listed.lines()).extracting(SalesOrderLine::description)
            .containsExactly("Brass Ball Valve 1\"", "Pipe Hanger");
        assertThat(listed.lines()).extracting(SalesOrderLine::warehouse).containsExactly("300", "300");
    }

    @Test
    void theHeaderApprovalFlagPutsAnOrderOnHoldWhateverItsCase() {
        SxeResponses.OrderDetail detail = SxeResponses.orderDetail(load("single-order-on-hold.json"), "USD");

        SalesOrder order = SxeResponses.order("1234567-00", detail, OPTIONS);

        assertThat(order.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(order.lines().get(0).description()).isNull();
        assertThat(order.lines().get(0).warehouse()).isNull();
    }

    @Test
    void stageCodesMapOntoStatuses() {
        List<SalesOrderLine> unshipped = List.of(line("5", "0"));
        List<SalesOrderLine> shipped = List.of(line("5", "5"));
        List<SalesOrderLine> started = List.of(line("5", "2"));

        assertThat(SxeStageCode.status(0, false, unshipped)).isEqualTo(OrderStatus.OPEN);
        assertThat(SxeStageCode.status(1, false, unshipped)).isEqualTo(OrderStatus.OPEN);
        assertThat(SxeStageCode.status(2, false, unshipped)).isEqualTo(OrderStatus.OPEN);
        assertThat(SxeStageCode.status(1, true, unshipped)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(SxeStageCode.status(2, false, started)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(SxeStageCode.status(3, false, shipped)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(SxeStageCode.status(3, false, started)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(SxeStageCode.status(4, false, shipped)).isEqualTo(OrderStatus.INVOICED);
        assertThat(SxeStageCode.status(5, false, shipped)).isEqualTo(OrderStatus.INVOICED);
        assertThat(SxeStageCode.status(9, false, unshipped)).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> SxeStageCode.status(7, false, unshipped)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusFiltersNarrowTheStagesAsked() {
        assertThat(SxeStageCode.stagesFor(Set.of())).containsExactly(0, 1, 2, 3, 4, 5, 9);
        assertThat(SxeStageCode.stagesFor(Set.of(OrderStatus.OPEN))).containsExactly(0, 1, 2);
        assertThat(SxeStageCode.stagesFor(Set.of(OrderStatus.SHIPPED))).containsExactly(3);
        assertThat(SxeStageCode.stagesFor(Set.of(OrderStatus.INVOICED, OrderStatus.CANCELLED))).containsExactly(4, 5,
                9);
        assertThat(SxeStageCode.stagesFor(Set.of(OrderStatus.PARTIALLY_SHIPPED))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void pricesCarryBreaksListPriceAndLineDiscounts() {
        Map<Integer, SxeResponses.PriceRows> rows = SxeResponses.priceRows(load("pricing-multiple.json"));

        ItemPrice laddered = SxeResponses.itemPrice("WIDGET-001", new BigDecimal("5"), rows.get(1), "USD");
        ItemPrice discounted = SxeResponses.itemPrice("WIDGET-002", new BigDecimal("3"), rows.get(2), "USD");

        assertThat(laddered.unitPrice()).isEqualTo(new Money(new BigDecimal("304.00"), "USD"));
        assertThat(laddered.listPrice()).isEqualTo(new Money(new BigDecimal("310.00"), "USD"));
        assertThat(laddered.breaks()).containsExactly(
                new PriceBreak(BigDecimal.ONE, new Money(new BigDecimal("304.00"), "USD")),
                new PriceBreak(new BigDecimal("10"), new Money(new BigDecimal("294.88"), "USD")),
                new PriceBreak(new BigDecimal("50"), new Money(new BigDecimal("285.76"), "USD")));
        assertThat(discounted.unitPrice()).as("extamt / qty when SX.e adds a line discount")
            .isEqualTo(new Money(new BigDecimal("9.66667"), "USD"));
        assertThat(discounted.breaks()).isEmpty();
        assertThat(SxeResponses.priceError(rows.get(1).price())).isNull();
        assertThat(SxeResponses.priceError(rows.get(3).price()))
            .isEqualTo("Product not set up in Product Setup - ICSP");
    }

    @Test
    void stockIsNetAvailablePerWarehouseAndReportedAsOnHandToo() {
        JsonNode response = load("product-avail-by-whse.json");

        List<StockLevel> all = SxeResponses.stock(response, "WIDGET-001", null);
        List<StockLevel> cleveland = SxeResponses.stock(response, "WIDGET-001", "CLE");

        assertThat(all).extracting(StockLevel::warehouse).containsExactly("300", "CLE", "DET");
        assertThat(cleveland)
            .containsExactly(new StockLevel("WIDGET-001", "CLE", new BigDecimal("12.5"), new BigDecimal("12.5")));
    }

    @Test
    void creditSumsTheAgingBucketsAndDerivesTheHold() {
        JsonNode credit = load("customer-data-credit.json");

        CreditStatus current = SxeCredit.creditStatus(credit, load("customer-balance-v2.json"), OPTIONS);
        CreditStatus aged = SxeCredit.creditStatus(credit, load("customer-balance-v2-aged.json"), OPTIONS);

        assertThat(current.creditLimit()).isEqualTo(new Money(new BigDecimal("50000.00"), "USD"));
        assertThat(current.balance()).isEqualTo(new Money(new BigDecimal("12600.00"), "USD"));
        assertThat(current.available()).isEqualTo(new Money(new BigDecimal("37400.00"), "USD"));
        assertThat(current.onHold()).as("nothing aged into hold period 3").isFalse();
        assertThat(current.paymentTerms()).isEqualTo("N30");
        assertThat(aged.balance().amount()).isEqualByComparingTo("350.00");
        assertThat(aged.onHold()).as("a balance in period 4, past hold period 3").isTrue();
    }

    @Test
    void aNoSellCustomerIsOnHold() {
        JsonNode credit = ErpJson.MAPPER.readTree("""
                {"cErrorMessage": "", "creditLimit": 1000, "holdPeriodCode": 0, "sellType": "N", "termsType": "COD"}
                """);

        CreditStatus status = SxeCredit.creditStatus(credit, load("customer-balance-v2.json"), OPTIONS);

        assertThat(status.onHold()).isTrue();
    }

    @Test
    void theCreatedOrdersNumberComesFromTheTotalsTable() {
        assertThat(SxeResponses.createdOrderNumber(load("order-tot-load.json"))).isEqualTo("1234601-00");
    }

    @Test
    void unreadableAnswersAreRefused() {
        JsonNode notAnArray = ErpJson.MAPPER.readTree("{\"tOeordV5\": {\"t-oeordV5\": {\"orderNo\": 1}}}");
        JsonNode badDate = ErpJson.MAPPER.readTree("""
                {"tOeordV5": {"t-oeordV5": [{"orderNo": 1, "orderSuf": 0, "custNo": 2, "stageCd": 1,
                  "enterDt": "13.06.2024", "totLineAmt": 1}]}}""");

        assertThatThrownBy(() -> SxeResponses.orderRows(notAnArray)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SxeResponses.orderRows(badDate)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SxeResponses.orderRows(ErpJson.MAPPER.readTree("{\"cErrorMessage\": \"\"}"))).isEmpty();
    }

    private static SalesOrderLine line(String quantity, String shipped) {
        Money price = new Money(BigDecimal.ONE, "USD");
        return new SalesOrderLine(1, "X", null, new BigDecimal(quantity), new BigDecimal(shipped), price, price, null);
    }

    private static JsonNode load(String name) {
        try (InputStream in = SxeResponsesTests.class.getResourceAsStream("/sxe/" + name)) {
            return ErpJson.MAPPER.readTree(in).path("response");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
