package org.rapport.logbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    @Test
    void joinsMessageAndCausesOnOneLine() {
        Exception error = new IllegalStateException("cannot start", new IOException("zip END header not found"));
        assertThat(LogLines.oneLine("Failed to install deploy/x.jar", error))
                .isEqualTo("Failed to install deploy/x.jar: cannot start: zip END header not found");
    }

    @Test
    void keepsMultiLineMessagesOnOneLine() {
        assertThat(LogLines.oneLine("a\nb", null)).isEqualTo("a b");
    }

    @Test
    void namesCausesWithoutMessage() {
        assertThat(LogLines.oneLine("x", new NullPointerException())).isEqualTo("x: NullPointerException");
    }
}
