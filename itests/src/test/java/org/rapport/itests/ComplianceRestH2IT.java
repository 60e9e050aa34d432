package org.rapport.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** Compliance REST on the embedded H2 database. */
@RunWith(PaxExam.class)
public class ComplianceRestH2IT extends ComplianceRestTestBase {

    @Configuration
    public Option[] config() {
        return RecordsRestTestBase.server(null);
    }
}
