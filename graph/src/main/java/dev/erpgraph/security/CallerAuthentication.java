package dev.erpgraph.security;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.Scope;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}, whatever its credential. Its authorities are its
 * scopes as {@code SCOPE_<scope>} (Spring Security's convention for OAuth2 scopes), and
 * {@code ROLE_ADMIN} with the {@code admin} scope, which is what Actuator's
 * {@code show-details: when-authorized} asks for.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    private final Object credentials;

    public CallerAuthentication(Caller caller, Object credentials) {
        super(authorities(caller));
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Caller caller) {
        Stream<String> scopes = caller.scopes().stream().map(scope -> "SCOPE_" + scope.value());
        Stream<String> roles = caller.may(Scope.ADMIN) ? Stream.of("ROLE_ADMIN") : Stream.empty();
        List<GrantedAuthority> authorities = Stream.concat(scopes, roles)
            .sorted()
            .map(SimpleGrantedAuthority::new)
            .map(GrantedAuthority.class::cast)
            .toList();
        return authorities;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public String getName() {
        return caller.id();
    }

}
