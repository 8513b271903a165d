package org.trialgraph.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;

/**
 * The staged graph as the batch importer's {@link Input}: node ids are our own ({@link IdType#ACTUAL}), the
 * staging files are read in chunks (their bytes under a lock, decoded and visited by the importer's threads in
 * parallel), and what was bound at the end ({@link GraphStaging.Tail}) follows them: the MeSH terms after the nodes,
 * MAPS_TO, IN and BROADER after the relationships.
 */
final class StagedGraph implements Input {

    private static final int CHUNK = 2_000;

    private final EntityFile nodes;
    private final EntityFile relationships;
    private final GraphStaging.Tail tail;
    private final List<Entity> tailNodes;
    private final List<Entity> tailRelationships;

    StagedGraph(EntityFile nodes, EntityFile relationships, GraphStaging.Tail tail) {
        this.nodes = nodes;
        this.relationships = relationships;
        this.tail = tail;
        this.tailNodes = meshNodes(tail);
        this.tailRelationships = tailRelationships(tail);
    }

    long nodeCount() {
        return nodes.count() + tailNodes.size();
    }

    long relationshipCount() {
        return relationships.count() + tailRelationships.size();
    }

    private static List<Entity> meshNodes(GraphStaging.Tail tail) {
        Map<String, Boolean> exact = new java.util.HashMap<>();
        tail.meshAncestry().forEach(row -> exact.put((String) row.get("id"), (Boolean) row.get("exact")));
        List<Entity> terms = new ArrayList<>(tail.meshTerms().size());
        for (Map<String, Object> term : tail.meshTerms()) {
            String id = (String) term.get("id");
            Boolean isExact = exact.get(id);
            List<String> keys = new ArrayList<>(List.of("id", "term"));
            List<Object> values = new ArrayList<>(List.of(id, term.get("term")));
            if (isExact != null) {
                keys.add("ancestry");
                values.add(isExact ? "EXACT" : "BOUNDED");
            }
            terms.add(new Entity("MeshTerm", tail.meshNodeId(id), -1, keys.toArray(String[]::new), values.toArray()));
        }
        return terms;
    }

    private static List<Entity> tailRelationships(GraphStaging.Tail tail) {
        List<Entity> edges = new ArrayList<>();
        String[] none = new String[0];
        Object[] noValues = new Object[0];
        for (long link : tail.conditionMeshLinks()) {
            edges.add(new Entity("MAPS_TO", GraphStaging.Tail.first(link),
                    tail.meshNodeId(-(GraphStaging.Tail.second(link) + 1L)), none, noValues));
        }
        for (long link : tail.siteCountryLinks()) {
            edges.add(new Entity("IN", GraphStaging.Tail.first(link),
                    tail.countryIds().get(GraphStaging.Tail.second(link)), none, noValues));
        }
        for (Map<String, Object> row : tail.meshAncestry()) {
            long term = tail.meshNodeId((String) row.get("id"));
            @SuppressWarnings("unchecked")
            List<String> ancestors = (List<String>) row.get("ancestors");
            for (String ancestor : ancestors) {
                edges.add(new Entity("BROADER", term, tail.meshNodeId(ancestor), none, noValues));
            }
        }
        return edges;
    }

    @Override
    public InputIterable nodes(Collector badCollector) {
        return () -> new Entities(nodes, tailNodes, true);
    }

    @Override
    public InputIterable relationships(Collector badCollector) {
        return () -> new Entities(relationships, tailRelationships, false);
    }

    @Override
    public IdType idType() {
        return IdType.ACTUAL;
    }

    @Override
    public ReadableGroups groups() {
        return ReadableGroups.EMPTY;
    }

    @Override
    public Estimates validateAndEstimate(PropertySizeCalculator sizes) {
        long nodeProperties = nodes.propertyCount() + tailNodes.size() * 3L;
        long relationshipProperties = relationships.propertyCount();
        // Sizes are rough (about 40 bytes a property); the importer only sizes its buffers with them.
        return Input.knownEstimates(nodeCount(), relationshipCount(), nodeProperties, relationshipProperties,
                nodeProperties * 40, relationshipProperties * 16, nodeCount());
    }

    /** One pass over a staging file and then its tail, handed out in chunks. */
    private final class Entities implements InputIterator {

        private final EntityFile.Reader reader;
        private final Iterator<Entity> tailEntities;
        private final boolean isNodes;

        Entities(EntityFile file, List<Entity> tailEntities, boolean isNodes) {
            try {
                this.reader = file.reader();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.tailEntities = tailEntities.iterator();
            this.isNodes = isNodes;
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk(isNodes, reader);
        }

        /** Only the reading of bytes is under the lock; each chunk decodes its own entities, in parallel. */
        @Override
        public synchronized boolean next(InputChunk chunk) throws IOException {
            Chunk next = (Chunk) chunk;
            next.cursor = 0;
            next.late.clear();
            reader.read(next.staged, CHUNK);
            while (next.staged.count() + next.late.size() < CHUNK && tailEntities.hasNext()) {
                next.late.add(tailEntities.next());
            }
            return next.staged.count() + next.late.size() > 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private final class Chunk implements InputChunk {

        private final EntityFile.Batch staged = new EntityFile.Batch();
        private final List<Entity> late = new ArrayList<>();
        private final boolean isNodes;
        private final EntityFile.Reader reader;
        private int cursor;

        Chunk(boolean isNodes, EntityFile.Reader reader) {
            this.isNodes = isNodes;
            this.reader = reader;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (cursor >= staged.count() + late.size()) {
                return false;
            }
            Entity entity = cursor < staged.count() ? reader.decode(staged, cursor) : late.get(cursor - staged.count());
            cursor++;
            if (isNodes) {
                visitor.id(entity.start());
                visitor.labels(new String[] {entity.name()});
                lateProperty(entity, visitor);
            } else {
                visitor.startId(tail.meshNodeId(entity.start()));
                visitor.endId(tail.meshNodeId(entity.end()));
                visitor.type(entity.name());
            }
            for (int i = 0; i < entity.keys().length; i++) {
                visitor.property(entity.keys()[i], entity.values()[i]);
            }
            visitor.endOfEntity();
            return true;
        }

        private void lateProperty(Entity node, InputEntityVisitor visitor) {
            if (node.end() < 0) {
                return;
            }
            int ordinal = (int) node.end();
            if (node.name().equals("Criterion")) {
                visitor.property("trialCount", (long) tail.criterionTrialCounts()[ordinal]);
            } else if (node.name().equals("Sponsor") && tail.sponsorAgencyClasses().get(ordinal) != null) {
                visitor.property("agencyClass", tail.sponsorAgencyClasses().get(ordinal));
            }
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
