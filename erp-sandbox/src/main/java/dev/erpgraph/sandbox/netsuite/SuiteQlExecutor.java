package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.netsuite.SuiteQlParser.InvalidQuery;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Column;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.ColumnRef;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Compare;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Expr;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Join;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Order;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Table;

/**
 * Runs a parsed {@link SuiteQlStatement} over the sandbox's virtual tables and renders
 * rows the way SuiteQL answers them: lowercase keys, every value a string, dates in the
 * account's format ({@code 6/13/2024}) unless pinned with {@code TO_CHAR}, and null
 * columns left out.
 */
final class SuiteQlExecutor {

    /**
     * The account date format the sandbox pretends to have: what a date column reads like
     * without TO_CHAR.
     */
    static final DateTimeFormatter ACCOUNT_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    /**
     * A list/record column: compared and returned by its internal id, shown by
     * {@code BUILTIN.DF} as text.
     */
    record Listed(Object id, String text) {
    }

    /**
     * What a column holds, as far as comparing goes: text (strings, and list values with
     * a text id), numbers (numbers, and records by their internal id) or dates. Values of
     * one kind always compare; across kinds a comparison can fail ({@code ORA-01722}),
     * which is what decides whether a statement may be narrowed (see {@link #settled}).
     */
    enum Kind {

        TEXT, NUMBER, DATE

    }

    /** Where rows come from. */
    interface Tables {

        /**
         * The table's columns and what each holds; null for a table that does not exist.
         */
        Map<String, Kind> columns(String table);

        /**
         * The rows of a table. {@code hints} ({@code column -> values} the WHERE insists
         * on) narrow generation as the table sees fit. {@code only}
         * ({@code column -> keys}, see {@link SuiteQlExecutor#key}) names the only keys
         * whose rows can make a difference to the answer: the table may leave out any row
         * whose key is not among them, but must give the rows it keeps in the order it
         * would have given them.
         */
        List<Map<String, Object>> rows(String table, Map<String, Set<String>> hints, Map<String, Set<String>> only);

    }

    private SuiteQlExecutor() {
    }

    static List<Map<String, String>> execute(SuiteQlStatement statement, Tables tables) {
        List<Map<String, Object>> selected = evaluate(statement, tables);
        List<Map<String, String>> rendered = new ArrayList<>(selected.size());
        for (Map<String, Object> values : selected) {
            Map<String, String> row = new LinkedHashMap<>();
            values.forEach((label, value) -> {
                if (value != null) {
                    row.put(label, render(value));
                }
            });
            rendered.add(row);
        }
        return rendered;
    }

