package org.trialgraph.trial;

import java.util.List;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A search result's edge carries its relevance and matched fields; the edges of other trial lists have none. */
@Controller
class TrialEdgeController {

    @SchemaMapping(typeName = "TrialEdge", field = "score")
    Double score(Object edge) {
        return edge instanceof TrialSearchHit.Edge hit ? hit.score() : null;
    }

    @SchemaMapping(typeName = "TrialEdge", field = "matchedFields")
    List<String> matchedFields(Object edge) {
        return edge instanceof TrialSearchHit.Edge hit ? hit.matchedFields() : null;
    }
}
