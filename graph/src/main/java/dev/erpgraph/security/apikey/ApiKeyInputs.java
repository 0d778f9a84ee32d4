package dev.erpgraph.security.apikey;

import java.time.OffsetDateTime;
import java.util.List;

import dev.erpgraph.access.PrincipalKind;

/** The API key mutations' inputs and payloads, as named in {@code api-keys.graphqls}. */
final class ApiKeyInputs {

    private ApiKeyInputs() {
    }

    record CreateApiKeyInput(String name, PrincipalKind principalKind, List<String> scopes, String partnerId,
            OffsetDateTime expiresAt, String clientMutationId) {
    }

    /** {@code key} is the one place the key is ever answered. */
    record CreateApiKeyPayload(ApiKey apiKey, String key, String clientMutationId) {
    }

    record RevokeApiKeyInput(String id, String clientMutationId) {
    }

    record RevokeApiKeyPayload(ApiKey apiKey, String clientMutationId) {
    }

}
