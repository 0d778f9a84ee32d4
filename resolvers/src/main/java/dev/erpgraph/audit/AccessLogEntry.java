package dev.erpgraph.audit;

import java.time.Instant;
import java.util.List;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;

/**
 * One answer that held an account's data, as the access log keeps it: the GraphQL type
 * {@code AccessLogEntry}.
 *
 * @param id the row's key, the cursor of {@code accessLog}; null until written
 * @param at when the answer was given
 * @param principal who asked (a token's subject, an API key's name)
 * @param principalKind what kind of caller that was
 * @param partnerId the partner the caller acts for; null for an internal caller
 * @param accountId the account whose data the answer held
 * @param dataKinds which kinds of its data, in {@link AccessedData} order
 * @param requestId the request's id, as in the server's logs
 */
public record AccessLogEntry(Long id, Instant at, String principal, PrincipalKind principalKind, String partnerId,
        long accountId, List<AccessedData> dataKinds, String requestId) {

    public AccessLogEntry {
        dataKinds = List.copyOf(dataKinds);
    }

    /**
     * One value a subscription pushed: an answer of its own, logged as a query's would
     * be, under the subscription's execution id.
     */
    public static AccessLogEntry pushed(Caller caller, long accountId, AccessedData kind, String requestId) {
        return new AccessLogEntry(null, Instant.now(), caller.id(), caller.kind(), caller.partnerId(), accountId,
                List.of(kind), requestId);
    }

}
