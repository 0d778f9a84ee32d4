package dev.erpgraph.erp.sap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
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
 * The {@code Authorization} header for SAP: Basic with the communication user (the
 * default of a communication arrangement), or, when {@code auth.token-url} is set, an
 * OAuth2 client-credentials bearer token from that endpoint (SAP BTP / XSUAA style:
 * client authenticates with Basic, answer {@code access_token} + {@code expires_in}). A
 * token is fetched once, shared by all threads and reused until shortly before it
 * expires; a 401 drops it and {@link #authorized} sends once more with a fresh one
 * ({@link AccessTokenCache}).
 */
final class SapTokenClient {

    /**
     * Refresh this long before the ERP's stated expiry, so a token never dies in flight.
     */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final ErpAuthProperties auth;

    private final ErpHttpClient http;

    private final AccessTokenCache cache;

    SapTokenClient(ErpAuthProperties auth, ErpHttpClient http, Clock clock) {
        this.auth = auth;
        this.http = http;
        this.cache = new AccessTokenCache(clock, this::fetch, SapTokenClient::earlyRefresh);
    }

    boolean usesOAuth() {
        return auth.tokenUrl() != null && !auth.tokenUrl().isBlank();
    }

    /**
     * Sends {@code request} with the {@code Authorization} header value: Basic, or a
     * bearer token that is fetched again once if SAP answers 401 to it.
     */
    ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        if (!usesOAuth()) {
            return request.apply(basic(auth.username(), auth.password()));
        }
        return cache.authorized(token -> request.apply("Bearer " + token));
    }

    private FetchedToken fetch() {
        String body = "grant_type=client_credentials"
                + (auth.scope() == null ? "" : "&scope=" + QueryStrings.encode(auth.scope()));
        ErpHttpResponse response = http.post("token", auth.tokenUrl(),
                Map.of("Authorization", basic(auth.clientId(), auth.clientSecret()), "Content-Type",
                        "application/x-www-form-urlencoded", "Accept", "application/json"),
                body);
        if (!response.isSuccess()) {
            JsonNode error = response.jsonOrNull();
            String message = error == null ? null
                    : error.path("error_description").asString(error.path("error").asString(null));
            throw response.failure(message);
        }
        JsonNode json = response.json();
        String value = json.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw ErpException.badResponse(http.erpSystemId(), "token answer without access_token", null);
        }
        return new FetchedToken(value, Duration.ofSeconds(json.path("expires_in").asLong(3600)));
    }

    /** SAP's margin: {@link #EARLY}, or half the lifetime of a token that short-lived. */
    private static Duration earlyRefresh(Duration lifetime) {
        long expiresIn = lifetime.toSeconds();
        return expiresIn > EARLY.toSeconds() * 2 ? EARLY : Duration.ofSeconds(expiresIn / 2);
    }

    static String basic(String user, String password) {
        String pair = (user == null ? "" : user) + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

}
