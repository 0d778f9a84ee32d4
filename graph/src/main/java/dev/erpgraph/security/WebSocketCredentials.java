package dev.erpgraph.security;

import java.util.Locale;
import java.util.Map;

import dev.erpgraph.access.Caller;
import dev.erpgraph.security.apikey.ApiKeyAuthentication;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Authenticates a WebSocket connection as HTTP requests are: a browser cannot set headers
 * on a WebSocket, so the handshake is open and the credential comes in
 * {@code connection_init}'s payload under the header's name, {@code {"Authorization":
 * "Bearer <jwt>"}} or {@code {"X-API-Key": "<key>"}} (names in any case). Missing or bad,
 * and the connection is closed with 4401 Unauthorized, as graphql-transport-ws says,
 * before any operation runs.
 * <p>
 * Each operation of the connection then runs with that caller in Spring Security's
 * context: on the thread of the interceptors after this one (the trusted documents check
 * reads it there) and in the Reactor context, from which Spring for GraphQL restores it
 * for every data fetcher, DataLoader and connector call, the subscription's later events
 * included. First of the interceptors, so that every other one sees the caller.
 * <p>
 * Every operation counts against its principal's rate limit, the same bucket as its HTTP
 * requests ({@link PrincipalRateLimit}): above it, the operation is refused with
 * {@code RATE_LIMITED} and the connection stays open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketCredentials implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketCredentials.class.getName() + ".authentication";

    /** Spring Security's key for its context in context propagation. */
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();

    private static final String BEARER = "bearer ";

    private final JwtAuthenticationProvider tokens;

    private final ApiKeyAuthentication apiKeys;

    private final PrincipalRateLimit rateLimit;

    WebSocketCredentials(JwtDecoder decoder, JwtCallers callers, ApiKeyAuthentication apiKeys,
            PrincipalRateLimit rateLimit) {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
        jwt.setJwtAuthenticationConverter(callers);
        this.tokens = jwt;
        this.apiKeys = apiKeys;
        this.rateLimit = rateLimit;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        return Mono.fromCallable(() -> {
            session.getAttributes().put(AUTHENTICATION, authenticate(payload));
            return Map.of();
        });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest operation)) {
            return chain.next(request);
        }
        Object authentication = operation.getSessionInfo().getAttributes().get(AUTHENTICATION);
        if (!(authentication instanceof Authentication caller)) {
            // Spring for GraphQL refuses an operation before connection_init; this is
            // the belt to those braces.
            return Mono.error(new BadCredentialsException("This connection has no credential."));
        }
        if (caller.getPrincipal() instanceof Caller principal) {
            long seconds = rateLimit.take(principal);
            if (seconds > 0) {
                return Mono.just(rateLimited(request, seconds));
            }
        }
        SecurityContext context = new SecurityContextImpl(caller);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT, context));
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Refused before it runs, as a refused HTTP request is, with the seconds to wait: an
     * answer of {@code "data": null} and the error, then complete.
     */
    private static WebGraphQlResponse rateLimited(WebGraphQlRequest request, long seconds) {
        ExecutionResult refused = ExecutionResult.newExecutionResult()
            .data(null)
            .addError(GraphqlErrorBuilder.newError()
                .message("Too many requests from this principal; retry after " + seconds + " s.")
                .extensions(Map.of("code", "RATE_LIMITED", "retryAfter", seconds))
                .build())
            .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused));
    }

    private Authentication authenticate(Map<String, Object> payload) {
        String authorization = header(payload, "Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            return tokens.authenticate(new BearerTokenAuthenticationToken(token));
        }
        String apiKey = header(payload, ApiKeyAuthentication.HEADER);
        if (apiKey != null) {
            return apiKeys.authenticate(apiKey);
        }
        throw new BadCredentialsException("connection_init carries no credential.");
    }

    private static String header(Map<String, Object> payload, String name) {
        if (payload == null) {
            return null;
        }
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }

}
