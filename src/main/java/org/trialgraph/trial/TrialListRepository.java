package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import org.trialgraph.fulltext.LuceneQueryText;
import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.KeptAnswers;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.TrialOrder.Direction;
import org.trialgraph.trial.TrialOrder.Field;

/**
 * Lists of trials: filtered, sorted and paged with keyset cursors, and full-text search. A page and its total
 * are one query: a list finds the matches once and takes both the count and the page from them; search counts in
 * a second pass over the index.
 */
@Repository
class TrialListRepository {

    // Each list is one query. With the total, the filter runs once: its matches are collected, counted, and the
    // page is the first of them in order (the filter, not the sort, is what costs). Without it, the page alone.
    private static final String PAGE_WITH_TOTAL = """
            CALL () {
              %s  WITH collect(t) AS matched
              CALL (matched) {
                UNWIND matched AS t
                WITH t WHERE %s
                WITH t, [%s] AS sortKeys
                ORDER BY %s
                LIMIT $limit
                RETURN collect({t: %s, sortKeys: sortKeys}) AS rows
              }
              RETURN rows, size(matched) AS total
            }
            RETURN rows, total
            """;

    private static final String PAGE = """
            CALL () {
              %s  WITH t, [%s] AS sortKeys
              ORDER BY %s
              LIMIT $limit
              RETURN collect({t: %s, sortKeys: sortKeys}) AS rows
            }
            RETURN rows, -1 AS total
            """;

    // A page of hits: the page's rows only, with what matchedFields reads when it is selected (MATCHED_PARTS).
    private static final String SEARCH_ROWS = """
                WITH t, score, [%s] AS sortKeys
                ORDER BY %s
                LIMIT $limit
                RETURN collect({t: %s, score: score, sortKeys: sortKeys%s}) AS rows
            """;

    private static final String MATCHED_PARTS = """
            ,
                                conditions: [(t)-[:STUDIES]->(c:Condition) | c.name],
                                interventions: [(t)-[r:TESTS]->(i:Intervention) | coalesce(r.name, i.name)]""";

    /** The node properties matchedFields reads besides the conditions and interventions (see {@link #hit}). */
    private static final List<String> MATCHED_PROPERTIES = List.of("briefTitle", "officialTitle", "acronym",
            "briefSummary", "keywords");

    // Unlike lists, search counts in a second pass over the full-text index: collecting the hits of a broad word
    // (a map per hit) to count them once exceeded the transaction memory at 580k trials (docs/BENCHMARKS.md,
    // "580k"), while count(t) and ORDER BY ... LIMIT hold no more than the page.
    private static final String SEARCH_WITH_TOTAL = """
            CALL () {
              CALL db.index.fulltext.queryNodes('trial_text', $query) YIELD node AS t, score
              WHERE (%s) AND (%s)
            %s}
            CALL () {
              CALL db.index.fulltext.queryNodes('trial_text', $query) YIELD node AS t
              WHERE %s
              RETURN count(t) AS total
            }
            RETURN rows, total
            """;

    private static final String SEARCH = """
            CALL () {
              CALL db.index.fulltext.queryNodes('trial_text', $query) YIELD node AS t, score
              WHERE (%s) AND (%s)
            %s}
            RETURN rows, -1 AS total
            """;

    // The first page of the best hits without a filter: Lucene keeps only the $lucene best (a top-k instead of
    // every hit sorted). Exact when fewer hits exist than asked for, or when the page's last row scores above the
    // lowest score seen: every hit not seen scores at most that (TrialListRepository#topHits checks).
    private static final String SEARCH_TOP = """
            CALL () {
              CALL db.index.fulltext.queryNodes('trial_text', $query, {limit: $lucene}) YIELD node AS t, score
              WITH collect({t: t, score: score}) AS hits, min(score) AS lowest
              CALL (hits) {
                UNWIND hits AS hit
                WITH hit.t AS t, hit.score AS score
            %s}
              RETURN rows, size(hits) AS seen, lowest
            }
            %s
            RETURN rows, seen, lowest, total
            """;

