package dev.erpgraph.erp.gateway;

import java.time.Instant;

/**
 * Where an ERP-owned value came from and how old it is.
 *
 * @param fetchedAt when the ERP answered
 * @param fromCache served from the gateway's short-TTL cache
 * @param stale older than its TTL, served because the ERP is unavailable
 */
public record Freshness(String erpSystemId, Instant fetchedAt, boolean fromCache, boolean stale) {
}
