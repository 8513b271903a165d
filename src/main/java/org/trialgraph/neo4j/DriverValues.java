package org.trialgraph.neo4j;

import java.lang.reflect.Array;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.spatial.Point;

/**
 * Turns what the embedded database's Cypher returns into the driver's values, as Bolt would deliver them: integers
 * as long, floats as double, property arrays as lists, byte arrays as bytes, points with their SRID, nodes and
 * relationships with their ids, labels and properties. The driver has no public constructors for records, nodes and
 * relationships, so its internal classes are used (InProcessReadsComparisonTest checks the result against Bolt).
 */
final class DriverValues {

    private DriverValues() {
    }

    /** One row, its columns in the statement's order. Entities must be read while their transaction is open. */
    static Record record(QueryKeys keys, List<String> columns, Result.ResultRow row) {
        List<Value> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(value(row.get(column)));
        }
        return new InternalRecord(keys, values);
    }

    static Value value(Object value) {
        if (value == null) {
            return Values.NULL;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return Values.value(value);
        }
        if (value instanceof Number number) {
            return value instanceof Float || value instanceof java.math.BigDecimal ? Values.value(number.doubleValue())
                    : Values.value(number.longValue());
        }
        if (value instanceof Character character) {
            return Values.value(character.toString());
        }
        if (value instanceof List<?> list) {
            Value[] items = new Value[list.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = value(list.get(i));
            }
            return Values.value(items);
        }
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof byte[] bytes) {
            return Values.value(bytes);
        }
        if (value.getClass().isArray()) {
            Value[] items = new Value[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = value(Array.get(value, i));
            }
            return Values.value(items);
        }
        if (value instanceof Node node) {
            return new InternalNode(node.getId(), node.getElementId(), labels(node), properties(node.getAllProperties()))
                    .asValue();
        }
        if (value instanceof Relationship relationship) {
            return new InternalRelationship(relationship.getId(), relationship.getElementId(),
                    relationship.getStartNode().getId(), relationship.getStartNode().getElementId(),
                    relationship.getEndNode().getId(), relationship.getEndNode().getElementId(),
                    relationship.getType().name(), properties(relationship.getAllProperties())).asValue();
        }
        if (value instanceof Path) {
            throw new IllegalStateException("a path is not read in-process: return its nodes and relationships");
        }
        if (value instanceof Point point) {
            return point(point);
        }
        return temporal(value);
    }

    private static Value map(Map<?, ?> map) {
        Map<String, Object> values = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, item) -> values.put((String) key, value(item)));
        return Values.value(values);
    }

    private static List<String> labels(Node node) {
        List<String> labels = new ArrayList<>();
        for (Label label : node.getLabels()) {
            labels.add(label.name());
        }
        return labels;
    }

    private static Map<String, Value> properties(Map<String, Object> properties) {
        Map<String, Value> values = new LinkedHashMap<>(Math.max(4, properties.size() * 2));
        properties.forEach((key, item) -> values.put(key, value(item)));
        return values;
    }

    private static Value point(Point point) {
        int srid = point.getCRS().getCode();
        double[] coordinate = point.getCoordinate().getCoordinate();
        return coordinate.length == 2 ? Values.point(srid, coordinate[0], coordinate[1])
                : Values.point(srid, coordinate[0], coordinate[1], coordinate[2]);
    }

    private static Value temporal(Object value) {
        if (value instanceof Temporal) { // dates, times and date-times: the driver's own dispatch by type
            return Values.value(value);
        }
        // Cypher's duration (org.neo4j.values.storable.DurationValue)
        if (value instanceof TemporalAmount duration && duration.getUnits().contains(ChronoUnit.MONTHS)) {
            return Values.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
                    duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS));
        }
        throw new IllegalStateException("no driver value for " + value.getClass().getName());
    }
}
