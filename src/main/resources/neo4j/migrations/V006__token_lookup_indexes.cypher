// The label and relationship-type lookup indexes that a database created by Neo4j has from the start, but a store
// written by the batch importer (bulk-import) lacks: without them every MATCH (t:Trial) scans all nodes of the
// store (docs/BENCHMARKS.md, "List and stats queries: CPU per request"). Where they exist, these are no-ops.
CREATE LOOKUP INDEX node_label_lookup IF NOT EXISTS FOR (n) ON EACH labels(n);
CREATE LOOKUP INDEX relationship_type_lookup IF NOT EXISTS FOR ()-[r]-() ON EACH type(r);
// A label scan refuses a lookup index that is still populating ("Index is still populating"): SchemaMigrations
// waits for the indexes of every migration (in steps, with progress) before it records the migration.
