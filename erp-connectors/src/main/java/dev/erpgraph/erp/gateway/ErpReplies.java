package dev.erpgraph.erp.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The outcomes of one gateway call as they arrive: one part per ERP system, each complete
 * as soon as that system has answered. A caller that has more to ask for a key once it is
 * known (the lines' stock of an account's orders) can go on with the fast ERPs' keys
 * while a slow ERP is still answering; {@link #all()} waits for every system.
 *
 * @param bySystem each system's part, keyed by ERP system id; a part never completes
 * exceptionally, a failure is an outcome of its keys
 */
public record ErpReplies<R extends ErpKey, V>(Map<String, CompletableFuture<Map<R, ErpOutcome<V>>>> bySystem) {

    public ErpReplies {
        bySystem = Map.copyOf(bySystem);
    }

    /** Every key's outcome, once every system has answered. */
    public CompletableFuture<Map<R, ErpOutcome<V>>> all() {
        return CompletableFuture.allOf(bySystem.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<R, ErpOutcome<V>> all = new HashMap<>();
            bySystem.values().forEach(part -> all.putAll(part.join()));
            return all;
        });
    }

    /** Each system's part. */
    public List<CompletableFuture<Map<R, ErpOutcome<V>>>> parts() {
        return List.copyOf(bySystem.values());
    }

    /**
     * The same parts, answered under the caller's own keys: each caller key takes the
     * outcome of its ref, in the part of the ref's system.
     */
    public <K> List<CompletableFuture<Map<K, ErpOutcome<V>>>> partsFor(Map<K, R> refs) {
        Map<String, Map<K, R>> bySystemOfRef = new LinkedHashMap<>();
        refs.forEach(
                (key, ref) -> bySystemOfRef.computeIfAbsent(ref.erpSystemId(), id -> new HashMap<>()).put(key, ref));
        List<CompletableFuture<Map<K, ErpOutcome<V>>>> parts = new ArrayList<>();
        bySystemOfRef.forEach((systemId, systemRefs) -> parts.add(part(systemId).thenApply(outcomes -> {
            Map<K, ErpOutcome<V>> answered = new HashMap<>();
            systemRefs.forEach((key, ref) -> answered.put(key, outcomes.get(ref)));
            return answered;
        })));
        return parts;
    }

    /** One system's part; a system the call did not ask answers nothing. */
    public CompletableFuture<Map<R, ErpOutcome<V>>> part(String erpSystemId) {
        return bySystem.getOrDefault(erpSystemId, CompletableFuture.completedFuture(Map.of()));
    }
}
