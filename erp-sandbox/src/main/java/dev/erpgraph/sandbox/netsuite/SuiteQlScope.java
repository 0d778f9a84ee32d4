package dev.erpgraph.sandbox.netsuite;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Kind;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Tables;
import dev.erpgraph.sandbox.netsuite.SuiteQlParser.InvalidQuery;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.And;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Call;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.ColumnRef;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Compare;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Expr;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.In;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Literal;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Or;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.RowNumber;

/**
 * Column resolution and expression evaluation over one row binding (alias to row).
 */
final class SuiteQlScope {

    private final Map<String, String> aliases;

    private final Tables tables;

    /**
     * Per IN list of text or of whole-number literals only, its values: see {@link #in}.
     */
    private final Map<In, Set<Object>> literalLists = new IdentityHashMap<>();

    SuiteQlScope(Map<String, String> aliases, Tables tables) {
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
                throw new InvalidQuery(
                        "Unknown identifier '" + (ref.alias() == null ? "" : ref.alias() + ".") + ref.column() + "'");
            }
        }
        else {
            expr.children().forEach(child -> check(child, labels));
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
    Kind kind(Expr expr) {
        if (expr instanceof ColumnRef ref) {
            return tables.columns(aliases.get(aliasOf(ref))).get(ref.column());
        }
        if (expr instanceof Literal literal) {
            return literal.value() instanceof String ? Kind.TEXT : Kind.NUMBER;
        }
        return null;
    }

    Object eval(Expr expr, Map<String, Map<String, Object>> binding) {
        if (expr instanceof RowNumber) {
            throw new InvalidQuery("ORA-30483: window functions are not allowed here");
        }
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
            int c = SuiteQlExecutor.compare(left, right);
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
            Set<Object> literals = literalLists.computeIfAbsent(in, SuiteQlScope::literals);
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
                if (candidate != null && SuiteQlExecutor.compare(left, candidate) == 0) {
                    found = true;
                    break;
                }
            }
            return found != in.negated();
        }
        if (expr instanceof And and) {
            return SuiteQlExecutor.truth(eval(and.left(), binding))
                    && SuiteQlExecutor.truth(eval(and.right(), binding));
        }
        Or or = (Or) expr;
        return SuiteQlExecutor.truth(eval(or.left(), binding)) || SuiteQlExecutor.truth(eval(or.right(), binding));
    }

    /**
     * The literals of an IN list if they are all strings or all whole numbers; else none.
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
                return value instanceof Listed listed ? listed.text()
                        : value == null ? null : SuiteQlExecutor.render(value);
            }
            case "TO_CHAR" -> {
                Object value = eval(arguments.get(0), binding);
                if (value == null) {
                    return null;
                }
                if (arguments.size() == 1) {
                    return SuiteQlExecutor.render(value);
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
        return switch (format.toUpperCase(Locale.ROOT)) {
            case "YYYY-MM-DD" -> DateTimeFormatter.ISO_LOCAL_DATE;
            case "MM/DD/YYYY" -> DateTimeFormatter.ofPattern("MM/dd/yyyy");
            default -> throw new InvalidQuery("unsupported date format " + format);
        };
    }

}
