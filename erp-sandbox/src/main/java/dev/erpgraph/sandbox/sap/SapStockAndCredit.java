package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SAP sandbox's stock ({@code API_MATERIAL_STOCK_SRV}: unrestricted = available,
 * quality inspection = the allocated rest) and credit services
 * ({@code API_CRDTMBUSINESSPARTNER}: a {@code CreditManagementAccount} per customer in
 * segment {@code 1000}, an {@code A_CrdtMgmtCreditExposure} row per customer with a
 * balance).
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
class SapStockAndCredit {

    private final SandboxRegistry registry;

    SapStockAndCredit(SandboxRegistry registry) {
        this.registry = registry;
    }

    private static final Map<String, Class<?>> STOCK_PROPERTIES = SapOData.types(
            "Material Plant StorageLocation Batch Supplier Customer WBSElementInternalID SDDocument SDDocumentItem "
                    + "InventorySpecialStockType InventoryStockType MaterialBaseUnit",
            String.class, "MatlWrhsStkQtyInMatlBaseUnit", BigDecimal.class);

    private static final Map<String, Class<?>> ACCOUNT_PROPERTIES = SapOData.types(
            "BusinessPartner CreditSegment CreditSegmentCurrency CreditAccountBlockReason", String.class,
            "CreditLimitAmount CreditLimitCalculatedAmount", BigDecimal.class,
            "CreditAccountIsBlocked BusinessPartnerIsCritical", Boolean.class, "CreditLimitValidityEndDate",
            LocalDate.class);

    private static final Map<String, Class<?>> EXPOSURE_PROPERTIES = SapOData.types(
            "BusinessPartner CreditSegment CreditSegmentCurrency", String.class, "CustomerCreditExposureAmount",
            BigDecimal.class);

    // ---- stock

    @GetMapping(SapOData.ROOT + "/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod")
    ResponseEntity<String> stock(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "inventory", request);
        FilterExpression filter = SapOData.filter(request, STOCK_PROPERTIES);
        List<Map<String, Object>> matches = new ArrayList<>();
        Set<String> materials = filter.candidates("Material");
        for (Item item : sandbox.data().items()) {
            if (materials != null && !materials.contains(item.sku())) {
                continue;
            }
            for (DistributorDataSet.Stock level : sandbox.data().stock(item.sku())) {
                BigDecimal unrestricted = level.available();
                for (Map<String, Object> row : List.of(stockRow(item, level.warehouse(), "01", unrestricted),
                        stockRow(item, level.warehouse(), "02", level.onHand().subtract(unrestricted)))) {
                    boolean present = "01".equals(row.get("InventoryStockType"))
                            || ((BigDecimal) row.get("MatlWrhsStkQtyInMatlBaseUnit")).signum() != 0;
                    if (present && filter.test(row::get)) {
                        matches.add(row);
                    }
                }
            }
        }
        return SapOData.rows(request, matches, STOCK_PROPERTIES, "API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod",
                row -> "A_MatlStkInAcctMod(Material='" + row.get("Material") + "',Plant='" + row.get("Plant")
                        + "',StorageLocation='0001',Batch='',Supplier='',Customer='',WBSElementInternalID='00000000',"
                        + "SDDocument='',SDDocumentItem='000000',InventorySpecialStockType='',InventoryStockType='"
                        + row.get("InventoryStockType") + "')");
    }

    private static Map<String, Object> stockRow(Item item, String plant, String type, BigDecimal quantity) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Material", item.sku());
        row.put("Plant", plant);
        row.put("StorageLocation", "0001");
        row.put("Batch", "");
        row.put("Supplier", "");
        row.put("Customer", "");
        row.put("WBSElementInternalID", "00000000");
        row.put("SDDocument", "");
        row.put("SDDocumentItem", "000000");
        row.put("InventorySpecialStockType", "");
        row.put("InventoryStockType", type);
        row.put("MaterialBaseUnit", item.unit());
        row.put("MatlWrhsStkQtyInMatlBaseUnit", quantity.setScale(14));
        return row;
    }

    // ---- credit

    @GetMapping(SapOData.ROOT + "/API_CRDTMBUSINESSPARTNER/CreditManagementAccount")
    ResponseEntity<String> creditAccounts(@PathVariable String erpSystemId, HttpServletRequest request) {
        return creditSegments(erpSystemId, request, "CreditManagementAccount", ACCOUNT_PROPERTIES, customer -> true,
                (customer, row) -> {
                    row.put("CreditLimitAmount", customer.creditLimit().setScale(3));
                    row.put("CreditSegmentCurrency", DistributorDataSet.CURRENCY);
                    row.put("CreditLimitValidityEndDate", SapOData.VALID_TO);
                    row.put("CreditAccountIsBlocked", customer.onHold());
                    row.put("CreditAccountBlockReason", customer.onHold() ? "01" : "");
                    row.put("BusinessPartnerIsCritical", customer.balance().compareTo(customer.creditLimit()) > 0);
                    row.put("CreditLimitCalculatedAmount", BigDecimal.ZERO.setScale(3));
                });
    }

    @GetMapping(SapOData.ROOT + "/API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure")
    ResponseEntity<String> creditExposure(@PathVariable String erpSystemId, HttpServletRequest request) {
        return creditSegments(erpSystemId, request, "A_CrdtMgmtCreditExposure", EXPOSURE_PROPERTIES,
                customer -> customer.balance().signum() != 0, (customer, row) -> {
                    row.put("CustomerCreditExposureAmount", customer.balance().setScale(3));
                    row.put("CreditSegmentCurrency", DistributorDataSet.CURRENCY);
                });
    }

    /**
     * A read of one entity set of the credit service: a row per {@code listed} customer
     * the filter names, keyed by business partner and the demo's one credit segment,
     * {@code 1000}, with the set's own {@code fields}.
     */
    private ResponseEntity<String> creditSegments(String erpSystemId, HttpServletRequest request, String entitySet,
            Map<String, Class<?>> properties, Predicate<Customer> listed,
            BiConsumer<Customer, Map<String, Object>> fields) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "credit", request);
        FilterExpression filter = SapOData.filter(request, properties);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (int index : SapOData.customerIndexes(sandbox, filter.candidates("BusinessPartner"))) {
            Customer customer = sandbox.data().customer(index).orElseThrow();
            if (!listed.test(customer)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BusinessPartner", sandbox.erp().customerNumber(index));
            row.put("CreditSegment", "1000");
            fields.accept(customer, row);
            if (filter.test(row::get)) {
                matches.add(row);
            }
        }
        return SapOData.rows(request, matches, properties, "API_CRDTMBUSINESSPARTNER", entitySet,
                row -> entitySet + "(BusinessPartner='" + row.get("BusinessPartner") + "',CreditSegment='1000')");
    }

}
