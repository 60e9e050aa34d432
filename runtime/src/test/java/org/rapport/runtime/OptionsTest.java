package org.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() throws Exception {
        Options o = Options.parse(List.of(), Map.of());
        assertThat(o.demo()).isFalse();
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(o.effectivePublicUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void publicUrl() throws Exception {
        assertThat(Options.parse(List.of("--public-url", "https://care.example.com/"), Map.of()).effectivePublicUrl())
                .isEqualTo("https://care.example.com");
        assertThat(Options.parse(List.of("--port=9000"), Map.of("RAPPORT_PUBLIC_URL", "http://10.0.0.5:9000")).effectivePublicUrl())
                .isEqualTo("http://10.0.0.5:9000");
        assertThatThrownBy(() -> Options.parse(List.of("--public-url=ftp://x"), Map.of())).hasMessageContaining("http or https");
        assertThatThrownBy(() -> Options.parse(List.of("--public-url", "not a url"), Map.of())).hasMessageContaining("http or https");
    }

    @Test
    void environmentThenCommandLineWins() throws Exception {
        Map<String, String> env = Map.of("RAPPORT_DEMO", "1", "RAPPORT_HTTP_PORT", "9000", "RAPPORT_DATA", "/srv/r");
        Options fromEnv = Options.parse(List.of(), env);
        assertThat(fromEnv.demo()).isTrue();
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/r"));

        Options fromArgs = Options.parse(List.of("--port", "9100", "--data=/tmp/x"), env);
        assertThat(fromArgs.port()).isEqualTo(9100);
        assertThat(fromArgs.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(Options.parse(List.of("--port=0"), Map.of()).port()).isZero();
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> Options.parse(List.of("--port", "70000"), Map.of())).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> Options.parse(List.of("--port"), Map.of())).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Options.parse(List.of(), Map.of("RAPPORT_HTTP_PORT", "x"))).hasMessageContaining("RAPPORT_HTTP_PORT");
        assertThatThrownBy(() -> Options.parse(List.of("--data", " "), Map.of())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Options.parse(List.of("-x"), Map.of())).hasMessageContaining("unknown option");
    }
}
