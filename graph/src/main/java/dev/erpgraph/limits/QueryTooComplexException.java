package dev.erpgraph.limits;

import java.util.Map;

import graphql.execution.AbortExecutionException;

/**
 * A query refused before it ran, answered with
 * {@code extensions.code = QUERY_TOO_COMPLEX}.
 */
class QueryTooComplexException extends AbortExecutionException {

    QueryTooComplexException(String message) {
        super(message);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", "QUERY_TOO_COMPLEX");
    }

}
