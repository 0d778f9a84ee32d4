package dev.erpgraph.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.StockRef;
import graphql.GraphQLContext;

/**
 * The stock reads a request started ahead of its stock loader: each ERP's lines' stock,
 * started as soon as that ERP's orders were in ({@code ErpGateway.orders}). The stock
 * loader answers these keys from here instead of asking the gateway again, so that the
 * read is the request's one stock request per ERP whatever the cache keeps (with a TTL of
 * 0 it keeps nothing). Held in the request's GraphQL context, never beyond the request.
 */
public final class RequestStockReads {

    private static final String KEY = RequestStockReads.class.getName();

    private final Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> reads = new ConcurrentHashMap<>();

    private RequestStockReads() {
    }

    /** The request's reads, created with the first one. */
    public static RequestStockReads of(GraphQLContext request) {
        return request.computeIfAbsent(KEY, key -> new RequestStockReads());
    }

    public void add(Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> started) {
        reads.putAll(started);
    }

    /** The read of this key the request started, or null. */
    CompletableFuture<ErpOutcome<List<StockLevel>>> find(StockRef key) {
        return reads.get(key);
    }

}
