package org.rapport.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Records and account management REST on the embedded H2 database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordsRestH2IT extends RecordsRestTestBase {

    @Configuration
    public Option[] config() {
        return server(null);
    }
}
