package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.SandboxErp;

/**
 * Business Central's catalog entity sets in the sandbox: {@code items},
 * {@code locations}, {@code itemLocationStocks} (the standard API's stock per location)
 * {@code customerPriceListLines} (a custom API page of price list lines: customer, price
 * group and all-customer lines with their minimum quantities) and {@code customerPricing}
 * (a custom API page of each customer's price group), each row with BC's GUID ids and
 * etags.
 */
final class BusinessCentralCatalogEntities {

    private final DistributorDataSet data;

    private final SandboxErp erp;

    BusinessCentralCatalogEntities(DistributorDataSet data, SandboxErp erp) {
        this.data = data;
        this.erp = erp;
    }

    static final LocalDate PROMOTION_FROM = LocalDate.of(2025, 1, 1);

    static final LocalDate PROMOTION_TO = LocalDate.of(2025, 12, 31);

    // ---- items, locations, stock

    List<DistributorDataSet.Item> itemsFor(Set<String> skus) {
        if (skus == null) {
            return List.copyOf(data.items());
        }
        return skus.stream().map(data::item).flatMap(Optional::stream).toList();
    }

    List<BusinessCentralSandboxEntities.Row> itemRows(FilterExpression filter) {
        return itemsFor(filter == null ? null : filter.candidates("number")).stream()
            .map(item -> new BusinessCentralSandboxEntities.Row(item.sku(), itemFields(item), Map.of()))
            .toList();
    }

    Map<String, Object> itemFields(DistributorDataSet.Item item) {
        BigDecimal inventory = data.stock(item.sku())
            .stream()
            .map(DistributorDataSet.Stock::onHand)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", BusinessCentralSandboxEntities.etag(item.sku() + item.listPrice() + inventory));
        fields.put("id", BusinessCentralSandboxEntities.guid("item", item.sku()));
        fields.put("number", item.sku());
        fields.put("displayName", item.description());
        fields.put("displayName2", "");
        fields.put("type", "Inventory");
        fields.put("itemCategoryId", BusinessCentralSandboxEntities.ZERO_GUID);
        fields.put("itemCategoryCode", "");
        fields.put("blocked", false);
        fields.put("gtin", "");
        fields.put("inventory", inventory);
        fields.put("unitPrice", item.listPrice());
        fields.put("priceIncludesTax", false);
        fields.put("unitCost",
                item.listPrice().multiply(new BigDecimal("0.62")).setScale(2, java.math.RoundingMode.HALF_UP));
        fields.put("taxGroupId", BusinessCentralSandboxEntities.ZERO_GUID);
        fields.put("taxGroupCode", "");
        fields.put("baseUnitOfMeasureId", BusinessCentralSandboxEntities.guid("unitOfMeasure", item.unit()));
        fields.put("baseUnitOfMeasureCode", item.unit());
        fields.put("lastModifiedDateTime", BusinessCentralSandboxEntities.MODIFIED);
        return fields;
    }

