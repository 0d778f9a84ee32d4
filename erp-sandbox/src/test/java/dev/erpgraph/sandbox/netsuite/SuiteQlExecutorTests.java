package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Kind;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The executor answers from only the rows that can make a difference, and that never
 * shows: every statement gets the rows, the order and the error it gets when every row
 * the tables have is evaluated.
 */
class SuiteQlExecutorTests {

    private final DistributorDataSet data = new DistributorDataSet(20261101L);

    private final NetSuiteSandboxTables tables = new NetSuiteSandboxTables(data, new NetSuiteSandboxErp(15, ""));

    /**
     * The same tables, asked for every row they have whatever the executor says it needs.
     */
    private final SuiteQlExecutor.Tables everyRow = new SuiteQlExecutor.Tables() {
        @Override
        public List<Map<String, Object>> rows(String table, Map<String, Set<String>> hints,
                Map<String, Set<String>> ignored) {
            return tables.rows(table, hints, Map.of());
        }

        @Override
        public Map<String, Kind> columns(String table) {
            return tables.columns(table);
        }
    };

    @Test
    void narrowingNeverChangesAnAnswerOrAnError() {
        List<String> statements = List.of(
                // what the connector sends: stock, prices, order lines
                "SELECT i.itemid, loc.name AS location, il.quantityonhand, il.quantityavailable FROM item i"
                        + " LEFT JOIN inventoryitemlocations il ON il.item = i.id LEFT JOIN location loc"
                        + " ON loc.id = il.location WHERE i.itemid IN ('PVC-10000', 'VLV-10014', 'NOPE')"
                        + " ORDER BY i.id, il.location",
                "SELECT p.customer, i.itemid, p.quantity, p.unitprice, base.unitprice AS listprice, cur.symbol AS"
                        + " currency FROM pricingwithcustomers p JOIN item i ON i.id = p.item JOIN currency cur"
                        + " ON cur.id = p.currency LEFT JOIN pricing base ON base.item = p.item AND base.pricelevel"
                        + " = 1 AND base.currency = p.currency AND base.quantity = 0 WHERE p.customer IN (1001, 1002,"
                        + " 1003) AND i.itemid IN ('PVC-10000', 'CPR-10001') ORDER BY p.customer, p.item, p.quantity",
                "SELECT tl.transaction, tl.linesequencenumber, i.itemid, loc.name AS location FROM transactionline"
                        + " tl JOIN item i ON i.id = tl.item LEFT JOIN location loc ON loc.id = tl.location"
                        + " WHERE tl.transaction IN (70001, 70002, 70003) AND tl.mainline = 'F'",
                // no ORDER BY: the order the tables give is the answer's
                "SELECT i.itemid, il.location FROM item i JOIN inventoryitemlocations il ON il.item = i.id"
                        + " WHERE i.itemid IN ('VLV-10014', 'PVC-10000')",
                "SELECT p.customer, p.quantity FROM pricingwithcustomers p JOIN item i ON p.item = i.id"
                        + " WHERE p.customer IN (1002.0, 1001) AND i.itemid = 'PVC-10000' AND i.id > 2000",
                "SELECT p.customer, i.itemid FROM pricingwithcustomers p LEFT JOIN item i ON i.id = p.item"
                        + " WHERE p.customer = 1001 AND i.itemid = 'PVC-10000'",
                "SELECT i.itemid, il.location FROM item i LEFT JOIN inventoryitemlocations il ON il.item = i.id"
                        + " WHERE il.item IN (2001, 2003) AND i.id < 2010",
                "SELECT t.id, tl.linesequencenumber FROM transaction t JOIN transactionline tl"
                        + " ON tl.transaction = t.id WHERE t.entity = 1001",
                "SELECT t.id, c.companyname FROM transaction t JOIN customer c ON c.id = t.entity"
                        + " WHERE t.entity IN (1001, 1002) AND c.id = 1001",
                // the one-statement order read: headers numbered per customer, lines
                // joined
                "SELECT o.id, o.entity, o.rn, tl.linesequencenumber, i.itemid FROM (SELECT t.id, t.entity,"
                        + " ROW_NUMBER() OVER (PARTITION BY t.entity ORDER BY t.trandate DESC, t.id DESC) AS rn"
                        + " FROM transaction t WHERE t.type = 'SalesOrd' AND t.entity IN (1001, 1002)) o"
                        + " LEFT JOIN transactionline tl ON tl.transaction = o.id AND tl.mainline = 'F'"
                        + " LEFT JOIN item i ON i.id = tl.item WHERE o.rn <= 2 ORDER BY o.entity, o.rn,"
                        + " tl.linesequencenumber",
                // conditions that fail on some rows: every row is still evaluated, so
                // they still fail
                "SELECT i.itemid FROM item i WHERE i.itemid IN ('NOPE') AND i.id = 'abc'",
                "SELECT i.itemid FROM item i WHERE i.id = 'abc' AND i.itemid IN ('NOPE')",
                "SELECT p.customer FROM pricingwithcustomers p JOIN item i ON i.id = p.item"
                        + " WHERE p.customer = 1001 AND i.itemid IN ('PVC-10000') AND i.id = 'x'",
                "SELECT p.customer FROM pricingwithcustomers p JOIN item i ON i.id = p.item AND i.itemid > 5"
                        + " WHERE p.customer = 1001 AND i.itemid IN ('NOPE')",
                "SELECT i.itemid, il.quantityonhand FROM item i JOIN inventoryitemlocations il ON il.item = i.id"
                        + " AND il.quantityonhand > 'x' WHERE i.itemid = 'PVC-10000'",
                "SELECT i.itemid FROM item i WHERE i.itemid = 5");
        for (String sql : statements) {
            SuiteQlStatement statement = SuiteQlParser.parse(sql);
            Throwable expectedFailure = catchThrowable(() -> SuiteQlExecutor.execute(statement, everyRow));
            Throwable failure = catchThrowable(() -> SuiteQlExecutor.execute(statement, tables));
            if (expectedFailure != null) {
                assertThat(failure).as(sql).isNotNull().hasMessage(expectedFailure.getMessage());
            }
            else {
                assertThat(failure).as(sql).isNull();
                assertThat(SuiteQlExecutor.execute(statement, tables)).as(sql)
                    .isEqualTo(SuiteQlExecutor.execute(statement, everyRow));
            }
        }
    }

