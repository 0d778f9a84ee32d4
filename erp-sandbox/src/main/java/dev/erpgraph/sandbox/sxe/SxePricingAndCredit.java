package dev.erpgraph.sandbox.sxe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.QuantityBreak;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.OrderStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SX.API's price, stock and credit operations in the sandbox: prices with quantity breaks
 * ({@code sxapioepricingmultiplev5}), stock per warehouse
 * ({@code sxapiicproductavailbywhse}) and a customer's credit and balance
 * ({@code sxapiargetcustomerdatacredit}, {@code sxapiargetcustomerbalancev2}).
 */
final class SxePricingAndCredit {

    private SxePricingAndCredit() {
    }

    // ---- pricing

    static ObjectNode pricing(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = SxeWire.customer(request, erp);
        if (index.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        Customer customer = data.customer(index.getAsInt()).orElseThrow();
        boolean withBreaks = request.path("getPriceBreaks").asBoolean(false);
        ObjectNode response = SxeWire.ok();
        ArrayNode out = response.putObject("tOemultprcoutV3").putArray("t-oemultprcoutV3");
        ArrayNode breaksOut = response.putObject("tOemultprcoutbrk").putArray("t-oemultprcoutbrk");
        for (JsonNode in : SxeWire.table(request, "tOemultprcinV2", "t-oemultprcinV2")) {
            int seqno = in.path("seqno").asInt(0);
            String prod = in.path("prod").asString("");
            String whse = in.path("whse").asString("");
            ObjectNode row = out.addObject();
            row.put("seqno", seqno);
            row.put("prod", prod);
            row.put("whse", whse.isBlank() ? "CLE" : whse);
            BigDecimal quantity = in.path("qtyord").isNumber() ? in.path("qtyord").decimalValue() : null;
            row.put("qtyord", quantity);
            Optional<Item> item = data.item(prod);
            if (item.isEmpty() || quantity == null || quantity.signum() <= 0) {
                row.put("price", BigDecimal.ZERO);
                row.put("errormess",
                        item.isEmpty() ? SxeWire.NOT_SET_UP_PRODUCT : "Quantity must be greater than zero");
                continue;
            }
            BigDecimal customerPrice = data.customerPrice(customer, item.get());
            BigDecimal price = data.unitPrice(index.getAsInt(), prod, quantity).orElseThrow();
            row.put("unit", item.get().unit());
            row.put("price", price);
            row.put("discamt", BigDecimal.ZERO.setScale(2));
            row.put("disctype", "$");
            row.put("netavail",
                    data.stock(prod)
                        .stream()
                        .filter(level -> whse.isBlank() || level.warehouse().equals(whse))
                        .map(DistributorDataSet.Stock::available)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            row.put("pdrecno", 80_000 + index.getAsInt());
            row.put("promofl", false);
            row.put("priceorigcd", customer.discountPercent().signum() > 0 ? "c" : "l");
            row.put("extamt", price.multiply(quantity).setScale(2, RoundingMode.HALF_UP));
            row.put("baseprice", customerPrice);
            row.put("listprice", item.get().listPrice());
            row.put("errormess", "");
            List<QuantityBreak> ladder = item.get().breaks();
            row.put("qtybreakexistfl", !ladder.isEmpty());
            if (withBreaks && !ladder.isEmpty()) {
                ObjectNode breaks = breaksOut.addObject();
                breaks.put("seqno", seqno);
                breaks.put("prod", prod);
                for (int n = 1; n <= 8; n++) {
                    breaks.put("quantitybreak" + n,
                            n <= ladder.size() ? ladder.get(n - 1).minimumQuantity() : BigDecimal.ZERO);
                }
                for (int n = 1; n <= 9; n++) {
                    BigDecimal percent = n == 1 ? BigDecimal.ZERO
                            : n - 1 <= ladder.size() ? ladder.get(n - 2).discountPercent() : null;
                    breaks.put("pricebreak" + n,
                            percent == null ? BigDecimal.ZERO : DistributorDataSet.discounted(customerPrice, percent));
                    breaks.put("discountpercent" + n, percent == null ? BigDecimal.ZERO : percent);
                }
            }
        }
        return response;
    }

    // ---- stock

    static ObjectNode availability(JsonNode request, DistributorDataSet data) {
        String prod = request.path("productCode").asString("");
        Optional<Item> item = data.item(prod);
        if (item.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_PRODUCT);
        }
        String region = request.path("region").asString("").trim();
        boolean ignoreZero = request.path("ignoreZeroAvailable").asBoolean(false);
        ObjectNode response = SxeWire.ok();
        ArrayNode rows = response.putObject("tProd_avl").putArray("t-prod_avl");
        for (DistributorDataSet.Stock level : data.stock(prod)) {
            String warehouseRegion = data.warehouses()
                .stream()
                .filter(w -> w.code().equals(level.warehouse()))
                .map(DistributorDataSet.Warehouse::region)
                .findFirst()
                .orElse("");
            if ((!region.isEmpty() && !region.equalsIgnoreCase(warehouseRegion))
                    || (ignoreZero && level.available().signum() == 0)) {
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("prod", prod);
            row.put("descrip1", item.get().description());
            row.put("descrip2", "");
            row.put("whse", level.warehouse());
            row.put("netAvail", level.available());
        }
        return response;
    }

    /**
     * {@code sxapisfgetpriceavailmultiplev2}: a row per requested product and warehouse
     * ({@code availabilitywhse}; blank is the main warehouse, CLE) with its
     * {@code netavail}; a product not set up, or not stocked in that warehouse, answers
     * its row with {@code errormess} as SX.e does (ICSP, ICSW).
     */
    static ObjectNode priceAvailMultiple(JsonNode request, DistributorDataSet data) {
        ObjectNode response = SxeWire.ok();
        ArrayNode out = response.putObject("tPrcavail").putArray("t-prcavail");
        for (JsonNode in : SxeWire.table(request, "tProddataprcavailV2", "t-proddataprcavailV2")) {
            String prod = in.path("prod").asString("");
            String whse = in.path("availabilitywhse").asString("").trim();
            whse = whse.isEmpty() ? "CLE" : whse;
            ObjectNode row = out.addObject();
            row.put("transid", in.path("lineno").asString(""));
            row.put("shipprod", prod);
            row.put("whse", whse);
            Optional<Item> item = data.item(prod);
            Optional<DistributorDataSet.Stock> level = item.isEmpty() ? Optional.empty() : data.stock(prod, whse);
            row.put("unit", item.map(Item::unit).orElse(""));
            row.put("netavail", level.map(DistributorDataSet.Stock::available).orElse(BigDecimal.ZERO));
            row.put("price", BigDecimal.ZERO);
            row.put("errormess", item.isEmpty() ? SxeWire.NOT_SET_UP_PRODUCT
                    : level.isEmpty() ? "Product not set up in Warehouse Products - ICSW" : "");
        }
        return response;
    }

    /** {@code sxapiicgetwarehouselistv2}: the company's warehouses (ICSD). */
    static ObjectNode warehouseList(DistributorDataSet data) {
        ObjectNode response = SxeWire.ok();
        ArrayNode out = response.putObject("tCodeLst").putArray("t-codeLst");
        for (DistributorDataSet.Warehouse warehouse : data.warehouses()) {
            ObjectNode row = out.addObject();
            row.put("codeValue", warehouse.code());
            row.put("codeDesc", warehouse.name());
            row.put("extraData", "");
            row.put("sortFld", warehouse.code());
        }
        return response;
    }

    // ---- credit

    static ObjectNode credit(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = SxeWire.customer(request, erp);
        if (index.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        Customer customer = data.customer(index.getAsInt()).orElseThrow();
        BigDecimal openOrders = data.ordersOf(customer.index())
            .stream()
            .filter(order -> order.status() == OrderStatus.OPEN || order.status() == OrderStatus.ON_HOLD
                    || order.status() == OrderStatus.PARTIALLY_SHIPPED)
            .map(Order::total)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode response = SxeWire.ok();
        response.put("customerNumber", SxeSandboxErp.FIRST_CUSTOMER + customer.index());
        response.put("creditLimit", customer.creditLimit());
        response.put("creditManager", "CRM" + (customer.index() % 3 + 1));
        response.put("holdPeriodCode", 0);
        response.put("sellType", customer.onHold() ? "n" : "y");
        response.put("avgPayDays", 25 + customer.index() % 30);
        response.put("noPastDue", customer.onHold() ? 2 : 0);
        response.put("noInvoices", 3 + customer.index() % 12);
        response.put("noPayments", 10 + customer.index() % 40);
        response.put("highBalance", customer.creditLimit().max(customer.balance()));
        response.put("orderBalance", openOrders);
        response.put("termsType", customer.paymentTerms());
        response.put("termsTypeDescription", termsDescription(customer.paymentTerms()));
        response.put("lastPaymentAmount", customer.balance().divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP));
        response.put("lastPaymentDate", DistributorDataSet.AS_OF.minusDays(3 + customer.index() % 20).toString());
        response.put("creditEstablishedDate", LocalDate.of(2015 + customer.index() % 10, 3, 1).toString());
        response.put("lastReviewDate", DistributorDataSet.AS_OF.minusMonths(4).toString());
        response.put("nextReviewDate", DistributorDataSet.AS_OF.plusMonths(8).toString());
        return response;
    }

    static ObjectNode balance(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = SxeWire.customer(request, erp);
        if (index.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        BigDecimal balance = data.customer(index.getAsInt()).orElseThrow().balance();
        BigDecimal current = balance.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal thirty = balance.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal[] periods = { current, thirty, balance.subtract(current).subtract(thirty),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) };
        String[] texts = { "Current", "31-60", "61-90", "91-120", "Over 120" };
        ObjectNode response = SxeWire.ok();
        BigDecimal running = BigDecimal.ZERO;
        for (int n = 1; n <= 5; n++) {
            response.put("period" + n + "Balance", periods[n - 1]);
            response.put("period" + n + "Text", texts[n - 1]);
            running = running.add(periods[n - 1]);
            response.put("total" + n + "Balance", running);
        }
        response.put("futureBalance", BigDecimal.ZERO.setScale(2));
        return response;
    }

    static String termsDescription(String terms) {
        return switch (terms) {
            case "NET30" -> "Net 30";
            case "NET45" -> "Net 45";
            case "NET60" -> "Net 60";
            case "2%10NET30" -> "2% 10, Net 30";
            default -> terms;
        };
    }

}
