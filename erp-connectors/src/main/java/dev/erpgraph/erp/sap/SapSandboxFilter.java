package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's honest reading of an OData v2 {@code $filter}: {@code eq ne gt ge lt le}, {@code and or not},
 * parentheses, string literals with doubled quotes, {@code datetime'...'}, numbers, {@code true}/{@code false}.
 * Property names are checked against the entity type and literals against the property's type, as SAP Gateway
 * does, and anything else is refused ({@link Invalid}, answered 400). Because it parses for real, a connector that
 * failed to escape a hostile key would see the widened result, which is what the contract tests look for.
 */
final class SapSandboxFilter {

    /** A filter SAP would refuse; the message mimics the gateway's. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /** A parsed filter, evaluated against one entity's property values. */
    interface Expression {
        boolean test(Function<String, Object> entity);

        /**
         * The only values {@code property} can have in an entity this filter accepts, or null if it can have any:
         * lets the sandbox look up candidates instead of scanning every record. Sound by construction
         * ({@code eq} gives its literal, {@code and} intersects, {@code or} unites, anything else is
         * unconstrained), so a widened filter is still answered with the widened result.
         */
        Set<String> candidates(String property);
    }

    private record Comparison(String property, String operator, Object literal) implements Expression {
        public boolean test(Function<String, Object> entity) {
            return compare(entity.apply(property), literal, operator);
        }

        public Set<String> candidates(String name) {
            return name.equals(property) && operator.equals("eq") && literal instanceof String text ? Set.of(text)
                    : null;
        }
    }

    private record And(Expression left, Expression right) implements Expression {
        public boolean test(Function<String, Object> entity) {
            return left.test(entity) && right.test(entity);
        }

        public Set<String> candidates(String name) {
            Set<String> l = left.candidates(name);
            Set<String> r = right.candidates(name);
            if (l == null || r == null) {
                return l == null ? r : l;
            }
            Set<String> both = new HashSet<>(l);
            both.retainAll(r);
            return both;
        }
    }

    private record Or(Expression left, Expression right) implements Expression {
        public boolean test(Function<String, Object> entity) {
            return left.test(entity) || right.test(entity);
        }

        public Set<String> candidates(String name) {
            Set<String> l = left.candidates(name);
            Set<String> r = right.candidates(name);
            if (l == null || r == null) {
                return null;
            }
            Set<String> either = new HashSet<>(l);
            either.addAll(r);
            return either;
        }
    }

    private record Not(Expression inner) implements Expression {
        public boolean test(Function<String, Object> entity) {
            return !inner.test(entity);
        }

        public Set<String> candidates(String name) {
            return null;
        }
    }

    /** Accepts everything: no {@code $filter}. */
    static final Expression ALL = new Expression() {
        public boolean test(Function<String, Object> entity) {
            return true;
        }

        public Set<String> candidates(String property) {
            return null;
        }
    };

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
     * Parses {@code filter} for an entity type whose properties have these Java types ({@link String},
     * {@link BigDecimal}, {@link LocalDate} for {@code Edm.DateTime}, {@link Boolean}).
     */
    static Expression parse(String filter, Map<String, Class<?>> properties) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        SapSandboxFilter parser = new SapSandboxFilter(tokenize(filter), properties);
        Expression expression = parser.or();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new Invalid("Invalid token '" + extra.text() + "' at position " + extra.position());
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (keyword("or")) {
            left = new Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = unary();
        while (keyword("and")) {
            left = new And(left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (keyword("not")) {
            return new Not(unary());
        }
        Token token = take();
        if (token.kind().equals("(")) {
            Expression inner = or();
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
        return new Comparison(token.text(), operator.text(), literal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compare(Object value, Object literal, String op) {
        if (value == null || literal == null) {
            boolean same = value == literal;
            return op.equals("eq") ? same : op.equals("ne") && !same;
        }
        int order = value instanceof BigDecimal number ? number.compareTo((BigDecimal) literal)
                : ((Comparable) value).compareTo(literal);
        return switch (op) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
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
                while (i < filter.length() && (Character.isLetterOrDigit(filter.charAt(i))
                        || filter.charAt(i) == '_' || filter.charAt(i) == '/')) {
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

    /** Reads a quoted literal starting at {@code i} ({@code ''} is one quote); answers the index after it. */
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
