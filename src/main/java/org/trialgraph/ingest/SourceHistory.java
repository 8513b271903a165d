package org.trialgraph.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of a trial's {@code sourceHistory}: a version of its record that was imported (format, location,
 * last update, snapshot, content hash), as a small JSON object so that any location text survives. The same
 * record read again from the same place gives the same entry, so re-imports do not grow the list.
 */
final class SourceHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SourceHistory() {
    }

    static String entry(StudyRecord study) {
        Map<String, Object> entry = new LinkedHashMap<>();
        var provenance = study.provenance();
        entry.put("format", provenance.format());
        entry.put("location", provenance.location());
        entry.put("lastUpdated", study.status().lastUpdated() == null ? null : study.status().lastUpdated().text());
        entry.put("version", provenance.versionHolder());
        entry.put("contentHash", provenance.contentHash());
        return JSON.writeValueAsString(entry);
    }
}
