/**
 * {@code bulk-import}: the initial load of a large registry into an empty store through Neo4j's own batch
 * importer (the machinery of {@code neo4j-admin database import}), writing the store files before the database
 * starts. It reads and maps records with the import's own code ({@link org.trialgraph.ingest.BulkRows}), so the
 * graph is the one {@code import} writes; see docs/ARCHITECTURE.md, "Bulk import".
 */
package org.trialgraph.bulk;