    @Test
    void rowNumberKeepsTheNewestOrdersOfEachCustomerInOneStatement() {
        String headers = "SELECT t.id, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate FROM transaction t"
                + " WHERE t.type = 'SalesOrd' AND t.entity IN (1001, 1002, 1003, 1004, 1005)";
        List<Map<String, String>> all = SuiteQlExecutor
            .execute(SuiteQlParser.parse(headers + " ORDER BY t.entity, t.trandate DESC, t.id DESC"), tables);
        List<Map<String, String>> expected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, String> row : all) {
            int number = seen.merge(row.get("entity"), 1, Integer::sum);
            if (number <= 2) {
                Map<String, String> numbered = new LinkedHashMap<>(row);
                numbered.put("rn", String.valueOf(number));
                expected.add(numbered);
            }
        }

        List<Map<String, String>> firstTwo = SuiteQlExecutor
            .execute(SuiteQlParser.parse("SELECT o.id, o.entity, o.trandate, o.rn FROM ("
                    + headers.replace(" FROM",
                            ", ROW_NUMBER() OVER"
                                    + " (PARTITION BY t.entity ORDER BY t.trandate DESC, t.id DESC) AS rn FROM")
                    + ") o WHERE o.rn <= 2 ORDER BY o.entity, o.rn"), tables);

        // Some customer has more than two orders, so the window really cuts.
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(firstTwo).isEqualTo(expected);
    }

    @Test
    void refusesAWindowFunctionWhereOracleDoes() {
        for (String sql : List.of("SELECT t.id FROM transaction t WHERE ROW_NUMBER() OVER (ORDER BY t.id) <= 2",
                "SELECT t.id FROM transaction t JOIN (SELECT c.id FROM customer c) x ON x.id = t.entity",
                "SELECT t.id FROM transaction t WHERE t.id IN (SELECT c.id FROM customer c)")) {
            assertThat(catchThrowable(() -> SuiteQlExecutor.execute(SuiteQlParser.parse(sql), tables))).as(sql)
                .isInstanceOf(SuiteQlParser.InvalidQuery.class);
        }
    }

    @Test
    void everyValueIsOfItsColumnsKind() {
        for (String table : List.of("transaction", "transactionline", "item", "location", "currency",
                "inventoryitemlocations", "pricing", "pricingwithcustomers", "customer")) {
            Map<String, Set<String>> hints = table.equals("pricingwithcustomers")
                    ? Map.of("customer", Set.of("1001", "1002")) : Map.of();
            for (Map<String, Object> row : tables.rows(table, hints, Map.of())) {
                row.forEach((column, value) -> {
                    Kind kind = tables.columns(table).get(column);
                    Object plain = value instanceof Listed listed ? listed.id() : value;
                    if (plain != null) {
                        assertThat(kind).as(table + "." + column)
                            .isEqualTo(plain instanceof String ? Kind.TEXT : plain instanceof LocalDate ? Kind.DATE
                                    : plain instanceof Long || plain instanceof BigDecimal ? Kind.NUMBER : null);
                    }
                });
            }
        }
    }

}
