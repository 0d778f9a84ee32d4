package dev.erpgraph.erpsystems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpOutcome;
import graphql.GraphQLContext;

/**
 * How a per-account ERP field's loader reads a dispatch ({@code Account.orders},
 * {@code .shipments}, {@code .invoices}): one SQL statement for the accounts' ERP links
 * (read once per request, see {@link AccountErpLinks}), then one gateway call per
 * distinct argument set, which asks each ERP once for all its customers. Each key answers
 * one outcome per ERP link of its account, so one ERP down leaves the other ERPs' part in
 * place.
 */
public final class PerAccountReads {

    private PerAccountReads() {
    }

    /**
     * @param accountId a key's account
     * @param query a key's field arguments, as the gateway takes them
     * @param read the gateway's per-customer read
     * @param request the request's GraphQL context, which holds the ERP links it has
     * already read
     */
    public static <K, Q, V> CompletableFuture<Map<K, List<ErpOutcome<V>>>> load(Set<K> keys,
            Function<K, Long> accountId, Function<K, Q> query, AccountErpLinks links, GraphQLContext request,
            BiFunction<Set<CustomerRef>, Q, CompletableFuture<Map<CustomerRef, ErpOutcome<V>>>> read) {
        Map<Long, List<CustomerRef>> refsByAccount = links.of(keys.stream().map(accountId).distinct().toList(),
                request);
        Map<Q, List<K>> byQuery = new LinkedHashMap<>();
        keys.forEach(key -> byQuery.computeIfAbsent(query.apply(key), q -> new ArrayList<>()).add(key));

        List<CompletableFuture<Map<K, List<ErpOutcome<V>>>>> answers = new ArrayList<>();
        byQuery.forEach((q, queryKeys) -> {
            Set<CustomerRef> refs = new HashSet<>();
            queryKeys.forEach(key -> refs.addAll(refsByAccount.get(accountId.apply(key))));
            CompletableFuture<Map<CustomerRef, ErpOutcome<V>>> values = refs.isEmpty()
                    ? CompletableFuture.completedFuture(Map.of()) : read.apply(refs, q);
            answers.add(values.thenApply(outcomes -> {
                Map<K, List<ErpOutcome<V>>> answered = new HashMap<>();
                queryKeys.forEach(key -> answered.put(key,
                        refsByAccount.get(accountId.apply(key)).stream().map(outcomes::get).toList()));
                return answered;
            }));
        });
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<K, List<ErpOutcome<V>>> all = new HashMap<>();
            answers.forEach(answer -> all.putAll(answer.join()));
            return all;
        });
    }

}
