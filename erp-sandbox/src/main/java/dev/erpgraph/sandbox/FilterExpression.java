package dev.erpgraph.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed OData {@code $filter} as a sandbox evaluates it against one entity's property
 * values. The sandboxes' dialect parsers differ in tokens, literals, type rules and error
 * bodies, but not in how {@code and}, {@code or} and {@code not} combine what they
 * parsed: that part lives here.
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

    /**
     * Whether the entity whose property values {@code entity} answers passes the filter.
     */
    boolean test(Function<String, Object> entity);

    default boolean test(Map<String, Object> row) {
        return test(row::get);
    }

    /**
     * The only values {@code property} can have in an entity this filter accepts, or null
     * if it can have any: lets a sandbox look up candidates instead of scanning every
     * record. Sound by construction ({@code eq} gives its literal, {@code and}
     * intersects, {@code or} unites, anything else is unconstrained), so a widened filter
     * is still answered with the widened result.
     */
    Set<String> candidates(String property);

    /**
     * Whether {@code left operator right} holds, given {@code order}, the sign of
     * comparing left to right: the meaning of OData's {@code eq ne gt ge lt le} once a
     * dialect has compared its values its own way.
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

    /**
     * Marks {@code comparison} as "{@code property} equals {@code text}": the dialect
     * promises that it holds for an entity whose {@code property} is a {@link String}
     * exactly when that string equals {@code text}, without failing. An {@code or} of
     * such comparisons on one property (how OData v2 spells a key list) is then answered
     * by one set lookup instead of one comparison per key; any other value is still
     * judged by the comparisons.
     */
    static FilterExpression equalsText(String property, String text, FilterExpression comparison) {
        return new AnyOf(property, List.of(text), List.of(comparison));
    }

    static FilterExpression or(FilterExpression left, FilterExpression right) {
        if (left instanceof AnyOf l && right instanceof AnyOf r && l.property.equals(r.property)) {
            return l.or(r);
        }
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

    /**
     * {@code property eq texts[0] or property eq texts[1] ...}, each term the dialect's
     * own comparison.
     */
    final class AnyOf implements FilterExpression {

        private final String property;

        private final List<String> texts;

        private final List<FilterExpression> comparisons;

        private Set<String> lookup;

        private AnyOf(String property, List<String> texts, List<FilterExpression> comparisons) {
            this.property = property;
            this.texts = texts;
            this.comparisons = comparisons;
        }

        private AnyOf or(AnyOf right) {
            List<String> moreTexts = new ArrayList<>(texts);
            moreTexts.addAll(right.texts);
            List<FilterExpression> moreComparisons = new ArrayList<>(comparisons);
            moreComparisons.addAll(right.comparisons);
            return new AnyOf(property, moreTexts, moreComparisons);
        }

        @Override
        public boolean test(Function<String, Object> entity) {
            if (entity.apply(property) instanceof String value) {
                return lookup().contains(value);
            }
            // null, or a value of another type: the comparisons decide (or fail) in
            // order, as the chain would.
            for (FilterExpression comparison : comparisons) {
                if (comparison.test(entity)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> candidates(String name) {
            return name.equals(property) ? lookup() : null;
        }

        private Set<String> lookup() {
            Set<String> set = lookup;
            if (set == null) {
                set = Set.copyOf(texts);
                lookup = set;
            }
            return set;
        }

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
