package org.rapport.compliance.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.ComplianceEvents;
import org.rapport.compliance.Consent;
import org.rapport.compliance.ConsentChange;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.Fixture;
import org.rapport.records.Contact;
import org.rapport.records.NoSuchRecordException;
import org.rapport.testing.TestDb;

/** Consent state, history, keyword opt-outs and unsubscribe links on H2 and PostgreSQL. */
class ConsentServiceTest {
    private Fixture f;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stateHistoryAndEvents(String kind) throws Exception {
        f = new Fixture(kind);
        Contact c = f.contact("Zhou Jie", "zhou@example.cn", "13800005555", null);
        List<Consent> initial = f.consents.of(c.id());
        assertThat(initial).hasSize(9).allMatch(k -> !k.explicit());
        assertThat(initial).filteredOn(k -> k.granted()).extracting(Consent::purpose).containsOnly(Purpose.SERVICE);

        f.consents.set(c.id(), "sms", Purpose.CARE, true, "web_form", "form #7", Fixture.AGENT);
        f.consents.set(c.id(), "sms", Purpose.CARE, false, "console", "called in", Fixture.AGENT);
        Consent care = f.consents.of(c.id()).stream().filter(k -> k.channel().equals("sms") && k.purpose() == Purpose.CARE).findFirst().orElseThrow();
        assertThat(care.granted()).isFalse();
        assertThat(care.explicit()).isTrue();
        assertThat(care.source()).isEqualTo("console");
        assertThat(care.actorName()).isEqualTo("Agent");
        List<ConsentChange> history = f.consents.history(c.id());
        assertThat(history).extracting(ConsentChange::granted).containsExactly(false, true);
        assertThat(history.get(1).evidence()).isEqualTo("form #7");
        assertThat(f.db.events()).filteredOn(e -> e.topic().equals(ComplianceEvents.CONSENT_CHANGED)).hasSize(2)
                .allMatch(e -> e.properties().get(ComplianceEvents.CONTACT_ID).equals(c.id()));

        assertThatThrownBy(() -> f.consents.set(c.id(), "pigeon", Purpose.CARE, true, "console", null, Fixture.AGENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.consents.set(c.id(), "sms", Purpose.CARE, true, "Bad Source!", null, Fixture.AGENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.consents.of(424242)).isInstanceOf(NoSuchRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aKeywordOptsOutOfCareAndMarketingOnThatChannel(String kind) throws Exception {
        f = new Fixture(kind);
        Contact c = f.contact("Wu Hao", "wu@example.cn", "+86 138 0000 6666", null);
        f.consents.set(c.id(), "sms", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        f.consents.set(c.id(), "email", Purpose.MARKETING, true, "web_form", null, Fixture.AGENT);
        assertThat(f.consents.optOutByAddress("sms", "13800006666", "SMS 退订")).containsExactly(c.id());
        Map<String, Map<Purpose, Consent>> state = f.db.jdbi().withHandle(h -> f.consents.byChannel(h, c.id()));
        assertThat(state.get("sms").get(Purpose.MARKETING).granted()).isFalse();
        assertThat(state.get("sms").get(Purpose.MARKETING).source()).isEqualTo("sms_keyword");
        assertThat(state.get("sms").get(Purpose.CARE).explicit()).isTrue();
        assertThat(state.get("sms").get(Purpose.SERVICE).granted()).as("service stays").isTrue();
        assertThat(state.get("email").get(Purpose.MARKETING).granted()).as("other channels stay").isTrue();
        assertThat(f.consents.optOutByAddress("sms", "13999999999", "STOP")).isEmpty();
        assertThat(f.consents.optOutByAddress("webchat", "wu@example.cn", "unsubscribe")).containsExactly(c.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unsubscribeLinksAreSignedAndStable(String kind) throws Exception {
        f = new Fixture(kind);
        String url = f.consents.unsubscribeUrl(42, "email", Purpose.MARKETING).toString();
        assertThat(url).startsWith("https://care.example.com/unsubscribe/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(f.consents.links().verify(token)).contains(new UnsubscribeLinks.Target(42, "email", Purpose.MARKETING));
        String other = f.consents.unsubscribeUrl(43, "email", Purpose.MARKETING).toString();
        String forged = other.substring(other.lastIndexOf('/') + 1, other.lastIndexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(f.consents.links().verify(forged)).isEmpty();
        assertThat(f.consents.links().verify("x.y")).isEmpty();
        assertThat(f.consents.links().verify(null)).isEmpty();
        Fixture again = new Fixture(kind);
        again.close();
        assertThat(ConsentService.create(f.db.store(), f.records, org.rapport.compliance.internal.Configs.defaults(
                org.rapport.compliance.internal.ComplianceConfig.class), "https://care.example.com", f.clock).unsubscribeUrl(42, "email",
                Purpose.MARKETING).toString()).as("the key is kept in the database").isEqualTo(url);
    }

    @Test
    void optOutCommands() {
        OptOutCommands commands = new OptOutCommands(List.of(OptOutCommands.DEFAULTS));
        assertThat(List.of("STOP", "stop", " Stop. ", "ＳＴＯＰ", "TD", "td!", "退订", " 退订。", "取消订阅", "unsubscribe", "Opt-Out", "opt out"))
                .allMatch(commands::matches);
        assertThat(List.of("stop sending me bills? no, keep them", "please stop", "退订了吗", "", "   ", "STOPPED", "TDX"))
                .noneMatch(commands::matches);
        assertThat(commands.matches(null)).isFalse();
    }
}
