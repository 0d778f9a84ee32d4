package dev.erpgraph.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.access.Caller;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What one execution's answer holds of which account: filled while it runs (from any
 * thread that completes its fields), read once it is over.
 */
final class AccountsSeen implements InstrumentationState {

    /** The types whose objects belong to one account, and say which. */
    private static final Set<String> ACCOUNT_TYPES = Set.of("Account", "Contact", "Opportunity");

    private static final AccessedData[] KINDS = AccessedData.values();

    private final Caller caller;

    /** Where in the answer an account's objects are, for the fields nested below them. */
    private final Map<ResultPath, Long> accountAt = new ConcurrentHashMap<>();

    /**
     * Per account, the kinds of its data seen, as bits by {@link AccessedData} ordinal.
     */
    private final Map<Long, Integer> kindsOf = new ConcurrentHashMap<>();

    AccountsSeen(Caller caller) {
        this.caller = caller;
    }

    /** An object of the account's (itself, a contact, an opportunity) at {@code path}. */
    void object(ResultPath path, long accountId) {
        accountAt.put(path, accountId);
        saw(accountId, AccessedData.CRM);
    }

    void saw(long accountId, AccessedData kind) {
        int bit = 1 << kind.ordinal();
        Integer kinds = kindsOf.get(accountId);
        // Most calls repeat a kind already seen (every order line's inventory): no write.
        if (kinds == null || (kinds & bit) == 0) {
            kindsOf.merge(accountId, bit, (known, added) -> known | added);
        }
    }

    /**
     * The account of the nearest object above a field that belongs to one (an order
     * line's inventory under {@code accounts.nodes[3].orders[0].lines[1]}); null when
     * there is none.
     */
    Long accountAbove(ExecutionStepInfo field) {
        for (ExecutionStepInfo step = field.getParent(); step != null; step = step.getParent()) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(step.getType());
            if (!GraphQLTypeUtil.isList(type) && ACCOUNT_TYPES.contains(GraphQLTypeUtil.unwrapAll(type).getName())) {
                Long accountId = accountAt.get(step.getPath());
                if (accountId != null) {
                    return accountId;
                }
            }
        }
        return null;
    }

    boolean isEmpty() {
        return kindsOf.isEmpty();
    }

    /** One entry per account seen, in account order. */
    List<AccessLogEntry> entries(Instant at, String requestId) {
        List<AccessLogEntry> entries = new ArrayList<>(kindsOf.size());
        new TreeMap<>(kindsOf).forEach((accountId, bits) -> {
            List<AccessedData> kinds = new ArrayList<>();
            for (AccessedData kind : KINDS) {
                if ((bits & (1 << kind.ordinal())) != 0) {
                    kinds.add(kind);
                }
            }
            entries.add(new AccessLogEntry(null, at, caller.id(), caller.kind(), caller.partnerId(), accountId, kinds,
                    requestId));
        });
        return entries;
    }

}
