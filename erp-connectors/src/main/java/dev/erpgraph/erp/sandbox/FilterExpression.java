package dev.erpgraph.erp.sandbox;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed OData {@code $filter} as a sandbox evaluates it against one entity's property values. The sandboxes'
 * dialect parsers differ in tokens, literals, type rules and error bodies, but not in how {@code and}, {@code or}
 * and {@code not} combine what they parsed: that part lives here.
 */
public interface FilterExpression {

    /** Accepts everything: no {@code $filter}. */
    FilterExpression ALL = new FilterExpression() {
        @Override
        public boolean test(Function<String, Object> entity) {
            return true;
        }

        @Override
        public Set<String> candidates(String property) {
            return null;
        }
    };

    /** Whether the entity whose property values {@code entity} answers passes the filter. */
    boolean test(Function<String, Object> entity);

    default boolean test(Map<String, Object> row) {
        return test(row::get);
    }

    /**
     * The only values {@code property} can have in an entity this filter accepts, or null if it can have any: lets
     * a sandbox look up candidates instead of scanning every record. Sound by construction ({@code eq} gives its
     * literal, {@code and} intersects, {@code or} unites, anything else is unconstrained), so a widened filter is
     * still answered with the widened result.
     */
    Set<String> candidates(String property);

    /**
     * Whether {@code left operator right} holds, given {@code order}, the sign of comparing left to right: the
     * meaning of OData's {@code eq ne gt ge lt le} once a dialect has compared its values its own way.
     */
    static boolean holds(String operator, int order) {
        return switch (operator) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            default -> throw new IllegalArgumentException("not an OData comparison operator: " + operator);
        };
    }

    static FilterExpression and(FilterExpression left, FilterExpression right) {
        return new FilterExpression() {
            @Override
            public boolean test(Function<String, Object> entity) {
                return left.test(entity) && right.test(entity);
            }

            @Override
            public Set<String> candidates(String property) {
                Set<String> l = left.candidates(property);
                Set<String> r = right.candidates(property);
                if (l == null || r == null) {
                    return l == null ? r : l;
                }
                Set<String> both = new HashSet<>(l);
                both.retainAll(r);
                return both;
            }
        };
    }

    static FilterExpression or(FilterExpression left, FilterExpression right) {
        return new FilterExpression() {
            @Override
            public boolean test(Function<String, Object> entity) {
                return left.test(entity) || right.test(entity);
            }

            @Override
            public Set<String> candidates(String property) {
                Set<String> l = left.candidates(property);
                Set<String> r = right.candidates(property);
                if (l == null || r == null) {
                    return null;
                }
                Set<String> either = new HashSet<>(l);
                either.addAll(r);
                return either;
            }
        };
    }

    static FilterExpression not(FilterExpression inner) {
        return new FilterExpression() {
            @Override
            public boolean test(Function<String, Object> entity) {
                return !inner.test(entity);
            }

            @Override
            public Set<String> candidates(String property) {
                return null;
            }
        };
    }
}
