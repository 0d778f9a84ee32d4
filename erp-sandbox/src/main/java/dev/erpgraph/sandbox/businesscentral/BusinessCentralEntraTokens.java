package dev.erpgraph.sandbox.businesscentral;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Entra ID token endpoint a Business Central client signs in at (client credentials),
 * with Entra's {@code AADSTS} error bodies for a wrong tenant, grant, client, secret or
 * scope. The tokens it issues are the ones {@link BusinessCentralSandbox} accepts.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/{id}")
class BusinessCentralEntraTokens {

    private final SandboxRegistry registry;

    BusinessCentralEntraTokens(SandboxRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(path = "/oauth2/{tenant}/oauth2/v2.0/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> token(@PathVariable String id, @PathVariable String tenant,
            @RequestParam MultiValueMap<String, String> form) {
        Sandbox sandbox = registry.find(id, SandboxKind.BUSINESS_CENTRAL)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no sandbox " + id));
        sandbox.stats().record("token");
        if (!BusinessCentralSandboxErp.TENANT_ID.equals(tenant)) {
            return entraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found.");
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return entraError(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + form.getFirst("grant_type") + "'.");
        }
        if (!BusinessCentralSandboxErp.CLIENT_ID.equals(form.getFirst("client_id"))) {
            return entraError(400, "unauthorized_client", 700016, "Application with identifier '"
                    + form.getFirst("client_id") + "' was not found in the directory '" + tenant + "'.");
        }
        if (!BusinessCentralSandboxErp.CLIENT_SECRET.equals(form.getFirst("client_secret"))) {
            return entraError(401, "invalid_client", 7000215, "Invalid client secret provided.");
        }
        if (!BusinessCentralSandboxErp.SCOPE.equals(form.getFirst("scope"))) {
            return entraError(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is"
                    + " not valid. The scope " + form.getFirst("scope") + " is not valid.");
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        body.put("ext_expires_in", ttl);
        body.put("access_token", sandbox.tokens().issue(ttl));
        return BusinessCentralSandbox.json(200, body);
    }

    private static ResponseEntity<String> entraError(int status, String error, int code, String description) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + description);
        body.putArray("error_codes").add(code);
        return BusinessCentralSandbox.json(status, body);
    }

}
