package org.rapport.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Compliance REST on the embedded H2 database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ComplianceRestH2IT extends ComplianceRestTestBase {

    @Configuration
    public Option[] config() {
        return RecordsRestTestBase.server(null);
    }
}
