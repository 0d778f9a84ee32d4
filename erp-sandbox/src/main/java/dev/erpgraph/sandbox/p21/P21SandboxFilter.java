package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.erpgraph.sandbox.FilterExpression;

/**
 * The sandbox's OData {@code $filter}: a real little parser and evaluator, so that a
 * connector that failed to escape a value would visibly widen its result (or be refused)
 * instead of being silently "fixed" by the sandbox.
 *
 * <p>
 * Grammar: {@code or}/{@code and}/{@code not}, parentheses, comparisons
 * {@code column op literal} with {@code eq ne gt ge lt le}; literals are single-quoted
 * strings (quotes doubled inside), numbers, ISO dates and date-times ({@code 2026-01-01},
 * {@code 2026-01-01T00:00:00}, v3's {@code datetime'...'}), {@code true}, {@code false},
 * {@code null}. Columns must exist and literals must fit the column's type, as the P21
 * OData service checks against its metadata. String comparison ignores case, like SQL
 * Server's default collation. Any function call ({@code now()}, {@code substringof(...)})
 * is answered as the real service does, 404.
 */
final class P21SandboxFilter {

    /** The types P21 columns have on the wire. */
    enum Type {

        STRING, NUMBER, DATETIME

    }

    /** The filter cannot be parsed or does not fit the table: the service's 400. */
    static final class InvalidFilterException extends RuntimeException {

        final int status;

        InvalidFilterException(int status, String message) {
            super(message);
            this.status = status;
        }

    }

    sealed interface Expr permits Or, And, Not, Compare, Constant {

    }

    record Or(List<Expr> terms) implements Expr {
    }

    record And(List<Expr> terms) implements Expr {
    }

    record Not(Expr term) implements Expr {
    }

    record Compare(String column, String op, Object literal) implements Expr {
    }

    /** No filter at all. */
    record Constant(boolean value) implements Expr {
    }

    static final Expr ALL = new Constant(true);

    private final List<String> tokens;

    private final Map<String, Type> columns;

    private int position;

    private P21SandboxFilter(List<String> tokens, Map<String, Type> columns) {
        this.tokens = tokens;
        this.columns = columns;
    }

    static Expr parse(String filter, Map<String, Type> columns) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        P21SandboxFilter parser = new P21SandboxFilter(tokenize(filter), columns);
        Expr expr = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw invalid("unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return expr;
    }

    // ---- evaluation

    static boolean matches(Expr expr, Map<String, Object> row) {
        if (expr instanceof Constant constant) {
            return constant.value();
        }
        if (expr instanceof Or or) {
            return or.terms().stream().anyMatch(term -> matches(term, row));
        }
        if (expr instanceof And and) {
            return and.terms().stream().allMatch(term -> matches(term, row));
        }
        if (expr instanceof Not not) {
            return !matches(not.term(), row);
        }
        Compare compare = (Compare) expr;
        return compare(compare, row.get(compare.column()));
    }

    private static boolean compare(Compare compare, Object value) {
        Object literal = compare.literal();
        if (value == null || literal == null) {
            boolean bothNull = value == null && literal == null;
            return switch (compare.op()) {
                case "eq" -> bothNull;
                case "ne" -> !bothNull;
                default -> false;
            };
        }
        int order;
        if (value instanceof String text) {
            order = text.trim().compareToIgnoreCase(((String) literal).trim());
        }
        else if (value instanceof LocalDateTime time) {
            order = time.compareTo((LocalDateTime) literal);
        }
        else {
            order = new BigDecimal(value.toString()).compareTo((BigDecimal) literal);
        }
        return FilterExpression.holds(compare.op(), order);
    }

