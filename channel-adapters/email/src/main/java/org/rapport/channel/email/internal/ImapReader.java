package org.rapport.channel.email.internal;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one mailbox folder on its own thread: connects, handles every mail with a UID above the
 * last one handled — in batches of up to 100 fetched in one command, one sender's mails in UID
 * order, different senders in parallel on {@code ingestThreads} workers; after each batch the
 * position moves over the mails handled without a gap (the handler returned for each) — then waits for new mail with IMAP IDLE — renewed every poll interval — or by polling
 * when the server has no IDLE. Connection failures back off from 1 s doubling to the configured
 * maximum. Mail is flagged \Seen once handled and never deleted.
 */
final class ImapReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapReader.class);
    private static final int PREFETCH_MAILS = 100;
    private static final long PREFETCH_BYTES = 8L * 1024 * 1024;

    /** The reader's state, for status and tests. */
    enum Status { STARTING, CONNECTED, RECONNECTING, STOPPED }

    private final MailboxConfig config;
    private final InboundHandler handler;
    private final MailboxState state;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final AtomicLong handled = new AtomicLong();
    private final Object wake = new Object();
    private volatile boolean running = true;
    private volatile Status status = Status.STARTING;
    private volatile String lastError;
    private volatile Store store;
    private volatile Thread thread;

    ImapReader(MailboxConfig config, InboundHandler handler, MailboxState state, ScheduledExecutorService timer) {
        this.config = config;
        this.handler = handler;
        this.state = state;
        this.timer = timer;
        AtomicLong workerIds = new AtomicLong();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.ingestThreads()), r -> {
            Thread t = new Thread(r, "rapport-email-" + config.channel_account() + "-worker-" + workerIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Status status() {
        return status;
    }

    String lastError() {
        return lastError;
    }

    long handled() {
        return handled.get();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        long backoff = 1000;
        while (running) {
            try {
                MailSessions.withProvider(() -> {
                    session();
                    return null;
                });
                backoff = 1000;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                status = Status.RECONNECTING;
                lastError = e.toString();
                LOG.warn("Mailbox {}: IMAP {}:{} failed ({}); reconnecting in {} ms", config.channel_account(), config.imapHost(),
                        config.imapPort(), e.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, Math.max(1, config.maxBackoffSeconds()) * 1000L);
            } finally {
                close();
            }
        }
        status = Status.STOPPED;
    }

    /** Stops the reader: closes the connection (ending an IDLE) and waits up to {@code millis} for the thread. */
    void stop(long millis) {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        close();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdownNow();
    }

    private void session() throws Exception {
        Session session = MailSessions.imap(config);
        Store s = session.getStore(MailSessions.imapProtocol(config));
        store = s;
        s.connect(config.imapHost(), config.imapPort(), MailSessions.imapUser(config), config.imapPassword());
        Folder folder = s.getFolder(config.folder());
        folder.open(Folder.READ_WRITE);
        status = Status.CONNECTED;
        lastError = null;
        boolean idle = config.idle() && folder instanceof IMAPFolder f && ((org.eclipse.angus.mail.imap.IMAPStore) s).hasCapability("IDLE");
        while (running) {
            fetchNew((UIDFolder) folder, folder);
            if (!running) {
                return;
            }
            if (idle) {
                IMAPFolder f = (IMAPFolder) folder;
                ScheduledFuture<?> renew = timer.schedule(() -> {
                    try {
                        // a command on the folder ends the IDLE (getMessageCount may answer from its cache)
                        f.doCommand(protocol -> {
                            protocol.simpleCommand("NOOP", null);
                            return null;
                        });
                    } catch (MessagingException | RuntimeException e) {
                        LOG.debug("Mailbox {}: ending IDLE failed: {}", config.channel_account(), e.toString());
                    }
                }, Math.max(1, config.pollSeconds()), TimeUnit.SECONDS);
                try {
                    f.idle(true);
                } finally {
                    renew.cancel(false);
                }
            } else {
                pause(Math.max(1, config.pollSeconds()) * 1000L);
                if (!folder.isOpen()) {
                    throw new MessagingException("the folder was closed by the server");
                }
                folder.getMessageCount(); // a NOOP: notices a dropped connection
            }
        }
    }

    private void fetchNew(UIDFolder uids, Folder folder) throws Exception {
        String account = config.channel_account();
        long validity = uids.getUIDValidity();
        MailboxState.Position position = state.position(account, config.folder()).orElse(new MailboxState.Position(validity, 0));
        if (position.uidValidity() != validity) {
            LOG.warn("Mailbox {}: folder {} changed its UIDVALIDITY ({} -> {}); reading it again from the start "
                    + "(mail seen before is recognised by its Message-ID)", account, config.folder(), position.uidValidity(), validity);
            position = new MailboxState.Position(validity, 0);
            state.save(account, config.folder(), position);
        }
        Message[] messages = uids.getMessagesByUID(position.lastUid() + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        int next = 0;
        while (next < messages.length && running) {
            int end = prefetch(folder, messages, next, position.lastUid(), uids);
            List<Pending> batch = new ArrayList<>();
            for (int i = next; i < end; i++) {
                long uid = uids.getUID(messages[i]);
                if (uid > position.lastUid()) { // a UID range "n:*" answers the last mail even when n is beyond it
                    batch.add(read(messages[i], uid));
                }
            }
            Exception failure = handleAll(batch);
            List<Message> done = new ArrayList<>();
            for (Pending p : batch) {
                if (!p.done) {
                    break; // the position only moves over mails handled without a gap before them
                }
                position = new MailboxState.Position(validity, p.uid);
                done.add(p.message);
            }
            if (!done.isEmpty()) {
                state.save(account, config.folder(), position);
                handled.addAndGet(done.size());
                seen(folder, done);
            }
            if (failure != null) {
                throw failure;
            }
            next = end;
        }
    }

    /** A mail of the current batch. */
    private static final class Pending {
        final Message message;
        final long uid;
        final int size;
        final byte[] raw;
        volatile boolean done;

        Pending(Message message, long uid, int size, byte[] raw) {
            this.message = message;
            this.uid = uid;
            this.size = size;
            this.raw = raw;
        }
    }

    /** Reads a mail's bytes on the reader thread (the IMAP connection is not shared); none for a mail over the limit. */
    private Pending read(Message m, long uid) throws Exception {
        int size = m.getSize();
        if (size > config.maxMessageBytes()) {
            return new Pending(m, uid, size, null);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, size));
        m.writeTo(raw);
        return new Pending(m, uid, size, raw.toByteArray());
    }

    /**
     * Handles a batch: one lane per sender (by the From address), lanes in parallel on the
     * mailbox's workers, each lane in UID order. A lane stops at its first failure.
     *
     * @return the first failure, or null
     */
    private Exception handleAll(List<Pending> batch) throws InterruptedException {
        int lanes = Math.max(1, Math.min(config.ingestThreads(), batch.size()));
        List<List<Pending>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        for (Pending p : batch) {
            byLane.get(Math.floorMod(senderKey(p.raw).hashCode(), lanes)).add(p);
        }
        List<Future<Exception>> results = new ArrayList<>();
        for (List<Pending> lane : byLane) {
            if (!lane.isEmpty()) {
                results.add(lanes == 1 ? CompletableFuture.completedFuture(handleLane(lane)) : workers.submit(() -> handleLane(lane)));
            }
        }
        Exception first = null;
        for (Future<Exception> f : results) {
            try {
                Exception e = f.get();
                first = first == null ? e : first;
            } catch (ExecutionException e) {
                first = first == null ? new IllegalStateException(e.getCause()) : first;
            }
        }
        return first;
    }

    private Exception handleLane(List<Pending> lane) {
        for (Pending p : lane) {
            if (!running) {
                return null;
            }
            try {
                InboundHandler.Outcome outcome = p.raw == null ? handler.tooLarge(p.uid, p.size, config.maxMessageBytes())
                        : MailSessions.withProvider(() -> handler.handle(p.uid, p.raw));
                if (outcome.kind() == InboundHandler.Kind.REJECTED || outcome.kind() == InboundHandler.Kind.BOUNCE) {
                    LOG.info("Mailbox {}: mail {} set aside: {}", config.channel_account(), p.uid, outcome.reason());
                }
                p.done = true;
            } catch (Exception e) {
                return e;
            }
        }
        return null;
    }

    /** The sender's address as written in the From header (lower-case), or "" — only to keep one sender's mails in order. */
    static String senderKey(byte[] raw) {
        if (raw == null) {
            return "";
        }
        int limit = Math.min(raw.length, 64 * 1024);
        String head = new String(raw, 0, limit, java.nio.charset.StandardCharsets.ISO_8859_1);
        int bodyStart = head.indexOf("\r\n\r\n");
        if (bodyStart < 0) {
            bodyStart = head.indexOf("\n\n");
        }
        String headers = "\n" + (bodyStart < 0 ? head : head.substring(0, bodyStart));
        int from = headers.toLowerCase(java.util.Locale.ROOT).indexOf("\nfrom:");
        if (from < 0) {
            return "";
        }
        int eol = headers.indexOf('\n', from + 6);
        String value = (eol < 0 ? headers.substring(from + 6) : headers.substring(from + 6, eol)).strip().toLowerCase(java.util.Locale.ROOT);
        int lt = value.lastIndexOf('<');
        int gt = value.lastIndexOf('>');
        return lt >= 0 && gt > lt ? value.substring(lt + 1, gt).strip() : value;
    }

    /**
     * Fetches the whole content of mails {@code from}.. in one IMAP command (one round trip for many
     * mails instead of one each), up to {@value #PREFETCH_MAILS} mails or {@value #PREFETCH_BYTES}
     * bytes; mails over the size limit are left out (they are set aside unread).
     *
     * @return the index after the last mail of this batch
     */
    private int prefetch(Folder folder, Message[] messages, int from, long lastUid, UIDFolder uids) throws MessagingException {
        List<Message> batch = new ArrayList<>();
        long bytes = 0;
        int end = from;
        while (end < messages.length && batch.size() < PREFETCH_MAILS && bytes < PREFETCH_BYTES) {
            Message m = messages[end++];
            int size = m.getSize();
            if (size <= config.maxMessageBytes() && uids.getUID(m) > lastUid) {
                batch.add(m);
                bytes += Math.max(0, size);
            }
        }
        if (!batch.isEmpty()) {
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            folder.fetch(batch.toArray(new Message[0]), whole);
        }
        return end;
    }

    /** Flags the handled mails \Seen, in one command; the saved position, not the flag, is what counts. */
    private void seen(Folder folder, List<Message> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            folder.setFlags(done.toArray(new Message[0]), new Flags(Flags.Flag.SEEN), true);
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: cannot flag {} mails seen: {}", config.channel_account(), done.size(), e.toString());
        }
    }

    /** Wakes a polling reader to look for mail now. */
    void poke() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void pause(long millis) {
        synchronized (wake) {
            try {
                if (running) {
                    wake.wait(millis);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void close() {
        Store s = store;
        store = null;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("Closing IMAP: {}", e.toString());
            }
        }
    }
}
