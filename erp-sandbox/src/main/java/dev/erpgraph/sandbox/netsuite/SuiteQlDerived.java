package dev.erpgraph.sandbox.netsuite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Kind;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Tables;
import dev.erpgraph.sandbox.netsuite.SuiteQlParser.InvalidQuery;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Call;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Column;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Expr;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Join;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Order;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.RowNumber;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Table;

/**
 * What Oracle evaluates beyond one row at a time, as far as the connector's one-statement
 * order read needs it: a derived table in {@code FROM} (its statement is run first and
 * its rows become a table with the derived table's alias) and
 * {@code ROW_NUMBER() OVER (...)} (numbered over the rows that pass the joins and the
 * WHERE, per partition, in the window's order).
 *
 * @param statement the statement to run
 * @param tables the account's tables, plus the derived one when there is one
 */
record SuiteQlDerived(SuiteQlStatement statement, Tables tables) {

    /**
     * The statement with its {@code FROM ( ... )}, if any, run into a table of its own.
     */
    static SuiteQlDerived of(SuiteQlStatement statement, Tables account) {
        for (Join join : statement.joins()) {
            if (join.table().subquery() != null) {
                throw new InvalidQuery("a derived table is only understood in FROM");
            }
        }
        Table from = statement.from();
        if (from.subquery() == null) {
            return new SuiteQlDerived(statement, account);
        }
        List<Map<String, Object>> rows = SuiteQlExecutor.evaluate(from.subquery(), account);
        Map<String, Kind> columns = kinds(from.subquery(), account);
        Tables tables = new Tables() {

            @Override
            public Map<String, Kind> columns(String table) {
                return table.equals(from.name()) ? columns : account.columns(table);
            }

            @Override
            public List<Map<String, Object>> rows(String table, Map<String, Set<String>> hints,
                    Map<String, Set<String>> only) {
                return table.equals(from.name()) ? rows : account.rows(table, hints, only);
            }

        };
        return new SuiteQlDerived(statement, tables);
    }

    /**
     * What each column of a derived table holds, from its expression: a row number is a
     * number, {@code TO_DATE} a date, any other function text.
     */
    private static Map<String, Kind> kinds(SuiteQlStatement subquery, Tables account) {
        SuiteQlDerived inner = of(subquery, account);
        Map<String, String> aliases = new LinkedHashMap<>();
        SuiteQlExecutor.register(aliases, subquery.from(), inner.tables());
        subquery.joins().forEach(join -> SuiteQlExecutor.register(aliases, join.table(), inner.tables()));
        SuiteQlScope scope = new SuiteQlScope(aliases, inner.tables());
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (Column column : subquery.select()) {
            Expr expr = column.expr();
            Kind kind;
            if (expr instanceof RowNumber) {
                kind = Kind.NUMBER;
            }
            else if (expr instanceof Call call) {
                kind = call.function().equals("TO_DATE") ? Kind.DATE : Kind.TEXT;
            }
            else {
                kind = scope.kind(expr);
            }
            kinds.put(column.label(), kind == null ? Kind.TEXT : kind);
        }
        return kinds;
    }

    /**
     * Per selected {@code ROW_NUMBER()} column, the number of each binding: 1, 2, ... in
     * the window's order within each partition (ties keep the order the rows came in).
     */
    static Map<Column, Map<Map<String, Map<String, Object>>, Long>> rowNumbers(SuiteQlStatement statement,
            List<Map<String, Map<String, Object>>> bindings, SuiteQlScope scope) {
        Map<Column, Map<Map<String, Map<String, Object>>, Long>> numbers = new IdentityHashMap<>();
        for (Column column : statement.select()) {
            if (!(column.expr() instanceof RowNumber window)) {
                continue;
            }
            Map<List<String>, List<Map<String, Map<String, Object>>>> partitions = new LinkedHashMap<>();
            for (Map<String, Map<String, Object>> binding : bindings) {
                List<String> key = new ArrayList<>();
                for (Expr expr : window.partitionBy()) {
                    Object value = scope.eval(expr, binding);
                    key.add(value == null ? "\u0000null" : SuiteQlNarrowing.key(value));
                }
                partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(binding);
            }
            Comparator<Map<String, Map<String, Object>>> order = null;
            for (Order key : window.orderBy()) {
                Comparator<Map<String, Map<String, Object>>> one = (a, b) -> SuiteQlExecutor
                    .compareForSort(scope.eval(key.expr(), a), scope.eval(key.expr(), b));
                one = key.descending() ? one.reversed() : one;
                order = order == null ? one : order.thenComparing(one);
            }
            Map<Map<String, Map<String, Object>>, Long> numbered = new IdentityHashMap<>();
            for (List<Map<String, Map<String, Object>>> partition : partitions.values()) {
                List<Map<String, Map<String, Object>>> sorted = new ArrayList<>(partition);
                sorted.sort(order);
                for (int i = 0; i < sorted.size(); i++) {
                    numbered.put(sorted.get(i), (long) i + 1);
                }
            }
            numbers.put(column, numbered);
        }
        return numbers;
    }

}
