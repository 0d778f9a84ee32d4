package dev.erpgraph.limits;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one GraphQL request may ask for. Every ERP-owned field costs ERP calls, so a
 * runaway query must be refused before it runs, with a clear {@code QUERY_TOO_COMPLEX}
 * error.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity total cost: 1 per field, a field's children counted {@code first}
 * times where it pages (an account-360 page of 100 accounts costs about 6,000)
 * @param maxDocumentLength characters in the query document
 */
@Validated
@ConfigurationProperties("graph.limits")
public record QueryLimitsProperties(@DefaultValue("15") @Positive int maxDepth,
        @DefaultValue("20000") @Positive int maxComplexity, @DefaultValue("20000") @Positive int maxDocumentLength) {
}
