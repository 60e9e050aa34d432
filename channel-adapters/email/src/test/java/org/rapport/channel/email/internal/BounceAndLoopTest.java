package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bounces (RFC 3464 and common text formats) and loop protection. */
class BounceAndLoopTest {

    private final MailParser parser = Fixtures.parser();

    private Bounce bounce(String name) throws Exception {
        return BounceParser.parse(parser.parse(Fixtures.corpus(name))).orElseThrow();
    }

    private String loop(String name) throws Exception {
        return LoopGuard.check(parser.parse(Fixtures.corpus(name)), Set.of(Fixtures.ADDRESS), "rapport.test").orElse(null);
    }

    @Test
    void rfc3464HardBounce() throws Exception {
        Bounce b = bounce("bounce-dsn-hard.eml");
        assertThat(b.recipient()).isEqualTo("gone@acme.com");
        assertThat(b.status()).isEqualTo("5.1.1");
        assertThat(b.hard()).isTrue();
        assertThat(b.delayed()).isFalse();
        assertThat(b.originalMessageId()).isEqualTo("<rapport.0123456789abcdef@rapport.test>");
        assertThat(b.detail()).contains("User unknown");
    }

    @Test
    void mailboxFullIsABounceButNotHard() throws Exception {
        Bounce b = bounce("bounce-dsn-mailbox-full.eml");
        assertThat(b.hard()).isFalse();
        assertThat(b.delayed()).isFalse();
        assertThat(b.status()).isEqualTo("5.2.2");
    }

    @Test
    void delayNoticeIsNotAFailure() throws Exception {
        assertThat(bounce("rejected-delay-notice.eml").delayed()).isTrue();
    }

    @Test
    void textBounces() throws Exception {
        Bounce exim = bounce("bounce-exim-text.eml");
        assertThat(exim.recipient()).isEqualTo("lost@example.org");
        assertThat(exim.hard()).isTrue();
        assertThat(exim.originalMessageId()).isEqualTo("<rapport.fedcba9876543210@rapport.test>");
        Bounce qq = bounce("bounce-qq-style-zh.eml");
        assertThat(qq.recipient()).isEqualTo("nobody@qq.com");
        assertThat(qq.hard()).isTrue();
    }

    @Test
    void aPersonsMailIsNeitherBounceNorLoop() throws Exception {
        ParsedMail m = parser.parse(Fixtures.corpus("stored-plain.eml"));
        assertThat(BounceParser.parse(m)).isEmpty();
        assertThat(LoopGuard.check(m, Set.of(Fixtures.ADDRESS), "rapport.test")).isEmpty();
    }

    @Test
    void loops() throws Exception {
        assertThat(loop("rejected-loop-auto-submitted.eml")).contains("Auto-Submitted");
        assertThat(loop("rejected-loop-precedence-bulk.eml")).contains("Precedence");
        assertThat(loop("rejected-loop-out-of-office-zh.eml")).contains("out-of-office");
        assertThat(loop("rejected-loop-out-of-office-en.eml")).contains("out-of-office");
        assertThat(loop("rejected-loop-own-address.eml")).contains("own");
        assertThat(loop("rejected-loop-list-id.eml")).contains("List-Id");
        assertThat(loop("rejected-loop-noreply.eml")).contains("no-reply");
    }

    @Test
    void ourOwnMessageIdComingBackIsALoop() {
        String id = MessageIds.forKey("conv:1:msg:2", "rapport.test");
        assertThat(MessageIds.isOurs(id, "rapport.test")).isTrue();
        assertThat(MessageIds.forKey("conv:1:msg:2", "rapport.test")).isEqualTo(id);
        assertThat(MessageIds.isOurs("<abc@acme.com>", "rapport.test")).isFalse();
    }
}
