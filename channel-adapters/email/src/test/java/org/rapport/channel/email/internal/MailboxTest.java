package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;
import org.rapport.testing.TestDb;

/** The mailbox against a real SMTP/IMAP server (GreenMail): sending, threading, reading each mail once. */
class MailboxTest {

    private GreenMail mail;
    private TestDb db;
    private RecordingSink sink;
    private UndeliverableStore undeliverable;
    private Mailbox mailbox;
    @TempDir
    Path attachments;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"), new ServerSetup(0, "127.0.0.1", "imap")});
        mail.start();
        mail.setUser(Fixtures.ADDRESS, Fixtures.ADDRESS, Fixtures.ADDRESS);
        mail.setUser("client@acme.com", "client@acme.com", "client@acme.com");
        db = Fixtures.db();
        sink = new RecordingSink();
        undeliverable = new UndeliverableStore(db.jdbi(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (mailbox != null) {
            mailbox.deactivate();
        }
        mail.stop();
        db.close();
    }

    private Mailbox open(boolean idle) throws Exception {
        MailboxConfig config = Fixtures.config("support", Fixtures.ADDRESS, mail.getSmtp().getPort(), mail.getImap().getPort(), idle, 1);
        return new Mailbox(config, sink, undeliverable, new MailboxState(db.jdbi()), attachments);
    }

    private static OutboundMessage outbound(String key, String purpose, String inReplyTo, String html, Map<String, String> headers) {
        return new OutboundMessage(7, key, 3, 11L, "email", "support", "client@acme.com", "Client 客户", "Re: 咨询", "您好，答案如下。",
                html, "zh", purpose, inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo), headers);
    }

    @Test
    void sendsThreadedMailWithAlternativesAndADerivedMessageId() throws Exception {
        mailbox = open(true);
        SendResult r = mailbox.send(outbound("k-1", "service", "<q1@acme.com>", "<p>您好，<b>答案</b>如下。</p>", Map.of()));
        assertThat(r.status()).isEqualTo(SendResult.Status.SENT);
        assertThat(r.externalId()).isEqualTo(MessageIds.forKey("k-1", "rapport.test"));
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage got = mail.getReceivedMessages()[0];
        assertThat(got.getMessageID()).isEqualTo(r.externalId());
        assertThat(got.getHeader("In-Reply-To", null)).isEqualTo("<q1@acme.com>");
        assertThat(got.getHeader("References", null)).isEqualTo("<q1@acme.com>");
        assertThat(got.getSubject()).isEqualTo("Re: 咨询");
        assertThat(((InternetAddress) got.getFrom()[0]).getAddress()).isEqualTo(Fixtures.ADDRESS);
        assertThat(got.getHeader("List-Unsubscribe")).isNull();
        MimeMultipart alternatives = (MimeMultipart) got.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("您好，答案如下。");
        assertThat(alternatives.getBodyPart(1).isMimeType("text/html")).isTrue();
    }

