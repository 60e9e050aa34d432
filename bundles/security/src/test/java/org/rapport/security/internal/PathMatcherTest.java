package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathMatcherTest {

    private static final Set<String> PATTERNS = Set.of("/api/v1/users", "/api/v1/users/*", "/api/v1/*", "/api/v1/auth/login",
            "*.csv", "/");

    private static Optional<String> match(String path) {
        return PathMatcher.match(path, PATTERNS);
    }

    @Test
    void exactMatchWins() {
        assertThat(match("/api/v1/users")).contains("/api/v1/users");
        assertThat(match("/api/v1/auth/login")).contains("/api/v1/auth/login");
    }

    @Test
    void longestPrefixWinsOverShorterOnes() {
        assertThat(match("/api/v1/users/5")).contains("/api/v1/users/*");
        assertThat(match("/api/v1/users/5/password")).contains("/api/v1/users/*");
        assertThat(match("/api/v1/auth/me")).contains("/api/v1/*");
        assertThat(match("/api/v1")).contains("/api/v1/*");
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        assertThat(match("/api/v1/usersx")).contains("/api/v1/*");
        assertThat(match("/api/v10/x")).contains("/");
    }

    @Test
    void prefixBeatsExtension() {
        assertThat(match("/api/v1/users/export.csv")).contains("/api/v1/users/*");
        assertThat(match("/reports/export.csv")).contains("*.csv");
    }

    @Test
    void extensionLooksAtTheLastSegmentOnly() {
        assertThat(match("/a.csv/b")).contains("/");
    }

    @Test
    void defaultServletCatchesTheRest_andWithoutItNothingMatches() {
        assertThat(match("/anything")).contains("/");
        assertThat(PathMatcher.match("/anything", Set.of("/api/v1/users"))).isEmpty();
    }

    @Test
    void rootPrefixAndContextRoot() {
        assertThat(PathMatcher.match("/x/y", Set.of("/*", "/x"))).contains("/*");
        assertThat(PathMatcher.match("/", Set.of(""))).contains("");
    }
}
