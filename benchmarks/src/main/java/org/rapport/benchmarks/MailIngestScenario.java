package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * {@code mail-ingest}: N client mails waiting in the support mailbox of an IMAP server (GreenMail
 * in this JVM) are read by the server's email channel — parsed, quote-stripped, threaded (a fifth
 * of them answer an earlier mail of the same client), stored, answered by the bot into the outbox
 * — timed from the moment the mailbox configuration is dropped into the running server's config
 * folder until every mail's answer is queued. Against, in the same run: a raw Jakarta Mail IMAP
 * fetch of the same mails (UIDs and sizes, then the full messages 100 per command, as the product
 * reads them) from the same server.
 */
public final class MailIngestScenario {

    private static final String SUPPORT = "support@bench.example.com";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** The mailbox's {@code ingestThreads}: {@code RAPPORT_BENCH_MAIL_THREADS}, else the adapter's default. */
    private static final String INGEST_THREADS = System.getenv("RAPPORT_BENCH_MAIL_THREADS");

    private final Path dist;
    private final Path logs;
    private final int mails;
    private final Path profiles;

    /**
     * @param profiles where to write the profile summary ({@code --profile}), or null for none
     */
    public MailIngestScenario(Path dist, Path logs, int mails, Path profiles) {
        this.dist = dist;
        this.logs = logs;
        this.mails = mails;
        this.profiles = profiles;
    }

