package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.QuantityBreak;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SAP sandbox's pricing service, {@code API_SLSPRICINGCONDITIONRECORD_SRV}, as
 * S/4HANA's standard pricing keeps prices: condition type {@code PPR0} throughout, a
 * record of condition table 304 (Material) per material (list price, its scales the
 * quantity breaks) and one of table 305 (Customer/Material) per customer with a discount.
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
class SapPricing {

    private final SandboxRegistry registry;

    SapPricing(SandboxRegistry registry) {
        this.registry = registry;
    }

    private static final Map<String, Class<?>> VALIDITY_PROPERTIES = SapOData.types(
            "ConditionRecord ConditionApplication ConditionType ConditionTable SalesOrganization DistributionChannel "
                    + "Customer Material",
            String.class, "ConditionValidityStartDate ConditionValidityEndDate", LocalDate.class);

    private static final Map<String, Class<?>> SCALE_PROPERTIES = SapOData.types(
            "ConditionRecord ConditionSequentialNumber ConditionScaleLine ConditionScaleQuantityUnit "
                    + "ConditionRateValueUnit",
            String.class, "ConditionScaleQuantity ConditionRateValue", BigDecimal.class);

    // ---- prices

    /**
     * A condition record of the demo: {@code customer} -1 is the material's (table 304),
     * else that customer's (table 305), both of type PPR0.
     */
    private record Condition(int customer, int item) {
        boolean list() {
            return customer < 0;
        }

        String record() {
            return String.format("%010d", list() ? 10_000 + item : 100_000_000L + customer * 1_000L + item);
        }
    }

    /**
     * A scale line of a condition record: line 1 at quantity 1 is the record's own rate.
     */
    private record ScaleLine(Condition condition, int line) {
    }

