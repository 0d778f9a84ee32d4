package dev.erpgraph.erp.businesscentral;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.AccessTokenCache.FetchedToken;
import dev.erpgraph.erp.http.AccessTokenCache;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens from Microsoft Entra ID with the OAuth 2.0 client-credentials grant, the
 * only way a service reaches Business Central online: {@code POST {tokenUrl}} with
 * {@code grant_type=client_credentials&client_id&client_secret&scope=https://api.businesscentral.dynamics.com/.default}
 * answers {@code {"token_type":"Bearer","expires_in":3599,"access_token":...}}.
 *
 * <p>
 * One token is shared by every thread and reused until shortly before it expires (a
 * minute early, or a tenth of its life for short-lived tokens), because every token call
 * is a round trip to Entra. A caller whose token is refused with 401 drops it
 * ({@link #authorized}) and one new token is fetched, however many threads saw the 401 at
 * once ({@link AccessTokenCache}).
 */
final class BusinessCentralTokenClient {

    static final String DEFAULT_SCOPE = "https://api.businesscentral.dynamics.com/.default";

    private final ErpHttpClient http;

    private final ErpAuthProperties auth;

    private final AccessTokenCache cache;

    BusinessCentralTokenClient(ErpHttpClient http, ErpAuthProperties auth, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.cache = new AccessTokenCache(Objects.requireNonNull(clock, "clock"), this::fetch);
        if (auth.tokenUrl() == null || auth.clientId() == null || auth.clientSecret() == null) {
            throw new IllegalArgumentException("erp.systems." + http.erpSystemId()
                    + ".auth needs token-url, client-id and client-secret (Entra ID client credentials)");
        }
    }

    /**
     * Sends {@code request} with the token, once more with a new one if Business Central
     * answers 401 to it.
     */
    ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        return cache.authorized(request);
    }

    private FetchedToken fetch() {
        String scope = auth.scope() == null ? DEFAULT_SCOPE : auth.scope();
        String form = "grant_type=client_credentials" + "&client_id=" + QueryStrings.encode(auth.clientId())
                + "&client_secret=" + QueryStrings.encode(auth.clientSecret()) + "&scope=" + QueryStrings.encode(scope);
        ErpHttpResponse response = http.post("token", auth.tokenUrl(),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), form);
        if (!response.isSuccess()) {
            ErpException failure = response.failure(BusinessCentralFields.errorMessage(response));
            if (failure.kind() == ErpException.Kind.UNAVAILABLE) {
                throw failure;
            }
            // invalid_client, invalid_scope, unknown tenant: our configuration is wrong,
            // not the caller's request.
            throw new ErpException(ErpException.Kind.UNAUTHORIZED, http.erpSystemId(),
                    "Entra ID refused the token request: " + failure.getMessage(), failure.erpMessage(), null, null);
        }
        JsonNode body = response.json();
        String accessToken = BusinessCentralFields.requiredText(body, "access_token", http.erpSystemId());
        JsonNode expiresIn = body.path("expires_in");
        if (!expiresIn.isNumber() && !expiresIn.isString()) {
            throw ErpException.badResponse(http.erpSystemId(), "token answer without expires_in", null);
        }
        long seconds;
        try {
            seconds = expiresIn.isNumber() ? expiresIn.longValue() : Long.parseLong(expiresIn.stringValue());
        }
        catch (NumberFormatException ex) {
            throw ErpException.badResponse(http.erpSystemId(), "token answer with a non-numeric expires_in", ex);
        }
        return new FetchedToken(accessToken, Duration.ofSeconds(Math.max(0, seconds)));
    }

}
