package dev.erpgraph.security;

import java.util.Map;

import dev.erpgraph.access.Caller;
import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Closes introspection ({@code __schema}, {@code __type}) to partner principals: the
 * whole schema is the distributor's, and a partner portal needs only the documents it was
 * built with. graphql-java refuses such a query before any field is fetched; its error
 * becomes {@code FORBIDDEN} (ErrorCodeInterceptor). {@code __typename} stays open:
 * clients need it to read unions and interfaces. This holds also where partners may send
 * any document ({@code graph.security.trusted-documents.required=false}); the SDL at
 * {@code /graphql/schema} is closed to them in {@link SecurityConfiguration}.
 */
@Component
class PartnerIntrospection implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (Caller.current().isPartner()) {
            request.configureExecutionInput((input,
                    builder) -> builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
        }
        return chain.next(request);
    }

}
