package org.trialgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

/** The operators of Neo4j's plan for a statement (EXPLAIN: planned, not run), for tests that check plans, not timings. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** Every operator of the plan of {@code cypher}, depth first. */
    public static List<String> operators(Driver driver, String cypher, Map<String, Object> parameters) {
        Plan plan = driver.executableQuery("EXPLAIN " + cypher).withParameters(parameters).execute().summary().plan();
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
