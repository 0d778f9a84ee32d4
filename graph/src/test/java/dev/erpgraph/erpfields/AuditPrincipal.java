package dev.erpgraph.erpfields;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Who a request acts for, as the partner-portal security will carry its principal: a
 * thread-local registered in Micrometer's {@code ContextRegistry}, and the same value in
 * the SLF4J MDC (registered too), which is how a connector's log lines would show it.
 * Nothing in the product knows either; whatever propagates them propagates anything
 * registered.
 */
public final class AuditPrincipal {

    /** The request header {@link FromHeader} reads. */
    static final String HEADER = "X-Audit-Principal";

    /** The MDC key the principal is logged under. */
    static final String MDC_KEY = "auditPrincipal";

    /**
     * The header's value in the request's own GraphQL context: a witness of which request
     * a loader works for, that travels apart from thread-locals.
     */
    static final String IN_REQUEST = AuditPrincipal.class.getName() + ".inRequest";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(AuditPrincipal.class.getName(), CURRENT::get, CURRENT::set, CURRENT::remove)
            .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(MDC_KEY));
    }

    private AuditPrincipal() {
    }

    /** This thread's principal; null when it has none. */
    static String current() {
        return CURRENT.get();
    }

    /**
     * Sets the principal from the request header on the request thread, as a security
     * filter sets its context. Spring captured the request thread's context before the
     * interceptors ran, so this one hands what it set over itself, as a snapshot in the
     * Reactor context that Spring copies into the request's GraphQL context; from there
     * Spring restores it around every data fetcher and batch loader.
     */
    public static final class FromHeader implements WebGraphQlInterceptor {

        private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            String principal = request.getHeaders().getFirst(HEADER);
            if (principal == null) {
                return chain.next(request);
            }
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(IN_REQUEST, principal);
                return input;
            });
            CURRENT.set(principal);
            MDC.put(MDC_KEY, principal);
            try {
                ContextSnapshot set = SNAPSHOTS.captureAll();
                return chain.next(request).contextWrite(set::updateContext);
            }
            finally {
                CURRENT.remove();
                MDC.remove(MDC_KEY);
            }
        }

    }

}
