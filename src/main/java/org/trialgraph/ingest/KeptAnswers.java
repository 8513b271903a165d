package org.trialgraph.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link AnswersUntilWritten} of every capability (search totals, criteria search totals, trial
 * statistics) and forgets their answers at every {@link GraphWritten}, so that no owner has to forward the event.
 */
@Component
public class KeptAnswers {

    /** How many answers each keeps unless its size property says otherwise. */
    private static final int DEFAULT_SIZE = 1000;

    private final List<AnswersUntilWritten<?, ?>> made = new CopyOnWriteArrayList<>();
    private final Environment environment;

    KeptAnswers(Environment environment) {
        this.environment = environment;
    }

    /**
     * Answers kept by their arguments until the next write, at most as many as the property {@code sizeProperty}
     * says (1000 when unset; 0 keeps none).
     */
    public <K, V> AnswersUntilWritten<K, V> untilWritten(String sizeProperty) {
        AnswersUntilWritten<K, V> answers = new AnswersUntilWritten<>(
                environment.getProperty(sizeProperty, Integer.class, DEFAULT_SIZE));
        made.add(answers);
        return answers;
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        made.forEach(AnswersUntilWritten::written);
    }
}
