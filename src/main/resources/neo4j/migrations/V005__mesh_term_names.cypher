// Legacy XML records name their MeSH terms without ids: the importer finds the term's node by name.
CREATE INDEX mesh_term_name IF NOT EXISTS FOR (m:MeshTerm) ON (m.term);
