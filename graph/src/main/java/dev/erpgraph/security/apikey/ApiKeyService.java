package dev.erpgraph.security.apikey;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.security.apikey.ApiKeyInputs.CreateApiKeyInput;
import dev.erpgraph.security.apikey.ApiKeyInputs.CreateApiKeyPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Creates and revokes API keys. Every input is checked before anything is written, and
 * answered as {@code BAD_USER_INPUT} naming the field. The {@code admin} scope that both
 * need is the schema's {@code @authorized}.
 */
@Service
class ApiKeyService {

    private static final Logger logger = LoggerFactory.getLogger(ApiKeyService.class);

    /**
     * Letters, marks, digits, punctuation, symbols and spaces: a name that shows as typed
     * in the access log, without control or invisible formatting characters.
     */
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]+");

    private static final int MAX_NAME = 100;

    private static final int MAX_PARTNER_ID = 100;

    private final ApiKeyStore store;

    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyStore store) {
        this.store = store;
    }

    CreateApiKeyPayload create(Caller creator, CreateApiKeyInput input) {
        Instant now = now();
        String name = name(input.name());
        PrincipalKind kind = kind(input.principalKind());
        List<String> scopes = scopes(input.scopes(), kind);
        String partnerId = partnerId(input.partnerId(), kind);
        Instant expiresAt = (input.expiresAt() != null) ? input.expiresAt().toInstant() : null;
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "expiresAt must be in the future.");
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        ApiKey created = store.insert(
                new ApiKey(0, name, kind, scopes, partnerId, secret.prefix(), now,
                        (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null, null, creator.id()),
                secret.hash());
        logger.info("API key {} ({}, prefix {}) created by {}", created.id(), created.name(), created.prefix(),
                creator.id());
        return new CreateApiKeyPayload(created, secret.value(), input.clientMutationId());
    }

    /** Revoking a revoked key changes nothing: its first revocation time stands. */
    ApiKey revoke(Caller revoker, long id) {
        ApiKey revoked = store.revoke(id, now())
            .orElseThrow(() -> new RecordNotFoundException("There is no API key with this id."));
        logger.info("API key {} ({}, prefix {}) revoked by {}", revoked.id(), revoked.name(), revoked.prefix(),
                revoker.id());
        return revoked;
    }

    /** Microseconds: what both databases keep, so that an answer equals a later read. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String name(String value) {
        // strip, not trim: trim would also drop control characters at the ends.
        String name = (value != null) ? value.strip() : "";
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "name must not be blank.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "name must be at most " + MAX_NAME + " characters.");
        }
        if (!PRINTABLE.matcher(name).matches()) {
            throw new InvalidInputException("name", "name must contain only printable characters.");
        }
        return name;
    }

    private static PrincipalKind kind(PrincipalKind kind) {
        if (kind == PrincipalKind.USER) {
            // A person signs in with a token from the identity provider, which can
            // take the access away when they leave; a key would outlive that.
            throw new InvalidInputException("principalKind", "An API key is for SERVICE or PARTNER, not USER.");
        }
        return kind;
    }

    /**
     * Known scopes, each once, in the order given. A partner key never carries
     * {@code admin}: with it, the partner could create a key that sees every partner's
     * accounts.
     */
    private static List<String> scopes(List<String> values, PrincipalKind kind) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException("scopes", "scopes must name at least one scope.");
        }
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String field = "scopes[" + i + "]";
            Optional<Scope> scope = Scope.of(values.get(i));
            if (scope.isEmpty()) {
                throw new InvalidInputException(field, "Unknown scope '" + values.get(i) + "'.");
            }
            if (kind == PrincipalKind.PARTNER && scope.get() == Scope.ADMIN) {
                throw new InvalidInputException(field, "A partner key cannot carry the admin scope.");
            }
            if (!scopes.contains(scope.get().value())) {
                scopes.add(scope.get().value());
            }
        }
        return scopes;
    }

    private static String partnerId(String value, PrincipalKind kind) {
        if (kind != PrincipalKind.PARTNER) {
            if (value != null) {
                throw new InvalidInputException("partnerId", "Only a PARTNER key has a partnerId.");
            }
            return null;
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("partnerId", "A PARTNER key needs a partnerId.");
        }
        if (value.length() > MAX_PARTNER_ID) {
            throw new InvalidInputException("partnerId",
                    "partnerId must be at most " + MAX_PARTNER_ID + " characters.");
        }
        return value;
    }

}
