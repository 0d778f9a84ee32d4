package dev.erpgraph.access;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a request acts for, whatever the credential (a JWT or an API key): the principal
 * Spring Security authenticated. Spring for GraphQL and the connectors' executors carry
 * Spring Security's context to every data fetcher, DataLoader and connector call, so
 * {@link #current()} answers there too.
 *
 * @param id the principal's id (a token's {@code sub}, an API key's name)
 * @param kind what kind of caller it is
 * @param partnerId the partner whose accounts alone it may see; null for an internal
 * principal
 * @param scopes what its credential allows
 */
public record Caller(String id, PrincipalKind kind, String partnerId, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
        if ((kind == PrincipalKind.PARTNER) != (partnerId != null)) {
            throw new IllegalArgumentException("a partner principal, and only a partner principal, has a partner id");
        }
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isPartner() {
        return partnerId != null;
    }

    /** The accounts this caller may see. */
    public AccountScope accountScope() {
        return isPartner() ? AccountScope.ofPartner(partnerId) : AccountScope.ALL;
    }

    /**
     * The caller of the request this thread works for.
     * @throws AuthenticationCredentialsNotFoundException when there is none: nothing is
     * read for nobody
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AuthenticationCredentialsNotFoundException("This request has no credential.");
    }

}
