package org.trialgraph.observability;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot applies every ObservationPredicate bean to the observation registry. */
@Configuration(proxyBeanMethods = false)
class DataFetcherObservationsConfiguration {

    @Bean
    ObservationPredicate dataFetcherObservations(
            @Value("${trialgraph.observability.nested-data-fetchers:false}") boolean nested) {
        return new DataFetcherObservations(nested);
    }
}
