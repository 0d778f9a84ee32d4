package dev.erpgraph.security.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;

/**
 * An API key's record, as stored: everything but the key, of which only the hash is kept
 * (see {@link ApiKeySecret}).
 *
 * @param id the row's id
 * @param name whose key it is; the principal's id of the requests it signs
 * @param principalKind {@code SERVICE} or {@code PARTNER}
 * @param scopes the scopes it allows, as written in a token's {@code scope} claim
 * @param partnerId the partner whose accounts alone it sees; null for a service key
 * @param prefix the key's first characters, for telling keys apart
 * @param createdAt when it was created
 * @param expiresAt when it stops working; null for never
 * @param revokedAt when it was revoked; null while it works
 * @param createdBy the principal that created it
 */
public record ApiKey(long id, String name, PrincipalKind principalKind, List<String> scopes, String partnerId,
        String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt, String createdBy) {

    public ApiKey {
        scopes = List.copyOf(scopes);
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isLive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * The caller its requests act for. A scope this version no longer knows is ignored,
     * as in a token.
     */
    public Caller caller() {
        return new Caller(name, principalKind, partnerId,
                scopes.stream().map(Scope::of).flatMap(Optional::stream).collect(Collectors.toSet()));
    }

}
