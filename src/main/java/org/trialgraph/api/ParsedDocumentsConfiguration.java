package org.trialgraph.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps parsed and validated documents between requests (ParsedDocuments); 0 characters turns it off. */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentsConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments(
            @Value("${trialgraph.graphql.parsed-documents-characters:2000000}") long maxCharacters) {
        return builder -> {
            if (maxCharacters > 0) {
                builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocuments(maxCharacters)));
            }
        };
    }
}
