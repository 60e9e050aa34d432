package org.rapport.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** Migrations on the embedded default: H2 in a file under the data directory. */
@RunWith(PaxExam.class)
public class MigrationsH2IT extends MigrationsTestBase {

    @Configuration
    public Option[] config() {
        return rapport();
    }
}
