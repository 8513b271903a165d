package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Answers are kept until the next write; one computed across a write, or no answer (null), is not kept. */
class AnswersUntilWrittenTest {

    private final AnswersUntilWritten<String, String> answers = new AnswersUntilWritten<>(10);
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void anAnswerIsKeptUntilTheNextWrite() {
        assertThat(answers.get("q", this::compute)).isEqualTo("answer 1");
        assertThat(answers.get("q", this::compute)).isEqualTo("answer 1");
        answers.written();
        assertThat(answers.get("q", this::compute)).isEqualTo("answer 2");
    }

    @Test
    void anAnswerComputedWhileAWriteWasPublishedIsNotKept() {
        long before = answers.generation();
        answers.written();
        answers.keep("q", "stale", before);
        assertThat(answers.get("q")).isNull();
    }

    @Test
    void noAnswerIsNotKept() {
        assertThat(answers.get("q", () -> null)).isNull();
        assertThat(answers.get("q", this::compute)).isEqualTo("answer 1");
    }

    private String compute() {
        return "answer " + computed.incrementAndGet();
    }
}
