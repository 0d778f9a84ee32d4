package dev.erpgraph.erp.netsuite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.AccessTokenCache.FetchedToken;
import dev.erpgraph.erp.http.AccessTokenCache;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2.0 client credentials (M2M) against {@code /services/rest/auth/oauth2/v1/token}:
 * one access token, shared by every thread, reused until shortly before it expires
 * (NetSuite's live one hour; we refresh a tenth of the lifetime early, at most a minute)
 * and dropped when NetSuite answers 401 with it. Fetching is serialized so that a burst
 * of calls after expiry costs one token request, not one per thread
 * ({@link AccessTokenCache}).
 */
final class NetSuiteTokenClient {

    private final ErpHttpClient http;

    private final String tokenUrl;

    private final NetSuiteClientAssertion assertion;

    private final Clock clock;

    private final AccessTokenCache cache;

    /**
     * @param tokenUrl absolute, or relative to the base URL (resolved on each fetch: the
     * base may be late-bound)
     */
    NetSuiteTokenClient(ErpHttpClient http, String tokenUrl, NetSuiteClientAssertion assertion, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.assertion = assertion;
        this.clock = clock;
        this.cache = new AccessTokenCache(clock, this::fetch);
    }

    /**
     * Sends {@code request} with the token, once more with a new one if NetSuite answers
     * 401 to it.
     */
    ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        return cache.authorized(request);
    }

    private FetchedToken fetch() {
        String audience = tokenUrl.startsWith("http://") || tokenUrl.startsWith("https://") ? tokenUrl
                : http.baseUrl() + (tokenUrl.startsWith("/") ? "" : "/") + tokenUrl;
        Instant now = clock.instant();
        String form = "grant_type=client_credentials" + "&client_assertion_type="
                + QueryStrings.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion="
                + QueryStrings.encode(assertion.sign(audience, now));
        ErpHttpResponse response = http.post("token", audience,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), form);
        if (!response.isSuccess()) {
            String message = NetSuiteClient.errorMessage(response);
            if (response.status() == 429 || response.status() >= 500) {
                throw response.failure(message);
            }
            // A refused assertion is a configuration problem (key, certificate id, client
            // id, role), not the caller's.
            throw new ErpException(ErpException.Kind.UNAUTHORIZED, http.erpSystemId(),
                    "token request refused (HTTP " + response.status() + "): " + message, message, null, null);
        }
        JsonNode body = response.json();
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
            throw ErpException.badResponse(http.erpSystemId(), "token answer without access_token", null);
        }
        long ttl = 3600;
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn != null && !expiresIn.isNull()) {
            try {
                // NetSuite sends it as a string; accept a number too.
                ttl = Long.parseLong(expiresIn.asString().trim());
            }
            catch (NumberFormatException ex) {
                throw ErpException.badResponse(http.erpSystemId(), "unreadable expires_in in the token answer", ex);
            }
        }
        return new FetchedToken(accessToken.asString(), Duration.ofSeconds(ttl));
    }

}
