package dev.erpgraph.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * A bucket idle for a minute has refilled completely, so it is dropped then and a new
 * full one stands in for it: memory follows the principals active in the last minute.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    /** Far more principals active in one minute than this server serves. */
    private static final long MAX_BUCKETS = 100_000;

    /** The API, its schema and the MCP server (each request an agent sends counts). */
    private static final Set<String> PATHS = Set.of("/graphql", "/graphql/schema", "/mcp");

    private final RateLimitProperties limits;

    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
        .expireAfterAccess(PERIOD)
        .maximumSize(MAX_BUCKETS)
        .build();

    RateLimitFilter(RateLimitProperties limits) {
        this.limits = limits;
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
        long now = System.nanoTime();
        long wait = buckets.get(caller.id(), id -> new TokenBucket(limits.limitOf(id), PERIOD, now)).take(now);
        if (wait > 0) {
            long second = TimeUnit.SECONDS.toNanos(1);
            long seconds = Math.max(1, (wait + second - 1) / second);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            RefusalBody.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), "RATE_LIMITED",
                    "Too many requests from this principal; retry after " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

}
