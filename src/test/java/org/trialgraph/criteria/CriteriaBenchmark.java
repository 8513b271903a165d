package org.trialgraph.criteria;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the engine over every API v2 record under the shared data folder and prints corpus statistics and
 * throughput: wall time and, as the machine is shared, the CPU time of the measuring thread (criteria per CPU-second,
 * CPU milliseconds per study). The JIT is warmed on a separate engine, so the measured engine starts with empty
 * caches; repeated criteria within the corpus still hit them, as in a real import. Not a test: run it with
 * {@code ./mvnw -q -B test -Dtest=CriteriaBenchmarkRunner -Dtrialgraph.benchmark=true} or as a main class with the
 * data folder as argument.
 */
public final class CriteriaBenchmark {

    record Study(String nctId, String eligibility) {
    }

    record Result(int studies, int criteria, int distinctKeys, int keysSharedByTwoOrMoreTrials, int constraints,
                  int criteriaWithConstraints, Map<Concept, Integer> constraintsByConcept, double criteriaPerSecond,
                  double criteriaPerCpuSecond, double cpuMillisPerStudy) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("trialgraph.shared-data", "../shared/data"));
        Result r = run(data);
        System.out.println(format(r));
    }

    static String format(Result r) {
        return String.format("studies=%d criteria=%d distinctKeys=%d keysSharedBy2+Trials=%d constraints=%d "
                        + "criteriaWithConstraints=%d criteria/second=%.0f criteria/cpu-second=%.0f cpu-ms/study=%.3f"
                        + "%nby concept: %s", r.studies(), r.criteria(),
                r.distinctKeys(), r.keysSharedByTwoOrMoreTrials(), r.constraints(), r.criteriaWithConstraints(),
                r.criteriaPerSecond(), r.criteriaPerCpuSecond(), r.cpuMillisPerStudy(), r.constraintsByConcept());
    }

    static Result run(Path data) throws IOException {
        List<Study> studies = load(data.resolve("ctgov-v2"));
        EligibilityEngine warmUp = new EligibilityEngine();
        for (int round = 0; round < 2; round++) {
            for (Study s : studies) {
                warmUp.parse(s.eligibility()); // JIT warm-up on another engine, so the measured one starts cold
            }
        }
        EligibilityEngine engine = new EligibilityEngine();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<ParsedEligibility> parsed = new ArrayList<>(studies.size());
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (Study s : studies) {
            parsed.add(engine.parse(s.eligibility()));
        }
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Set<String>> trialsByKey = new HashMap<>();
        Map<Concept, Integer> byConcept = new EnumMap<>(Concept.class);
        int criteria = 0;
        int constraints = 0;
        int withConstraints = 0;
        for (int i = 0; i < studies.size(); i++) {
            for (ParsedCriterion c : parsed.get(i).allCriteria()) {
                criteria++;
                String nctId = studies.get(i).nctId();
                trialsByKey.computeIfAbsent(c.key(), k -> new HashSet<>()).add(nctId);
                constraints += c.constraints().size();
                withConstraints += c.constraints().isEmpty() ? 0 : 1;
                c.constraints().forEach(k -> byConcept.merge(k.concept(), 1, Integer::sum));
            }
        }
        int shared = (int) trialsByKey.values().stream().filter(t -> t.size() >= 2).count();
        return new Result(studies.size(), criteria, trialsByKey.size(), shared, constraints, withConstraints, byConcept,
                criteria / seconds, criteria / (cpuNanos / 1e9), cpuNanos / 1e6 / studies.size());
    }

    /** One entry per distinct NCT id (the last file read wins). */
    static List<Study> load(Path v2) throws IOException {
        Map<String, Study> byId = new LinkedHashMap<>();
        forEachEligibilityText(v2, (id, text) -> byId.put(id, new Study(id, text)));
        return new ArrayList<>(byId.values());
    }

    /** Each API v2 record's NCT id and eligibility text (records lacking either skipped), files in path order. */
    static void forEachEligibilityText(Path v2, BiConsumer<String, String> consumer) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(v2)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode root = mapper.readTree(f.toFile());
            List<JsonNode> records = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(records::add);
            } else {
                records.add(root);
            }
            for (JsonNode rec : records) {
                JsonNode ps = rec.path("protocolSection");
                String id = ps.path("identificationModule").path("nctId").asString("");
                String text = ps.path("eligibilityModule").path("eligibilityCriteria").asString("");
                if (!id.isEmpty() && !text.isEmpty()) {
                    consumer.accept(id, text);
                }
            }
        }
    }
}
