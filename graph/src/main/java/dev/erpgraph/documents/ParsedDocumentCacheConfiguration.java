package dev.erpgraph.documents;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link ParsedDocumentCache} in front of graphql-java's parser and validator.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCacheConfiguration {

    /** Far more distinct documents than a product's clients send; a few MB at most. */
    private static final long MAX_DOCUMENTS = 1_000;

    @Bean
    ParsedDocumentCache parsedDocumentCache() {
        return new ParsedDocumentCache(MAX_DOCUMENTS);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer(ParsedDocumentCache cache) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

}
