package org.trialgraph.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import org.trialgraph.compare.EligibilityComparison.CriterionStatement;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.Trial;

/** Loads the trials to compare and every criterion they state, for all of them at once (index seeks by NCT id). */
@Repository
class CompareRepository {

    static final String TRIALS = "UNWIND $ids AS id MATCH (t:Trial {nctId: id}) RETURN t";

    static final String STATEMENTS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            RETURN id, r.kind AS kind, r.section AS section, coalesce(r.text, c.text) AS statedText,
                   %s AS criterion
            ORDER BY id, r.sectionIndex, r.position
            """.formatted(Criterion.PROJECTION);

    private final AutoCommitReads reads;

    CompareRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    /** The stored trials among these ids, by NCT id. */
    Map<String, Trial> trials(Collection<String> nctIds) {
        Map<String, Trial> trials = new LinkedHashMap<>();
        reads.read(TRIALS, Map.of("ids", List.copyOf(nctIds)))
                .forEach(r -> {
                    Trial trial = Trial.from(r.get("t"));
                    trials.put(trial.nctId(), trial);
                });
        return trials;
    }

    /** Every criterion the trials state, trial by trial in the order written. */
    List<CriterionStatement> statements(Map<String, Trial> trials) {
        List<CriterionStatement> statements = new ArrayList<>();
        reads.read(STATEMENTS, Map.of("ids", List.copyOf(trials.keySet())))
                .forEach(r -> statements.add(new CriterionStatement(trials.get(r.get("id").asString()),
                        Criterion.from(r.get("criterion")), r.get("kind").asString(), r.get("section").asString(""),
                        r.get("statedText").asString())));
        return statements;
    }
}
