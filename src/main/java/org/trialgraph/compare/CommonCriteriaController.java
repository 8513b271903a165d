package org.trialgraph.compare;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Cursors;

/** Answers {@code commonCriteria}: what the trials of a condition or MeSH subtree most often require. */
@Controller
class CommonCriteriaController {

    private final CommonCriteriaRepository repository;

    CommonCriteriaController(CommonCriteriaRepository repository) {
        this.repository = repository;
    }

    @QueryMapping
    CommonCriteria commonCriteria(@Argument String condition, @Argument String meshId, @Argument String kind,
            @Argument Integer first) {
        if ((condition == null) == (meshId == null)) {
            throw new IllegalArgumentException("give exactly one of condition and meshId");
        }
        if (condition != null && condition.isBlank()) {
            throw new IllegalArgumentException("condition must not be blank");
        }
        if (meshId != null && meshId.isBlank()) {
            throw new IllegalArgumentException("meshId must not be blank");
        }
        int size = Cursors.pageSize(first);
        return condition != null ? repository.ofCondition(condition, kind, size) : repository.ofMeshTerm(meshId, kind, size);
    }
}