    @GetMapping(SapOData.ROOT + "/API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecdValidity")
    ResponseEntity<String> priceValidities(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "prices", request);
        boolean records = SapOData.expand(request, "to_SlsPrcgConditionRecord");
        FilterExpression filter = SapOData.filter(request, VALIDITY_PROPERTIES);
        List<Item> items = List.copyOf(sandbox.data().items());
        List<Condition> matches = new ArrayList<>();
        for (Condition condition : conditions(sandbox, items, filter.candidates("Customer"),
                filter.candidates("Material"))) {
            if (filter.test(property -> validity(sandbox, items, condition).get(property))) {
                matches.add(condition);
            }
        }
        Set<String> select = SapOData.select(request, VALIDITY_PROPERTIES);
        return SapOData.page(request, matches, condition -> {
            Map<String, Object> validity = validity(sandbox, items, condition);
            ObjectNode node = SapOData.entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecdValidity",
                    "A_SlsPrcgCndnRecdValidity(ConditionRecord='" + condition.record()
                            + "',ConditionValidityEndDate=datetime'9999-12-31T00:00:00')",
                    validity, select);
            if (records) {
                node.set("to_SlsPrcgConditionRecord",
                        SapOData.entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgConditionRecord",
                                "A_SlsPrcgConditionRecord(ConditionRecord='" + condition.record()
                                        + "',ConditionSequentialNumber='01')",
                                record(sandbox, items, condition), null));
            }
            return node;
        });
    }

    @GetMapping(SapOData.ROOT + "/API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecordScale")
    ResponseEntity<String> priceScales(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "prices", request);
        FilterExpression filter = SapOData.filter(request, SCALE_PROPERTIES);
        List<Item> items = List.copyOf(sandbox.data().items());
        List<ScaleLine> matches = new ArrayList<>();
        Set<String> records = filter.candidates("ConditionRecord");
        List<Condition> conditions = records == null ? conditions(sandbox, items, null, null)
                : records.stream()
                    .map(record -> condition(sandbox, items, record))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Condition::record))
                    .toList();
        for (Condition condition : conditions) {
            int lines = items.get(condition.item()).breaks().size();
            for (int line = 1; lines > 0 && line <= lines + 1; line++) {
                ScaleLine scale = new ScaleLine(condition, line);
                if (filter.test(property -> scale(sandbox, items, scale).get(property))) {
                    matches.add(scale);
                }
            }
        }
        Set<String> select = SapOData.select(request, SCALE_PROPERTIES);
        return SapOData.page(request, matches,
                scale -> SapOData.entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecordScale",
                        "A_SlsPrcgCndnRecordScale(ConditionRecord='" + scale.condition().record()
                                + "',ConditionSequentialNumber='01',ConditionScaleLine='"
                                + String.format("%04d", scale.line()) + "')",
                        scale(sandbox, items, scale), select));
    }

    /**
     * The demo's condition records, narrowed to these customers and materials where the
     * filter allows it.
     */
    private static List<Condition> conditions(Sandbox sandbox, List<Item> items, Set<String> customers,
            Set<String> materials) {
        List<Integer> itemIndexes = new ArrayList<>();
        for (int item = 0; item < items.size(); item++) {
            if (materials == null || materials.contains(items.get(item).sku())) {
                itemIndexes.add(item);
            }
        }
        List<Condition> conditions = new ArrayList<>();
        if (customers == null || customers.contains("")) {
            itemIndexes.forEach(item -> conditions.add(new Condition(-1, item)));
        }
        for (int customer : SapOData.customerIndexes(sandbox, customers)) {
            if (sandbox.data().customer(customer).orElseThrow().discountPercent().signum() > 0) {
                for (int item : itemIndexes) {
                    conditions.add(new Condition(customer, item));
                }
            }
        }
        return conditions;
    }

    /** The condition record of that number, or null if the demo has none. */
    private static Condition condition(Sandbox sandbox, List<Item> items, String record) {
        if (!record.matches("\\d{10}")) {
            return null;
        }
        long number = Long.parseLong(record);
        Condition condition = number < 100_000_000L ? new Condition(-1, (int) (number - 10_000))
                : new Condition((int) ((number - 100_000_000L) / 1_000), (int) (number % 1_000));
        if (condition.item() < 0 || condition.item() >= items.size() || !condition.record().equals(record)) {
            return null;
        }
        if (!condition.list() && sandbox.data()
            .customer(condition.customer())
            .map(customer -> customer.discountPercent().signum() > 0)
            .orElse(false) == Boolean.FALSE) {
            return null;
        }
        return condition;
    }

    /**
     * A lazy view of a validity: the filter asks for a few properties of hundreds of
     * thousands of records.
     */
    private static Map<String, Object> validity(Sandbox sandbox, List<Item> items, Condition condition) {
        return new SapOData.LazyEntity(VALIDITY_PROPERTIES.keySet(), property -> switch (property) {
            case "ConditionRecord" -> condition.record();
            case "ConditionApplication" -> "V";
            case "ConditionType" -> "PPR0";
            case "ConditionTable" -> condition.list() ? "304" : "305";
            case "SalesOrganization" -> "1710";
            case "DistributionChannel" -> "10";
            case "Customer" -> condition.list() ? "" : sandbox.erp().customerNumber(condition.customer());
            case "Material" -> items.get(condition.item()).sku();
            case "ConditionValidityStartDate" -> SapOData.VALID_FROM;
            case "ConditionValidityEndDate" -> SapOData.VALID_TO;
            default -> null;
        });
    }

    private static BigDecimal baseRate(Sandbox sandbox, List<Item> items, Condition condition) {
        Item item = sandbox.data().item(items.get(condition.item()).sku()).orElseThrow();
        return condition.list() ? item.listPrice()
                : sandbox.data().customerPrice(sandbox.data().customer(condition.customer()).orElseThrow(), item);
    }

    private static Map<String, Object> record(Sandbox sandbox, List<Item> items, Condition condition) {
        Item item = items.get(condition.item());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ConditionRecord", condition.record());
        record.put("ConditionSequentialNumber", "01");
        record.put("ConditionTable", condition.list() ? "304" : "305");
        record.put("ConditionApplication", "V");
        record.put("ConditionType", "PPR0");
        record.put("ConditionValidityStartDate", SapOData.VALID_FROM);
        record.put("ConditionValidityEndDate", SapOData.VALID_TO);
        record.put("ConditionRateValue", baseRate(sandbox, items, condition).setScale(9));
        record.put("ConditionRateValueUnit", DistributorDataSet.CURRENCY);
        record.put("ConditionQuantity", BigDecimal.ONE.setScale(3));
        record.put("ConditionQuantityUnit", item.unit());
        record.put("Customer", condition.list() ? "" : sandbox.erp().customerNumber(condition.customer()));
        return record;
    }

    private static Map<String, Object> scale(Sandbox sandbox, List<Item> items, ScaleLine scale) {
        Item item = items.get(scale.condition().item());
        return new SapOData.LazyEntity(SCALE_PROPERTIES.keySet(), property -> switch (property) {
            case "ConditionRecord" -> scale.condition().record();
            case "ConditionSequentialNumber" -> "01";
            case "ConditionScaleLine" -> String.format("%04d", scale.line());
            case "ConditionScaleQuantity" ->
                (scale.line() == 1 ? BigDecimal.ONE : item.breaks().get(scale.line() - 2).minimumQuantity())
                    .setScale(3);
            case "ConditionScaleQuantityUnit" -> item.unit();
            case "ConditionRateValue" -> {
                BigDecimal base = baseRate(sandbox, items, scale.condition());
                QuantityBreak level = scale.line() == 1 ? null : item.breaks().get(scale.line() - 2);
                yield (level == null ? base : DistributorDataSet.discounted(base, level.discountPercent())).setScale(9);
            }
            case "ConditionRateValueUnit" -> DistributorDataSet.CURRENCY;
            default -> null;
        });
    }

}
