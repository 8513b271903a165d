/**
 * Query text for Neo4j's full-text indexes, shared by the features that search one ({@code search} over trials,
 * {@code criteria(search:)} over criterion keys). Lucene comes with Neo4j itself ({@code org.neo4j:neo4j}), so
 * words are cut here by the very analyzer class the embedded index uses.
 */
package org.trialgraph.fulltext;
