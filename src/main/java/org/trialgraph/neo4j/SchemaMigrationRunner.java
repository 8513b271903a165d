package org.trialgraph.neo4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Brings the schema up to date before anything else touches the graph (seeding, imports, queries). */
@Component
@Order(0)
class SchemaMigrationRunner implements ApplicationRunner {

    private final SchemaMigrations migrations;

    SchemaMigrationRunner(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrations.migrate();
    }
}
