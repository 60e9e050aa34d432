package org.rapport.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void h2DefaultsToAFileUnderTheDataDirectory() {
        StoreSettings s = StoreSettings.of(config("h2", ""), "/srv/rapport/data");
        assertThat(s.driverClass()).isEqualTo("org.h2.Driver");
        assertThat(s.url()).startsWith("jdbc:h2:retry:/srv/rapport/data/db/rapport;")
                .contains("DB_CLOSE_ON_EXIT=FALSE", "WRITE_DELAY=0");
        assertThat(s.user()).isEqualTo("sa");
        assertThat(s.poolSize()).isEqualTo(10);
    }

    @Test
    void dataDirectoryFallsBackToRelativeData() {
        StoreSettings s = StoreSettings.of(config("h2", ""), null);
        String expected = Path.of("data", "db", "rapport").toAbsolutePath().normalize().toString();
        assertThat(s.url()).startsWith("jdbc:h2:retry:" + expected + ";");
    }

    @Test
    void postgresqlUsesTheConfiguredUrlAndDriver() {
        StoreSettings s = StoreSettings.of(
                config("PostgreSQL", "jdbc:postgresql://db:5432/rapport?ssl=true"), null);
        assertThat(s.driverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/rapport?ssl=true");
        assertThat(s.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/rapport");
        assertThat(s.toString()).doesNotContain("secret");
    }

    @Test
    void unknownTypeIsRejected() {
        assertThatThrownBy(() -> StoreSettings.of(config("oracle", ""), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    private static StoreConfig config(String type, String url) {
        return new StoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StoreConfig.class; }
            @Override public String type() { return type; }
            @Override public String url() { return url; }
            @Override public String user() { return ""; }
            @Override public String password() { return "secret"; }
            @Override public int poolSize() { return 10; }
            @Override public long connectionTimeoutMs() { return 5000; }
            @Override public int republishIntervalSeconds() { return 30; }
            @Override public int eventRetentionDays() { return 7; }
        };
    }
}