    // The total of the unfiltered hits, counted in the same statement when it is not kept yet.
    private static final String SEARCH_TOP_COUNT = """
            CALL () {
              CALL db.index.fulltext.queryNodes('trial_text', $query) YIELD node AS t
              RETURN count(t) AS total
            }""";

    private static final String SEARCH_TOP_NO_COUNT = "WITH *, -1 AS total";

    // A page the index chose: its trials by NCT id, in the index's order, with the sort keys the Cypher path reads,
    // so both paths give the same cursors.
    private static final String PAGE_BY_IDS = """
            UNWIND range(0, size($ids) - 1) AS i
            MATCH (t:Trial {nctId: $ids[i]})
            WITH i, t, [%s] AS sortKeys
            ORDER BY i
            RETURN collect({t: %s, sortKeys: sortKeys}) AS rows
            """;

    private static final Pattern WORDS = Pattern.compile("\\s+");

    private final AutoCommitReads reads;
    private final ObjectProvider<TrialIndex> index;
    /**
     * Totals of {@code search}, kept by words and filter until the next write: a user paging through the hits of a
     * broad word asks the same total on every page, and counting it walks every hit in the full-text index again
     * (~100k hits of a common word at the registry's size).
     */
    private final AnswersUntilWritten<SearchTotal, Long> searchTotals;

    /** What decides a search total: the escaped Lucene query and the filter. */
    private record SearchTotal(String query, TrialWhere where) {
    }

    TrialListRepository(AutoCommitReads reads, ObjectProvider<TrialIndex> index, KeptAnswers keptAnswers) {
        this.reads = reads;
        this.index = index;
        this.searchTotals = keptAnswers.untilWritten("trialgraph.search.total-cache-size");
    }

    /**
     * A page of trials; {@code totalCount} is -1 unless {@code withTotal}. From the index (package {@code facets})
     * when it can answer, otherwise from the graph. Each trial is read with these node properties only
     * ({@link Trial#WHOLE_NODE}: all).
     */
    Connection<Trial> page(TrialWhere where, List<TrialOrder> orderBy, int first, String after, boolean withTotal,
            Set<String> properties) {
        List<TrialOrder> order = listOrder(orderBy);
        List<String> cursor = Cursors.decode(after, order.size());
        keyset(order, cursor, new HashMap<>()); // a bad cursor is refused alike on both paths
        TrialIndex available = index.getIfAvailable();
        TrialIndex.Page indexed = available == null ? null : available.page(where, order, cursor, first + 1);
        if (indexed == null) {
            return pageFromGraph(where, orderBy, first, after, withTotal, properties);
        }
        Record result = single(PAGE_BY_IDS.formatted(sortKeys(order), Trial.projection(properties)),
                Map.of("ids", indexed.nctIds()));
        return connection(result, first, withTotal ? indexed.total() : -1);
    }

    /** A page of trials found by Cypher alone (the index's answers are checked against it). */
    Connection<Trial> pageFromGraph(TrialWhere where, List<TrialOrder> orderBy, int first, String after,
            boolean withTotal, Set<String> properties) {
        String trial = Trial.projection(properties);
        List<TrialOrder> order = listOrder(orderBy);
        TrialFilterCypher.Match match = TrialFilterCypher.match(where);
        Map<String, Object> params = new HashMap<>(match.parameters());
        String keyset = keyset(order, Cursors.decode(after, order.size()), params);
        params.put("limit", first + 1);
        String sort = String.join(", ", order.stream().map(o -> o.field().expression + " " + o.directionOrAsc()).toList());
        String cypher = withTotal ? PAGE_WITH_TOTAL.formatted(match.cypher("true"), keyset, sortKeys(order), sort, trial)
                : PAGE.formatted(match.cypher(keyset), sortKeys(order), sort, trial);
        Record result = single(cypher, params);
        return connection(result, first, result.get("total").asLong());
    }

    /** The list's order with the NCT id as tie-break; relevance is refused (lists have no search words). */
    private static List<TrialOrder> listOrder(List<TrialOrder> orderBy) {
        if (orderBy != null && orderBy.stream().anyMatch(o -> o.field() == Field.RELEVANCE)) {
            throw new IllegalArgumentException("orderBy: RELEVANCE needs search words; use search(text:, orderBy:)");
        }
        return withTieBreak(orderBy);
    }

