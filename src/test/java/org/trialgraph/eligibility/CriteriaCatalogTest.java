package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.neo4j.AutoCommitReads;

/**
 * Pages of every criterion, read by count and key index ({@link CriteriaCatalog}), against one statement sorting all
 * criteria by trial count and key, on the 2,519 real records: from the first page to the last, and from cursors
 * anywhere (inside the crowded counts most of all), with walks long enough for every count and walks so short that
 * most counts are sorted instead.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CriteriaCatalogTest {

    private static final String ALL_IN_ORDER = """
            MATCH (c:Criterion) WHERE c.trialCount IS NOT NULL
            RETURN c.key AS key, c.trialCount AS trialCount
            ORDER BY c.trialCount DESC, c.key
            """;

    @Autowired
    StudyImporter importer;

    @Autowired
    AutoCommitReads reads;

    @Autowired
    Driver driver;

    List<String> inOrder;
    List<Long> counts;

    @BeforeAll
    void importApiV2Records() {
        SharedData.importApiV2(importer);
        var records = driver.executableQuery(ALL_IN_ORDER).execute().records();
        inOrder = records.stream().map(r -> r.get("key").asString()).toList();
        counts = records.stream().map(r -> r.get("trialCount").asLong()).toList();
        assertThat(counts.stream().filter(n -> n <= CriteriaCatalog.CROWDED).count())
                .as("criteria in the crowded counts").isGreaterThan(10_000);
        assertThat(counts.stream().filter(n -> n > CriteriaCatalog.CROWDED).count())
                .as("criteria above them").isGreaterThan(100);
    }

    @Test
    void everyPageFromTheFirstToTheLastIsTheSortedList() {
        for (int scan : List.of(CriteriaCatalog.SCAN, 40)) {
            CriteriaCatalog catalog = new CriteriaCatalog(reads, scan);
            List<String> paged = new java.util.ArrayList<>();
            Long afterCount = null;
            String afterKey = null;
            while (true) {
                List<Criterion> page = catalog.page(afterCount, afterKey, 500);
                page.forEach(c -> paged.add(c.key()));
                if (page.size() < 500 || paged.size() > inOrder.size()) { // the second: pages repeating
                    break;
                }
                Criterion last = page.get(page.size() - 1);
                afterCount = last.trialCount();
                afterKey = last.key();
            }
            assertThat(paged).as("walking at most %d keys", scan).isEqualTo(inOrder);
        }
    }

    @Test
    void aPageAfterAnyCursorIsTheNextOfTheSortedList() {
        Random random = new Random(17);
        int compared = 0;
        for (int scan : List.of(CriteriaCatalog.SCAN, 40, 3)) {
            CriteriaCatalog catalog = new CriteriaCatalog(reads, scan);
            for (int i = 0; i < 150; i++) {
                int at = random.nextInt(inOrder.size());
                int limit = List.of(1, 21, 101).get(random.nextInt(3));
                List<String> page = catalog.page(counts.get(at), inOrder.get(at), limit).stream()
                        .map(Criterion::key).toList();
                assertThat(page).as("%d after %s (count %d), walking at most %d keys", limit, inOrder.get(at),
                        counts.get(at), scan)
                        .isEqualTo(inOrder.subList(at + 1, Math.min(inOrder.size(), at + 1 + limit)));
                compared += page.size();
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }
}
