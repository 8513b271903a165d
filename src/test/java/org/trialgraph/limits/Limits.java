package org.trialgraph.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactories;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Test helpers: the default limits as Spring binds them, and the real schema with counting data fetchers. */
final class Limits {

    private Limits() {
    }

    static QueryLimits defaults() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("trialgraph.graphql.limits", QueryLimits.class);
    }

    /** schema.graphqls where every field's fetcher only counts that it ran and returns nothing. */
    static GraphQLSchema schema(AtomicInteger fetches) {
        DataFetcher<Object> counting = env -> {
            fetches.incrementAndGet();
            return null;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                        .defaultDataFetcher(DataFetcherFactories.useDataFetcher(counting)))
                .build();
        try {
            return new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"))), wiring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema executed with the application's two limit instrumentations. */
    static GraphQL graphQl(GraphQLSchema schema, QueryLimits limits) {
        return GraphQL.newGraphQL(schema).instrumentation(new ChainedInstrumentation(
                new QueryLimitsInstrumentation(limits), new QueryTimeoutInstrumentation(limits.timeout()))).build();
    }
}
