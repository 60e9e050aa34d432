package org.rapport.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mailbox of the demo's mail server (GreenMail in the devmail bundle) over IMAP from the
 * test JVM, speaking the protocol directly: Jakarta Mail on the test class path would be seen by
 * the in-container tests' mail provider lookup and break the email bundle there.
 */
final class DevMailbox {

    private static final Pattern IMAP_PORT = Pattern.compile("IMAP 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    private DevMailbox() {
    }

    /** The IMAP port the demo server printed at start (in {@code work/stdout.txt}). */
    static int imapPort(Path work) throws IOException {
        Matcher m = IMAP_PORT.matcher(Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new AssertionError("the demo server did not print its dev mail server's IMAP port");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Waits for a mail with a six-digit code in {@code address}'s mailbox; returns the code of the newest. */
    static String awaitCode(Path work, String address, Duration timeout) throws Exception {
        int port = imapPort(work);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = texts(port, address);
            for (int i = texts.size() - 1; i >= 0; i--) {
                Matcher m = CODE.matcher(texts.get(i));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no code mail for " + address + " within " + timeout);
    }

    /** The decoded text of every mail in the mailbox, oldest first. */
    static List<String> texts(int port, String address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            Session s = new Session(socket.getInputStream(), socket.getOutputStream());
            s.line(); // greeting
            s.command("LOGIN " + quote(address) + " " + quote(address));
            List<byte[]> mails = new ArrayList<>();
            List<String> select = s.command("SELECT INBOX");
            int exists = 0;
            for (String l : select) {
                Matcher m = Pattern.compile("^\\* (\\d+) EXISTS").matcher(l);
                if (m.find()) {
                    exists = Integer.parseInt(m.group(1));
                }
            }
            if (exists > 0) {
                s.fetchBodies("FETCH 1:" + exists + " BODY.PEEK[]", mails);
            }
            s.command("LOGOUT");
            List<String> texts = new ArrayList<>();
            for (byte[] mail : mails) {
                texts.add(decode(new String(mail, StandardCharsets.ISO_8859_1)));
            }
            return texts;
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The text of a MIME entity (headers and body, as ISO-8859-1 bytes): each text part decoded as UTF-8. */
    static String decode(String entity) {
        int split = entity.indexOf("\r\n\r\n");
        String headers = split < 0 ? entity : entity.substring(0, split);
        String body = split < 0 ? "" : entity.substring(split + 4);
        String unfolded = headers.replaceAll("\r\n[ \t]+", " ").toLowerCase(Locale.ROOT);
        Matcher boundary = BOUNDARY.matcher(headers.replaceAll("\r\n[ \t]+", " "));
        if (unfolded.contains("content-type: multipart/") && boundary.find()) {
            StringBuilder out = new StringBuilder();
            for (String part : body.split("\r\n--" + Pattern.quote(boundary.group(1)))) {
                if (!part.startsWith("--")) {
                    out.append(decode(part.startsWith("\r\n") ? part.substring(2) : part)).append('\n');
                }
            }
            return out.toString();
        }
        byte[] bytes;
        if (unfolded.contains("content-transfer-encoding: base64")) {
            bytes = Base64.getMimeDecoder().decode(body.trim());
        } else if (unfolded.contains("content-transfer-encoding: quoted-printable")) {
            bytes = quotedPrintable(body);
        } else {
            bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] quotedPrintable(String body) {
        String s = body.replace("=\r\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** A tagged IMAP conversation over one socket. */
    private static final class Session {
        private final InputStream in;
        private final OutputStream out;
        private int tag;

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            if (c == -1 && b.size() == 0) {
                throw new IOException("IMAP connection closed");
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        List<String> command(String command) throws IOException {
            return run(command, null);
        }

        void fetchBodies(String command, List<byte[]> bodies) throws IOException {
            run(command, bodies);
        }

        private List<String> run(String command, List<byte[]> literals) throws IOException {
            String t = "a" + (++tag);
            out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> lines = new ArrayList<>();
            while (true) {
                String l = line();
                Matcher literal = LITERAL.matcher(l);
                if (literal.find()) {
                    byte[] data = in.readNBytes(Integer.parseInt(literal.group(1)));
                    if (literals != null) {
                        literals.add(data);
                    }
                }
                lines.add(l);
                if (l.startsWith(t + " ")) {
                    if (!l.startsWith(t + " OK")) {
                        throw new IOException("IMAP " + command.split(" ")[0] + " failed: " + l);
                    }
                    return lines;
                }
            }
        }
    }
}
