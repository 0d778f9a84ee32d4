package dev.erpgraph.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error an {@code extensions.code}, also those that never reach
 * {@link GraphQlErrorResolver}: graphql-java's own request errors (syntax, validation, a
 * variable that does not coerce) become {@code BAD_USER_INPUT}; anything else without a
 * code, such as Spring's opaque "INTERNAL_ERROR for ..." for an exception no resolver
 * handled, becomes {@code INTERNAL}, its message left as opaque as it is. graphql-java's
 * refusal of introspection to a caller it is closed to (PartnerIntrospection) becomes
 * {@code FORBIDDEN}. Every error also carries the request's {@code traceId}, the one in
 * every log line of the request, so that a support ticket quoting it leads to the trace.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    /** graphql-java's classification of a refused introspection query. */
    private static final String INTROSPECTION_DISABLED = "IntrospectionDisabled";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // Read on the request's thread: the response may complete on an ERP call's.
        String traceId = TraceIds.current();
        return chain.next(request).map(response -> {
            if (response.getErrors().isEmpty()) {
                return response;
            }
            return response.transform(builder -> builder.errors(withCodes(response.getErrors(), traceId)));
        });
    }

    private static List<GraphQLError> withCodes(List<ResponseError> errors, String traceId) {
        Set<String> explained = errors.stream()
            .filter(error -> error.getErrorType() != ErrorType.NullValueInNonNullableField)
            .map(ResponseError::getPath)
            .collect(Collectors.toSet());
        return errors.stream()
            .filter(error -> !isExplainedNull(error, explained))
            .map(error -> withCode(error, traceId))
            .toList();
    }

    /**
     * graphql-java's own error for a null in a non-null field, at or under a field that
     * already has an error saying why it is null (a field refused as FORBIDDEN, say): a
     * second error, coded INTERNAL, would only mislead.
     */
    private static boolean isExplainedNull(ResponseError error, Set<String> explained) {
        if (error.getErrorType() != ErrorType.NullValueInNonNullableField) {
            return false;
        }
        String path = error.getPath();
        return explained.stream()
            .anyMatch(field -> path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "["));
    }

    private static GraphQLError withCode(ResponseError error, String traceId) {
        Map<String, Object> extensions = new LinkedHashMap<>(
                (error.getExtensions() != null) ? error.getExtensions() : Map.of());
        if (traceId != null) {
            extensions.put("traceId", traceId);
        }
        // graphql-java's own classifications are about the request, except these three,
        // which are ours.
        boolean requestError = error.getErrorType() instanceof ErrorType type && type != ErrorType.DataFetchingException
                && type != ErrorType.ExecutionAborted && type != ErrorType.NullValueInNonNullableField;
        Map<String, Object> withCode = new LinkedHashMap<>(extensions);
        if (extensions.containsKey("code")) {
            return copy(error, error.getMessage(), withCode);
        }
        if (error.getErrorType() != null && INTROSPECTION_DISABLED.equals(error.getErrorType().toString())) {
            withCode.put("code", ErrorCode.FORBIDDEN.name());
            return copy(error, "Introspection is not open to this credential.", withCode);
        }
        withCode.put("code", requestError ? ErrorCode.BAD_USER_INPUT.name() : ErrorCode.INTERNAL.name());
        String message = requestError ? error.getMessage() : opaque(error.getMessage());
        return copy(error, message, withCode);
    }

    private static GraphQLError copy(ResponseError error, String message, Map<String, Object> extensions) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
            .message(message)
            .errorType(error.getErrorType())
            .extensions(extensions);
        // Some graphql-java errors carry no locations or path at all (null, not empty).
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    /**
     * Spring's unresolved-error message carries only the execution id; anything else is
     * not trusted.
     */
    private static String opaque(String message) {
        return (message != null && message.startsWith("INTERNAL_ERROR for ")) ? message : "Internal error.";
    }

}
