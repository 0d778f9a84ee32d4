package dev.erpgraph.limits;

import java.util.Collection;
import java.util.Map;

import dev.erpgraph.crm.relay.PageRequest;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;

/**
 * A document's estimated cost: the number of fields its response will hold. Every field
 * costs 1, and a list field's selection counts once per item it is expected to hold:
 * <ul>
 * <li>a field the client pages ({@code first}) holds {@code first} items, or the default
 * page size ({@value PageRequest#DEFAULT_FIRST}) when {@code first} is not given; a Relay
 * connection's {@code nodes} and {@code edges} take their connection's {@code first},
 * while its {@code totalCount} and {@code pageInfo} count once;</li>
 * <li>a field that takes a list of keys ({@code inventory(skus: ...)},
 * {@code _entities(representations: ...)}) holds its typical size per key;</li>
 * <li>any other list (an order's lines, a line's stock by warehouse) holds its typical
 * size ({@link QueryLimitsProperties#listSizes()}, else
 * {@link QueryLimitsProperties#defaultListSize()}).</li>
 * </ul>
 * The estimate used to multiply every child of a paged field, {@code totalCount} and
 * {@code pageInfo} included, and to count an unpaged list as one item: it refused a
 * 30-account page of {@code orders(first: 50)} (24,301) and admitted a deep document of
 * unpaged lists as if each held one. Counting what the response will hold keeps the limit
 * a measure of the work to complete it: ERP requests are batched per dispatch and do not
 * grow with the number of items.
 * <p>
 * Costs are capped just above the limit, since graphql-java sums them as {@code int}: a
 * document of nested {@code first: 100} lists would otherwise overflow to a small, or
 * negative, cost and be admitted.
 */
final class QueryCost implements FieldComplexityCalculator {

    private static final String FIRST = "first";

    private final Map<String, Integer> listSizes;

    private final int defaultListSize;

    private final int cap;

    QueryCost(QueryLimitsProperties limits) {
        listSizes = Map.copyOf(limits.listSizes());
        defaultListSize = limits.defaultListSize();
        cap = limits.maxComplexity() + 1;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        long cost = 1 + (long) items(environment) * childComplexity;
        return (int) Math.min(cost, cap);
    }

    /** How many times the field's selection is expected in the response. */
    private long items(FieldComplexityEnvironment environment) {
        GraphQLFieldDefinition field = environment.getFieldDefinition();
        if (isConnectionItems(environment)) {
            return first(environment.getParentEnvironment());
        }
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
            return 1;
        }
        if (field.getArgument(FIRST) != null) {
            return first(environment);
        }
        long perItem = listSizes.getOrDefault(key(environment), defaultListSize);
        long keys = keys(environment.getArguments());
        return (keys > 0) ? keys * perItem : perItem;
    }

    /** {@code nodes} or {@code edges} of a Relay connection. */
    private static boolean isConnectionItems(FieldComplexityEnvironment environment) {
        String name = environment.getFieldDefinition().getName();
        return environment.getParentEnvironment() != null && environment.getParentType() instanceof GraphQLObjectType
                && environment.getParentType().getName().endsWith("Connection")
                && ("nodes".equals(name) || "edges".equals(name));
    }

    private static long first(FieldComplexityEnvironment environment) {
        return (environment.getArguments().get(FIRST) instanceof Integer first && first > 0) ? first
                : PageRequest.DEFAULT_FIRST;
    }

    /** The length of the longest list among the arguments: the keys asked for. */
    private static long keys(Map<String, Object> arguments) {
        long keys = 0;
        for (Object value : arguments.values()) {
            if (value instanceof Collection<?> list) {
                keys = Math.max(keys, list.size());
            }
        }
        return keys;
    }

    private static String key(FieldComplexityEnvironment environment) {
        return environment.getParentType().getName() + "." + environment.getFieldDefinition().getName();
    }

}
