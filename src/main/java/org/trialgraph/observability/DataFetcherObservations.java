package org.trialgraph.observability;

import graphql.schema.DataFetchingEnvironment;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Which data fetchers get a {@code graphql.datafetcher} observation: by default only the fields of the operation's
 * root type ({@code Query.trial}, {@code Query.trials}, mutations), where a request's database work starts. A
 * nested field (a trial's sponsors, conditions, eligibility ...) is answered from a DataLoader primed by the
 * root field's query, or by a batch load that has its own {@code graphql.dataloader} observation; timing each
 * of them once per parent object cost about a fifth of the request thread's CPU for a trial's detail
 * (docs/BENCHMARKS.md, "Trial detail: CPU per request"). {@code trialgraph.observability.nested-data-fetchers=true}
 * observes them all again, as Spring for GraphQL does by default.
 */
final class DataFetcherObservations implements ObservationPredicate {

    private final boolean nested;

    DataFetcherObservations(boolean nested) {
        this.nested = nested;
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof DataFetcherObservationContext fetcher) || observes(fetcher.getEnvironment());
    }

    /** Whether the fetcher of this field is observed. */
    boolean observes(DataFetchingEnvironment environment) {
        return nested || environment.getExecutionStepInfo().getPath().getLevel() == 1;
    }
}