    private static String sortKeys(List<TrialOrder> order) {
        return String.join(", ", order.stream().map(o -> o.field().expression).toList());
    }

    /** The page of a {@code rows} result: trials with the sort keys their cursors encode. */
    private static Connection<Trial> connection(Record result, int first, long total) {
        List<SortedTrial> rows = result.get("rows").asList(r -> new SortedTrial(Trial.from(r.get("t")),
                r.get("sortKeys").asList(Value::asObject)));
        return Connection.of(rows, first, total, row -> Cursors.encode(row.sortKeys().toArray()), SortedTrial::trial);
    }

    /**
     * A page of search hits; {@code totalCount} is -1 unless {@code withTotal}. Each trial is read with these node
     * properties ({@link Trial#WHOLE_NODE}: all), and what the hits' matched fields need only with
     * {@code matchedFields} (else they are left empty).
     */
    Connection<TrialSearchHit> search(String text, TrialWhere where, List<TrialOrder> orderBy, int first,
            String after, boolean withTotal, Set<String> properties, boolean matchedFields) {
        List<String> words = words(text);
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        if (words.isEmpty()) {
            return Connection.of(List.of(), first, 0, hit -> "");
        }
        String query = String.join(" AND ", words.stream().map(LuceneQueryText::escape).toList());
        List<TrialOrder> order = withTieBreak(orderBy == null || orderBy.isEmpty()
                ? List.of(new TrialOrder(Field.RELEVANCE, null)) : orderBy);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        String keyset = keyset(order, Cursors.decode(after, order.size()), params);
        params.put("query", query);
        params.put("limit", first + 1);
        String rows = SEARCH_ROWS.formatted(String.join(", ", order.stream().map(o -> o.field().expression).toList()),
                String.join(", ", order.stream().map(o -> o.field().expression + " " + o.directionOrAsc()).toList()),
                Trial.projection(matchedFields ? withMatchedProperties(properties) : properties),
                matchedFields ? MATCHED_PARTS : "");
        List<String> matchedWords = matchedFields ? words : null;
        SearchTotal totalKey = new SearchTotal(query, where);
        if (after == null && filter.cypher().equals("true") && order.get(0).field() == Field.RELEVANCE
                && order.get(0).directionOrAsc() == Direction.DESC) {
            Connection<TrialSearchHit> top = topHits(rows, params, matchedWords, first, withTotal, totalKey);
            if (top != null) {
                return top;
            }
        }
        Long knownTotal = withTotal ? searchTotals.get(totalKey) : null;
        long countedAt = searchTotals.generation();
        String cypher = withTotal && knownTotal == null
                ? SEARCH_WITH_TOTAL.formatted(filter.cypher(), keyset, rows, filter.cypher())
                : SEARCH.formatted(filter.cypher(), keyset, rows);
        Record result = single(cypher, params);
        long total = knownTotal != null ? knownTotal : result.get("total").asLong();
        if (withTotal && knownTotal == null) {
            searchTotals.keep(totalKey, total, countedAt);
        }
        return searchConnection(result, matchedWords, first, total);
    }

    /**
     * The first page by relevance from Lucene's best hits alone, or null when a tie at the edge of what Lucene
     * returned could hide a hit that belongs on the page (the caller then reads every hit).
     */
    private Connection<TrialSearchHit> topHits(String rows, Map<String, Object> params, List<String> words, int first,
            boolean withTotal, SearchTotal totalKey) {
        Map<String, Object> topParams = new HashMap<>(params);
        int lucene = 2 * (first + 1);
        topParams.put("lucene", lucene);
        Long knownTotal = withTotal ? searchTotals.get(totalKey) : null;
        boolean count = withTotal && knownTotal == null;
        long countedAt = searchTotals.generation();
        Record result = single(SEARCH_TOP.formatted(rows, count ? SEARCH_TOP_COUNT : SEARCH_TOP_NO_COUNT), topParams);
        if (count) {
            knownTotal = result.get("total").asLong();
            searchTotals.keep(totalKey, knownTotal, countedAt);
        }
        boolean allSeen = result.get("seen").asLong() < lucene;
        List<Value> page = result.get("rows").asList(v -> v);
        if (!allSeen && page.get(page.size() - 1).get("score").asDouble() <= result.get("lowest").asDouble()) {
            return null;
        }
        return searchConnection(result, words, first, withTotal ? knownTotal : -1);
    }

