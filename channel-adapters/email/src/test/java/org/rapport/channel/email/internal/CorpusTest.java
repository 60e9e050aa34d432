package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.testing.TestDb;

/**
 * Every mail of the hostile corpus ({@code src/test/resources/corpus}) is either stored (handed to
 * the conversations with a sender and text) or set aside with a reason, never an exception; the
 * file name says which.
 */
class CorpusTest {

    private static TestDb db;
    @TempDir
    static Path attachments;

    @BeforeAll
    static void open() throws Exception {
        db = Fixtures.db();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static Stream<String> corpus() throws Exception {
        Path dir = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachMailIsStoredOrSetAsideWithAReason(String name) throws Exception {
        Jdbi jdbi = db.jdbi();
        RecordingSink sink = new RecordingSink();
        MailboxState state = new MailboxState(jdbi);
        InboundHandler handler = new InboundHandler("support", Fixtures.ADDRESS, Fixtures.parser(), sink,
                new UndeliverableStore(jdbi, java.time.Clock.systemUTC()), new AttachmentStore(attachments), state);
        long rejectedBefore = state.rejectedCount("support");

        InboundHandler.Outcome outcome = handler.handle(1, Fixtures.corpus(name));

        if (name.startsWith("stored-")) {
            assertThat(outcome.kind()).as(name + ": " + outcome.reason()).isEqualTo(InboundHandler.Kind.STORED);
            assertThat(sink.received).hasSize(1);
            assertThat(sink.received.get(0).from()).contains("@");
            assertThat(sink.received.get(0).externalId()).startsWith("<").endsWith(">");
            assertThat(sink.received.get(0).text() + sink.received.get(0).attachments()).isNotBlank();
            assertThat(sink.received.get(0).text()).doesNotContain("\u0000").doesNotContain("<script");
            assertThat(state.rejectedCount("support")).isEqualTo(rejectedBefore);
        } else {
            InboundHandler.Kind expected = name.startsWith("bounce-") ? InboundHandler.Kind.BOUNCE : InboundHandler.Kind.REJECTED;
            assertThat(outcome.kind()).as(name + ": " + outcome.reason()).isEqualTo(expected);
            assertThat(outcome.reason()).isNotBlank();
            assertThat(sink.received).isEmpty();
            assertThat(state.rejectedCount("support")).isEqualTo(rejectedBefore + 1);
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyMails() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }
}
