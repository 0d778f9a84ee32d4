package dev.erpgraph.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.sandbox.ODataDialect.Problem;

/**
 * The OData {@code $filter} the OData sandboxes (SAP, Business Central, P21) read, parsed
 * for real: comparisons ({@code eq ne gt ge lt le}) joined by {@code and}, {@code or},
 * {@code not} and parentheses; string literals in single quotes with doubled quotes;
 * {@code null}; and whatever else the ERP's {@link ODataDialect} reads. Because it parses
 * what it is sent, a connector that fails to escape a hostile key shows up as a widened
 * result or a refusal in the ERP's own error body, never as a silent pass.
 */
public final class ODataFilter {

    /** A filter the service refuses: its HTTP status and message. */
    public static final class Invalid extends RuntimeException {

        private final int status;

        public Invalid(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }

    }

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le");

    private enum Kind {

        OPEN, CLOSE, COMMA, STRING, WORD

    }

    private record Token(Kind kind, String text, int position) {
    }

    private sealed interface Operand permits Property, Literal {

    }

    private record Property(String name) implements Operand {
    }

    private record Literal(Object value, String text, int position) implements Operand {
    }

    private final String source;

    private final Map<String, Class<?>> properties;

    private final ODataDialect dialect;

    private final List<Token> tokens;

    private int next;

    private ODataFilter(String source, Map<String, Class<?>> properties, ODataDialect dialect) {
        this.source = source;
        this.properties = properties;
        this.dialect = dialect;
        this.tokens = tokenize();
    }

