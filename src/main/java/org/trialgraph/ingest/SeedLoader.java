package org.trialgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the seed studies that ship with the application into an empty graph on start-up. It runs before the
 * application reports ready, so nobody queries an empty graph by accident.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "trialgraph.seed.enabled", matchIfMissing = true)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private static final String COUNT_TRIALS = "MATCH (t:Trial) RETURN count(t) AS trials";

    private final Driver driver;
    private final StudyImporter importer;
    private final String seeds;

    SeedLoader(Driver driver, StudyImporter importer, @Value("${trialgraph.seed.location:classpath*:seeds/*}") String seeds) {
        this.driver = driver;
        this.importer = importer;
        this.seeds = seeds;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long trials = driver.executableQuery(COUNT_TRIALS).execute().records().get(0).get("trials").asLong();
        if (trials > 0) {
            log.info("Graph holds {} trials; seeds not loaded", trials);
            return;
        }
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(seeds);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        for (Resource resource : resources) {
            String name = resource.getFilename();
            if (name == null || !(name.endsWith(".json") || name.endsWith(".jsonl"))) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                ImportSummary summary = importer.importStream("seeds/" + name, name, in);
                log.info("Seeded from {}: {}", name, summary.describe());
                summary.rejected().forEach(r -> log.warn("Seed record rejected: {}", r));
            }
        }
    }
}
