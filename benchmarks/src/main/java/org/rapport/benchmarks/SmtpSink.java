package org.rapport.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local SMTP sink of the {@code campaign} scenario: speaks enough SMTP (EHLO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT) to accept mail from the product and from the raw Jakarta Mail loop alike, keeps
 * nothing but counts — messages, bytes, and each message's {@code Message-ID} and recipient, so a
 * message delivered twice is counted as duplicated. One thread per connection.
 */
final class SmtpSink implements Closeable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Forgets what was received (between the baseline and the product run). */
    void reset() {
        messages.set(0);
        duplicates.set(0);
        bytes.set(0);
        seen.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String recipient = null;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        data(in, recipient);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    default -> reply(out, "502 not here");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads the message up to the lone dot, noting its Message-ID. */
    private void data(InputStream in, String recipient) throws IOException {
        String messageId = null;
        long size = 0;
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            size += line.length() + 2;
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messageId = line.substring(11).strip();
                }
            }
        }
        bytes.addAndGet(size);
        messages.incrementAndGet();
        if (messageId != null && !seen.add(messageId + " " + recipient)) {
            duplicates.incrementAndGet();
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
