package org.trialgraph.compare;

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
 * The package's queries stay bounded on a registry-sized graph: Neo4j's own plans start from unique-index seeks
 * and never scan all trials (or all nodes of any label). Plans, not timings.
 */
@TrialGraphTest
class CompareQueryPlansTest {

    @Autowired
    Driver driver;

    @Test
    void compareEligibilitySeeksTheTrialsByIndex() {
        Map<String, Object> ids = Map.of("ids", List.of("NCT07476027", "NCT05731219"));
        assertSeeksWithoutScans(CompareRepository.TRIALS, ids);
        assertSeeksWithoutScans(CompareRepository.STATEMENTS, ids);
    }

    @Test
    void commonCriteriaStartsFromTheConditionOrMeshTermIndex() {
        Map<String, Object> params = new HashMap<>();
        params.put("key", "asthma");
        params.put("kind", null);
        params.put("first", 20);
        assertSeeksWithoutScans(CommonCriteriaRepository.BY_CONDITION, params);
        params.put("key", "D000008175");
        params.put("kind", "INCLUSION");
        assertSeeksWithoutScans(CommonCriteriaRepository.BY_MESH, params);
    }

    @Test
    void commonCriteriaDetailsOfTheIndexsCountsSeekTheNodesById() {
        Map<String, Object> params = new HashMap<>();
        params.put("criteria", List.of(Map.of("node", 1L, "trials", 3)));
        params.put("constraints", List.of(Map.of("node", 2L, "trials", 3)));
        params.put("first", 20);
        params.put("total", 5);
        List<String> operators = QueryPlans.operators(driver, CommonCriteriaRepository.DETAILS, params);
        assertThat(operators).as("plan of the details query")
                .anySatisfy(op -> assertThat(op).startsWith("NodeByIdSeek"))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("AllNodesScan", "NodeByLabelScan", "IndexScan",
                        "RelationshipTypeScan"));
    }

    private void assertSeeksWithoutScans(String cypher, Map<String, Object> params) {
        List<String> operators = QueryPlans.operators(driver, cypher, params);
        assertThat(operators).as("plan of %s", cypher)
                .anySatisfy(op -> assertThat(op).startsWith("NodeUniqueIndexSeek"))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("AllNodesScan", "NodeByLabelScan", "IndexScan",
                        "RelationshipTypeScan"));
    }
}
