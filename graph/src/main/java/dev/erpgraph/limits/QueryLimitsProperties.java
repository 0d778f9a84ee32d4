package dev.erpgraph.limits;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one GraphQL request may ask for, refused before it runs (and so before any ERP is
 * called) with a clear {@code QUERY_TOO_COMPLEX} error. ERP requests are batched per
 * dispatch, so what grows with a document is the response the server must complete: the
 * cost ({@link QueryCost}) estimates its number of fields.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity highest estimated cost, in response fields
 * @param maxDocumentLength characters in the query document
 * @param listSizes typical items of a list the client cannot size with {@code first}, by
 * {@code Type.field}; per key for a field that takes a list of keys
 * @param defaultListSize typical items of any other such list
 */
@Validated
@ConfigurationProperties("graph.limits")
public record QueryLimitsProperties(@DefaultValue("15") @Positive int maxDepth,
        @DefaultValue("200000") @Positive int maxComplexity, @DefaultValue("20000") @Positive int maxDocumentLength,
        @NotNull Map<String, @NotNull @Positive Integer> listSizes, @DefaultValue("10") @Positive int defaultListSize) {

    public QueryLimitsProperties {
        listSizes = (listSizes != null) ? Map.copyOf(listSizes) : Map.of();
    }

}
