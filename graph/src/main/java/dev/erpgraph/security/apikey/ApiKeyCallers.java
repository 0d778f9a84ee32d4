package dev.erpgraph.security.apikey;

import java.time.Instant;

import dev.erpgraph.security.CallerAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Finds the caller an API key names, by the key's hash. An unknown, revoked or expired
 * key is one and the same {@link BadCredentialsException}: the client learns nothing
 * about which keys exist. Read from the table on every request, with no cache, so that a
 * revoked key is refused at once by every replica; the lookup is one unique-index read.
 */
class ApiKeyCallers implements AuthenticationProvider {

    private static final Logger logger = LoggerFactory.getLogger(ApiKeyCallers.class);

    private final ApiKeyStore store;

    ApiKeyCallers(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public CallerAuthentication authenticate(Authentication authentication) {
        ApiKeySecret secret = ((ApiKeyCredential) authentication).getCredentials();
        // Garbage never reaches the database.
        if (!secret.isWellFormed()) {
            throw refused(secret);
        }
        ApiKey key = store.findByHash(secret.hash())
            .filter(candidate -> candidate.isLive(Instant.now()))
            .orElseThrow(() -> refused(secret));
        return new CallerAuthentication(key.caller(), null);
    }

    private static BadCredentialsException refused(ApiKeySecret secret) {
        logger.debug("Refused API key {}", secret);
        return new BadCredentialsException("Unknown, revoked or expired API key.");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyCredential.class.isAssignableFrom(authentication);
    }

}
