package org.trialgraph.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents by their text, so that a client sending the same query again (every
 * dashboard and app does, with other variables) skips parsing and validation: for a trial's detail page that was
 * about a tenth of the server's CPU per request (docs/BENCHMARKS.md, "List and stats queries: CPU per request").
 * Only documents without errors are kept; validation depends on the document and the schema alone. The limits
 * checked before validation (tokens, expanded fields) depend on the document alone too, so a kept document has
 * passed them; the limits checked before execution (page sizes, depth, complexity) are checked on every request,
 * from a cost kept per document and variable values (limits.QueryCosts).
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    /** At most {@code maxCharacters} of query text kept (the parsed form takes several times that in memory). */
    ParsedDocuments(long maxCharacters) {
        this.documents = Caffeine.newBuilder().maximumWeight(maxCharacters)
                .weigher((String query, PreparsedDocumentEntry entry) -> query.length()).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry kept = documents.getIfPresent(input.getQuery());
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
