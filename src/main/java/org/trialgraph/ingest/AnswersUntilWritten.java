package org.trialgraph.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers derived from the graph, kept by their arguments until the next write. Made by {@link KeptAnswers}, which
 * calls {@link #written()} at every {@link GraphWritten}. An answer computed while a write was published is never kept: the
 * caller takes the {@link #generation()} before computing and {@link #keep} stores only if it is still current, so
 * a stale answer cannot outlive the write that made it stale. With several services writing to one external
 * database each sees only its own writes: such deployments set the size to 0 (nothing kept).
 */
public final class AnswersUntilWritten<K, V> {

    private final Cache<K, V> answers;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;

    AnswersUntilWritten(int maxSize) {
        this.enabled = maxSize > 0;
        this.answers = Caffeine.newBuilder().maximumSize(Math.max(maxSize, 0)).build();
    }

    /** The answer kept for these arguments, or null. */
    public V get(K key) {
        return enabled ? answers.getIfPresent(key) : null;
    }

    /** Read before computing an answer; pass to {@link #keep}. */
    public long generation() {
        return generation.get();
    }

    /**
     * The answer kept for these arguments, or the one computed now, kept unless a write was published meanwhile (or
     * it is null: no answer).
     */
    public V get(K key, Supplier<V> compute) {
        V kept = get(key);
        if (kept != null) {
            return kept;
        }
        long computedAt = generation();
        V answer = compute.get();
        keep(key, answer, computedAt);
        return answer;
    }

    /** Keeps the answer unless it is null or a write was published since {@code computedAt} was read. */
    public synchronized void keep(K key, V answer, long computedAt) {
        if (enabled && answer != null && computedAt == generation.get()) {
            answers.put(key, answer);
        }
    }

    /** The graph changed: nothing kept so far is answered again. */
    synchronized void written() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }
}
