package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a chat visitor is: a one-time code sent to the email on file through the Messenger
 * ({@code claim}, {@code verify}), or a token signed by the host site ({@code auth}); either binds
 * the session to the contact.
 */
final class Verification {

    private static final Logger LOG = LoggerFactory.getLogger(Verification.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final ChatPeers peers;
    private final SessionStore sessions;
    private final Supplier<Settings> settings;
    private final Clock clock;

    Verification(ChatPeers peers, SessionStore sessions, Supplier<Settings> settings, Clock clock) {
        this.peers = peers;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }


    void claim(ChatEngine.Line line, JsonNode frame) {
        ChatSession s = line.session;
        String email = Frames.string(frame, "email", 320);
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            line.connection.send(Frames.error("bad_email", "Give the email address we have on file"));
            return;
        }
        Settings cfg = settings.get();
        Instant now = clock.instant();
        synchronized (s) {
            s.codesAsked.removeIf(t -> t.isBefore(now.minusSeconds(3600)));
            if (s.codesAsked.size() >= cfg.codesPerHour()) {
                line.connection.send(Frames.error("too_many_codes", "Too many codes asked for; try again later"));
                return;
            }
            s.codesAsked.add(now);
        }
        Optional<ChatPeers.ContactRef> contact = peers.contactByEmail(email.strip());
        if (contact.isPresent()) {
            OneTimeCode.Issued issued = OneTimeCode.issue(contact.get().id(), now.plus(cfg.codeTtl()), cfg.codeMaxAttempts());
            String lang = language(s, contact.get());
            long minutes = cfg.codeTtl().toMinutes();
            String text = "zh".equals(lang)
                    ? "您的在线聊天验证码是 " + issued.code() + "，" + minutes + " 分钟内有效。如果不是您本人操作，请忽略本邮件。"
                    : "Your chat verification code is " + issued.code() + ". It is valid for " + minutes
                            + " minutes. If you did not ask for it, ignore this message.";
            String subject = "zh".equals(lang) ? "在线聊天验证码" : "Your chat verification code";
            SendOutcome outcome = peers.send(new Outgoing(contact.get().id(), "email", "service", subject, text, null, ChatEngine.SENDER,
                    "webchat:code:" + s.id + ":" + UUID.randomUUID(), true));
            if (outcome.accepted()) {
                synchronized (s) {
                    s.code = issued.kept();
                }
            } else {
                LOG.info("A chat verification code for session {} was not sent: {}", s.id, outcome.status());
            }
        }
        // the same answer whether or not the address is on file: the chat does not reveal who is a client
        line.connection.send(Frames.text(Frames.of("code_sent").put("ttlSeconds", cfg.codeTtl().toSeconds())));
    }

    void verify(ChatEngine.Line line, JsonNode frame) {
        ChatSession s = line.session;
        String code = Frames.string(frame, "code", 20);
        OneTimeCode.Check check;
        long contactId;
        int left;
        synchronized (s) {
            if (s.code == null) {
                line.connection.send(Frames.error("no_code", "Ask for a code first"));
                return;
            }
            check = s.code.check(code, clock.instant());
            contactId = s.code.contactId();
            if (check == OneTimeCode.Check.WRONG) {
                s.code = s.code.afterWrongTry();
            } else {
                s.code = check == OneTimeCode.Check.OK ? null : s.code;
            }
            left = s.code == null ? 0 : s.code.attemptsLeft();
        }
        switch (check) {
            case OK -> bind(line, contactId);
            case WRONG -> line.connection.send(Frames.text(Frames.of("error").put("code", "code_wrong")
                    .put("message", "That code is not right").put("attemptsLeft", left)));
            case EXPIRED -> line.connection.send(Frames.error("code_expired", "The code has expired; ask for a new one"));
            default -> line.connection.send(Frames.error("code_exhausted", "Too many wrong tries; ask for a new code"));
        }
    }

    void auth(ChatEngine.Line line, JsonNode frame) {
        Optional<HostToken.Claim> claim = HostToken.verify(Frames.string(frame, "token", 4096), settings.get().hostTokenSecret(),
                clock.instant());
        Optional<ChatPeers.ContactRef> contact = claim.flatMap(c -> c.contactId() != null ? peers.contact(c.contactId())
                : peers.contactByEmail(c.email()));
        if (contact.isEmpty()) {
            line.connection.send(Frames.error("token_refused", "The sign-in token is not valid"));
            return;
        }
        bind(line, contact.get().id());
    }

    private void bind(ChatEngine.Line line, long contactId) {
        Optional<ChatPeers.ContactRef> contact = peers.contact(contactId);
        if (contact.isEmpty()) {
            line.connection.send(Frames.error("no_contact", "The contact is no longer on file"));
            return;
        }
        ChatSession s = line.session;
        synchronized (s) {
            s.contactId = contact.get().id();
            s.contactName = contact.get().name();
            if (s.language == null) {
                s.language = contact.get().language();
            }
        }
        sessions.changed();
        line.connection.send(Frames.text(Frames.of("verified").put("name", contact.get().name())));
    }

    private static String language(ChatSession s, ChatPeers.ContactRef contact) {
        synchronized (s) {
            return s.language != null ? s.language : contact.language() == null ? "en" : contact.language();
        }
    }
}
