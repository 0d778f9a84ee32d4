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
 * and {@code customerPriceListLines} (a custom API page of prices with their minimum
 * quantities), each row with BC's GUID ids and etags.
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

    List<BusinessCentralSandboxEntities.Row> priceRows(FilterExpression filter) {
        List<DistributorDataSet.Item> candidates = itemsFor(filter == null ? null : filter.candidates("assetNo"));
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>();
        for (int index : customerIndexes(filter == null ? null : filter.candidates("sourceNo"))) {
            DistributorDataSet.Customer customer = data.customer(index).orElseThrow();
            for (DistributorDataSet.Item item : candidates) {
                BigDecimal customerPrice = data.customerPrice(customer, item);
                String key = erp.customerNumber(index) + "|" + item.sku() + "|";
                if (customer.discountPercent().signum() > 0) {
                    rows.add(priceRow(key, priceLine(index, item.sku(), BigDecimal.ZERO, customerPrice,
                            BusinessCentralSandboxEntities.PRICES_FROM, null)));
                }
                for (DistributorDataSet.QuantityBreak level : item.breaks()) {
                    rows.add(priceRow(key,
                            priceLine(index, item.sku(), level.minimumQuantity(),
                                    DistributorDataSet.discounted(customerPrice, level.discountPercent()),
                                    BusinessCentralSandboxEntities.PRICES_FROM, null)));
                }
                if (isPromoted(item.sku())) {
                    rows.add(priceRow(key,
                            priceLine(index, item.sku(), BigDecimal.ZERO,
                                    DistributorDataSet.discounted(customerPrice, BigDecimal.valueOf(50)),
                                    PROMOTION_FROM, PROMOTION_TO)));
                }
            }
        }
        return rows;
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

    static BusinessCentralSandboxEntities.Row priceRow(String key, Map<String, Object> fields) {
        return new BusinessCentralSandboxEntities.Row(
                key + String.format("%012.3f", (BigDecimal) fields.get("minimumQuantity")) + "|"
                        + fields.get("startingDate"),
                fields, Map.of());
    }

    Map<String, Object> priceLine(int customerIndex, String sku, BigDecimal minimumQuantity, BigDecimal unitPrice,
            LocalDate from, LocalDate to) {
        String customerNumber = erp.customerNumber(customerIndex);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag",
                BusinessCentralSandboxEntities.etag(customerNumber + sku + minimumQuantity + unitPrice + from));
        fields.put("id", BusinessCentralSandboxEntities.guid("priceListLine",
                customerNumber + "|" + sku + "|" + minimumQuantity + "|" + from));
        fields.put("priceListCode", "S-" + customerNumber);
        fields.put("sourceType", "Customer");
        fields.put("sourceNo", customerNumber);
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
