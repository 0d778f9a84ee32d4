package dev.erpgraph.sandbox.netsuite;

import java.util.List;
import java.util.stream.Stream;

/**
 * The sandbox's parse of one SuiteQL statement: the small subset the connector (and any
 * honest client) uses. Kept as plain records so that the executor can evaluate it and a
 * test can read what was understood.
 */
record SuiteQlStatement(List<Column> select, Table from, List<Join> joins, Expr where, List<Order> orderBy) {

    /**
     * One selected expression and the key it comes back under (lowercase, as NetSuite
     * answers).
     */
    record Column(Expr expr, String label) {
    }

    /**
     * A table of the account, or (with {@code subquery}) a derived table: the rows of a
     * statement in {@code FROM ( ... ) alias}, named {@code (alias)}.
     */
    record Table(String name, String alias, SuiteQlStatement subquery) {

        Table(String name, String alias) {
            this(name, alias, null);
        }

    }

    record Join(boolean left, Table table, Expr on) {
    }

    record Order(Expr expr, boolean descending) {
    }

    sealed interface Expr permits ColumnRef, Literal, Call, RowNumber, Compare, In, And, Or {

        /**
         * The expressions directly inside this one, left to right: what every walk of a
         * statement (checking names, collecting aliases) descends into.
         */
        default List<Expr> children() {
            if (this instanceof Call call) {
                return call.arguments();
            }
            if (this instanceof Compare compare) {
                return List.of(compare.left(), compare.right());
            }
            if (this instanceof In in) {
                return Stream.concat(Stream.of(in.left()), in.values().stream()).toList();
            }
            if (this instanceof And and) {
                return List.of(and.left(), and.right());
            }
            if (this instanceof Or or) {
                return List.of(or.left(), or.right());
            }
            if (this instanceof RowNumber rowNumber) {
                return Stream.concat(rowNumber.partitionBy().stream(), rowNumber.orderBy().stream().map(Order::expr))
                    .toList();
            }
            return List.of();
        }

    }

    /** {@code alias.column} or a bare {@code column} (alias null). */
    record ColumnRef(String alias, String column) implements Expr {
    }

    /** A number (Long or BigDecimal) or a string literal, quotes already undoubled. */
    record Literal(Object value) implements Expr {
    }

    /** {@code TO_CHAR}, {@code TO_DATE}, {@code BUILTIN.DF}. */
    record Call(String function, List<Expr> arguments) implements Expr {
    }

    /**
     * {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)}: Oracle's analytic
     * numbering, which SuiteQL lists among its supported functions; numbered over the
     * rows that pass the statement's joins and WHERE.
     */
    record RowNumber(List<Expr> partitionBy, List<Order> orderBy) implements Expr {
    }

    record Compare(String operator, Expr left, Expr right) implements Expr {
    }

    record In(Expr left, List<Expr> values, boolean negated) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }
}