    public void run(Result result) throws Exception {
        Path work = Files.createTempDirectory("rapport-bench-mail");
        int smtpPort = Server.freePort();
        int imapPort = Server.freePort();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                new ServerSetup(imapPort, "127.0.0.1", "imap")});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withUser(SUPPORT, SUPPORT, SUPPORT));
        mail.start();
        try {
            long t = System.nanoTime();
            int replies = load(mail);
            System.out.printf("loaded %d mails (%d of them replies in a thread) into %s in %.1f s%n", mails, replies, SUPPORT,
                    (System.nanoTime() - t) / 1e9);
            result.put("mails", mails).put("replies", replies);

            // 1. the baseline: a raw IMAP fetch of the same mails (a warm-up pass first: JIT, server caches)
            rawFetch(imapPort, Math.min(mails, 1000));
            t = System.nanoTime();
            long bytes = rawFetch(imapPort, mails);
            double rawSeconds = (System.nanoTime() - t) / 1e9;
            double rawRate = mails / rawSeconds;
            System.out.printf("baseline: raw IMAP fetch of %d mails (%.1f MB) in %.2f s = %.0f mails/s%n", mails, bytes / 1048576.0,
                    rawSeconds, rawRate);
            result.put("baseline_mails_per_s", rawRate).put("baseline_s", rawSeconds);

            // 2. the product
            Path data = work.resolve("data");
            Files.createDirectories(data.resolve("config"));
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + ProductImport.ADMIN_PASSWORD + "\"}");
            // the outbox's email rate limit stays at its default: the replies are queued, not necessarily sent
            try (Server server = Server.start(dist, data, logs.resolve("mail-ingest.log"))) {
                if (server.awaitHealthy(Duration.ofSeconds(120)) < 0) {
                    throw new IOException("/health did not answer 200" + server.exitNote());
                }
                StackSampler sampler = profiles == null ? null : StackSampler.attach(server.pid(), 50);
                StackSampler.Mark before = sampler == null ? null : sampler.mark();
                Api api = Api.signIn(server, "admin", ProductImport.ADMIN_PASSWORD, Duration.ofSeconds(90));
                System.out.println("server up (pid " + server.pid() + "); configuring the mailbox...");
                long start = System.nanoTime();
                Files.writeString(data.resolve("config/org.rapport.channel.email.mailbox~bench.cfg.json"), """
                        {"channel.account": "support", "address": "%s", "smtpHost": "127.0.0.1", "smtpPort": %d, "smtpSecurity": "none",
                         "imapHost": "127.0.0.1", "imapPort": %d, "imapSecurity": "none", "imapPassword": "%s", "pollSeconds": 5%s}
                        """.formatted(SUPPORT, smtpPort, imapPort, SUPPORT, INGEST_THREADS == null ? "" : ", \"ingestThreads\": " + INGEST_THREADS));
                long queued = 0;
                long firstSeen = -1;
                long deadline = start + TIMEOUT.toNanos();
                double cpuBefore = server.cpuSeconds();
                while (queued < mails && System.nanoTime() < deadline && server.exitNote().isEmpty()) {
                    Server.sleep(250);
                    JsonNode counts = api.get("/api/v1/outbox", Duration.ofSeconds(30)).path("counts");
                    long sum = 0;
                    for (JsonNode c : counts) {
                        sum += c.asLong();
                    }
                    if (sum > 0 && firstSeen < 0) {
                        firstSeen = System.nanoTime();
                    }
                    if (sum / 1000 != queued / 1000) {
                        System.out.printf("  %d answers queued after %.1f s%n", sum, (System.nanoTime() - start) / 1e9);
                    }
                    queued = sum;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = queued / seconds;
                double cpu = server.cpuSeconds() - cpuBefore;
                System.out.printf("product: %d mails read, threaded and answered (replies queued) in %.2f s = %.0f mails/s "
                        + "(first answer after %.2f s; %.0f CPU s)%n", queued, seconds, rate, firstSeen < 0 ? -1 : (firstSeen - start) / 1e9, cpu);
                result.put("mails_per_s", rate).put("ratio", rate / rawRate).put("total_s", seconds)
                        .put("first_answer_s", firstSeen < 0 ? -1 : (firstSeen - start) / 1e9).put("cpu_s", cpu)
                        .put("rss_mb", server.rssMb());
                if (sampler != null) {
                    String report = sampler.report("mail-ingest, mailbox configured → every answer queued", before, sampler.mark(), 40);
                    sampler.close();
                    Files.createDirectories(profiles);
                    Files.writeString(profiles.resolve("mail-ingest-profile.txt"), report);
                    System.out.println(report);
                }
                result.check(queued >= mails, "only " + queued + " of " + mails + " answers were queued within " + TIMEOUT.toMinutes() + " min");
            }
            check(data, replies, result);
        } finally {
            mail.stop();
            Fs.deleteQuietly(work);
        }
    }

    /** Puts the mails into the support inbox directly (no SMTP: loading is not what is measured). */
    private int load(GreenMail mail) throws Exception {
        Session session = Session.getInstance(new Properties());
        GreenMailUser support = mail.getUserManager().getUserByEmail(SUPPORT);
        MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(support);
        int replies = 0;
        for (int i = 0; i < mails; i++) {
            boolean reply = i % 5 == 4; // answers mail i-1 of the same client
            int client = reply ? i - 1 : i;
            boolean zh = client % 2 == 0;
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", id(messageIndex(this)));
                }
            };
            m.setHeader("X-Bench-Index", Integer.toString(i));
            m.setFrom(new InternetAddress("client" + client + "@c" + (client % 97) + ".bench.example.com", zh ? "王经理" : "John Smith", "UTF-8"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
            m.setSentDate(new Date());
            String text;
            if (reply) {
                replies++;
                m.setSubject(zh ? "回复: 谢谢" : "Re: Thanks", "UTF-8");
                m.setHeader("In-Reply-To", id(i - 1));
                m.setHeader("References", id(i - 1));
                text = zh ? "你好\n\n在 2025年3月3日 10:00，客服 <" + SUPPORT + "> 写道：\n> 不客气，还有什么可以帮您？\n"
                        : "Hello again\n\nOn Mon, Mar 3, 2025 at 10:00 AM Support <" + SUPPORT + "> wrote:\n> You are welcome.\n";
            } else {
                m.setSubject(zh ? "谢谢 " + i : "Thanks " + i, "UTF-8");
                text = zh ? "谢谢您的帮助！\n\n此致\n王经理\n华东精密机械有限公司\n电话 021-5555 " + i
                        : "Thank you for your help!\n\nBest regards,\nJohn Smith\nCFO, Acme Ltd\n+1 555 " + i;
            }
            if (i % 3 == 0) {
                MimeMultipart alternatives = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText("<div>" + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>") + "</div>", "UTF-8", "html");
                alternatives.addBodyPart(plain);
                alternatives.addBodyPart(html);
                m.setContent(alternatives);
            } else {
                m.setText(text, "UTF-8");
            }
            m.saveChanges();
            inbox.appendMessage(m, new Flags(), new Date());
        }
        return replies;
    }

    private static int messageIndex(MimeMessage m) throws jakarta.mail.MessagingException {
        return Integer.parseInt(m.getHeader("X-Bench-Index", null));
    }

    private static String id(int i) {
        return "<bench." + i + "@client.bench.example.com>";
    }

    /** Fetches the first {@code count} mails fully, as a mail client syncing the mailbox would; returns the bytes read. */
    private static long rawFetch(int imapPort, int count) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.fetchsize", "1048576");
        p.put("mail.imap.partialfetch", "false");
        p.put("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", imapPort, SUPPORT, SUPPORT);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = ((UIDFolder) inbox).getMessagesByUID(1, UIDFolder.MAXUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            inbox.fetch(messages, profile);
            long bytes = 0;
            for (int from = 0; from < count; from += 100) {
                // whole messages, 100 per command: one round trip per batch, as the product reads them
                Message[] batch = java.util.Arrays.copyOfRange(messages, from, Math.min(count, from + 100));
                FetchProfile whole = new FetchProfile();
                whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
                inbox.fetch(batch, whole);
                for (Message m : batch) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
                    m.writeTo(out);
                    bytes += out.size();
                }
            }
            inbox.close(false);
            return bytes;
        } finally {
            store.close();
        }
    }

    /** After the server stopped: every mail stored once, threaded, answered; nothing set aside. */
    private void check(Path data, int replies, Result result) throws Exception {
        try (Connection c = DriverManager.getConnection(RawImport.h2Url(data.resolve("db/rapport")), "sa", "");
                Statement s = c.createStatement()) {
            long inbound = one(s, "SELECT COUNT(*) FROM conv_message WHERE direction = 'inbound'");
            long distinct = one(s, "SELECT COUNT(DISTINCT r.external_id) FROM conv_external_ref r JOIN conv_message m ON m.id = r.message_id "
                    + "WHERE m.direction = 'inbound'");
            long conversations = one(s, "SELECT COUNT(*) FROM conv_conversation WHERE channel = 'email'");
            long rejected = one(s, "SELECT COUNT(*) FROM email_rejected");
            long answers = one(s, "SELECT COUNT(*) FROM conv_outbox WHERE channel = 'email'");
            System.out.printf("stored: %d inbound mails (%d distinct Message-IDs) in %d conversations; %d answers in the outbox; %d set aside%n",
                    inbound, distinct, conversations, answers, rejected);
            result.put("lost", Math.max(0, mails - inbound)).put("duplicated", Math.max(0, inbound - distinct));
            result.check(inbound == mails, inbound + " inbound mails stored, expected " + mails);
            result.check(distinct == inbound, (inbound - distinct) + " mails stored twice");
            result.check(conversations == mails - replies, conversations + " conversations, expected " + (mails - replies) + " (replies threaded)");
            result.check(rejected == 0, rejected + " mails set aside");
            result.check(answers >= mails, answers + " answers in the outbox, expected " + mails);
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
