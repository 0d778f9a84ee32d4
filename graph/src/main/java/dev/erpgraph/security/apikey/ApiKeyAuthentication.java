package dev.erpgraph.security.apikey;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Authentication by {@code X-API-Key}, Spring Security's way: an
 * {@link AuthenticationFilter} whose converter reads the header and whose provider
 * ({@link ApiKeyCallers}) finds the key's caller. A request without the header passes on
 * untouched, to the bearer token filter. A bad key is refused there and then by the entry
 * point it is given, so that it looks exactly like a missing credential.
 * <p>
 * A factory rather than a filter bean: Spring Boot would register a filter bean for every
 * request, outside the security chain.
 */
@Component
public class ApiKeyAuthentication {

    /** The header of API-CONTRACT.md. */
    public static final String HEADER = "X-API-Key";

    private final ApiKeyStore store;

    ApiKeyAuthentication(ApiKeyStore store) {
        this.store = store;
    }

    /** The filter for the API's chain; {@code unauthenticated} answers a bad key. */
    public AuthenticationFilter filter(AuthenticationEntryPoint unauthenticated) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(new ApiKeyCallers(store)),
                ApiKeyAuthentication::credential);
        // On success the request simply goes on (the default would redirect).
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthenticated));
        return filter;
    }

    /**
     * The caller a key names, for a credential that arrives outside an HTTP header (a
     * WebSocket's {@code connection_init}). A bad key is refused as over HTTP, with a
     * {@code BadCredentialsException}.
     */
    public Authentication authenticate(String key) {
        return new ApiKeyCallers(store).authenticate(new ApiKeyCredential(new ApiKeySecret(key.trim())));
    }

    private static ApiKeyCredential credential(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return (key != null) ? new ApiKeyCredential(new ApiKeySecret(key.trim())) : null;
    }

}
