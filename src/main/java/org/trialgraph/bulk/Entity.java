package org.trialgraph.bulk;

/**
 * A node or relationship staged for the batch importer. For a node, {@code start} is its id and {@code end} the
 * index of a property bound only at the end of the input (see {@link GraphStaging}), or -1; for a relationship
 * they are its end points. A negative end point -(i+1) is the i-th MeSH term, whose node ids are given last.
 * Values are as the batch importer takes them: read from a staging file, a string is a {@code TextValue}.
 */
record Entity(String name, long start, long end, String[] keys, Object[] values) {
}
