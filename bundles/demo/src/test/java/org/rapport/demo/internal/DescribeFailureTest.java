package org.rapport.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.records.InvalidRecordException;

/** Failure reasons name the kind of failure and the fields, never the values. */
class DescribeFailureTest {

    @Test
    void invalidInputNamesTheFieldsOnly() {
        String reason = DemoLoader.describe(new InvalidRecordException(Map.of("emails",
                "'wang.fang@example.cn x' is not an email address", "name", "is required")));
        assertThat(reason).isEqualTo("InvalidRecordException on emails, name");
    }

    @Test
    void wrappedFailuresNameTheRootCause() {
        String reason = DemoLoader.describe(new IllegalStateException("insert of 'Acme Ltd' failed",
                new SQLException("duplicate key value (name)=(Acme Ltd)")));
        assertThat(reason).isEqualTo("IllegalStateException, caused by SQLException");
    }
}
