package org.rapport.itests;

import java.nio.file.Files;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** Migrations on the PostgreSQL at 127.0.0.1:5432, in a throwaway database for this run. */
@RunWith(PaxExam.class)
public class MigrationsPostgresIT extends MigrationsTestBase {

    @Configuration
    public Option[] config() {
        String url = Postgres.createThrowawayDatabase();
        return rapport(data -> Files.writeString(data.resolve("config/org.rapport.store.cfg.json"),
                "{\"type\": \"postgresql\", \"url\": \"" + url + "\", \"user\": \"postgres\", \"password\": \"\"}"));
    }
}