    @Test
    void careMailCarriesUnsubscribeHeaders() throws Exception {
        mailbox = open(true);
        mailbox.send(outbound("k-2", "care", null, null, Map.of("List-Unsubscribe", "<https://r.test/u/abc>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", "Bcc", "smuggled@evil.com")));
        mailbox.send(outbound("k-3", "marketing", null, null, Map.of()));
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage care = find("k-2");
        assertThat(care.getHeader("List-Unsubscribe", null)).isEqualTo("<https://r.test/u/abc>");
        assertThat(care.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(care.getHeader("Bcc")).isNull();
        assertThat(mail.getReceivedMessagesForDomain("evil.com")).isEmpty();
        assertThat(find("k-3").getHeader("List-Unsubscribe", null)).isEqualTo("<mailto:" + Fixtures.ADDRESS + "?subject=unsubscribe>");
    }

    @Test
    void refusesUndeliverableAndInvalidAddresses() throws Exception {
        mailbox = open(true);
        undeliverable.mark("client@acme.com", "5.1.1 user unknown", "support");
        assertThat(mailbox.send(outbound("k-4", "service", null, null, Map.of())).status()).isEqualTo(SendResult.Status.FAILED);
        OutboundMessage bad = new OutboundMessage(8, "k-5", 3, null, "email", "support", "not an address", null, "s", "t", null, "en",
                "service", null, List.of(), Map.of());
        assertThat(mailbox.send(bad).status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void healthFollowsTheImapConnection() throws Exception {
        mailbox = open(true);
        await(() -> "CONNECTED".equals(mailbox.readerStatus()));
        assertThat(mailbox.name()).isEqualTo("email-support");
        assertThat(mailbox.check().status()).isEqualTo(org.rapport.health.Health.Status.UP);
        mail.stop();
        await(() -> mailbox.check().status() == org.rapport.health.Health.Status.DEGRADED);
        assertThat(mailbox.check().problems()).singleElement().asString().contains("IMAP 127.0.0.1");
    }

    @Test
    void aDownSmtpServerMeansRetry() throws Exception {
        mailbox = open(true);
        mail.stop();
        assertThat(mailbox.send(outbound("k-6", "service", null, null, Map.of())).status()).isEqualTo(SendResult.Status.RETRY);
    }

    @Test
    void readsEachMailOnceWithIdleAndAcrossRestarts() throws Exception {
        mailbox = open(true);
        await(() -> "CONNECTED".equals(mailbox.readerStatus()));
        clientSends("First question", "How do I open an account?", null);
        await(() -> sink.received.size() == 1);
        assertThat(sink.received.get(0).from()).isEqualTo("client@acme.com");
        assertThat(sink.received.get(0).text()).isEqualTo("How do I open an account?");
        assertThat(sink.received.get(0).account()).isEqualTo("support");

        mailbox.deactivate();
        clientSends("Second", "And the fees?", "<q-first@acme.com>");
        mailbox = open(true);
        await(() -> sink.received.size() == 2);
        assertThat(sink.received.get(1).references()).containsExactly("<q-first@acme.com>");
        Thread.sleep(1500);
        assertThat(sink.received).hasSize(2);
        assertThat(mailbox.handled()).isEqualTo(1); // the first mail was not read again
    }

    @Test
    void mailsOfOneSenderAreHandledInOrderWhileSendersRunInParallel() throws Exception {
        for (int i = 0; i < 12; i++) {
            clientSendsAs("c" + (i % 3) + "@acme.com", "Order" + i + " x", "mail " + i);
        }
        mailbox = open(true);
        await(() -> sink.received.size() == 12);
        for (int c = 0; c < 3; c++) {
            String sender = "c" + c + "@acme.com";
            List<String> texts = sink.received.stream().filter(m -> m.from().equals(sender)).map(m -> m.text()).toList();
            assertThat(texts).containsExactly("mail " + c, "mail " + (c + 3), "mail " + (c + 6), "mail " + (c + 9));
        }
    }

    @Test
    void theSenderKeyIsTheFromAddress() {
        assertThat(ImapReader.senderKey("From: \"A\" <A@X.com>\r\nTo: b@y.com\r\n\r\nFrom: body".getBytes())).isEqualTo("a@x.com");
        assertThat(ImapReader.senderKey("To: b@y.com\nfrom: plain@x.com\n\nbody".getBytes())).isEqualTo("plain@x.com");
        assertThat(ImapReader.senderKey("To: b@y.com\r\n\r\nFrom: in the body".getBytes())).isEmpty();
    }

    @Test
    void pollingWorksWithoutIdle() throws Exception {
        mailbox = open(false);
        clientSends("Poll", "Polled mail", null);
        await(() -> sink.received.size() == 1);
    }

    @Test
    void aFailingCoreKeepsTheMailForLater() throws Exception {
        sink.failWith = new IllegalStateException("database down");
        mailbox = open(true);
        clientSends("Later", "Please keep me", null);
        await(() -> "RECONNECTING".equals(mailbox.readerStatus()));
        assertThat(sink.received).isEmpty();
        sink.failWith = null;
        await(() -> sink.received.size() == 1);
        assertThat(sink.received.get(0).text()).isEqualTo("Please keep me");
    }

    @Test
    void aLiveConfigurationChangeTakesEffect() throws Exception {
        mailbox = open(true);
        mailbox.modified(Fixtures.config("sales", Fixtures.ADDRESS, mail.getSmtp().getPort(), mail.getImap().getPort(), true, 1));
        clientSends("To sales", "Hello sales", null);
        await(() -> sink.received.size() == 1);
        assertThat(sink.received.get(0).account()).isEqualTo("sales");
    }

    private MimeMessage find(String key) throws Exception {
        String id = MessageIds.forKey(key, "rapport.test");
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (id.equals(m.getMessageID())) {
                return m;
            }
        }
        throw new AssertionError("no mail for " + key);
    }

    private void clientSendsAs(String from, String subject, String text) throws Exception {
        mail.setUser(from, from, from);
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(Fixtures.ADDRESS));
        m.setSubject(subject);
        m.setText(text, "UTF-8");
        GreenMailUtil.sendMimeMessage(m);
    }

    private void clientSends(String subject, String text, String inReplyTo) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<q-" + subject.split(" ")[0].toLowerCase() + "@acme.com>");
            }
        };
        m.setFrom(new InternetAddress("client@acme.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(Fixtures.ADDRESS));
        m.setSubject(subject);
        m.setText(text, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
        }
        GreenMailUtil.sendMimeMessage(m);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
