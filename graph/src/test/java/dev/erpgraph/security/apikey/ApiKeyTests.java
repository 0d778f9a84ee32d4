package dev.erpgraph.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.security.TrustedDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over real HTTP: created by an admin and shown once, stored only as a hash,
 * sent as {@code X-API-Key} in place of a token, and refused like a missing credential
 * once revoked or expired.
 */
class ApiKeyTests extends HttpGraphQlTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private static final String ACCOUNTS = "{ accounts(first: 1) { totalCount } }";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createApiKeyAnswersTheKeyAndItsRecord() {
        String name = uniqueWord();
        Map<String, Object> input = new HashMap<>(serviceKey(name));
        input.put("clientMutationId", "m-1");
        HttpGraphQlTester.Response response = graphQl.documentName("createApiKey")
            .fragmentName("apiKeyFields")
            .variable("input", input)
            .execute();

        String key = response.path("createApiKey.key").entity(String.class).get();
        assertThat(key).matches("eg_[A-Za-z0-9_-]{43}");
        response.path("createApiKey.clientMutationId").entity(String.class).isEqualTo("m-1");
        assertThat(response.path("createApiKey.apiKey").entity(MAP).get()).containsEntry("name", name)
            .containsEntry("principalKind", "SERVICE")
            .containsEntry("scopes", List.of("crm:read"))
            .containsEntry("partnerId", null)
            .containsEntry("prefix", key.substring(0, 8))
            .containsEntry("expiresAt", null)
            .containsEntry("revokedAt", null)
            .containsKeys("id", "createdAt");
    }

    @Test
    void aServiceKeySignsRequestsInPlaceOfAToken() {
        String key = create(serviceKey(uniqueWord())).key();

        withKey(key).document(ACCOUNTS)
            .execute()
            .path("accounts.totalCount")
            .entity(Integer.class)
            .isEqualTo(jdbc.queryForObject("select count(*) from accounts", Integer.class));
    }

    @Test
    void aPartnerKeySeesOnlyItsPartnersAccounts() {
        String key = create(Map.of("name", uniqueWord(), "principalKind", "PARTNER", "partnerId", "partner-1", "scopes",
                List.of("crm:read")))
            .key();
        int partnerAccounts = jdbc.queryForObject("select count(*) from accounts where partner_id = 'partner-1'",
                Integer.class);
        assertThat(partnerAccounts).isGreaterThanOrEqualTo(20);

        HttpGraphQlTester.Response response = withKey(key).document(TrustedDocuments.read("partnerIdsOfAccounts"))
            .execute();

        response.path("accounts.totalCount").entity(Integer.class).isEqualTo(partnerAccounts);
        response.path("accounts.nodes[*].partnerId")
            .entityList(String.class)
            .hasSize(Math.min(partnerAccounts, 100))
            .satisfies(partnerIds -> assertThat(partnerIds).containsOnly("partner-1"));
    }

    @Test
    void onlyTheKeysHashIsStored() {
        String name = uniqueWord();
        String key = create(serviceKey(name)).key();

        Map<String, Object> row = jdbc.queryForMap("select * from api_keys where name = ?", name);

        assertThat(row).containsEntry("key_hash", sha256Hex(key)).containsEntry("prefix", key.substring(0, 8));
        String randomPart = key.substring("eg_".length());
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(randomPart));
    }

    @Test
    void theKeyIsNeverAnsweredAgain() {
        CreatedKey created = create(serviceKey(uniqueWord()));

        Map<String, Object> revoked = revoke(created.id()).path("revokeApiKey").entity(MAP).get();

        assertThat(revoked.toString()).doesNotContain(created.key().substring("eg_".length()));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        CreatedKey created = create(serviceKey(uniqueWord()));
        assertThat(post(created.key()).getStatusCode()).isEqualTo(HttpStatus.OK);

        String revokedAt = revoke(created.id()).path("revokeApiKey.apiKey.revokedAt").entity(String.class).get();

        assertThat(revokedAt).isNotNull();
        assertRefusedLikeNoCredential(created.key());
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        CreatedKey created = create(serviceKey(uniqueWord()));
        String first = revoke(created.id()).path("revokeApiKey.apiKey.revokedAt").entity(String.class).get();

        revoke(created.id()).path("revokeApiKey.apiKey.revokedAt").entity(String.class).isEqualTo(first);
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        revoke(GlobalId.encode(ApiKeyController.TYPE, Long.MAX_VALUE)).errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
    }

    @Test
    void revokingByAnotherTypesIdIsBadInput() {
        revoke(GlobalId.encode(GlobalId.ACCOUNT, 1)).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "id"));
    }

    @Test
    void anExpiredKeyIsRefused() {
        String name = uniqueWord();
        OffsetDateTime inAnHour = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> input = new HashMap<>(serviceKey(name));
        input.put("expiresAt", inAnHour.toString());
        CreatedKey created = create(input);
        assertThat(post(created.key()).getStatusCode()).isEqualTo(HttpStatus.OK);

        // As if the hour had passed.
        jdbc.update("update api_keys set expires_at = ? where name = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), name);

        assertRefusedLikeNoCredential(created.key());
    }

    @Test
    void aKeyThatWasNeverIssuedIsRefused() {
        assertRefusedLikeNoCredential("garbage");
        assertRefusedLikeNoCredential("eg_" + "A".repeat(43));
    }

    @Test
    void onlyAnAdminCreatesKeys() {
        String name = uniqueWord();

        as("demo-partner-1").document(TrustedDocuments.read("partnerCreateApiKey"))
            .variable("input", serviceKey(name))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "FORBIDDEN", null))
            .path("createApiKey")
            .pathDoesNotExist();

        assertThat(jdbc.queryForObject("select count(*) from api_keys where name = ?", Integer.class, name)).isZero();
    }

    @Test
    void onlyAnAdminRevokesKeys() {
        CreatedKey created = create(serviceKey(uniqueWord()));

        as("demo-rep").documentName("revokeApiKey")
            .fragmentName("apiKeyFields")
            .variable("input", Map.of("id", created.id()))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "FORBIDDEN", null));

        assertThat(post(created.key()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedNamingTheField(String field, Map<String, Object> input) {
        long before = jdbc.queryForObject("select count(*) from api_keys", Long.class);

        graphQl.documentName("createApiKey")
            .fragmentName("apiKeyFields")
            .variable("input", input)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", field));

        assertThat(jdbc.queryForObject("select count(*) from api_keys", Long.class)).isEqualTo(before);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(invalid("name", "name", " "), invalid("name", "name", "n".repeat(101)),
                invalid("name", "name", "bell\u0007"), invalid("scopes", "scopes", List.of()),
                invalid("scopes[1]", "scopes", List.of("crm:read", "crm:everything")),
                invalid("principalKind", "principalKind", "USER"), invalid("partnerId", "partnerId", "partner-1"),
                invalid("expiresAt", "expiresAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()),
                Arguments.of("partnerId",
                        Map.of("name", "portal", "principalKind", "PARTNER", "scopes", List.of("crm:read"))),
                Arguments.of("scopes[0]", Map.of("name", "portal", "principalKind", "PARTNER", "partnerId", "partner-1",
                        "scopes", List.of("admin"))));
    }

    /** A valid service key's input with {@code field} set to {@code value}. */
    private static Arguments invalid(String errorField, String field, Object value) {
        Map<String, Object> input = new HashMap<>(serviceKey("portal"));
        input.put(field, value);
        return Arguments.of(errorField, input);
    }

    private static Map<String, Object> serviceKey(String name) {
        return Map.of("name", name, "principalKind", "SERVICE", "scopes", List.of("crm:read"));
    }

    private CreatedKey create(Map<String, Object> input) {
        HttpGraphQlTester.Response response = graphQl.documentName("createApiKey")
            .fragmentName("apiKeyFields")
            .variable("input", input)
            .execute();
        return new CreatedKey(response.path("createApiKey.apiKey.id").entity(String.class).get(),
                response.path("createApiKey.key").entity(String.class).get());
    }

    private HttpGraphQlTester.Response revoke(String id) {
        return graphQl.documentName("revokeApiKey")
            .fragmentName("apiKeyFields")
            .variable("input", Map.of("id", id))
            .execute();
    }

    /** The tester with the key in place of the manager's token. */
    private HttpGraphQlTester withKey(String key) {
        return graphQl.mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set(ApiKeyAuthentication.HEADER, key);
        }).build();
    }

    private void assertRefusedLikeNoCredential(String key) {
        ResponseEntity<String> refused = post(key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode body = JSON.readTree(refused.getBody());
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.at("/errors/0/extensions/traceId").asString()).matches("[0-9a-f]{32}");
        // The same answer, but for the trace id, which is each request's own.
        assertThat(JSON.readTree(anyTraceId(refused.getBody())))
            .isEqualTo(JSON.readTree(anyTraceId(post(null).getBody())));
    }

    private static String anyTraceId(String body) {
        return body.replaceAll("\"traceId\":\"[0-9a-f]{32}\"", "\"traceId\":\"*\"");
    }

    /** {@link #ACCOUNTS} over plain HTTP, with the key if any and no token. */
    private ResponseEntity<String> post(String key) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/graphql").headers(headers -> {
            if (key != null) {
                headers.set(ApiKeyAuthentication.HEADER, key);
            }
        })
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("query", ACCOUNTS))
            .retrieve()
            .onStatus(status -> true, (request, response) -> {
            })
            .toEntity(String.class);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record CreatedKey(String id, String key) {
    }

}
