package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.erpgraph.sandbox.QuotedLiteral;
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
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.RowNumber;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Table;

/**
 * The sandbox's SuiteQL parser: {@code SELECT} columns (with {@code AS} aliases,
 * {@code TO_CHAR}, {@code TO_DATE}, {@code BUILTIN.DF}), {@code FROM table alias},
 * {@code [INNER|LEFT [OUTER]] JOIN ... ON}, {@code WHERE} with {@code = <> != < <= > >=},
 * {@code [NOT] IN (...)}, {@code AND}, {@code OR} and parentheses,
 * {@code ORDER BY ... [ASC|DESC]}; a derived table in {@code FROM ( SELECT ... ) alias}
 * and {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)} (SuiteQL lists
 * {@code ROW_NUMBER} among its supported Oracle functions), which together pick the first
 * N rows of each group in one statement. String literals use doubled single quotes, as in
 * Oracle.
 *
 * <p>
 * It is deliberately honest rather than forgiving: it understands {@code OR}, so a
 * connector that failed to escape a hostile value would show up as a widened result, and
 * it refuses anything else (semicolons, comments, double quotes, sub-queries outside
 * {@code FROM}) with {@link InvalidQuery}, which the sandbox answers as NetSuite does:
 * 400 {@code INVALID_PARAMETER} "Invalid search query".
 */
final class SuiteQlParser {