    /**
     * The statement's rows in order, label to value as evaluated (not yet rendered): what
     * a derived table over it holds.
     */
    static List<Map<String, Object>> evaluate(SuiteQlStatement query, Tables accountTables) {
        SuiteQlDerived derived = SuiteQlDerived.of(query, accountTables);
        SuiteQlStatement statement = derived.statement();
        Tables tables = derived.tables();
        Map<String, String> aliases = new LinkedHashMap<>();
        register(aliases, statement.from(), tables);
        statement.joins().forEach(join -> register(aliases, join.table(), tables));
        SuiteQlScope scope = new SuiteQlScope(aliases, tables);
        statement.select().forEach(column -> scope.check(column.expr(), Set.of()));
        statement.joins().forEach(join -> scope.check(join.on(), Set.of()));
        if (statement.where() != null) {
            scope.check(statement.where(), Set.of());
        }
        Set<String> labels = new HashSet<>();
        statement.select().forEach(column -> labels.add(column.label()));
        statement.orderBy().forEach(order -> scope.check(order.expr(), labels));

        String fromAlias = statement.from().alias();
        Map<String, Map<String, Set<String>>> only = SuiteQlNarrowing.settled(statement, scope)
                ? SuiteQlNarrowing.only(statement, scope, tables) : Map.of();
        List<Map<String, Map<String, Object>>> bindings = new ArrayList<>();
        for (Map<String, Object> row : tables.rows(statement.from().name(),
                SuiteQlNarrowing.hints(statement.where(), fromAlias), only.getOrDefault(fromAlias, Map.of()))) {
            Map<String, Map<String, Object>> binding = new HashMap<>();
            binding.put(fromAlias, row);
            bindings.add(binding);
        }
        // Each WHERE condition is applied as soon as every table it names is bound, so
        // that a join never
        // multiplies rows the WHERE would drop anyway (the price read joins a customer's
        // whole price list and
        // keeps one sku): the same rows as filtering at the end, at a fraction of the
        // work.
        List<Expr> pending = new ArrayList<>(SuiteQlNarrowing.conjuncts(statement.where()));
        Set<String> bound = new HashSet<>(Set.of(fromAlias));
        bindings = filterBound(bindings, pending, bound, scope);
        for (Join join : statement.joins()) {
            bindings = join(bindings, join, tables, only.getOrDefault(join.table().alias(), Map.of()), scope);
            bound.add(join.table().alias());
            bindings = filterBound(bindings, pending, bound, scope);
        }
        List<Map<String, Map<String, Object>>> matching = bindings;
        Map<Column, Map<Map<String, Map<String, Object>>, Long>> numbers = SuiteQlDerived.rowNumbers(statement,
                matching, scope);
        List<Map<String, Object>> selected = new ArrayList<>(matching.size());
        for (Map<String, Map<String, Object>> binding : matching) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column column : statement.select()) {
                values.put(column.label(), numbers.containsKey(column) ? numbers.get(column).get(binding)
                        : scope.eval(column.expr(), binding));
            }
            values.put("\u0000binding", binding);
            selected.add(values);
        }
        if (!statement.orderBy().isEmpty()) {
            Comparator<Map<String, Object>> order = null;
            for (Order key : statement.orderBy()) {
                Comparator<Map<String, Object>> one = (a, b) -> compareForSort(sortValue(key, a, scope),
                        sortValue(key, b, scope));
                one = key.descending() ? one.reversed() : one;
                order = order == null ? one : order.thenComparing(one);
            }
            selected.sort(order);
        }
        selected.forEach(values -> values.remove("\u0000binding"));
        return selected;
    }

    @SuppressWarnings("unchecked")
    static Object sortValue(Order key, Map<String, Object> values, SuiteQlScope scope) {
        if (key.expr() instanceof ColumnRef ref && ref.alias() == null && values.containsKey(ref.column())
                && !scope.knows(ref.column())) {
            return values.get(ref.column());
        }
        return scope.eval(key.expr(), (Map<String, Map<String, Object>>) values.get("\u0000binding"));
    }

    static void register(Map<String, String> aliases, Table table, Tables tables) {
        if (tables.columns(table.name()) == null) {
            throw new InvalidQuery("Record '" + table.name() + "' was not found.");
        }
        if (aliases.putIfAbsent(table.alias(), table.name()) != null) {
            throw new InvalidQuery("duplicate alias " + table.alias());
        }
    }

    /**
     * Joins a table to the bindings so far. With an equality between the joined table and
     * a bound one in the ON, only rows whose key some binding asks for are ever compared
     * (a hash join), so only those are asked of the table: the others could not change
     * the answer.
     */
    private static List<Map<String, Map<String, Object>>> join(List<Map<String, Map<String, Object>>> bindings,
            Join join, Tables tables, Map<String, Set<String>> only, SuiteQlScope scope) {
        String alias = join.table().alias();
        ColumnRef inner = null;
        ColumnRef outer = null;
        for (Expr conjunct : SuiteQlNarrowing.conjuncts(join.on())) {
            if (conjunct instanceof Compare compare && compare.operator().equals("=")
                    && compare.left() instanceof ColumnRef left && compare.right() instanceof ColumnRef right) {
                if (alias.equals(scope.aliasOf(left)) && !alias.equals(scope.aliasOf(right))) {
                    inner = left;
                    outer = right;
                }
                else if (alias.equals(scope.aliasOf(right)) && !alias.equals(scope.aliasOf(left))) {
                    inner = right;
                    outer = left;
                }
                if (inner != null) {
                    break;
                }
            }
        }
        Map<String, Set<String>> wanted = only;
        if (inner != null) {
            Set<String> keys = new HashSet<>();
            for (Map<String, Map<String, Object>> binding : bindings) {
                Object key = scope.eval(outer, binding);
                if (key != null) {
                    keys.add(SuiteQlNarrowing.key(key));
                }
            }
            wanted = new HashMap<>(only);
            wanted.merge(inner.column(), keys, SuiteQlNarrowing::intersect);
        }
        List<Map<String, Object>> rows = tables.rows(join.table().name(), Map.of(), wanted);
        Map<String, List<Map<String, Object>>> index = null;
        if (inner != null) {
            index = new HashMap<>();
            for (Map<String, Object> row : rows) {
                Object key = row.get(inner.column());
                if (key != null) {
                    index.computeIfAbsent(SuiteQlNarrowing.key(key), k -> new ArrayList<>()).add(row);
                }
            }
        }
        List<Map<String, Map<String, Object>>> result = new ArrayList<>();
        for (Map<String, Map<String, Object>> binding : bindings) {
            List<Map<String, Object>> candidates = rows;
            if (index != null) {
                Object key = scope.eval(outer, binding);
                candidates = key == null ? List.of() : index.getOrDefault(SuiteQlNarrowing.key(key), List.of());
            }
            boolean matched = false;
            for (Map<String, Object> candidate : candidates) {
                Map<String, Map<String, Object>> combined = new HashMap<>(binding);
                combined.put(alias, candidate);
                if (truth(scope.eval(join.on(), combined))) {
                    result.add(combined);
                    matched = true;
                }
            }
            if (!matched && join.left()) {
                Map<String, Map<String, Object>> combined = new HashMap<>(binding);
                combined.put(alias, null);
                result.add(combined);
            }
        }
        return result;
    }

    /**
     * Keeps the bindings that pass every pending condition whose tables are all bound,
     * and retires those.
     */
    static List<Map<String, Map<String, Object>>> filterBound(List<Map<String, Map<String, Object>>> bindings,
            List<Expr> pending, Set<String> bound, SuiteQlScope scope) {
        List<Expr> ready = new ArrayList<>();
        for (Expr condition : pending) {
            Set<String> named = new HashSet<>();
            aliases(condition, scope, named);
            if (bound.containsAll(named)) {
                ready.add(condition);
            }
        }
        if (ready.isEmpty()) {
            return bindings;
        }
        pending.removeAll(ready);
        List<Map<String, Map<String, Object>>> kept = new ArrayList<>();
        for (Map<String, Map<String, Object>> binding : bindings) {
            if (ready.stream().allMatch(condition -> truth(scope.eval(condition, binding)))) {
                kept.add(binding);
            }
        }
        return kept;
    }

    static void aliases(Expr expr, SuiteQlScope scope, Set<String> named) {
        if (expr instanceof ColumnRef ref) {
            named.add(scope.aliasOf(ref));
        }
        else {
            expr.children().forEach(child -> aliases(child, scope, named));
        }
    }

    static boolean truth(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value == null) {
            return false;
        }
        throw new InvalidQuery("a condition is expected, found a value");
    }

    static String render(Object value) {
        Object plain = value instanceof Listed listed ? listed.id() : value;
        if (plain instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (plain instanceof LocalDate date) {
            return ACCOUNT_DATE.format(date);
        }
        return String.valueOf(plain);
    }

    static int compareForSort(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return compare(a, b);
    }

    static int compare(Object left, Object right) {
        Object a = left instanceof Listed listed ? listed.id() : left;
        Object b = right instanceof Listed listed ? listed.id() : right;
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalDate || b instanceof LocalDate) {
            throw new InvalidQuery("a date can only be compared with a date (use TO_DATE)");
        }
        if (a instanceof Number || b instanceof Number) {
            return number(a).compareTo(number(b));
        }
        return a.toString().compareTo(b.toString());
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        try {
            return new BigDecimal(value.toString().trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidQuery("ORA-01722: invalid number");
        }
    }

}
