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
 * A page of {@code criteria} without a search stays bounded on a registry-sized graph ({@link CriteriaCatalog}): above
 * the crowded counts Neo4j's plan walks the {@code criterion_trial_count} index in the page's order and stops after
 * the page; within a crowded count it walks the key index in order and stops after the walk, and a sparse count is
 * sought by its value; never reading or sorting every criterion. Plans, not timings.
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

    @Test
    void aPageOfACrowdedCountWalksTheKeyIndexInOrderAndStops() {
        for (String cypher : List.of(CriteriaCatalog.DENSE, CriteriaCatalog.WALK)) {
            List<String> operators = QueryPlans.operators(driver, cypher,
                    Map.of("afterKey", "age>=18 years", "scan", 20_000, "count", 1L, "limit", 21));
            assertThat(operators).as("plan of %s", cypher)
                    .anySatisfy(op -> assertThat(op).contains("IndexSeekByRange"))
                    .anySatisfy(op -> assertThat(op).startsWith("Limit"))
                    .noneSatisfy(op -> assertThat(op).containsAnyOf("Sort", "Top", "AllNodesScan", "NodeByLabelScan"));
        }
    }

    @Test
    void aPageOfASparseCountSeeksItsValue() {
        List<String> operators = QueryPlans.operators(driver, CriteriaCatalog.SPARSE,
                Map.of("afterKey", "age>=18 years", "count", 2L, "limit", 21));
        assertThat(operators).as("plan of %s", CriteriaCatalog.SPARSE)
                .anySatisfy(op -> assertThat(op).matches("NodeIndexSeek(@.*)?"))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("ByRange", "AllNodesScan", "NodeByLabelScan"));
    }

    private static Map<String, Object> page(Long afterCount, String afterKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("crowded", CriteriaCatalog.CROWDED);
        params.put("afterCount", afterCount);
        params.put("afterKey", afterKey);
        params.put("limit", 21);
        return params;
    }

    private void assertReadsTheIndexInOrder(Map<String, Object> params) {
        String cypher = CriteriaCatalog.UNCROWDED;
        List<String> operators = QueryPlans.operators(driver, cypher, params);
        assertThat(operators).as("plan of %s", cypher)
                .anySatisfy(op -> assertThat(op).startsWith("NodeIndex"))
                .anySatisfy(op -> assertThat(op).startsWith("PartialTop"))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("AllNodesScan", "NodeByLabelScan"));
    }
}
