package dev.erpgraph.limits;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Refuses deep, costly or huge queries before any resolver runs (and so before any ERP is
 * called). The cost is {@link QueryCost}'s estimate of the fields the answer would hold.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfiguration {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new QueryTooComplexException(
                        "The query is " + depth + " levels deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), new QueryCost(limits)) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                // "At least": each field's cost is capped just above the limit
                // (QueryCost).
                return new QueryTooComplexException(
                        "The query's cost is at least " + complexity + " (the fields its answer would hold,"
                                + " lists counted at their first or typical size); at most " + maxComplexity
                                + " is allowed. Ask for fewer items per page or fewer fields.");
            }
        };
    }

    /** Refuses an oversized document before it is even parsed. */
    @Bean
    WebGraphQlInterceptor documentLengthLimit(QueryLimitsProperties limits) {
        return (request, chain) -> {
            if (request.getDocument().length() > limits.maxDocumentLength()) {
                QueryTooComplexException tooLong = new QueryTooComplexException(
                        "The query document has " + request.getDocument().length() + " characters; at most "
                                + limits.maxDocumentLength() + " are allowed.");
                ExecutionResult refused = ExecutionResult.newExecutionResult().addError(tooLong).build();
                return Mono.just(new WebGraphQlResponse(
                        new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
            }
            return chain.next(request);
        };
    }

}
