package dev.erpgraph.erpfields;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.ErpException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The one place an ERP failure becomes a GraphQL error, as the API contract shows it: on
 * the field's path, with {@code extensions.code} ({@code ERP_UNAVAILABLE},
 * {@code ERP_TIMEOUT}, {@code ERP_BAD_RESPONSE}, {@code ERP_REJECTED}, {@code NOT_FOUND})
 * as its classification too, and {@code extensions.erpSystemId}. Loaders use it for
 * per-key failures, the error resolver for an ERP failure that escaped a data fetcher, so
 * both look the same to a client. The message is written for the client; the exception's
 * own message (which may quote the ERP) stays in the server log.
 */
public final class ErpFieldError {

    private ErpFieldError() {
    }

    public static GraphQLError of(ErpException failure, DataFetchingEnvironment environment) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code(failure.kind()));
        extensions.put("erpSystemId", failure.erpSystemId());
        if (failure.kind() == ErpException.Kind.REJECTED && failure.erpMessage() != null) {
            extensions.put("erpMessage", failure.erpMessage());
        }
        return GraphqlErrorBuilder.newError(environment)
            .errorType(ErrorClassification.errorClassification(code(failure.kind())))
            .message(message(failure))
            .extensions(extensions)
            .build();
    }

    public static String code(ErpException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "ERP_UNAVAILABLE";
            case TIMEOUT -> "ERP_TIMEOUT";
            case BAD_RESPONSE -> "ERP_BAD_RESPONSE";
            case REJECTED -> "ERP_REJECTED";
            case NOT_FOUND -> "NOT_FOUND";
        };
    }

    /**
     * The client-safe message for a failure: it names the ERP system, never quotes its
     * answer.
     */
    static String message(ErpException failure) {
        String erp = "ERP system '" + failure.erpSystemId() + "'";
        return switch (failure.kind()) {
            case UNAVAILABLE -> erp + " is unavailable and no last-known value is held.";
            case TIMEOUT -> erp + " did not answer in time.";
            case BAD_RESPONSE -> erp + " answered something that could not be read.";
            case REJECTED -> erp + " rejected the request.";
            case NOT_FOUND -> erp + " does not know this record.";
        };
    }

}
