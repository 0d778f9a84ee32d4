package dev.erpgraph.trusteddocuments;

import java.util.Map;
import java.util.Optional;

import dev.erpgraph.access.Caller;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Holds the callers that need trusted documents ({@link TrustedDocumentsProperties}) to
 * the registered ones, before any document is parsed, let alone run. A request names a
 * registered document in Apollo's persisted-query shape, {@code "extensions":
 * {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}}, with or without the
 * {@code query} itself; a bare {@code query} whose hash is registered counts as
 * registered too.
 * <p>
 * An unregistered document is refused with {@code PERSISTED_QUERY_NOT_FOUND}, answered
 * with HTTP 200 and {@code "data": null}, as an Apollo client expects before it sends the
 * query along with the hash. A hash that is not the hash of the query sent with it is a
 * client's bug, not a missing document: {@code BAD_USER_INPUT}, so that a client does not
 * retry it. Callers that need no trusted documents may send any document, and a
 * registered hash in place of one.
 */
@Component
class TrustedDocumentsInterceptor implements WebGraphQlInterceptor {

    private static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    private static final String BAD_USER_INPUT = "BAD_USER_INPUT";

    private final TrustedDocuments documents;

    private final TrustedDocumentsProperties properties;

    TrustedDocumentsInterceptor(TrustedDocuments documents, TrustedDocumentsProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean trustedOnly = properties.appliesTo(Caller.current());
        Object persistedQuery = request.getExtensions().get("persistedQuery");
        if (persistedQuery == null) {
            if (trustedOnly && !documents.contains(request.getDocument())) {
                return refuse(request, NOT_FOUND, "This caller may run only registered documents: send one's hash"
                        + " as extensions.persistedQuery.sha256Hash.");
            }
            return chain.next(request);
        }
        if (!(persistedQuery instanceof Map<?, ?> named) || !Integer.valueOf(1).equals(named.get("version"))
                || !(named.get("sha256Hash") instanceof String hash)) {
            return refuse(request, BAD_USER_INPUT,
                    "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<SHA-256 in hex>\"}.");
        }
        Optional<String> registered = documents.document(hash);
        if (!PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())) {
            if (!TrustedDocuments.hash(request.getDocument()).equalsIgnoreCase(hash)) {
                return refuse(request, BAD_USER_INPUT,
                        "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.");
            }
            if (trustedOnly && registered.isEmpty()) {
                return refuse(request, NOT_FOUND, "No document is registered with this hash.");
            }
            return chain.next(request);
        }
        if (registered.isEmpty()) {
            return refuse(request, NOT_FOUND, "No document is registered with this hash.");
        }
        request.configureExecutionInput((input, builder) -> builder.query(registered.get()).build());
        return chain.next(request);
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String code, String message) {
        ExecutionResult refused = ExecutionResult.newExecutionResult()
            // "data": null: HTTP 200 also for a client that accepts
            // application/graphql-response+json, as Apollo's clients expect.
            .data(null)
            .addError(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build())
            .build();
        return Mono
            .just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }

}
