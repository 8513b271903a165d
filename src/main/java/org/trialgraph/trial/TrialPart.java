package org.trialgraph.trial;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.neo4j.driver.Value;

/**
 * A linked part of a trial (one field of {@code Trial}) that can be read in the same query as the trials of a
 * response and primed into the DataLoader its fetcher loads from, so the fetcher answers from the cache instead
 * of sending a batch query. The trial package has its own (TrialPartsQuery); packages that add Trial fields
 * (eligibility) contribute theirs as beans.
 */
public interface TrialPart {

    /** The Trial field it answers. */
    String field();

    /**
     * How to read the part for the field's selections in this request (several with aliases), or empty when the
     * selections ask for what one read cannot answer (then the field's own batch loader reads it).
     */
    Optional<Read> read(List<Selection> selections);

    /**
     * One selection of the field.
     *
     * @param arguments its arguments as written in the query (variables resolved, defaults not filled in)
     * @param paths     the fields selected below it, as paths of field names: {@code sections},
     *                  {@code sections/criteria}, {@code sections/criteria/text} ...
     */
    record Selection(Map<String, Object> arguments, Set<String> paths) {

        /** Whether any of these selections asks for one of these paths. */
        public static boolean anySelects(List<Selection> selections, String... paths) {
            for (Selection selection : selections) {
                for (String path : paths) {
                    if (selection.paths().contains(path)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * @param subquery   the body of a {@code CALL (t) { ... }} over one trial {@code t}, returning exactly one row
     *                   with one column named as the field
     * @param parameters its parameters, named after the field so that parts never share one
     * @param primer     puts what was read for a trial into the field's DataLoader
     */
    record Read(String subquery, Map<String, Object> parameters, Primer primer) {

        /** A part without parameters whose DataLoader is keyed by the trial (a {@code @BatchMapping} of Trial). */
        public static Read batchMapped(String subquery, String field, Function<Value, ?> value) {
            return new Read(subquery, Map.of(), Primer.of("Trial." + field, trial -> trial, value));
        }
    }

    /** Primes one DataLoader with the value read for one trial. */
    @FunctionalInterface
    interface Primer {

        void prime(DataLoaderRegistry loaders, Trial trial, Value value);

        /** Primes the named loader under the key its fetcher will load. */
        static Primer of(String loader, Function<Trial, ?> key, Function<Value, ?> value) {
            return (loaders, trial, read) -> {
                DataLoader<Object, Object> dataLoader = loaders.getDataLoader(loader);
                if (dataLoader != null) {
                    dataLoader.prime(key.apply(trial), value.apply(read));
                }
            };
        }
    }
}
