package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.erpgraph.sandbox.FilterExpression;

/**
 * The sandbox's honest OData v4 {@code $filter} parser: comparisons
 * ({@code eq ne gt ge lt le}) of properties and literals, {@code and}, {@code or},
 * {@code not}, parentheses; literals are strings in single quotes with doubled quotes,
 * numbers, {@code true}/{@code false}/{@code null}, dates ({@code 2024-06-13}) and GUIDs.
 * Anything else is a syntax error the sandbox answers with BC's 400 body. Because it
 * parses what it is sent, a connector that fails to escape a hostile key shows up as a
 * widened result (or a 400), not as a silent pass.
 */
final class BusinessCentralSandboxFilter {

    /** A filter that cannot be parsed or evaluated: BC answers 400 {@code BadRequest}. */
    static final class InvalidFilterException extends RuntimeException {

        InvalidFilterException(String message) {
            super(message);
        }

    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern GUID = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private record Token(String text, boolean quoted, int position) {
    }

    private final String source;

    private final Set<String> properties;

    private final List<Token> tokens;

    private int next;

    private BusinessCentralSandboxFilter(String source, Set<String> properties) {
        this.source = source;
        this.properties = properties;
        this.tokens = tokenize(source);
    }

    /** Parses {@code filter} over an entity with these property names. */
    static FilterExpression parse(String filter, Set<String> properties) {
        BusinessCentralSandboxFilter parser = new BusinessCentralSandboxFilter(filter, properties);
        FilterExpression expression = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw parser.syntaxError(parser.tokens.get(parser.next));
        }
        return expression;
    }

    // ---- grammar: or := and ('or' and)*; and := unary ('and' unary)*; unary := 'not'
    // unary | '(' or ')' | cmp

    private FilterExpression or() {
        FilterExpression left = and();
        while (keyword("or")) {
            left = FilterExpression.or(left, and());
        }
        return left;
    }

    private FilterExpression and() {
        FilterExpression left = unary();
        while (keyword("and")) {
            left = FilterExpression.and(left, unary());
        }
        return left;
    }

    private FilterExpression unary() {
        if (keyword("not")) {
            return FilterExpression.not(unary());
        }
        if (symbol("(")) {
            FilterExpression inner = or();
            if (!symbol(")")) {
                throw syntaxError(peek());
            }
            return inner;
        }
        return comparison();
    }

    private FilterExpression comparison() {
        Operand left = operand();
        Token operator = peek();
        if (operator == null || operator.quoted() || !OPERATORS.contains(operator.text())) {
            throw syntaxError(operator);
        }
        next++;
        Operand right = operand();
        String op = operator.text();
        FilterExpression comparison = new FilterExpression() {
            public boolean test(Function<String, Object> row) {
                return compare(op, left.value(row), right.value(row));
            }

            public Set<String> candidates(String property) {
                return null; // a comparison that pins a property down is wrapped below,
                             // and the wrapper says so
            }
        };
        // compare() orders two strings by String.compareTo: eq against a text literal is
        // plain string equality.
        if (op.equals("eq") && left.property() != null && right.property() == null
                && right.literal() instanceof String text) {
            return FilterExpression.equalsText(left.property(), text, comparison);
        }
        if (op.equals("eq") && right.property() != null && left.property() == null
                && left.literal() instanceof String text) {
            return FilterExpression.equalsText(right.property(), text, comparison);
        }
        return comparison;
    }

    private record Operand(String property, Object literal) {
        Object value(Function<String, Object> row) {
            return property == null ? literal : row.apply(property);
        }
    }

    private Operand operand() {
        Token token = peek();
        if (token == null || (!token.quoted() && (token.text().equals("(") || token.text().equals(")")))) {
            throw syntaxError(token);
        }
        next++;
        if (token.quoted()) {
            return new Operand(null, token.text());
        }
        String text = token.text();
        if (text.equals("true") || text.equals("false")) {
            return new Operand(null, Boolean.valueOf(text));
        }
        if (text.equals("null")) {
            return new Operand(null, null);
        }
        if (DATE.matcher(text).matches()) {
            try {
                return new Operand(null, LocalDate.parse(text));
            }
            catch (java.time.DateTimeException ex) {
                throw syntaxError(token);
            }
        }
        if (GUID.matcher(text).matches()) {
            return new Operand(null, text.toLowerCase());
        }
        if (NUMBER.matcher(text).matches()) {
            return new Operand(null, new BigDecimal(text));
        }
        if (PROPERTY.matcher(text).matches() && !OPERATORS.contains(text)) {
            if (!properties.contains(text)) {
                throw new InvalidFilterException(
                        "Could not find a property named '" + text + "' on type 'Microsoft.NAV.entity'.");
            }
            return new Operand(text, null);
        }
        throw syntaxError(token);
    }

    private static boolean compare(String op, Object left, Object right) {
        if (left == null || right == null) {
            boolean equal = left == right;
            return switch (op) {
                case "eq" -> equal;
                case "ne" -> !equal;
                default -> false;
            };
        }
        int order;
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            order = a.compareTo(b);
        }
        else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        }
        else if (left instanceof LocalDate a && right instanceof LocalDate b) {
            order = a.compareTo(b);
        }
        else if (left instanceof Boolean a && right instanceof Boolean b) {
            if (!op.equals("eq") && !op.equals("ne")) {
                throw new InvalidFilterException("The operator '" + op + "' is not defined for Edm.Boolean.");
            }
            order = a.equals(b) ? 0 : 1;
        }
        else {
            throw new InvalidFilterException("A binary operator with incompatible types was detected. Found operand"
                    + " types '" + typeName(left) + "' and '" + typeName(right) + "' for operator kind '" + op + "'.");
        }
        return FilterExpression.holds(op, order);
    }

    private static String typeName(Object value) {
        if (value instanceof BigDecimal) {
            return "Edm.Decimal";
        }
        if (value instanceof LocalDate) {
            return "Edm.Date";
        }
        if (value instanceof Boolean) {
            return "Edm.Boolean";
        }
        return "Edm.String";
    }

    // ---- tokens

    private boolean keyword(String word) {
        Token token = peek();
        if (token != null && !token.quoted() && token.text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        return keyword(symbol);
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private InvalidFilterException syntaxError(Token token) {
        int position = token == null ? source.length() : token.position();
        return new InvalidFilterException("Syntax error at position " + position + " in '" + source + "'.");
    }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == ' ') {
                i++;
            }
            else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), false, i));
                i++;
            }
            else if (c == '\'') {
                StringBuilder literal = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= source.length()) {
                        throw new InvalidFilterException(
                                "Unterminated string literal at position " + start + " in '" + source + "'.");
                    }
                    char d = source.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < source.length() && source.charAt(i + 1) == '\'') {
                            literal.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    literal.append(d);
                    i++;
                }
                tokens.add(new Token(literal.toString(), true, start));
            }
            else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':') {
                int start = i;
                while (i < source.length()
                        && (Character.isLetterOrDigit(source.charAt(i)) || "-_.:".indexOf(source.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(source.substring(start, i), false, start));
            }
            else {
                throw new InvalidFilterException("Syntax error at position " + i + " in '" + source + "'.");
            }
        }
        return tokens;
    }

}
