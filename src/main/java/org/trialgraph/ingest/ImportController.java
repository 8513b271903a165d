package org.trialgraph.ingest;

import java.nio.file.Path;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Operator mutations that import and delete studies. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ImportController {

    private final StudyImporter importer;

    ImportController(StudyImporter importer) {
        this.importer = importer;
    }

    @MutationMapping
    ImportSummary importStudies(@Argument String json) {
        return importer.importText("mutation", json);
    }

    @MutationMapping
    ImportSummary importFiles(@Argument List<String> paths) {
        return importer.importPaths(paths.stream().map(Path::of).toList(), ImportProgress.NONE);
    }

    @MutationMapping
    List<String> deleteTrials(@Argument List<String> nctIds) {
        if (nctIds.size() > MAX_DELETE) {
            throw new IllegalArgumentException("nctIds takes at most " + MAX_DELETE + " ids per call, got " + nctIds.size());
        }
        return importer.deleteTrials(nctIds);
    }

    private static final int MAX_DELETE = 10_000;
}
