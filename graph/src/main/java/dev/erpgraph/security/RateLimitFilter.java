package dev.erpgraph.security;

import java.io.IOException;
import java.util.Set;

import dev.erpgraph.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-principal rate limit ({@link RateLimitProperties}) on the API, its schema and
 * the MCP server: above it, HTTP 429 with {@code Retry-After} (whole seconds until the
 * next request is allowed) and the code {@code RATE_LIMITED}. It runs after
 * authentication and authorization, so it counts the requests of known principals only; a
 * request without a credential is answered 401 before it.
 * <p>
 * The bucket is the principal's one for every protocol ({@link PrincipalRateLimit}).
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** The API, its schema and the MCP server (each request an agent sends counts). */
    private static final Set<String> PATHS = Set.of("/graphql", "/graphql/schema", "/mcp");

    private final PrincipalRateLimit limit;

    RateLimitFilter(PrincipalRateLimit limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = limit.take(caller);
        if (seconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            RefusalBody.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), "RATE_LIMITED",
                    "Too many requests from this principal; retry after " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

}
