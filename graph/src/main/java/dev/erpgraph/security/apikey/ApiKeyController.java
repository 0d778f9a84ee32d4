package dev.erpgraph.security.apikey;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.security.apikey.ApiKeyInputs.CreateApiKeyInput;
import dev.erpgraph.security.apikey.ApiKeyInputs.CreateApiKeyPayload;
import dev.erpgraph.security.apikey.ApiKeyInputs.RevokeApiKeyInput;
import dev.erpgraph.security.apikey.ApiKeyInputs.RevokeApiKeyPayload;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code createApiKey}, {@code revokeApiKey} and {@code ApiKey.id}. The id is opaque,
 * like every other id of this API (a {@link GlobalId} of type {@code ApiKey}), so that an
 * account's id passed by mistake is refused rather than revoking whichever key has its
 * number.
 */
@Controller
class ApiKeyController {

    static final String TYPE = "ApiKey";

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @MutationMapping
    CreateApiKeyPayload createApiKey(@Argument CreateApiKeyInput input) {
        return service.create(Caller.current(), input);
    }

    @MutationMapping
    RevokeApiKeyPayload revokeApiKey(@Argument RevokeApiKeyInput input) {
        long id = GlobalId.decode(input.id(), TYPE, "id");
        return new RevokeApiKeyPayload(service.revoke(Caller.current(), id), input.clientMutationId());
    }

    @SchemaMapping(typeName = TYPE)
    String id(ApiKey apiKey) {
        return GlobalId.encode(TYPE, apiKey.id());
    }

}
