package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.netsuite.SuiteQlParser.InvalidQuery;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.And;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Call;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Column;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.ColumnRef;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Compare;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Expr;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.In;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Join;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Literal;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Or;
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
        Map<String, String> aliases = new LinkedHashMap<>();
        register(aliases, statement.from(), tables);
        statement.joins().forEach(join -> register(aliases, join.table(), tables));
        Scope scope = new Scope(aliases, tables);
        statement.select().forEach(column -> scope.check(column.expr(), Set.of()));
        statement.joins().forEach(join -> scope.check(join.on(), Set.of()));
        if (statement.where() != null) {
            scope.check(statement.where(), Set.of());
        }
        Set<String> labels = new HashSet<>();
        statement.select().forEach(column -> labels.add(column.label()));
        statement.orderBy().forEach(order -> scope.check(order.expr(), labels));

        String fromAlias = statement.from().alias();
        Map<String, Map<String, Set<String>>> only = settled(statement, scope) ? only(statement, scope, tables)
                : Map.of();
        List<Map<String, Map<String, Object>>> bindings = new ArrayList<>();
        for (Map<String, Object> row : tables.rows(statement.from().name(), hints(statement.where(), fromAlias),
                only.getOrDefault(fromAlias, Map.of()))) {
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
        List<Expr> pending = new ArrayList<>(conjuncts(statement.where()));
        Set<String> bound = new HashSet<>(Set.of(fromAlias));
        bindings = filterBound(bindings, pending, bound, scope);
        for (Join join : statement.joins()) {
            bindings = join(bindings, join, tables, only.getOrDefault(join.table().alias(), Map.of()), scope);
            bound.add(join.table().alias());
            bindings = filterBound(bindings, pending, bound, scope);
        }
        List<Map<String, Map<String, Object>>> matching = bindings;
        List<Map<String, Object>> selected = new ArrayList<>(matching.size());
        for (Map<String, Map<String, Object>> binding : matching) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column column : statement.select()) {
                values.put(column.label(), scope.eval(column.expr(), binding));
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
        List<Map<String, String>> rendered = new ArrayList<>(selected.size());
        for (Map<String, Object> values : selected) {
            Map<String, String> row = new LinkedHashMap<>();
            values.forEach((label, value) -> {
                if (!label.startsWith("\u0000") && value != null) {
                    row.put(label, render(value));
                }
            });
            rendered.add(row);
        }
        return rendered;
    }

    @SuppressWarnings("unchecked")
    private static Object sortValue(Order key, Map<String, Object> values, Scope scope) {
        if (key.expr() instanceof ColumnRef ref && ref.alias() == null && values.containsKey(ref.column())
                && !scope.knows(ref.column())) {
            return values.get(ref.column());
        }
        return scope.eval(key.expr(), (Map<String, Map<String, Object>>) values.get("\u0000binding"));
    }

    private static void register(Map<String, String> aliases, Table table, Tables tables) {
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
            Join join, Tables tables, Map<String, Set<String>> only, Scope scope) {
        String alias = join.table().alias();
        ColumnRef inner = null;
        ColumnRef outer = null;
        for (Expr conjunct : conjuncts(join.on())) {
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
                    keys.add(key(key));
                }
            }
            wanted = new HashMap<>(only);
            wanted.merge(inner.column(), keys, SuiteQlExecutor::intersect);
        }
        List<Map<String, Object>> rows = tables.rows(join.table().name(), Map.of(), wanted);
        Map<String, List<Map<String, Object>>> index = null;
        if (inner != null) {
            index = new HashMap<>();
            for (Map<String, Object> row : rows) {
                Object key = row.get(inner.column());
                if (key != null) {
                    index.computeIfAbsent(key(key), k -> new ArrayList<>()).add(row);
                }
            }
        }
        List<Map<String, Map<String, Object>>> result = new ArrayList<>();
        for (Map<String, Map<String, Object>> binding : bindings) {
            List<Map<String, Object>> candidates = rows;
            if (index != null) {
                Object key = scope.eval(outer, binding);
                candidates = key == null ? List.of() : index.getOrDefault(key(key), List.of());
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
    private static List<Map<String, Map<String, Object>>> filterBound(List<Map<String, Map<String, Object>>> bindings,
            List<Expr> pending, Set<String> bound, Scope scope) {
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

    private static void aliases(Expr expr, Scope scope, Set<String> named) {
        if (expr instanceof ColumnRef ref) {
            named.add(scope.aliasOf(ref));
        }
        else if (expr instanceof Call call) {
            call.arguments().forEach(argument -> aliases(argument, scope, named));
        }
        else if (expr instanceof Compare compare) {
            aliases(compare.left(), scope, named);
            aliases(compare.right(), scope, named);
        }
        else if (expr instanceof In in) {
            aliases(in.left(), scope, named);
            in.values().forEach(value -> aliases(value, scope, named));
        }
        else if (expr instanceof And and) {
            aliases(and.left(), scope, named);
            aliases(and.right(), scope, named);
        }
        else if (expr instanceof Or or) {
            aliases(or.left(), scope, named);
            aliases(or.right(), scope, named);
        }
    }

    /**
     * Whether evaluating the statement's conditions can never fail, whatever the rows:
     * every comparison in the WHERE and the ONs is between values of one kind. Then which
     * rows are evaluated only decides which rows come out, and rows that cannot come out
     * may be left out ({@link #only}); otherwise every row the tables give is evaluated,
     * as a hostile statement that fails on some row must fail.
     */
    private static boolean settled(SuiteQlStatement statement, Scope scope) {
        return (statement.where() == null || scope.total(statement.where()))
                && statement.joins().stream().allMatch(join -> scope.total(join.on()));
    }

    /**
     * Per alias, the only keys of its rows that can come out of a settled statement: what
     * the WHERE insists on ({@link #hints}), and for the FROM table, the keys an inner
     * join admits. The price read joins the customers' whole price lists to {@code item}
     * and keeps one sku: the sku's item ids, found first, narrow the price list to that
     * sku.
     */
    private static Map<String, Map<String, Set<String>>> only(SuiteQlStatement statement, Scope scope, Tables tables) {
        Map<String, Map<String, Set<String>>> only = new HashMap<>();
        String fromAlias = statement.from().alias();
        only.put(fromAlias, hints(statement.where(), fromAlias));
        for (Join join : statement.joins()) {
            String alias = join.table().alias();
            Map<String, Set<String>> hinted = hints(statement.where(), alias);
            only.put(alias, hinted);
            if (join.left() || hinted.isEmpty()) {
                continue;
            }
            for (Expr conjunct : conjuncts(join.on())) {
                if (conjunct instanceof Compare compare && compare.operator().equals("=")
                        && compare.left() instanceof ColumnRef left && compare.right() instanceof ColumnRef right) {
                    ColumnRef joined = alias.equals(scope.aliasOf(left)) ? left : right;
                    ColumnRef from = joined == left ? right : left;
                    if (alias.equals(scope.aliasOf(joined)) && fromAlias.equals(scope.aliasOf(from))) {
                        only.get(fromAlias)
                            .merge(from.column(), admitted(statement, join, joined, hinted, scope, tables),
                                    SuiteQlExecutor::intersect);
                        break;
                    }
                }
            }
        }
        return only;
    }

    /**
     * The keys of {@code column} among the joined table's rows that pass the WHERE
     * conditions on that table alone.
     */
    private static Set<String> admitted(SuiteQlStatement statement, Join join, ColumnRef column,
            Map<String, Set<String>> hinted, Scope scope, Tables tables) {
        String alias = join.table().alias();
        List<Expr> own = new ArrayList<>();
        for (Expr conjunct : conjuncts(statement.where())) {
            Set<String> named = new HashSet<>();
            aliases(conjunct, scope, named);
            if (named.equals(Set.of(alias))) {
                own.add(conjunct);
            }
        }
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> row : tables.rows(join.table().name(), Map.of(), hinted)) {
            Map<String, Map<String, Object>> binding = Map.of(alias, row);
            Object value = row.get(column.column());
            if (value != null && own.stream().allMatch(condition -> truth(scope.eval(condition, binding)))) {
                keys.add(key(value));
            }
        }
        return keys;
    }

    /**
     * {@code alias.column = literal} and {@code alias.column IN (literals)} at the top
     * level of the WHERE.
     */
    private static Map<String, Set<String>> hints(Expr where, String alias) {
        Map<String, Set<String>> hints = new HashMap<>();
        for (Expr conjunct : conjuncts(where)) {
            if (conjunct instanceof Compare compare && compare.operator().equals("=")
                    && compare.left() instanceof ColumnRef ref && alias.equals(ref.alias())
                    && compare.right() instanceof Literal literal) {
                hints.merge(ref.column(), Set.of(key(literal.value())), SuiteQlExecutor::intersect);
            }
            else if (conjunct instanceof In in && !in.negated() && in.left() instanceof ColumnRef ref
                    && alias.equals(ref.alias()) && in.values().stream().allMatch(Literal.class::isInstance)) {
                Set<String> values = new HashSet<>();
                in.values().forEach(value -> values.add(key(((Literal) value).value())));
                hints.merge(ref.column(), values, SuiteQlExecutor::intersect);
            }
        }
        return hints;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static List<Expr> conjuncts(Expr expr) {
        List<Expr> result = new ArrayList<>();
        if (expr instanceof And and) {
            result.addAll(conjuncts(and.left()));
            result.addAll(conjuncts(and.right()));
        }
        else if (expr != null) {
            result.add(expr);
        }
        return result;
    }

    /**
     * The value a hash join and a hint compare by: ids as plain numbers, everything else
     * as text.
     */
    static String key(Object value) {
        Object plain = value instanceof Listed listed ? listed.id() : value;
        if (plain instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(plain);
    }

    private static boolean truth(Object value) {
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

    private static int compareForSort(Object a, Object b) {
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

    private static BigDecimal number(Object value) {
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

    /**
     * Column resolution and expression evaluation over one row binding (alias to row).
     */
    private static final class Scope {

        private final Map<String, String> aliases;

        private final Tables tables;

        /**
         * Per IN list of text or of whole-number literals only, its values: see
         * {@link #in}.
         */
        private final Map<In, Set<Object>> literalLists = new IdentityHashMap<>();

        Scope(Map<String, String> aliases, Tables tables) {
            this.aliases = aliases;
            this.tables = tables;
        }

        boolean knows(String column) {
            return aliases.values().stream().anyMatch(table -> tables.columns(table).containsKey(column));
        }

        String aliasOf(ColumnRef ref) {
            if (ref.alias() != null) {
                return ref.alias();
            }
            List<String> owners = aliases.entrySet()
                .stream()
                .filter(entry -> tables.columns(entry.getValue()).containsKey(ref.column()))
                .map(Map.Entry::getKey)
                .toList();
            if (owners.size() != 1) {
                throw new InvalidQuery(owners.isEmpty() ? "Unknown identifier '" + ref.column() + "'"
                        : "column ambiguously defined: " + ref.column());
            }
            return owners.get(0);
        }

        void check(Expr expr, Set<String> labels) {
            if (expr instanceof ColumnRef ref) {
                if (ref.alias() == null && labels.contains(ref.column()) && !knows(ref.column())) {
                    return;
                }
                String table = aliases.get(aliasOf(ref));
                if (table == null || !tables.columns(table).containsKey(ref.column())) {
                    throw new InvalidQuery("Unknown identifier '" + (ref.alias() == null ? "" : ref.alias() + ".")
                            + ref.column() + "'");
                }
            }
            else if (expr instanceof Call call) {
                call.arguments().forEach(argument -> check(argument, labels));
            }
            else if (expr instanceof Compare compare) {
                check(compare.left(), labels);
                check(compare.right(), labels);
            }
            else if (expr instanceof In in) {
                check(in.left(), labels);
                in.values().forEach(value -> check(value, labels));
            }
            else if (expr instanceof And and) {
                check(and.left(), labels);
                check(and.right(), labels);
            }
            else if (expr instanceof Or or) {
                check(or.left(), labels);
                check(or.right(), labels);
            }
        }

        /** Whether evaluating a condition can never fail: see {@link Kind}. */
        boolean total(Expr expr) {
            if (expr instanceof And and) {
                return total(and.left()) && total(and.right());
            }
            if (expr instanceof Or or) {
                return total(or.left()) && total(or.right());
            }
            if (expr instanceof Compare compare) {
                Kind kind = kind(compare.left());
                return kind != null && kind == kind(compare.right());
            }
            if (expr instanceof In in) {
                Kind kind = kind(in.left());
                return kind != null && in.values().stream().allMatch(value -> kind(value) == kind);
            }
            return false;
        }

        /**
         * The kind of an operand; null for a function call, which can fail on its own.
         */
        private Kind kind(Expr expr) {
            if (expr instanceof ColumnRef ref) {
                return tables.columns(aliases.get(aliasOf(ref))).get(ref.column());
            }
            if (expr instanceof Literal literal) {
                return literal.value() instanceof String ? Kind.TEXT : Kind.NUMBER;
            }
            return null;
        }

        Object eval(Expr expr, Map<String, Map<String, Object>> binding) {
            if (expr instanceof ColumnRef ref) {
                Map<String, Object> row = binding.get(aliasOf(ref));
                return row == null ? null : row.get(ref.column());
            }
            if (expr instanceof Literal literal) {
                return literal.value();
            }
            if (expr instanceof Call call) {
                return call(call, binding);
            }
            if (expr instanceof Compare compare) {
                Object left = eval(compare.left(), binding);
                Object right = eval(compare.right(), binding);
                if (left == null || right == null) {
                    return false;
                }
                int c = compare(left, right);
                return switch (compare.operator()) {
                    case "=" -> c == 0;
                    case "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            if (expr instanceof In in) {
                Object left = eval(in.left(), binding);
                if (left == null) {
                    return false;
                }
                Object plain = left instanceof Listed listed ? listed.id() : left;
                Set<Object> literals = literalLists.computeIfAbsent(in, Scope::literals);
                if (!literals.isEmpty() && literals.iterator().next().getClass() == plain.getClass()) {
                    // Text against text literals, or a whole number against whole
                    // numbers: compare() finds a match
                    // exactly when the value is one of them, and cannot fail on any of
                    // them.
                    return literals.contains(plain) != in.negated();
                }
                boolean found = false;
                for (Expr value : in.values()) {
                    Object candidate = eval(value, binding);
                    if (candidate != null && compare(left, candidate) == 0) {
                        found = true;
                        break;
                    }
                }
                return found != in.negated();
            }
            if (expr instanceof And and) {
                return truth(eval(and.left(), binding)) && truth(eval(and.right(), binding));
            }
            Or or = (Or) expr;
            return truth(eval(or.left(), binding)) || truth(eval(or.right(), binding));
        }

        /**
         * The literals of an IN list if they are all strings or all whole numbers; else
         * none.
         */
        private static Set<Object> literals(In in) {
            Set<Object> values = new HashSet<>();
            for (Expr value : in.values()) {
                if (!(value instanceof Literal literal
                        && (literal.value() instanceof String || literal.value() instanceof Long))) {
                    return Set.of();
                }
                values.add(literal.value());
            }
            return values.stream().map(Object::getClass).distinct().count() == 1 ? values : Set.of();
        }

        private Object call(Call call, Map<String, Map<String, Object>> binding) {
            List<Expr> arguments = call.arguments();
            switch (call.function()) {
                case "BUILTIN.DF" -> {
                    if (arguments.size() != 1 || !(arguments.get(0) instanceof ColumnRef)) {
                        throw new InvalidQuery("BUILTIN.DF takes one column");
                    }
                    Object value = eval(arguments.get(0), binding);
                    return value instanceof Listed listed ? listed.text() : value == null ? null : render(value);
                }
                case "TO_CHAR" -> {
                    Object value = eval(arguments.get(0), binding);
                    if (value == null) {
                        return null;
                    }
                    if (arguments.size() == 1) {
                        return render(value);
                    }
                    String format = format(arguments.get(1));
                    if (value instanceof LocalDate date) {
                        return pattern(format).format(date);
                    }
                    throw new InvalidQuery("TO_CHAR with a format takes a date");
                }
                default -> {
                    if (arguments.size() != 2 || !(arguments.get(0) instanceof Literal text)
                            || !(text.value() instanceof String string)) {
                        throw new InvalidQuery("TO_DATE takes a string literal and a format");
                    }
                    try {
                        return LocalDate.parse(string, pattern(format(arguments.get(1))));
                    }
                    catch (DateTimeParseException ex) {
                        throw new InvalidQuery("ORA-01861: literal does not match format string");
                    }
                }
            }
        }

        private static String format(Expr expr) {
            if (expr instanceof Literal literal && literal.value() instanceof String format) {
                return format;
            }
            throw new InvalidQuery("a date format must be a string literal");
        }

        private static DateTimeFormatter pattern(String format) {
            return switch (format.toUpperCase(java.util.Locale.ROOT)) {
                case "YYYY-MM-DD" -> DateTimeFormatter.ISO_LOCAL_DATE;
                case "MM/DD/YYYY" -> DateTimeFormatter.ofPattern("MM/dd/yyyy");
                default -> throw new InvalidQuery("unsupported date format " + format);
            };
        }

    }

}
