package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.rapport.channel.devmail.DevMail;
import org.rapport.conversations.channel.ChannelAdapter;

/**
 * The email channel end to end, with GreenMail (the devmail bundle) as the real SMTP / IMAP server
 * and a plain SMTP client playing the client (its mailbox read through the devmail bundle): the bot's answer arrives threaded, the client's
 * reply continues the conversation, a staff reply arrives; the hostile corpus is each stored or set
 * aside and later mail is not held up; the mail server stopped mid-poll loses and doubles nothing;
 * the email bundle stopped and started while the server runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmailChannelIT extends SecurityTestSupport {

    private static final String SUPPORT = "support@rapport.test";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(90);
    private static Session admin;
    private static DevMail devMail;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(RecordsRestTestBase.server(null), frameworkProperty("rapport.devmail.enabled").value("true"),
                frameworkProperty("rapport.devmail.smtp.port").value("0"), frameworkProperty("rapport.devmail.imap.port").value("0"),
                frameworkProperty("rapport.devmail.support").value(SUPPORT));
    }

    @Before
    public void setUp() throws Exception {
        if (admin != null) {
            return;
        }
        awaitSecurity();
        await("conversations REST", TIMEOUT, () -> get("/api/v1/conversations").statusCode() == 401);
        admin = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        await("the dev mail server", TIMEOUT, () -> context.getServiceReference(DevMail.class) != null);
        devMail = context.getService(context.getServiceReference(DevMail.class));
        await("the support mailbox's adapter", TIMEOUT, () -> emailAdapters() == 1);
    }

    @Test
    public void aClientsMailIsAnsweredThreaded_theReplyContinuesTheConversation_andAStaffReplyArrives() throws Exception {
        String client = "li.na@hd-jm.example.cn";
        long contactId = chineseContact("华东精密机械有限公司", "李娜", client);

        send(client, "<first.q@hd-jm.example.cn>", "网银密码", "请问网银密码忘了怎么办？", null);
        List<DevMail.Mail> answers = awaitMail(client, 1);
        DevMail.Mail answer = answers.get(0);
        assertEquals("<first.q@hd-jm.example.cn>", answer.inReplyTo());
        assertTrue(answer.subject(), answer.subject().contains("网银密码"));
        assertEquals(SUPPORT, answer.from());

        JsonNode conversations = json(call("GET", "/api/v1/conversations?contactId=" + contactId, null));
        assertEquals(conversations.toString(), 1, conversations.path("total").asInt());
        long conversation = conversations.path("items").path(0).path("id").asLong();

        send(client, "<second.q@hd-jm.example.cn>", "Re: 网银密码", "谢谢\n\n在 2025年3月3日，客服 写道：\n> 旧内容", answer.messageId());
        await("the reply joins the conversation", MAIL_TIMEOUT, () -> json(call("GET", "/api/v1/conversations/" + conversation + "/messages",
                null)).path("items").size() >= 3);
        assertEquals(1, json(call("GET", "/api/v1/conversations?contactId=" + contactId, null)).path("total").asInt());
        await("the reply, its quote cut, is in the conversation", MAIL_TIMEOUT, () -> {
            for (JsonNode m : json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items")) {
                if ("inbound".equals(m.path("direction").asText()) && "谢谢".equals(m.path("text").asText())) {
                    return true;
                }
            }
            return false;
        });

        HttpResponse<String> reply = call("POST", "/api/v1/conversations/" + conversation + "/reply", "{\"text\": \"您好，我是客服小王。\"}");
        assertEquals(reply.body(), 201, reply.statusCode());
        await("the staff reply arrives", MAIL_TIMEOUT, () -> mailbox(client).stream().anyMatch(m -> m.text().contains("客服小王")));
        DevMail.Mail staff = mailbox(client).stream().filter(m -> m.text().contains("客服小王")).findFirst().orElseThrow();
        assertEquals("<second.q@hd-jm.example.cn>", staff.inReplyTo());
    }

    @Test
    public void aHardBounceMarksTheAnswerBounced_andNothingMoreIsSentToTheAddress() throws Exception {
        String client = "bounce.me@gone.example.com";
        send(client, "<bounce.q@gone.example.com>", "Hello", "Hello, who is my account manager?", null);
        DevMail.Mail answer = awaitMail(client, 1).get(0);
        long conversation = count("SELECT id FROM conv_conversation WHERE address = '" + client + "'");
        String dsn = "From: Mail Delivery System <MAILER-DAEMON@mx.gone.example.com>\r\nTo: " + SUPPORT + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn.1@mx.gone.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.gone.example.com\r\n\r\n"
                + "Final-Recipient: rfc822; " + client + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + SUPPORT + "\r\nTo: " + client + "\r\nMessage-ID: "
                + answer.messageId() + "\r\n--r--\r\n";
        sendRaw(dsn.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        await("the answer is marked bounced", MAIL_TIMEOUT, () -> statuses(conversation).contains("bounced"));
        assertEquals(1, count("SELECT COUNT(*) FROM email_undeliverable WHERE address = '" + client + "'"));
        assertEquals("the bounce is not a message of the conversation", 1, json(call("GET", "/api/v1/conversations/" + conversation
                + "/messages", null)).path("items").findValues("direction").stream().filter(d -> d.asText().equals("inbound")).count());

        HttpResponse<String> reply = call("POST", "/api/v1/conversations/" + conversation + "/reply", "{\"text\": \"Are you there?\"}");
        assertEquals(reply.body(), 201, reply.statusCode());
        await("the reply to an undeliverable address fails", MAIL_TIMEOUT, () -> statuses(conversation).contains("failed"));
        assertEquals(1, mailbox(client).size());
    }

    private List<String> statuses(long conversation) {
        List<String> result = new java.util.ArrayList<>();
        for (JsonNode m : json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items")) {
            result.add(m.path("status").asText());
        }
        return result;
    }

    @Test
    public void anAttachmentIsInTheContactsExport_andItsFileIsDeletedByTheirErasure() throws Exception {
        String client = "wang.fang@quote.example.cn";
        long contactId = chineseContact("报价测试有限公司", "王芳", client);
        String quote = "报价单 Q-2026-118: 42 units";
        String boundary = "b-" + System.nanoTime();
        String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("报价单.txt".getBytes(StandardCharsets.UTF_8)) + "?=";
        sendRaw(("From: " + client + "\r\nTo: " + SUPPORT + "\r\nSubject: Quote\r\nMessage-ID: <quote.1@quote.example.cn>\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease see the quote attached.\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(quote.getBytes(StandardCharsets.UTF_8)) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));

        await("the mail is in a conversation of the contact", MAIL_TIMEOUT,
                () -> json(call("GET", "/api/v1/conversations?contactId=" + contactId, null)).path("total").asInt() == 1);
        long conversation = json(call("GET", "/api/v1/conversations?contactId=" + contactId, null)).path("items").path(0).path("id").asLong();
        JsonNode attachment = null;
        for (JsonNode m : json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items")) {
            if (m.path("attachments").size() == 1) {
                attachment = m.path("attachments").path(0);
            }
        }
        assertTrue("the message has its attachment", attachment != null);
        assertEquals("报价单.txt", attachment.path("name").asText());
        Path file = dataDir().resolve(attachment.path("location").asText());
        assertTrue(file + " is under the data directory's email folder", file.normalize().startsWith(dataDir().resolve("email")));
        assertEquals(quote, Files.readString(file));

        HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/contacts/" + contactId
                + "/export")).header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        java.util.Map<String, String> zip = ComplianceRestTestBase.unzip(export.body());
        String entry = zip.keySet().stream().filter(k -> k.startsWith("conversations/files/attachments/") && k.endsWith("-报价单.txt"))
                .findFirst().orElseThrow(() -> new AssertionError("no attachment in " + zip.keySet()));
        assertEquals(quote, zip.get(entry));
        assertTrue(zip.get("conversations/attachments.csv"), zip.get("conversations/attachments.csv").contains(entry.substring("conversations/".length())));

        HttpResponse<String> erased = call("POST", "/api/v1/contacts/" + contactId + "/erase", "{\"reason\": \"DSR-2026-31\"}");
        assertEquals(erased.body(), 200, erased.statusCode());
        assertTrue(erased.body(), erased.body().contains("attachment files"));
        assertTrue(file + " is gone", Files.notExists(file));
    }

    @Test
    public void theHostileCorpusIsStoredOrSetAside_andLaterMailIsNotHeldUp() throws Exception {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("rapport.email.corpus")))) {
            corpus = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertTrue(corpus.size() >= 30);
        long stored = corpus.stream().filter(p -> p.getFileName().toString().startsWith("stored-")).count();
        long rejectedBefore = count("SELECT COUNT(*) FROM email_rejected");
        long emailConversationsBefore = count("SELECT COUNT(*) FROM conv_conversation WHERE channel = 'email'");
        for (Path file : corpus) {
            sendRaw(Files.readAllBytes(file));
        }
        send("after.corpus@late.example.com", "<after.corpus@late.example.com>", "Still there?", "Hello, is this mailbox still answering?", null);
        awaitMail("after.corpus@late.example.com", 1);
        // mails of different senders are handled in parallel: the later mail may be answered before the last corpus mail is in
        await("every corpus mail handled", MAIL_TIMEOUT, () -> count("SELECT COUNT(*) FROM email_rejected") - rejectedBefore
                >= corpus.size() - stored && count("SELECT COUNT(*) FROM conv_conversation WHERE channel = 'email'")
                - emailConversationsBefore >= stored + 1);
        Thread.sleep(2000); // nothing more may come
        assertEquals(corpus.size() - stored, count("SELECT COUNT(*) FROM email_rejected") - rejectedBefore);
        assertEquals(stored + 1, count("SELECT COUNT(*) FROM conv_conversation WHERE channel = 'email'") - emailConversationsBefore);
    }

    @Test
    public void theMailServerStoppedMidPoll_losesNothingAndDoublesNothing() throws Exception {
        int n = 12;
        for (int i = 0; i < n; i++) {
            send("outage" + i + "@outage.example.com", "<outage." + i + "@outage.example.com>", "Question " + i, "How do I open an account? " + i, null);
        }
        devMail.stop();
        Thread.sleep(3000);
        devMail.start();
        for (int i = 0; i < n; i++) {
            awaitMail("outage" + i + "@outage.example.com", 1);
        }
        Thread.sleep(5000); // time for a second answer, if a mail were handled twice
        for (int i = 0; i < n; i++) {
            assertEquals("one answer for mail " + i, 1, mailbox("outage" + i + "@outage.example.com").size());
        }
        assertEquals(n, count("SELECT COUNT(*) FROM conv_conversation WHERE address LIKE '%@outage.example.com'"));
    }

    @Test
    public void theEmailBundleCanBeStoppedAndStartedWhileTheServerRuns() throws Exception {
        Bundle email = bundle("org.rapport.channel.email");
        email.stop();
        try {
            assertEquals(0, emailAdapters());
            assertTrue(get("/health").body().contains("\"status\""));
            assertEquals(200, call("GET", "/api/v1/conversations", null).statusCode());
            send("while.stopped@pause.example.com", "<while.stopped@pause.example.com>", "Waiting", "Anyone there?", null);
            Thread.sleep(2000);
            assertEquals(0, mailbox("while.stopped@pause.example.com").size());
        } finally {
            email.start();
        }
        await("the adapter is back", TIMEOUT, () -> emailAdapters() == 1);
        awaitMail("while.stopped@pause.example.com", 1);
    }

    // --- helpers ---

    /** Creates a client company with one Chinese-speaking contact of this address; returns the contact's id. */
    private long chineseContact(String company, String name, String email) {
        HttpResponse<String> created = call("POST", "/api/v1/clients", "{\"name\": \"" + company + "\", \"contacts\": [{\"name\": \""
                + name + "\", \"emails\": [\"" + email + "\"], \"language\": \"zh\"}]}");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).path("contacts").path(0).path("id").asLong();
    }

    private int emailAdapters() {
        try {
            var refs = context.getServiceReferences(ChannelAdapter.class, "(channel=email)");
            return refs.size();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private long count(String sql) {
        var ref = context.getServiceReference(org.rapport.store.Store.class);
        org.rapport.store.Store store = context.getService(ref);
        try {
            return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        } finally {
            context.ungetService(ref);
        }
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    /** The client sends a mail to the support mailbox. */
    private void send(String from, String messageId, String subject, String text, String inReplyTo) throws Exception {
        String headers = "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: " + messageId
                + "\r\nDate: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\nMIME-Version: 1.0\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        String body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        sendRaw((headers + body).getBytes(StandardCharsets.UTF_8));
    }

    /** Hands a raw mail to the SMTP server unchanged. */
    private void sendRaw(byte[] raw) throws Exception {
        SmtpClient.send(devMail.smtpPort(), "sender@corpus.example.com", SUPPORT, raw);
    }

    /** The mail in {@code address}'s inbox. */
    private List<DevMail.Mail> mailbox(String address) {
        return devMail.inbox(address);
    }

    private List<DevMail.Mail> awaitMail(String address, int count) {
        await(count + " mail(s) for " + address, MAIL_TIMEOUT, () -> mailbox(address).size() >= count);
        return mailbox(address);
    }

}
