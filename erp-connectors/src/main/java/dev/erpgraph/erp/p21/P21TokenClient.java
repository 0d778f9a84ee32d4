package dev.erpgraph.erp.p21;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.AccessTokenCache.FetchedToken;
import dev.erpgraph.erp.http.AccessTokenCache;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bearer token of one P21 system, from {@code POST /api/security/token/v2}.
 *
 * <p>
 * Every token call opens a session in the P21 middleware, so the token is fetched once
 * and shared by all threads until shortly before it expires (a tenth of its life early,
 * at most a minute), and fetched again once when the ERP answers 401 to it
 * ({@link #authorized}; both in {@link AccessTokenCache}). Two grants are supported,
 * chosen by what is configured: user credentials ({@code username}/{@code password}; the
 * answer carries {@code ExpiresInSeconds} and a {@code RefreshToken}) and a consumer key
 * ({@code clientSecret}, optionally with {@code username}; the answer carries
 * {@code ExpiresIn} and an empty {@code RefreshToken}). The refresh token is not used:
 * asking again with the credentials costs the same one request and works for both grants.
 */
final class P21TokenClient {

    static final String DEFAULT_TOKEN_PATH = "api/security/token/v2";

    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ErpHttpClient http;

    private final ErpAuthProperties auth;

    private final AccessTokenCache cache;

    P21TokenClient(ErpHttpClient http, ConnectorSettings settings, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.auth = Objects.requireNonNull(settings.auth(), "auth");
        this.cache = new AccessTokenCache(Objects.requireNonNull(clock, "clock"), this::fetch);
    }

    /**
     * Sends {@code request} with the token, once more with a new one if P21 answers 401
     * to it.
     */
    ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        return cache.authorized(request);
    }

    private FetchedToken fetch() {
        String url = auth.tokenUrl() == null || auth.tokenUrl().isBlank() ? DEFAULT_TOKEN_PATH : auth.tokenUrl();
        ErpHttpResponse response = http.post("token", url,
                Map.of("Content-Type", "application/json", "Accept", "application/json"), requestBody());
        if (!response.isSuccess()) {
            throw response.failure(P21ErrorBody.message(response));
        }
        JsonNode body = response.json();
        String accessToken = body.path("AccessToken").asString("");
        if (accessToken.isBlank()) {
            throw ErpException.badResponse(http.erpSystemId(), "token answer without AccessToken", null);
        }
        return new FetchedToken(accessToken, lifetime(body));
    }

    private String requestBody() {
        ObjectNode body = JSON.createObjectNode();
        if (auth.clientSecret() != null && !auth.clientSecret().isBlank()) {
            body.put("ClientSecret", auth.clientSecret());
            body.put("GrantType", "client_credentials");
            if (auth.username() != null && !auth.username().isBlank()) {
                body.put("username", auth.username());
            }
        }
        else {
            body.put("username", auth.username());
            body.put("password", auth.password());
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * {@code ExpiresInSeconds} (user grant) or {@code ExpiresIn} (consumer key), as a
     * number or a string.
     */
    static Duration lifetime(JsonNode body) {
        JsonNode seconds = body.has("ExpiresInSeconds") ? body.path("ExpiresInSeconds") : body.path("ExpiresIn");
        long value = seconds.isNumber() ? seconds.asLong() : parse(seconds.asString(""));
        return value > 0 ? Duration.ofSeconds(value) : DEFAULT_LIFETIME;
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

}
