package org.trialgraph.stats;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers {@code graphStats}. */
@Controller
class GraphStatsController {

    private final GraphStatsRepository repository;

    GraphStatsController(GraphStatsRepository repository) {
        this.repository = repository;
    }

    @QueryMapping
    GraphStats graphStats() {
        return repository.graphStats();
    }
}
