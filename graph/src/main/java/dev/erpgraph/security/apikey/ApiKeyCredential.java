package dev.erpgraph.security.apikey;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The {@code X-API-Key} a request sent, not yet checked: what {@link ApiKeyCallers} turns
 * into the caller's authentication, or refuses.
 */
final class ApiKeyCredential extends AbstractAuthenticationToken {

    private final ApiKeySecret key;

    ApiKeyCredential(ApiKeySecret key) {
        super(List.of());
        this.key = key;
    }

    /** Its prefix only, wherever Spring Security names the principal. */
    @Override
    public String getPrincipal() {
        return key.prefix();
    }

    @Override
    public ApiKeySecret getCredentials() {
        return key;
    }

}
