package org.trialgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTest {

    private final AtomicInteger parsed = new AtomicInteger();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void theSameQueryWithOtherVariablesIsParsedOnce() throws Exception {
        ParsedDocuments documents = new ParsedDocuments(10_000);
        String query = "query q($id: ID!) { trial(nctId: $id) { nctId } }";
        PreparsedDocumentEntry first = documents.getDocumentAsync(input(query, "NCT1"), parse).get();
        PreparsedDocumentEntry second = documents.getDocumentAsync(input(query, "NCT2"), parse).get();
        assertThat(parsed).hasValue(1);
        assertThat(second).isSameAs(first);
        documents.getDocumentAsync(input("{ trials { totalCount } }", null), parse).get();
        assertThat(parsed).hasValue(2);
    }

    @Test
    void aDocumentWithErrorsIsParsedAndValidatedAgainEachTime() throws Exception {
        ParsedDocuments documents = new ParsedDocuments(10_000);
        Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
            parsed.incrementAndGet();
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("no such field").build());
        };
        documents.getDocumentAsync(input("{ nope }", null), invalid).get();
        PreparsedDocumentEntry again = documents.getDocumentAsync(input("{ nope }", null), invalid).get();
        assertThat(parsed).hasValue(2);
        assertThat(again.hasErrors()).isTrue();
    }

    private static ExecutionInput input(String query, String id) {
        return ExecutionInput.newExecutionInput(query).variables(id == null ? java.util.Map.of() : java.util.Map.of("id", id)).build();
    }
}
