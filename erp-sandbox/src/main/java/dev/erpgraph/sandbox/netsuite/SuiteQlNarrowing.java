package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Tables;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.And;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.ColumnRef;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Compare;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Expr;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.In;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Join;
import dev.erpgraph.sandbox.netsuite.SuiteQlStatement.Literal;

/**
 * Which rows a statement can touch, before it is run: the keys its {@code WHERE} pins per
 * table alias ({@code IN} lists, {@code =} literals) and, through inner joins, the keys
 * of the first table the joined rows admit. Sound by construction: only conjuncts narrow,
 * so a widened statement is still run over every row it could match.
 */
final class SuiteQlNarrowing {

    private SuiteQlNarrowing() {
    }

    /**
     * Whether evaluating the statement's conditions can never fail, whatever the rows:
     * every comparison in the WHERE and the ONs is between values of one kind. Then which
     * rows are evaluated only decides which rows come out, and rows that cannot come out
     * may be left out ({@link #only}); otherwise every row the tables give is evaluated,
     * as a hostile statement that fails on some row must fail.
     */
    static boolean settled(SuiteQlStatement statement, SuiteQlScope scope) {
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
    static Map<String, Map<String, Set<String>>> only(SuiteQlStatement statement, SuiteQlScope scope, Tables tables) {
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
                                    SuiteQlNarrowing::intersect);
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
    static Set<String> admitted(SuiteQlStatement statement, Join join, ColumnRef column,
            Map<String, Set<String>> hinted, SuiteQlScope scope, Tables tables) {
        String alias = join.table().alias();
        List<Expr> own = new ArrayList<>();
        for (Expr conjunct : conjuncts(statement.where())) {
            Set<String> named = new HashSet<>();
            SuiteQlExecutor.aliases(conjunct, scope, named);
            if (named.equals(Set.of(alias))) {
                own.add(conjunct);
            }
        }
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> row : tables.rows(join.table().name(), Map.of(), hinted)) {
            Map<String, Map<String, Object>> binding = Map.of(alias, row);
            Object value = row.get(column.column());
            if (value != null
                    && own.stream().allMatch(condition -> SuiteQlExecutor.truth(scope.eval(condition, binding)))) {
                keys.add(key(value));
            }
        }
        return keys;
    }

    /**
     * {@code alias.column = literal} and {@code alias.column IN (literals)} at the top
     * level of the WHERE.
     */
    static Map<String, Set<String>> hints(Expr where, String alias) {
        Map<String, Set<String>> hints = new HashMap<>();
        for (Expr conjunct : conjuncts(where)) {
            if (conjunct instanceof Compare compare && compare.operator().equals("=")
                    && compare.left() instanceof ColumnRef ref && alias.equals(ref.alias())
                    && compare.right() instanceof Literal literal) {
                hints.merge(ref.column(), Set.of(key(literal.value())), SuiteQlNarrowing::intersect);
            }
            else if (conjunct instanceof In in && !in.negated() && in.left() instanceof ColumnRef ref
                    && alias.equals(ref.alias()) && in.values().stream().allMatch(Literal.class::isInstance)) {
                Set<String> values = new HashSet<>();
                in.values().forEach(value -> values.add(key(((Literal) value).value())));
                hints.merge(ref.column(), values, SuiteQlNarrowing::intersect);
            }
        }
        return hints;
    }

    static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    static List<Expr> conjuncts(Expr expr) {
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

}
