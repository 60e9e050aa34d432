package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The chat sessions, by id and by token (kept only as a hash), saved to a file under the data
 * directory so that they survive the bundle being stopped, updated or the server restarting: a
 * visitor's browser reconnects with its token and gets what it missed.
 */
final class SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as saved. */
    record Saved(String id, String tokenHash, long createdAt, long lastSeen, Long conversationId, Long contactId, String contactName,
            String language, long lastSeq, long lastRead, boolean staffJoined, List<ChatSession.Event> unacked, List<String> sentKeys) {}

    /** A new session and the token its visitor keeps. */
    record Created(ChatSession session, String token) {}

    private final Map<String, ChatSession> byId = new ConcurrentHashMap<>();
    private final Map<String, ChatSession> byTokenHash = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Path file;

    SessionStore(Path file) {
        this.file = file;
    }

    Created create(Instant now) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] idRaw = new byte[12];
        RANDOM.nextBytes(idRaw);
        ChatSession s = new ChatSession("wc-" + HexFormat.of().formatHex(idRaw), hash(token), now);
        byId.put(s.id, s);
        byTokenHash.put(s.tokenHash, s);
        changed();
        return new Created(s, token);
    }

    ChatSession byToken(String token) {
        return token == null || token.isBlank() || token.length() > 200 ? null : byTokenHash.get(hash(token));
    }

    ChatSession byId(String id) {
        return id == null ? null : byId.get(id);
    }

    Collection<ChatSession> all() {
        return byId.values();
    }

    void changed() {
        dirty.set(true);
    }

    /** Forgets sessions without a connection unused for longer than {@code lifetime}. */
    void expire(Instant now, Duration lifetime) {
        for (ChatSession s : byId.values()) {
            synchronized (s) {
                if (s.connections.isEmpty() && s.lastSeen.plus(lifetime).isBefore(now)) {
                    byId.remove(s.id);
                    byTokenHash.remove(s.tokenHash);
                    changed();
                }
            }
        }
    }

    /** Writes the sessions when something changed (atomically: a crash leaves the old file or the new one). */
    void saveIfChanged() throws IOException {
        if (file == null || !dirty.getAndSet(false)) {
            return;
        }
        List<Saved> saved = new ArrayList<>();
        for (ChatSession s : byId.values()) {
            synchronized (s) {
                saved.add(new Saved(s.id, s.tokenHash, s.createdAt.toEpochMilli(), s.lastSeen.toEpochMilli(), s.conversationId,
                        s.contactId, s.contactName, s.language, s.lastSeq, s.lastRead, s.staffJoined, List.copyOf(s.unacked),
                        List.copyOf(s.sentKeys)));
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(saved));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void load() throws IOException {
        if (file == null || !Files.exists(file)) {
            return;
        }
        Saved[] saved = JSON.readValue(file.toFile(), Saved[].class);
        for (Saved v : saved) {
            ChatSession s = new ChatSession(v.id(), v.tokenHash(), Instant.ofEpochMilli(v.createdAt()));
            s.lastSeen = Instant.ofEpochMilli(v.lastSeen());
            s.offlineSince = s.lastSeen;
            s.conversationId = v.conversationId();
            s.contactId = v.contactId();
            s.contactName = v.contactName();
            s.language = v.language();
            s.lastSeq = v.lastSeq();
            s.lastRead = v.lastRead();
            s.staffJoined = v.staffJoined();
            s.unacked.addAll(v.unacked());
            s.sentKeys.addAll(v.sentKeys());
            byId.put(s.id, s);
            byTokenHash.put(s.tokenHash, s);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
