package dev.erpgraph.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens a sandbox issued, with their expiry, so that a sandbox can refuse an
 * expired or revoked token exactly as its ERP would and connectors' refresh logic is
 * exercised for real.
 */
public final class SandboxTokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    private final Clock clock;

    public SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    /** Issues a token valid for {@code ttlSeconds}. */
    public String issue(long ttlSeconds) {
        String token = UUID.randomUUID().toString().replace("-", "");
        expiries.put(token, clock.instant().plusSeconds(ttlSeconds));
        return token;
    }

    public boolean isValid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Whether an {@code Authorization: Bearer ...} header carries a valid token. */
    public boolean isValidBearer(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.startsWith("Bearer ")
                && isValid(authorizationHeader.substring("Bearer ".length()).trim());
    }

    public void revokeAll() {
        expiries.clear();
    }

}
