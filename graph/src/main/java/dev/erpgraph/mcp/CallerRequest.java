package dev.erpgraph.mcp;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.Locale;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * What a tool call needs of the HTTP request that carried it, taken on the request's own
 * thread: the MCP SDK runs tool handlers on threads of its own, where Spring Security's
 * context, the trace and the logging context are not. The snapshot holds all of them (the
 * same {@link ContextSnapshotFactory} as the GraphQL handler's), so the GraphQL execution
 * of a tool sees the caller that the security filter chain authenticated, as
 * {@code /graphql} would.
 *
 * @param context the request thread's context: security context, observation, MDC
 * @param uri the request's URI
 * @param headers the request's headers
 * @param remoteAddress who sent it
 * @param locale the locale it asked for
 */
record CallerRequest(ContextSnapshot context, URI uri, HttpHeaders headers, InetSocketAddress remoteAddress,
        Locale locale) {

    /** The key of a tool call's transport context under which this is found. */
    static final String KEY = CallerRequest.class.getName();

    /**
     * Captures the request on its own thread (the servlet's, behind the security chain).
     */
    static CallerRequest capture(HttpServletRequest request, ContextSnapshotFactory snapshots) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.addAll(name, Collections.list(request.getHeaders(name)));
        }
        String query = request.getQueryString();
        URI uri = URI.create(request.getRequestURL() + ((query != null) ? "?" + query : ""));
        return new CallerRequest(snapshots.captureAll(), uri, headers,
                new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()), request.getLocale());
    }

}