    private static Connection<TrialSearchHit> searchConnection(Record result, List<String> words, int first, long total) {
        List<SortedHit> hits = result.get("rows").asList(r -> new SortedHit(hit(r, words),
                r.get("sortKeys").asList(Value::asObject)));
        return Connection.of(hits, first, total, hit -> Cursors.encode(hit.sortKeys().toArray()), SortedHit::hit);
    }

    private record SortedHit(TrialSearchHit hit, List<Object> sortKeys) {
    }

    private record SortedTrial(Trial trial, List<Object> sortKeys) {
    }

    private Record single(String cypher, Map<String, Object> params) {
        return reads.read(cypher, params).get(0);
    }

    private static List<TrialOrder> withTieBreak(List<TrialOrder> orderBy) {
        List<TrialOrder> order = new ArrayList<>(orderBy == null ? List.of() : orderBy);
        order.removeIf(o -> o.field() == Field.NCT_ID && o != order.get(order.size() - 1));
        if (order.isEmpty() || order.get(order.size() - 1).field() != Field.NCT_ID) {
            order.add(new TrialOrder(Field.NCT_ID, Direction.ASC));
        }
        return order;
    }

    /**
     * Rows strictly after the cursor in the list's order: (k1, k2, ..., nctId) compared as a tuple, each key in
     * its own direction.
     */
    private static String keyset(List<TrialOrder> order, List<String> cursor, Map<String, Object> params) {
        if (cursor.isEmpty()) {
            return "true";
        }
        String predicate = null;
        for (int i = order.size() - 1; i >= 0; i--) {
            TrialOrder key = order.get(i);
            String name = "after" + i;
            params.put(name, key.field().numeric ? (Object) Double.parseDouble(cursor.get(i)) : cursor.get(i));
            String op = key.directionOrAsc() == Direction.ASC ? " > " : " < ";
            String strictly = key.field().expression + op + "$" + name;
            predicate = predicate == null ? strictly
                    : strictly + " OR (" + key.field().expression + " = $" + name + " AND (" + predicate + "))";
        }
        return predicate;
    }

    private static Set<String> withMatchedProperties(Set<String> properties) {
        if (properties.equals(Trial.WHOLE_NODE)) {
            return properties;
        }
        Set<String> read = new LinkedHashSet<>(properties);
        read.addAll(MATCHED_PROPERTIES);
        return read;
    }

    /** A hit; its matched fields are left empty when {@code words} is null (matchedFields not selected). */
    private static TrialSearchHit hit(MapAccessor r, List<String> words) {
        Trial trial = Trial.from(r.get("t"));
        if (words == null) {
            return new TrialSearchHit(trial, r.get("score").asDouble(), List.of());
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("briefTitle", single(trial.briefTitle()));
        fields.put("officialTitle", single(trial.officialTitle()));
        fields.put("acronym", single(trial.acronym()));
        fields.put("briefSummary", single(trial.briefSummary()));
        fields.put("conditions", r.get("conditions").asList(Value::asString));
        fields.put("keywords", trial.keywords());
        fields.put("interventions", r.get("interventions").asList(Value::asString));
        List<String> matched = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (values.stream().map(v -> v.toLowerCase(Locale.ROOT)).anyMatch(v -> words.stream().anyMatch(v::contains))) {
                matched.add(name);
            }
        });
        return new TrialSearchHit(trial, r.get("score").asDouble(), matched);
    }

    private static List<String> single(String text) {
        return text == null ? List.of() : List.of(text);
    }

    private static List<String> words(String text) {
        return WORDS.splitAsStream(text.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isBlank()).toList();
    }
}
