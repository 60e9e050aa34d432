package org.rapport.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Education and search REST on the PostgreSQL at 127.0.0.1:5432, in a throwaway database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchRestPostgresIT extends SearchRestTestBase {

    @Configuration
    public Option[] config() {
        String url = Postgres.createThrowawayDatabase();
        return server("{\"type\": \"postgresql\", \"url\": \"" + url + "\", \"user\": \"postgres\", \"password\": \"\"}");
    }
}
