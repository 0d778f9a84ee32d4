package dev.erpgraph.errors;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription that fails, at its start (bad input, an account not yours) or later,
 * fails as a query would: the same code and message as {@link GraphQlErrorResolver}
 * gives, instead of Spring for GraphQL's bare "Subscription error". The client gets it as
 * graphql-transport-ws's {@code error} message.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger logger = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        for (GraphQlErrorResolver.Mapping<?> mapping : GraphQlErrorResolver.MAPPINGS) {
            if (mapping.type().isInstance(ex)) {
                return mapping.toError(ex, GraphqlErrorBuilder.newError());
            }
        }
        String correlationId = UUID.randomUUID().toString();
        logger.error("Unexpected error in a subscription (correlationId {})", correlationId, ex);
        return GraphqlErrorBuilder.newError()
            .errorType(ErrorCode.INTERNAL)
            .message("Internal error; quote correlationId " + correlationId + " to support.")
            .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "correlationId", correlationId))
            .build();
    }

}
