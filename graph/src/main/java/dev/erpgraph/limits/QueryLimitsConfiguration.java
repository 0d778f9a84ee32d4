package dev.erpgraph.limits;

import java.util.List;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
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
 * called). The complexity of a field that pages is its children's times {@code first}, so
 * {@code accounts(first: 100)} with orders costs what it will really cost the ERPs; a
 * federation gateway's {@code _entities} counts its children once per representation.
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
        FieldComplexityCalculator pagedCost = (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int times = first instanceof Integer count && count > 0 ? count : 1;
            // A gateway's _entities resolves its selection once per representation.
            if (environment.getArguments().get("representations") instanceof List<?> representations) {
                times = Math.max(1, representations.size());
            }
            return 1 + childComplexity * times;
        };
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pagedCost) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new QueryTooComplexException("The query's cost is " + complexity + "; at most " + maxComplexity
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
