package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Opt-in runner for {@link CriteriaBenchmark} (prints numbers; no timing assertion). */
@EnabledIfSystemProperty(named = "trialgraph.benchmark", matches = "true")
class CriteriaBenchmarkRunner {

    @Test
    void runsOverAllApiV2Records() throws Exception {
        Path data = Path.of(System.getProperty("trialgraph.shared-data", "../shared/data"));
        assertThat(Files.isDirectory(data.resolve("ctgov-v2"))).as("shared data at %s", data).isTrue();
        CriteriaBenchmark.Result r = CriteriaBenchmark.run(data);
        System.out.println("BENCHMARK " + CriteriaBenchmark.format(r));
        assertThat(r.criteria()).isPositive();
    }
}
