package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.QueryPlans;
import org.trialgraph.TrialGraphTest;

/**
 * A page of {@code criteria} without a search stays bounded on a registry-sized graph: Neo4j's plan walks the
 * {@code criterion_trial_count} index in the page's order and stops after the page, instead of reading and sorting
 * every criterion. Plans, not timings.
 */
@TrialGraphTest
class CriteriaPagePlanTest {

    @Autowired
    Driver driver;

    @Test
    void firstPageWalksTheTrialCountIndexInOrder() {
        assertReadsTheIndexInOrder(page(null, null));
    }

    @Test
    void laterPageWalksTheTrialCountIndexInOrder() {
        assertReadsTheIndexInOrder(page(3L, "age>=18 years"));
    }

    private static Map<String, Object> page(Long afterCount, String afterKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("afterCount", afterCount);
        params.put("afterKey", afterKey);
        params.put("limit", 21);
        return params;
    }

    private void assertReadsTheIndexInOrder(Map<String, Object> params) {
        String cypher = EligibilityRepository.CRITERIA_PAGE.formatted(CriteriaSearch.of(null).cypher());
        List<String> operators = QueryPlans.operators(driver, cypher, params);
        assertThat(operators).as("plan of %s", cypher)
                .anySatisfy(op -> assertThat(op).startsWith("NodeIndex"))
                .anySatisfy(op -> assertThat(op).startsWith("PartialTop"))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("AllNodesScan", "NodeByLabelScan"));
    }
}
