package dev.erpgraph.documents;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentCacheTests {

    private final ParsedDocumentCache cache = new ParsedDocumentCache(2);

    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void aDocumentIsParsedOnceWhateverItsVariables() {
        PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ a }", 1), this::parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ a }", 2), this::parse).join();

        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void aDocumentWithErrorsIsParsedEveryTimeAndNotKept() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(cache.getDocumentAsync(input("{ broken", attempt), this::parse).join().hasErrors()).isTrue();
        }
        assertThat(parses).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 10; i++) {
            cache.getDocumentAsync(input("{ a" + i + " }", 0), this::parse).join();
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    private PreparsedDocumentEntry parse(ExecutionInput input) {
        parses.incrementAndGet();
        if (input.getQuery().contains("broken")) {
            GraphQLError error = GraphqlErrorBuilder.newError().message("syntax").build();
            return new PreparsedDocumentEntry(error);
        }
        Document document = Parser.parse(input.getQuery());
        return new PreparsedDocumentEntry(document);
    }

    private static ExecutionInput input(String query, int variable) {
        return ExecutionInput.newExecutionInput(query).variables(Map.of("n", variable)).build();
    }

}