    Map<String, Object> locationFields(DistributorDataSet.Warehouse warehouse) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", BusinessCentralSandboxEntities.etag(warehouse.code()));
        fields.put("id", BusinessCentralSandboxEntities.guid("location", warehouse.code()));
        fields.put("code", warehouse.code());
        fields.put("displayName", warehouse.name());
        fields.put("contact", "");
        BusinessCentralSandboxEntities.putAddress(fields, warehouse.city(), warehouse.region());
        fields.put("lastModifiedDateTime", BusinessCentralSandboxEntities.MODIFIED);
        return fields;
    }

    List<BusinessCentralSandboxEntities.Row> stockRows(FilterExpression filter) {
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>();
        for (DistributorDataSet.Item item : itemsFor(filter == null ? null : filter.candidates("itemNumber"))) {
            for (DistributorDataSet.Stock stock : data.stock(item.sku())) {
                rows.add(new BusinessCentralSandboxEntities.Row(stock.sku() + "|" + stock.warehouse(),
                        stockFields(stock), Map.of()));
            }
        }
        return rows;
    }

    Map<String, Object> stockFields(DistributorDataSet.Stock stock) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", BusinessCentralSandboxEntities
            .etag(stock.sku() + stock.warehouse() + stock.onHand() + stock.allocated()));
        fields.put("id",
                BusinessCentralSandboxEntities.guid("itemLocationStock", stock.sku() + "|" + stock.warehouse()));
        fields.put("itemNumber", stock.sku());
        fields.put("locationCode", stock.warehouse());
        fields.put("inventory", stock.onHand());
        fields.put("reservedQtyOnInventory", stock.allocated());
        return fields;
    }

    // ---- price list lines

    /**
     * The price list lines as a distributor keeps them in BC: an "All Customers" list
     * with a line per quantity break at the list price less the break; a "Customer Price
     * Group" list per discount (group {@code DISC5}, ...) with the group's price from 0
     * and from each break, for the discounted customers of even index; and, for the
     * discounted customers of odd index, lines of their own instead, plus an expired 2025
     * promotion on every fifth item. A customer's best line is its price in the data set.
     */
    List<BusinessCentralSandboxEntities.Row> priceRows(FilterExpression filter) {
        List<DistributorDataSet.Item> candidates = itemsFor(filter == null ? null : filter.candidates("assetNo"));
        Set<String> types = filter == null ? null : filter.candidates("sourceType");
        Set<String> sources = filter == null ? null : filter.candidates("sourceNo");
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>();
        if (types == null || types.contains(ALL_CUSTOMERS)) {
            for (DistributorDataSet.Item item : candidates) {
                for (DistributorDataSet.QuantityBreak level : item.breaks()) {
                    rows.add(priceRow(ALL_CUSTOMERS, "", item.sku(), level.minimumQuantity(),
                            DistributorDataSet.discounted(item.listPrice(), level.discountPercent()),
                            BusinessCentralSandboxEntities.PRICES_FROM, null));
                }
            }
        }
        if (types == null || types.contains(PRICE_GROUP)) {
            for (int percent = 5; percent <= 15; percent += 5) {
                String group = "DISC" + percent;
                if (sources != null && !sources.contains(group)) {
                    continue;
                }
                for (DistributorDataSet.Item item : candidates) {
                    rows.addAll(discountLines(PRICE_GROUP, group, item,
                            DistributorDataSet.discounted(item.listPrice(), BigDecimal.valueOf(percent))));
                }
            }
        }
        if (types == null || types.contains(CUSTOMER)) {
            for (int index : customerIndexes(sources)) {
                DistributorDataSet.Customer customer = data.customer(index).orElseThrow();
                if (!hasOwnPrices(customer)) {
                    continue;
                }
                for (DistributorDataSet.Item item : candidates) {
                    BigDecimal customerPrice = data.customerPrice(customer, item);
                    rows.addAll(discountLines(CUSTOMER, erp.customerNumber(index), item, customerPrice));
                    if (isPromoted(item.sku())) {
                        rows.add(priceRow(CUSTOMER, erp.customerNumber(index), item.sku(), BigDecimal.ZERO,
                                DistributorDataSet.discounted(customerPrice, BigDecimal.valueOf(50)), PROMOTION_FROM,
                                PROMOTION_TO));
                    }
                }
            }
        }
        return rows;
    }

    static final String CUSTOMER = "Customer";

    static final String PRICE_GROUP = "Customer Price Group";

    static final String ALL_CUSTOMERS = "All Customers";

    /** A discounted price from 0, and from each break of the item. */
    private List<BusinessCentralSandboxEntities.Row> discountLines(String sourceType, String sourceNo,
            DistributorDataSet.Item item, BigDecimal price) {
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>();
        rows.add(priceRow(sourceType, sourceNo, item.sku(), BigDecimal.ZERO, price,
                BusinessCentralSandboxEntities.PRICES_FROM, null));
        for (DistributorDataSet.QuantityBreak level : item.breaks()) {
            rows.add(priceRow(sourceType, sourceNo, item.sku(), level.minimumQuantity(),
                    DistributorDataSet.discounted(price, level.discountPercent()),
                    BusinessCentralSandboxEntities.PRICES_FROM, null));
        }
        return rows;
    }

    /** Discounted customers of odd index have price lines of their own. */
    static boolean hasOwnPrices(DistributorDataSet.Customer customer) {
        return customer.discountPercent().signum() > 0 && customer.index() % 2 == 1;
    }

    /**
     * The customer's price group: {@code DISC5}, {@code DISC10} or {@code DISC15} for the
     * discounted customers of even index, none ({@code ""}) for the others.
     */
    static String priceGroup(DistributorDataSet.Customer customer) {
        return customer.discountPercent().signum() > 0 && customer.index() % 2 == 0
                ? "DISC" + customer.discountPercent().intValue() : "";
    }

    // ---- customer pricing (the custom page of each customer's price group)

    List<BusinessCentralSandboxEntities.Row> customerPricingRows(FilterExpression filter) {
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>();
        for (int index : customerIndexes(filter == null ? null : filter.candidates("number"))) {
            rows.add(new BusinessCentralSandboxEntities.Row(erp.customerNumber(index),
                    customerPricingFields(data.customer(index).orElseThrow()), Map.of()));
        }
        return rows;
    }

    Map<String, Object> customerPricingFields(DistributorDataSet.Customer customer) {
        String number = erp.customerNumber(customer.index());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", BusinessCentralSandboxEntities.etag(number + priceGroup(customer)));
        fields.put("id", BusinessCentralSandboxEntities.guid("customer", number));
        fields.put("number", number);
        fields.put("customerPriceGroup", priceGroup(customer));
        return fields;
    }

    /**
     * Every fifth item (by its number) had a 2025 promotion, long expired: a line the
     * connector must ignore.
     */
    static boolean isPromoted(String sku) {
        int dash = sku.lastIndexOf('-');
        try {
            return dash > 0 && Integer.parseInt(sku.substring(dash + 1)) % 5 == 0;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    BusinessCentralSandboxEntities.Row priceRow(String sourceType, String sourceNo, String sku,
            BigDecimal minimumQuantity, BigDecimal unitPrice, LocalDate from, LocalDate to) {
        Map<String, Object> fields = priceLine(sourceType, sourceNo, sku, minimumQuantity, unitPrice, from, to);
        return new BusinessCentralSandboxEntities.Row(
                sourceType + "|" + sourceNo + "|" + sku + "|" + String.format("%012.3f", minimumQuantity) + "|" + from,
                fields, Map.of());
    }

    Map<String, Object> priceLine(String sourceType, String sourceNo, String sku, BigDecimal minimumQuantity,
            BigDecimal unitPrice, LocalDate from, LocalDate to) {
        String list = switch (sourceType) {
            case CUSTOMER -> "S-" + sourceNo;
            case PRICE_GROUP -> "S-" + sourceNo;
            default -> "S-ALL";
        };
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", BusinessCentralSandboxEntities.etag(list + sku + minimumQuantity + unitPrice + from));
        fields.put("id", BusinessCentralSandboxEntities.guid("priceListLine",
                list + "|" + sku + "|" + minimumQuantity + "|" + from));
        fields.put("priceListCode", list);
        fields.put("sourceType", sourceType);
        fields.put("sourceNo", sourceNo);
        fields.put("assetType", "Item");
        fields.put("assetNo", sku);
        fields.put("unitOfMeasureCode", "");
        fields.put("minimumQuantity", minimumQuantity);
        fields.put("unitPrice", unitPrice);
        fields.put("currencyCode", "");
        fields.put("startingDate", from);
        fields.put("endingDate", to == null ? BusinessCentralSandboxEntities.BLANK_DATE : to);
        return fields;
    }

    List<Integer> customerIndexes(Set<String> numbers) {
        List<Integer> indexes = new ArrayList<>();
        if (numbers == null) {
            for (int index = 0; index < data.customerCount(); index++) {
                indexes.add(index);
            }
        }
        else {
            for (String number : numbers) {
                OptionalInt index = erp.customerIndex(number);
                if (index.isPresent() && data.customer(index.getAsInt()).isPresent()) {
                    indexes.add(index.getAsInt());
                }
            }
        }
        return indexes;
    }

}
