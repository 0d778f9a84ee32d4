package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.sandbox.FilterExpression;

/**
 * The sandbox's honest reading of an OData v2 {@code $filter}: {@code eq ne gt ge lt le},
 * {@code and or not}, parentheses, string literals with doubled quotes,
 * {@code datetime'...'}, numbers, {@code true}/{@code false}. Property names are checked
 * against the entity type and literals against the property's type, as SAP Gateway does,
 * and anything else is refused ({@link Invalid}, answered 400). Because it parses for
 * real, a connector that failed to escape a hostile key would see the widened result,
 * which is what the contract tests look for.
 */
final class SapSandboxFilter {

    /** A filter SAP would refuse; the message mimics the gateway's. */
    static final class Invalid extends RuntimeException {

        Invalid(String message) {
            super(message);
        }

    }

    private record Comparison(String property, String operator, Object literal) implements FilterExpression {
        public boolean test(Function<String, Object> entity) {
            return compare(entity.apply(property), literal, operator);
        }

        public Set<String> candidates(String name) {
            return null; // eq on text, the one comparison that pins a property down, is
                         // wrapped by equalsText
        }
    }

    private record Token(String kind, String text, int position) {
    }

    private final List<Token> tokens;

    private final Map<String, Class<?>> properties;

    private int next;

    private SapSandboxFilter(List<Token> tokens, Map<String, Class<?>> properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /**
     * Parses {@code filter} for an entity type whose properties have these Java types
     * ({@link String}, {@link BigDecimal}, {@link LocalDate} for {@code Edm.DateTime},
     * {@link Boolean}).
     */
    static FilterExpression parse(String filter, Map<String, Class<?>> properties) {
        if (filter == null || filter.isBlank()) {
            return FilterExpression.ALL;
        }
        SapSandboxFilter parser = new SapSandboxFilter(tokenize(filter), properties);
        FilterExpression expression = parser.or();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new Invalid("Invalid token '" + extra.text() + "' at position " + extra.position());
        }
        return expression;
    }

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
        Token token = take();
        if (token.kind().equals("(")) {
            FilterExpression inner = or();
            Token close = take();
            if (!close.kind().equals(")")) {
                throw new Invalid("Expected ')' at position " + close.position());
            }
            return inner;
        }
        if (!token.kind().equals("name")) {
            throw new Invalid("Invalid token '" + token.text() + "' at position " + token.position());
        }
        Class<?> type = properties.get(token.text());
        if (type == null) {
            throw new Invalid("Property '" + token.text() + "' not found");
        }
        Token operator = take();
        if (!operator.kind().equals("name") || !List.of("eq", "ne", "gt", "ge", "lt", "le").contains(operator.text())) {
            throw new Invalid("Invalid operator '" + operator.text() + "' at position " + operator.position());
        }
        Object literal = literal(take(), type);
        Comparison comparison = new Comparison(token.text(), operator.text(), literal);
        // compare() orders two strings by String.compareTo: eq on text is plain string
        // equality.
        return operator.text().equals("eq") && literal instanceof String text
                ? FilterExpression.equalsText(token.text(), text, comparison) : comparison;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static boolean compare(Object value, Object literal, String op) {
        if (value == null || literal == null) {
            boolean same = value == literal;
            return op.equals("eq") ? same : op.equals("ne") && !same;
        }
        int order = value instanceof BigDecimal number ? number.compareTo((BigDecimal) literal)
                : ((Comparable) value).compareTo(literal);
        return FilterExpression.holds(op, order);
    }

    private static Object literal(Token token, Class<?> type) {
        String mismatch = "Literal " + token.text() + " at position " + token.position()
                + " does not fit the property type";
        switch (token.kind()) {
            case "string" -> {
                if (type != String.class) {
                    throw new Invalid(mismatch);
                }
                return token.text();
            }
            case "datetime" -> {
                if (type != LocalDate.class) {
                    throw new Invalid(mismatch);
                }
                try {
                    LocalDateTime value = LocalDateTime.parse(token.text());
                    return value.toLocalDate();
                }
                catch (DateTimeParseException ex) {
                    throw new Invalid("Invalid datetime literal '" + token.text() + "'");
                }
            }
            case "number" -> {
                if (type != BigDecimal.class) {
                    throw new Invalid(mismatch);
                }
                return new BigDecimal(token.text().replaceFirst("[mMdD]$", ""));
            }
            case "name" -> {
                if (type == Boolean.class && (token.text().equals("true") || token.text().equals("false"))) {
                    return Boolean.valueOf(token.text());
                }
                if (token.text().equals("null")) {
                    return null;
                }
                throw new Invalid(mismatch);
            }
            default -> throw new Invalid("Invalid token '" + token.text() + "' at position " + token.position());
        }
    }

    private boolean keyword(String word) {
        if (next < tokens.size() && tokens.get(next).kind().equals("name") && tokens.get(next).text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private Token take() {
        if (next >= tokens.size()) {
            throw new Invalid("Unexpected end of filter expression");
        }
        return tokens.get(next++);
    }

    private static List<Token> tokenize(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == ' ') {
                i++;
            }
            else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), String.valueOf(c), i));
                i++;
            }
            else if (c == '\'') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i = quoted(filter, i, text);
                tokens.add(new Token("string", text.toString(), start));
            }
            else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < filter.length() && (Character.isLetterOrDigit(filter.charAt(i)) || filter.charAt(i) == '_'
                        || filter.charAt(i) == '/')) {
                    i++;
                }
                String word = filter.substring(start, i);
                if ((word.equals("datetime") || word.equals("datetimeoffset")) && i < filter.length()
                        && filter.charAt(i) == '\'') {
                    StringBuilder text = new StringBuilder();
                    i = quoted(filter, i, text);
                    tokens.add(new Token("datetime", text.toString().replaceFirst("Z$", ""), start));
                }
                else {
                    tokens.add(new Token("name", word, start));
                }
            }
            else if (Character.isDigit(c) || c == '-') {
                int start = i++;
                while (i < filter.length() && (Character.isDigit(filter.charAt(i)) || filter.charAt(i) == '.')) {
                    i++;
                }
                if (i < filter.length() && "mMdD".indexOf(filter.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(new Token("number", filter.substring(start, i), start));
            }
            else {
                throw new Invalid("Invalid character '" + c + "' at position " + i);
            }
        }
        return tokens;
    }

    /**
     * Reads a quoted literal starting at {@code i} ({@code ''} is one quote); answers the
     * index after it.
     */
    private static int quoted(String filter, int i, StringBuilder text) {
        int start = i++;
        while (true) {
            if (i >= filter.length()) {
                throw new Invalid("Unterminated string literal at position " + start);
            }
            char c = filter.charAt(i);
            if (c == '\'') {
                if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            text.append(c);
            i++;
        }
    }

}
