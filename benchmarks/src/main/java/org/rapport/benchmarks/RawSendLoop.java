package org.rapport.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * The {@code campaign} baseline: a plain Jakarta Mail loop over one SMTP connection, sending
 * messages shaped like the campaign's (a personal subject and text in UTF-8, a Message-ID and a
 * List-Unsubscribe header) — no segment, template, gate, outbox or bookkeeping.
 */
final class RawSendLoop {

    private final Session session;

    RawSendLoop(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        session = Session.getInstance(p);
    }

    /** Sends {@code count} messages; returns the seconds it took. */
    double send(long count) throws MessagingException {
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (long i = 0; i < count; i++) {
                boolean zh = i % 2 == 0;
                String company = "Campaign Bench Co " + i;
                MimeMessage m = new Keyed(session, "<raw-" + i + "-" + start + "@bench.example.com>");
                m.setFrom(new InternetAddress("care@bench.example.com"));
                InternetAddress to = new InternetAddress("person" + i + "@bench.example.com");
                m.setRecipient(Message.RecipientType.TO, to);
                m.setSubject(zh ? company + "：季度关怀" : "Quarterly care for " + company, "UTF-8");
                m.setText(zh ? "尊敬的Person " + i + "：感谢" + company + "的信任。 退订：http://127.0.0.1/unsubscribe/" + i
                        : "Dear Person " + i + ", thank you, " + company + ". Unsubscribe: http://127.0.0.1/unsubscribe/" + i, "UTF-8");
                m.setHeader("List-Unsubscribe", "<http://127.0.0.1/unsubscribe/" + i + ">");
                m.saveChanges();
                transport.sendMessage(m, new InternetAddress[] {to});
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A message whose Message-ID is given, as the product's is. */
    private static final class Keyed extends MimeMessage {
        private final String id;

        Keyed(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