    /**
     * The values {@code column} is restricted to by {@code expr} (a superset: every
     * matching row has one of them), or empty if the filter does not restrict it to a
     * finite set. Tables use it to look rows up by key instead of scanning, without ever
     * hiding a row the filter would match.
     */
    static Optional<Set<Object>> candidates(Expr expr, String column) {
        if (expr instanceof Compare compare) {
            return compare.column().equals(column) && compare.op().equals("eq") && compare.literal() != null
                    ? Optional.of(Set.of(compare.literal())) : Optional.empty();
        }
        if (expr instanceof And and) {
            Optional<Set<Object>> narrowest = Optional.empty();
            for (Expr term : and.terms()) {
                Optional<Set<Object>> values = candidates(term, column);
                if (values.isPresent() && (narrowest.isEmpty() || values.get().size() < narrowest.get().size())) {
                    narrowest = values;
                }
            }
            return narrowest;
        }
        if (expr instanceof Or or) {
            Set<Object> union = new HashSet<>();
            for (Expr term : or.terms()) {
                Optional<Set<Object>> values = candidates(term, column);
                if (values.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(values.get());
            }
            return Optional.of(union);
        }
        if (expr instanceof Constant constant && !constant.value()) {
            return Optional.of(Set.of());
        }
        return Optional.empty();
    }

    // ---- parsing

    private Expr or() {
        List<Expr> terms = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    private Expr unary() {
        if (accept("not")) {
            return new Not(unary());
        }
        if (accept("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Expr comparison() {
        String column = next("a column name");
        if (!column.matches("[A-Za-z_][A-Za-z0-9_]*") || isKeyword(column)) {
            throw invalid("expected a column name, found '" + column + "'");
        }
        if (peek("(")) {
            throw new InvalidFilterException(404, "An unknown function with name '" + column + "' was found.");
        }
        Type type = columns.get(column);
        if (type == null) {
            throw invalid("Could not find a property named '" + column + "'");
        }
        String op = next("an operator").toLowerCase(Locale.ROOT);
        if (!Set.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
            throw invalid("unknown operator '" + op + "'");
        }
        Object literal = literal(type, column);
        return new Compare(column, op, literal);
    }

    private Object literal(Type type, String column) {
        String token = next("a literal");
        if (token.matches("[A-Za-z_][A-Za-z0-9_]*") && peek("(")) {
            throw new InvalidFilterException(404, "An unknown function with name '" + token + "' was found.");
        }
        if (token.equals("null")) {
            return null;
        }
        if (token.equalsIgnoreCase("datetime") && position < tokens.size() && tokens.get(position).startsWith("'")) {
            token = tokens.get(position++);
            return requireType(type, Type.DATETIME, column, dateTime(unquote(token)));
        }
        if (token.startsWith("'")) {
            return requireType(type, Type.STRING, column, unquote(token));
        }
        if (token.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return requireType(type, Type.DATETIME, column, dateTime(token));
        }
        if (token.matches("-?\\d+(\\.\\d+)?[mMdDlL]?")) {
            String digits = token.replaceAll("[mMdDlL]$", "");
            return requireType(type, Type.NUMBER, column, new BigDecimal(digits));
        }
        throw invalid("expected a literal, found '" + token + "'");
    }

    private static Object requireType(Type column, Type literal, String name, Object value) {
        if (column != literal) {
            throw invalid("A binary operator with incompatible types was detected: column '" + name + "' is " + column
                    + ", the literal " + literal);
        }
        return value;
    }

    private static LocalDateTime dateTime(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw invalid("not a date: '" + text + "'");
        }
    }

    private static String unquote(String token) {
        return token.substring(1, token.length() - 1).replace("''", "'");
    }

    private boolean accept(String token) {
        if (peek(token)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        return position < tokens.size() && tokens.get(position).equalsIgnoreCase(token);
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw invalid("expected '" + token + "'");
        }
    }

    private String next(String what) {
        if (position >= tokens.size()) {
            throw invalid("expected " + what + " at the end");
        }
        return tokens.get(position++);
    }

    private static boolean isKeyword(String word) {
        return Set.of("and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "null", "true", "false")
            .contains(word.toLowerCase(Locale.ROOT));
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            }
            else if (c == '\'') {
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        throw invalid("unterminated string literal");
                    }
                    if (text.charAt(j) == '\'') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                tokens.add(text.substring(i, j + 1));
                i = j + 1;
            }
            else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))
                        && "()',".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    private static InvalidFilterException invalid(String detail) {
        return new InvalidFilterException(400, "Invalid filter expression: " + detail);
    }

}
