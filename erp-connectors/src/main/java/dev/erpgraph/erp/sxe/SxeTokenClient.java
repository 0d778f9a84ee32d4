package dev.erpgraph.erp.sxe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
 * Bearer tokens from the Infor ION API gateway. An ION "Backend Service" authorized app
 * comes as a {@code .ionapi} file: client id/secret ({@code ci}/{@code cs}), the token
 * endpoint ({@code pu + ot}) and the service account's access/secret keys
 * ({@code saak}/{@code sask}). The token call is an OAuth2 resource-owner password grant
 * with the service-account keys as username/password and the client credentials as HTTP
 * Basic. Configure {@code auth.token-url} (absolute, or relative to the base URL),
 * {@code client-id}, {@code client-secret}, {@code username} (saak) and {@code password}
 * (sask).
 *
 * <p>
 * A token is reused until shortly before it expires (a tenth of its lifetime early, at
 * most a minute) and fetched again once when the gateway answers 401 (revoked, or the
 * clocks disagree). Fetching is serialized: twenty requests that meet an expired token
 * cause one token request, not twenty ({@link AccessTokenCache}).
 */
final class SxeTokenClient {

    private final ErpHttpClient http;

    private final ErpAuthProperties auth;

    private final AccessTokenCache cache;

    SxeTokenClient(ErpHttpClient http, ErpAuthProperties auth, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.cache = new AccessTokenCache(Objects.requireNonNull(clock, "clock"), this::fetch);
    }

    /**
     * Whether this system authenticates at all (an on-prem SX.API without the ION gateway
     * may not).
     */
    boolean enabled() {
        return auth.tokenUrl() != null && !auth.tokenUrl().isBlank();
    }

    /**
     * Sends {@code request} with an access token, or with none (null) where this system
     * does not authenticate. If the gateway refuses the token with 401, it is forgotten
     * and the request sent once more with a new one: however many requests were refused
     * at once, exactly one new token is fetched.
     */
    ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        return enabled() ? cache.authorized(request) : request.apply(null);
    }

    private FetchedToken fetch() {
        String form = "grant_type=password" + "&username=" + QueryStrings.encode(nullToEmpty(auth.username()))
                + "&password=" + QueryStrings.encode(nullToEmpty(auth.password()))
                + (auth.scope() == null || auth.scope().isBlank() ? "" : "&scope=" + QueryStrings.encode(auth.scope()));
        String basic = Base64.getEncoder()
            .encodeToString((nullToEmpty(auth.clientId()) + ":" + nullToEmpty(auth.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        ErpHttpResponse response = http.post("token", auth.tokenUrl(), Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Accept", "application/json", "Authorization", "Basic " + basic),
                form);
        if (!response.isSuccess()) {
            throw tokenFailure(response);
        }
        JsonNode body = response.json();
        String accessToken = body.path("access_token").asString("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (accessToken.isBlank() || expiresIn <= 0) {
            throw ErpException.badResponse(http.erpSystemId(), "ION API token answer without access_token/expires_in",
                    null);
        }
        return new FetchedToken(accessToken, Duration.ofSeconds(expiresIn));
    }

    private ErpException tokenFailure(ErpHttpResponse response) {
        JsonNode error = response.jsonOrNull();
        String message = error == null ? null
                : error.path("error_description").asString(error.path("error").asString(null));
        if (response.status() >= 400 && response.status() < 500 && response.status() != 429) {
            // invalid_client / invalid_grant: the configured credentials are wrong.
            // Nothing the caller did, and
            // nothing a retry fixes until someone repairs the configuration.
            return new ErpException(ErpException.Kind.UNAUTHORIZED, http.erpSystemId(),
                    "ION API token request refused (HTTP " + response.status() + ")"
                            + (message == null ? "" : ": " + message),
                    message, null, null);
        }
        return response.failure(message);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