    /**
     * Oracle refuses more than 1000 expressions in one IN list (ORA-01795); SuiteQL runs
     * on Oracle.
     */
    static final int MAX_IN_LIST = 1000;

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "JOIN",
            "INNER", "LEFT", "OUTER", "ON", "ORDER", "BY", "ASC", "DESC", "AS", "UNION", "GROUP", "HAVING");

    /** The query cannot be parsed or refers to something unknown. */
    static final class InvalidQuery extends RuntimeException {

        InvalidQuery(String message) {
            super(message);
        }

    }

    private enum Type {

        IDENT, NUMBER, STRING, SYMBOL, END

    }

    private record Token(Type type, String text) {
        boolean is(String keywordOrSymbol) {
            return (type == Type.IDENT || type == Type.SYMBOL) && text.equalsIgnoreCase(keywordOrSymbol);
        }
    }

    private final List<Token> tokens;

    private int position;

    private SuiteQlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SuiteQlStatement parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidQuery("empty query");
        }
        return new SuiteQlParser(tokenize(sql)).statement();
    }

    private SuiteQlStatement statement() {
        SuiteQlStatement statement = select();
        if (peek().type() != Type.END) {
            throw new InvalidQuery("unexpected '" + peek().text() + "'");
        }
        return statement;
    }

    /** A SELECT up to its end or to the {@code )} that closes a derived table. */
    private SuiteQlStatement select() {
        expect("SELECT");
        List<Column> select = new ArrayList<>();
        do {
            Expr expr = operand();
            String label;
            if (accept("AS")) {
                label = identifier();
            }
            else if (expr instanceof ColumnRef ref) {
                label = ref.column();
            }
            else {
                label = "expr" + (select.size() + 1);
            }
            select.add(new Column(expr, label.toLowerCase(Locale.ROOT)));
        }
        while (accept(","));
        expect("FROM");
        Table from = table();
        List<Join> joins = new ArrayList<>();
        while (true) {
            boolean left = false;
            if (accept("LEFT")) {
                accept("OUTER");
                left = true;
                expect("JOIN");
            }
            else if (accept("INNER")) {
                expect("JOIN");
            }
            else if (!accept("JOIN")) {
                break;
            }
            Table table = table();
            expect("ON");
            joins.add(new Join(left, table, expression()));
        }
        Expr where = accept("WHERE") ? expression() : null;
        List<Order> orderBy = accept("ORDER") ? orderBy() : List.of();
        return new SuiteQlStatement(List.copyOf(select), from, List.copyOf(joins), where, orderBy);
    }

    /** What follows {@code ORDER}: {@code BY expr [ASC|DESC], ...}. */
    private List<Order> orderBy() {
        expect("BY");
        List<Order> orderBy = new ArrayList<>();
        do {
            Expr expr = operand();
            boolean descending = accept("DESC");
            if (!descending) {
                accept("ASC");
            }
            orderBy.add(new Order(expr, descending));
        }
        while (accept(","));
        return List.copyOf(orderBy);
    }

    private Table table() {
        if (accept("(")) {
            SuiteQlStatement subquery = select();
            expect(")");
            String alias = identifier().toLowerCase(Locale.ROOT);
            return new Table("(" + alias + ")", alias, subquery);
        }
        String name = identifier().toLowerCase(Locale.ROOT);
        String alias = name;
        if (accept("AS")) {
            alias = identifier();
        }
        else if (peek().type() == Type.IDENT && !KEYWORDS.contains(peek().text().toUpperCase(Locale.ROOT))) {
            alias = identifier();
        }
        return new Table(name, alias.toLowerCase(Locale.ROOT));
    }

    private Expr expression() {
        Expr left = conjunction();
        while (accept("OR")) {
            left = new Or(left, conjunction());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = predicate();
        while (accept("AND")) {
            left = new And(left, predicate());
        }
        return left;
    }

    private Expr predicate() {
        if (accept("(")) {
            Expr inner = expression();
            expect(")");
            return inner;
        }
        Expr left = operand();
        boolean negated = accept("NOT");
        if (accept("IN")) {
            expect("(");
            List<Expr> values = new ArrayList<>();
            do {
                values.add(operand());
            }
            while (accept(","));
            expect(")");
            if (values.size() > MAX_IN_LIST) {
                throw new InvalidQuery("ORA-01795: maximum number of expressions in a list is " + MAX_IN_LIST);
            }
            return new In(left, List.copyOf(values), negated);
        }
        if (negated) {
            throw new InvalidQuery("NOT is only understood before IN");
        }
        Token operator = next();
        if (operator.type() != Type.SYMBOL
                || !Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(operator.text())) {
            throw new InvalidQuery("expected a comparison, found '" + operator.text() + "'");
        }
        return new Compare(operator.text().equals("!=") ? "<>" : operator.text(), left, operand());
    }

    private Expr operand() {
        Token token = next();
        switch (token.type()) {
            case NUMBER -> {
                return new Literal(token.text().contains(".") ? new BigDecimal(token.text())
                        : (Object) Long.valueOf(token.text()));
            }
            case STRING -> {
                return new Literal(token.text());
            }
            case IDENT -> {
                if (KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
                    throw new InvalidQuery("unexpected keyword '" + token.text() + "'");
                }
                String first = token.text().toLowerCase(Locale.ROOT);
                String second = null;
                if (accept(".")) {
                    second = identifier().toLowerCase(Locale.ROOT);
                }
                if (second == null && first.equals("row_number") && accept("(")) {
                    return rowNumber();
                }
                if (accept("(")) {
                    String function = (second == null ? first : first + "." + second).toUpperCase(Locale.ROOT);
                    if (!Set.of("TO_CHAR", "TO_DATE", "BUILTIN.DF").contains(function)) {
                        throw new InvalidQuery("unknown function " + function);
                    }
                    List<Expr> arguments = new ArrayList<>();
                    do {
                        arguments.add(operand());
                    }
                    while (accept(","));
                    expect(")");
                    return new Call(function, List.copyOf(arguments));
                }
                return second == null ? new ColumnRef(null, first) : new ColumnRef(first, second);
            }
            default -> throw new InvalidQuery("unexpected '" + token.text() + "'");
        }
    }

    /** The rest of {@code ROW_NUMBER( ) OVER ([PARTITION BY expr, ...] ORDER BY ...)}. */
    private Expr rowNumber() {
        expect(")");
        expect("OVER");
        expect("(");
        List<Expr> partitionBy = new ArrayList<>();
        if (accept("PARTITION")) {
            expect("BY");
            do {
                partitionBy.add(operand());
            }
            while (accept(","));
        }
        expect("ORDER");
        List<Order> orderBy = orderBy();
        expect(")");
        return new RowNumber(List.copyOf(partitionBy), orderBy);
    }

    private String identifier() {
        Token token = next();
        if (token.type() != Type.IDENT || KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
            throw new InvalidQuery("expected an identifier, found '" + token.text() + "'");
        }
        return token.text();
    }

    private boolean accept(String keywordOrSymbol) {
        if (peek().is(keywordOrSymbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String keywordOrSymbol) {
        if (!accept(keywordOrSymbol)) {
            throw new InvalidQuery("expected " + keywordOrSymbol + ", found '" + peek().text() + "'");
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.type() != Type.END) {
            position++;
        }
        return token;
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Type.IDENT, sql.substring(start, i)));
            }
            else if (Character.isDigit(c)) {
                int start = i;
                while (i < sql.length() && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                String number = sql.substring(start, i);
                if (number.chars().filter(ch -> ch == '.').count() > 1 || number.endsWith(".")) {
                    throw new InvalidQuery("bad number " + number);
                }
                tokens.add(new Token(Type.NUMBER, number));
            }
            else if (c == '\'') {
                QuotedLiteral literal = QuotedLiteral.at(sql, i);
                if (literal == null) {
                    throw new InvalidQuery("unterminated string literal");
                }
                tokens.add(new Token(Type.STRING, literal.text()));
                i = literal.end();
            }
            else if (c == '<' || c == '>' || c == '!') {
                if (i + 1 < sql.length() && (sql.charAt(i + 1) == '=' || (c == '<' && sql.charAt(i + 1) == '>'))) {
                    tokens.add(new Token(Type.SYMBOL, sql.substring(i, i + 2)));
                    i += 2;
                }
                else if (c == '!') {
                    throw new InvalidQuery("unexpected '!'");
                }
                else {
                    tokens.add(new Token(Type.SYMBOL, String.valueOf(c)));
                    i++;
                }
            }
            else if ("(),.=".indexOf(c) >= 0) {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c)));
                i++;
            }
            else {
                // ; -- /* " and friends: nothing an honest SuiteQL read needs.
                throw new InvalidQuery("unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(Type.END, "<end>"));
        return tokens;
    }

}
