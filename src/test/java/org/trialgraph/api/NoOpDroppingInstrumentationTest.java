package org.trialgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** The chain leaves out contexts that do nothing and still calls every one that does. */
class NoOpDroppingInstrumentationTest {

    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { trial: Trial } type Trial { nctId: String tags: [String] }"),
            RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("trial",
                    env -> Map.of("nctId", "NCT00000001", "tags", List.of("a", "b")))).build());

    /** Records the path of every field whose execution completed. */
    private static final class FieldRecorder extends SimplePerformantInstrumentation {
        final List<String> completed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                InstrumentationState state) {
            String path = parameters.getExecutionStepInfo().getPath().toString();
            return SimpleInstrumentationContext.whenCompleted((value, error) -> completed.add(path));
        }
    }

    @Test
    void everyFieldReachesTheInstrumentationThatDoesSomethingAndTheAnswerIsTheSame() {
        FieldRecorder plain = new FieldRecorder();
        FieldRecorder dropping = new FieldRecorder();
        ExecutionResult expected = run(new graphql.execution.instrumentation.ChainedInstrumentation(
                List.of(new SimplePerformantInstrumentation(), plain, new SimplePerformantInstrumentation())));
        ExecutionResult actual = run(new NoOpDroppingInstrumentation(
                List.of(new SimplePerformantInstrumentation(), dropping, new SimplePerformantInstrumentation())));

        assertThat(actual.toSpecification()).isEqualTo(expected.toSpecification());
        assertThat(dropping.completed).containsExactlyInAnyOrderElementsOf(plain.completed)
                .contains("/trial", "/trial/nctId", "/trial/tags");
    }

    @Test
    void theNoOpContextsAreLeftOutOfTheChain() {
        FieldRecorder recorder = new FieldRecorder();
        NoOpDroppingInstrumentation chain = new NoOpDroppingInstrumentation(
                List.of(new SimplePerformantInstrumentation(), recorder, new SimplePerformantInstrumentation()));
        InstrumentationState state = chain.createStateAsync(new InstrumentationCreateStateParameters(schema,
                ExecutionInput.newExecutionInput("{ trial { nctId } }").build())).join();

        List<Object> contexts = chain.chainedMapAndDropNulls(state,
                (instrumentation, own) -> instrumentation instanceof FieldRecorder ? "recorder's context"
                        : SimpleInstrumentationContext.noOp());
        List<Object> none = chain.chainedMapAndDropNulls(state, (instrumentation, own) -> SimpleInstrumentationContext.noOp());

        assertThat(contexts).containsExactly("recorder's context");
        assertThat(none).isEmpty();
    }

    private ExecutionResult run(Instrumentation instrumentation) {
        return GraphQL.newGraphQL(schema).instrumentation(instrumentation).build().execute("{ trial { nctId tags } }");
    }
}
