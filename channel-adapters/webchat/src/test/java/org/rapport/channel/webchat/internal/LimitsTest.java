package org.rapport.channel.webchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void theRateLimiterAllowsABurstThenTheSteadyRate() {
        long t = 0;
        RateLimiter r = new RateLimiter(60, 3, t);
        assertThat(r.tryAcquire(t)).isTrue();
        assertThat(r.tryAcquire(t)).isTrue();
        assertThat(r.tryAcquire(t)).isTrue();
        assertThat(r.tryAcquire(t)).isFalse();
        assertThat(r.retryAfterMillis()).isBetween(900L, 1000L);
        t += TimeUnit.MILLISECONDS.toNanos(1000);
        assertThat(r.tryAcquire(t)).isTrue();
        assertThat(r.tryAcquire(t)).isFalse();
        t += TimeUnit.SECONDS.toNanos(3600);
        for (int i = 0; i < 3; i++) {
            assertThat(r.tryAcquire(t)).isTrue();
        }
        assertThat(r.tryAcquire(t)).as("never more than the burst").isFalse();
    }

    @Test
    void originsAreTheServersOwnOrConfigured() {
        assertThat(OriginPolicy.allows("http://localhost:8080", "localhost:8080", Set.of())).isTrue();
        assertThat(OriginPolicy.allows("https://Rapport.Example.com", "rapport.example.com", Set.of())).isTrue();
        assertThat(OriginPolicy.allows("https://evil.example", "localhost:8080", Set.of())).isFalse();
        assertThat(OriginPolicy.allows("https://shop.example.com", "rapport.example.com", Set.of("https://shop.example.com"))).isTrue();
        assertThat(OriginPolicy.allows("https://evil.example", "x", Set.of("*"))).isTrue();
        assertThat(OriginPolicy.allows("null", "localhost:8080", Set.of())).isFalse();
        assertThat(OriginPolicy.allows("file:///tmp/x.html", "localhost:8080", Set.of())).isFalse();
        assertThat(OriginPolicy.allows(null, "localhost:8080", Set.of())).as("not a browser page").isTrue();
    }

    @Test
    void aOneTimeCodeIsSixDigitsKeptHashed_andChecksInConstantForm() {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        OneTimeCode.Issued issued = OneTimeCode.issue(5, now.plusSeconds(600), 2);
        assertThat(issued.code()).matches("\\d{6}");
        assertThat(issued.kept().hash()).doesNotContain(issued.code());
        assertThat(issued.kept().check(issued.code(), now)).isEqualTo(OneTimeCode.Check.OK);
        assertThat(issued.kept().check(" " + issued.code().substring(0, 3) + " " + issued.code().substring(3), now))
                .isEqualTo(OneTimeCode.Check.OK);
        assertThat(issued.kept().check(null, now)).isEqualTo(OneTimeCode.Check.WRONG);
        assertThat(issued.kept().check(issued.code(), now.plusSeconds(600))).isEqualTo(OneTimeCode.Check.EXPIRED);
        assertThat(issued.kept().afterWrongTry().afterWrongTry().check(issued.code(), now)).isEqualTo(OneTimeCode.Check.EXHAUSTED);
    }

    @Test
    void hostTokensNeedTheSecret_aFutureExpiry_andAClaim() {
        Instant now = Instant.ofEpochSecond(1_000_000);
        String good = HostToken.issue("{\"contactId\":7,\"exp\":1000100}", "k");
        assertThat(HostToken.verify(good, "k", now)).hasValueSatisfying(c -> assertThat(c.contactId()).isEqualTo(7));
        assertThat(HostToken.verify(good, "other", now)).isEmpty();
        assertThat(HostToken.verify(good, "", now)).as("no secret configured: refused").isEmpty();
        assertThat(HostToken.verify(good, "k", Instant.ofEpochSecond(1_000_100))).isEmpty();
        assertThat(HostToken.verify(HostToken.issue("{\"exp\":1000100}", "k"), "k", now)).isEmpty();
        assertThat(HostToken.verify(HostToken.issue("[1,2]", "k"), "k", now)).isEmpty();
        String tampered = HostToken.issue("{\"contactId\":8,\"exp\":1000100}", "x").split("\\.")[0] + "." + good.split("\\.")[1];
        assertThat(HostToken.verify(tampered, "k", now)).isEmpty();
        assertThat(HostToken.verify("a.b.c", "k", now)).isEmpty();
        assertThat(HostToken.verify("%%%.###", "k", now)).isEmpty();
    }
}