    /**
     * Parses {@code filter} over an entity whose properties have these Java types
     * ({@link Object} where the dialect does not type them); blank accepts everything.
     */
    public static FilterExpression parse(String filter, Map<String, Class<?>> properties, ODataDialect dialect) {
        if (filter == null || filter.isBlank()) {
            return FilterExpression.ALL;
        }
        ODataFilter parser = new ODataFilter(filter, properties, dialect);
        FilterExpression expression = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw parser.syntax(parser.tokens.get(parser.next));
        }
        return expression;
    }

    // ---- grammar: or := and ('or' and)*; and := unary ('and' unary)*;
    // unary := 'not' unary | '(' or ')' | operand operator operand

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
        if (peek(Kind.OPEN)) {
            next++;
            FilterExpression inner = or();
            if (!peek(Kind.CLOSE)) {
                throw syntax(next < tokens.size() ? tokens.get(next) : null);
            }
            next++;
            return inner;
        }
        return comparison();
    }

    private FilterExpression comparison() {
        Token first = next < tokens.size() ? tokens.get(next) : null;
        Operand left = operand();
        if (!dialect.operandsEitherSide() && !(left instanceof Property)) {
            throw syntax(first);
        }
        Token operator = take();
        String op = operator.kind() == Kind.WORD ? normalized(operator.text()) : "";
        if (!OPERATORS.contains(op)) {
            throw dialect.error(Problem.OPERATOR, operator.text(), operator.position(), source);
        }
        Token second = next < tokens.size() ? tokens.get(next) : null;
        Operand right = operand();
        if (!dialect.operandsEitherSide() && !(right instanceof Literal)) {
            throw syntax(second);
        }
        check(left, right);
        check(right, left);
        return expression(left, op, right);
    }

    private void check(Operand property, Operand literal) {
        if (property instanceof Property p && literal instanceof Literal l && l.value() != null) {
            dialect.checkLiteral(p.name(), properties.get(p.name()), l.value(), l.text(), l.position(), source);
        }
    }

    private FilterExpression expression(Operand left, String op, Operand right) {
        Comparison comparison = new Comparison(left, op, right, dialect);
        if (op.equals("eq") && dialect.exactTextEquality()) {
            // The dialect orders two strings by String.compareTo: eq on text is plain
            // string equality, and a list of keys a set lookup.
            if (left instanceof Property p && right instanceof Literal l && l.value() instanceof String text) {
                return FilterExpression.equalsText(p.name(), text, comparison);
            }
            if (right instanceof Property p && left instanceof Literal l && l.value() instanceof String text) {
                return FilterExpression.equalsText(p.name(), text, comparison);
            }
        }
        return comparison;
    }

    private Operand operand() {
        Token token = take();
        if (token.kind() == Kind.STRING) {
            return new Literal(token.text(), "'" + token.text().replace("'", "''") + "'", token.position());
        }
        if (token.kind() != Kind.WORD) {
            throw syntax(token);
        }
        String word = token.text();
        if (peek(Kind.OPEN)) {
            throw dialect.error(Problem.UNKNOWN_FUNCTION, word, token.position(), source);
        }
        if (peek(Kind.STRING)) {
            Token quoted = tokens.get(next);
            Object value = dialect.prefixedLiteral(word, quoted.text(), token.position(), source);
            if (value != null) {
                next++;
                return new Literal(value, word + "'" + quoted.text() + "'", token.position());
            }
        }
        if (word.equals("null")) {
            return new Literal(null, word, token.position());
        }
        Object value = dialect.literal(word, token.position(), source);
        if (value != null) {
            return new Literal(value, word, token.position());
        }
        if (KEYWORDS.contains(normalized(word))) {
            throw syntax(token);
        }
        if (!properties.containsKey(word)) {
            if (word.matches("[A-Za-z_][A-Za-z0-9_/]*")) {
                throw dialect.error(Problem.UNKNOWN_PROPERTY, word, token.position(), source);
            }
            throw syntax(token);
        }
        return new Property(word);
    }

    // ---- evaluation

    private record Comparison(Operand left, String op, Operand right,
            ODataDialect dialect) implements FilterExpression {

        @Override
        public boolean test(Function<String, Object> entity) {
            Object l = value(left, entity);
            Object r = value(right, entity);
            if (l == null || r == null) {
                boolean bothNull = l == null && r == null;
                return switch (op) {
                    case "eq" -> bothNull;
                    case "ne" -> !bothNull;
                    default -> false;
                };
            }
            return FilterExpression.holds(op, dialect.order(op, l, r));
        }

        /**
         * Where text equality is exact, the wrapper of {@link #expression} says what a
         * key list pins down; elsewhere an {@code eq} with a value names its one
         * candidate (the lookup then judges it the dialect's way, and the filter still
         * decides).
         */
        @Override
        public Set<String> candidates(String property) {
            if (dialect.exactTextEquality() || !op.equals("eq")) {
                return null;
            }
            if (left instanceof Property p && p.name().equals(property) && right instanceof Literal l
                    && l.value() != null) {
                return Set.of(l.value().toString());
            }
            if (right instanceof Property p && p.name().equals(property) && left instanceof Literal l
                    && l.value() != null) {
                return Set.of(l.value().toString());
            }
            return null;
        }

        private static Object value(Operand operand, Function<String, Object> entity) {
            return operand instanceof Property p ? entity.apply(p.name()) : ((Literal) operand).value();
        }

    }

    // ---- tokens

    private String normalized(String word) {
        return dialect.keywordsIgnoreCase() ? word.toLowerCase(Locale.ROOT) : word;
    }

    private boolean keyword(String word) {
        if (next < tokens.size() && tokens.get(next).kind() == Kind.WORD
                && normalized(tokens.get(next).text()).equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private Token take() {
        if (next >= tokens.size()) {
            throw syntax(null);
        }
        return tokens.get(next++);
    }

    private Invalid syntax(Token token) {
        return token == null ? dialect.error(Problem.SYNTAX, "", source.length(), source)
                : dialect.error(Problem.SYNTAX, token.text(), token.position(), source);
    }

    private List<Token> tokenize() {
        List<Token> list = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '(' || c == ')' || c == ',') {
                list.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), i));
                i++;
            }
            else if (c == '\'') {
                QuotedLiteral literal = QuotedLiteral.at(source, i);
                if (literal == null) {
                    throw dialect.error(Problem.UNTERMINATED_STRING, "", i, source);
                }
                list.add(new Token(Kind.STRING, literal.text(), i));
                i = literal.end();
            }
            else {
                int start = i;
                while (i < source.length() && !Character.isWhitespace(source.charAt(i))
                        && "()',".indexOf(source.charAt(i)) < 0) {
                    i++;
                }
                list.add(new Token(Kind.WORD, source.substring(start, i), start));
            }
        }
        return list;
    }

}
