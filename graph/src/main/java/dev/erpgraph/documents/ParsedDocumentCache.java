package dev.erpgraph.documents;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct query document once. Frontends and partner portals
 * send a handful of documents over and over with different variables; parsing and
 * validating an account-360 document again on every request costs the gateway a few
 * milliseconds before it can start any ERP call.
 *
 * <p>
 * Only documents that parsed and validated are kept: a client that keeps sending broken
 * documents gets the same errors every time and fills nothing. The query limits still
 * apply on every request, because depth and cost are measured at execution, with the
 * request's own variables ({@code first: $n} costs what {@code $n} says). The key is the
 * document text; the cache is bounded, and an evicted document is simply parsed again.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(long maxDocuments) {
        this.documents = Caffeine.newBuilder().maximumSize(maxDocuments).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String document = executionInput.getQuery();
        PreparsedDocumentEntry cached = documents.getIfPresent(document);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(executionInput);
        if (!parsed.hasErrors()) {
            documents.put(document, parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

}
