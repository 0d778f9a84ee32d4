package dev.erpgraph.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Reads the {@link Caller} a bearer token names, by the claim names of
 * {@link SecurityProperties.Claims}. A token with a partner id is a partner principal's;
 * scopes this API does not know are ignored.
 */
@Component
class JwtCallers implements Converter<Jwt, CallerAuthentication> {

    private final SecurityProperties.Claims claims;

    JwtCallers(SecurityProperties properties) {
        this.claims = properties.claims();
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        String principal = jwt.getClaimAsString(claims.principal());
        if (principal == null || principal.isBlank()) {
            throw new InvalidBearerTokenException("The token names no principal.");
        }
        String partnerId = jwt.getClaimAsString(claims.partnerId());
        PrincipalKind kind = (partnerId != null) ? PrincipalKind.PARTNER : internalKind(jwt);
        return new CallerAuthentication(new Caller(principal, kind, partnerId, scopes(jwt.getClaim(claims.scope()))),
                jwt);
    }

    private PrincipalKind internalKind(Jwt jwt) {
        String kind = jwt.getClaimAsString(claims.principalKind());
        return "SERVICE".equals((kind != null) ? kind.toUpperCase(Locale.ROOT) : null) ? PrincipalKind.SERVICE
                : PrincipalKind.USER;
    }

    private static Set<Scope> scopes(Object claim) {
        Stream<String> values = Stream.empty();
        if (claim instanceof String text) {
            values = Arrays.stream(text.split(" "));
        }
        else if (claim instanceof Collection<?> list) {
            values = list.stream().map(String::valueOf);
        }
        return values.map(Scope::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }

}
