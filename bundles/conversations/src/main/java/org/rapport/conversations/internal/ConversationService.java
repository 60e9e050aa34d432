package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.compliance.ComplianceGate;
import org.rapport.compliance.Consents;
import org.rapport.conversations.Conversation;
import org.rapport.conversations.Complaint;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.ConversationQuery;
import org.rapport.conversations.Conversations;
import org.rapport.conversations.Message;
import org.rapport.conversations.Messenger;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.StaffOutgoing;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.InboundSink;
import org.rapport.conversations.channel.Received;
import org.rapport.conversations.internal.bot.BotReply;
import org.rapport.education.AnswerSource;
import org.rapport.records.Page;
import org.rapport.records.Records;
import org.rapport.security.AuditSink;
import org.rapport.security.Principal;
import org.rapport.security.StaffDirectory;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations core: takes what adapters receive (identify, thread, store, answer), serves
 * the staff inbox, and is the one outbound path for every other bundle.
 */
@Component(service = {Conversations.class, InboundSink.class, Messenger.class, ConversationService.class},
        configurationPid = ConversationsConfig.PID)
@Designate(ocd = ConversationsConfig.class)
public final class ConversationService implements Conversations, InboundSink, Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);

    private final Store store;
    private final Records records;
    private final StaffDirectory staff;
    private final Bot bot;
    private final Clock clock;
    private final Gatekeeper gate = new Gatekeeper();
    private final Peers peers = new Peers();
    private final Facts facts;
    private final Views views;
    private final Identify identify;
    private final ExecutorService recovery = Executors.newSingleThreadExecutor(r -> new Thread(r, "rapport-conversations-recovery"));
    /** Delivery reports that came before their message was recorded as sent, tried again shortly. */
    private final java.util.concurrent.ScheduledExecutorService earlyReports = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rapport-conversations-reports");
        t.setDaemon(true);
        return t;
    });
    private static final int EARLY_REPORT_TRIES = 10;
    private volatile Settings settings;
    private volatile Dispatcher dispatcher;

    @Activate
    public ConversationService(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.conversations)") SchemaReady schema,
            @Reference Records records, @Reference StaffDirectory staff, @Reference Bot bot, ConversationsConfig config) {
        this(store, records, staff, bot, Settings.of(config), Clock.systemUTC());
        recovery.execute(this::answerUnanswered);
    }

    ConversationService(Store store, Records records, StaffDirectory staff, Bot bot, Settings settings, Clock clock) {
        this.store = store;
        this.records = records;
        this.staff = staff;
        this.bot = bot;
        this.settings = settings;
        this.clock = clock;
        this.facts = new Facts(store, records, staff, peers, clock);
        this.views = new Views(staff);
        this.identify = new Identify(records);
        bot.optOutCommands(peers::isOptOutCommand);
    }

    @Modified
    void modified(ConversationsConfig config) {
        settings = Settings.of(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        earlyReports.shutdownNow();
        recovery.shutdown(); // no interrupt: the recovery may be in the middle of a database write
        recovery.awaitTermination(30, TimeUnit.SECONDS);
    }

    // --- optional collaborators ---

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setGate(ComplianceGate g) {
        gate.bind(g);
    }

    void unsetGate(ComplianceGate g) {
        gate.unbind(g);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConsents(Consents c) {
        peers.consents(c);
    }

    void unsetConsents(Consents c) {
        peers.noConsents(c);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setAnswers(AnswerSource a) {
        peers.answers(a);
    }

    void unsetAnswers(AnswerSource a) {
        peers.noAnswers(a);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditSink a) {
        peers.audit(a);
    }

    void unsetAudit(AuditSink a) {
        peers.noAudit(a);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setDispatcher(Dispatcher d) {
        dispatcher = d;
    }

    void unsetDispatcher(Dispatcher d) {
        if (dispatcher == d) {
            dispatcher = null;
        }
    }

    // --- inbound ---

    @Override
    public Received receive(InboundMessage message) {
        Instant now = clock.instant();
        Inbound in = Inbound.of(message, settings.maxTextChars(), now);
        Identity who = identify.who(in);
        Stored stored;
        try {
            stored = store.inTransaction(tx -> storeInbound(tx, in, who, now));
        } catch (UnableToExecuteStatementException e) {
            // the same message arriving twice at once: the other one stored it
            stored = store.inTransaction(tx -> storeInbound(tx, in, who, now));
        }
        if (!stored.duplicate()) {
            afterReceive(stored, in, who);
        }
        return new Received(stored.conversation().id(), stored.messageId(), who.contactId(), stored.duplicate());
    }

    /** A stored inbound message and its conversation. */
    record Stored(ConversationRow conversation, long messageId, boolean duplicate, boolean created) {}

    private Stored storeInbound(org.rapport.store.Tx tx, Inbound in, Identity who, Instant now) {
        Handle h = tx.handle();
        Optional<long[]> known = ConversationRepository.externalRef(h, in.channel(), in.account(), in.externalId());
        if (known.isPresent()) {
            return new Stored(ConversationRepository.conversation(h, known.get()[1]).orElseThrow(), known.get()[0], true, false);
        }
        Long leadId = who.known() ? null : ConversationRepository.lead(h, in.channel(), in.from(), in.fromName(), now);
        String language = org.rapport.conversations.internal.bot.Languages.detect(in.text(),
                who.language() == null ? "en" : who.language());
        Optional<Threading.Found> found = Threading.find(h, in, who, leadId, now, settings.reopenWindow());
        ConversationRow conversation;
        boolean created = false;
        if (found.isPresent()) {
            conversation = found.get().conversation();
            if (found.get().reopen()) {
                ConversationRepository.setState(h, conversation.id(), conversation.botMode() ? "open" : "waiting", conversation.mode(), null);
            } else if (!conversation.botMode()) {
                ConversationRepository.setState(h, conversation.id(), "waiting", "human", null);
            }
            if (conversation.contactId() == null && who.known()) {
                ConversationRepository.setContact(h, conversation.id(), who.contactId(), who.clientId(), who.name());
            }
        } else {
            conversation = ConversationRepository.insertConversation(h, new ConversationRow(0, in.channel(), in.account(), who.contactId(),
                    who.clientId(), leadId, in.from(), who.name() != null ? who.name() : in.fromName(), in.subject(), language, "open", "bot",
                    who.managerId(), null, now, null, now, now, null, 0));
            created = true;
            tx.emit(ConversationEvents.CONVERSATION_CREATED, eventOf(conversation, null));
        }
        long messageId = ConversationRepository.insertMessage(h, new MessageRow(0, conversation.id(), "inbound", "client", null,
                in.subject(), in.text(), null, null, null, "received", null, null, false,
                in.attachments().isEmpty() ? null : JsonText.write(in.attachments()),
                in.flags().isEmpty() ? null : JsonText.write(in.flags()), in.sentAt()));
        ConversationRepository.addExternalRef(h, in.channel(), in.account(), in.externalId(), messageId, conversation.id());
        ConversationRepository.touch(h, conversation.id(), now, preview(in), true, language);
        tx.emit(ConversationEvents.MESSAGE_RECEIVED, eventOf(conversation, messageId));
        return new Stored(ConversationRepository.conversation(h, conversation.id()).orElseThrow(), messageId, false, created);
    }

    private static String preview(Inbound in) {
        return in.text().isBlank() && in.subject() != null ? in.subject() : in.text();
    }

    private void afterReceive(Stored stored, Inbound in, Identity who) {
        BotReply reply = null;
        try {
            reply = respond(stored.conversation(), stored.messageId(), in.text(), who);
        } catch (RuntimeException e) {
            LOG.error("Answering message {} of conversation {} failed; it waits for staff", stored.messageId(),
                    stored.conversation().id(), e);
            handover(stored.conversation().id(), "The bot failed on this message: " + e.getClass().getSimpleName(), Principal.SYSTEM);
        }
        timeline(stored, in, who, reply);
    }

    /** Adds the client's message to their company's timeline (after the fact: the message is stored whatever happens here). */
    private void timeline(Stored stored, Inbound in, Identity who, BotReply reply) {
        if (who.clientId() == null) {
            return;
        }
        try {
            String kind = reply != null && reply.action() == BotReply.Action.FILE_COMPLAINT ? "complaint" : "contact";
            String summary = in.subject() != null && !"email".equals(in.channel()) ? in.text() : (in.subject() == null ? in.text()
                    : in.subject() + ": " + in.text());
            records.addInteraction(who.clientId(), new org.rapport.records.InteractionInput(who.contactId(), in.channel(), "inbound", kind,
                    Sql.cut(summary.isBlank() ? "(no text)" : summary.replaceAll("\\s+", " ").strip(), 2000),
                    "conversation:" + stored.conversation().id() + "/message:" + stored.messageId(), null, null, in.sentAt()),
                    Principal.SYSTEM);
        } catch (RuntimeException e) {
            LOG.warn("Could not add message {} to the timeline of client {}: {}", stored.messageId(), who.clientId(), e.toString());
        }
    }

    /** The bot's turn on an inbound message (or staff's, in human mode). */
    private BotReply respond(ConversationRow conversation, long messageId, String text, Identity who) {
        boolean optOut = peers.isOptOutCommand(text);
        if (!conversation.botMode() && !optOut) {
            return null; // a person is on it: the message waits for them
        }
        if (!bot.enabled() && !optOut) {
            handover(conversation.id(), "The chatbot is switched off", Principal.SYSTEM);
            return null;
        }
        Long verified = who.verified() ? who.contactId() : null;
        BotReply reply = bot.respond(text, conversation.language(), verified, peers.knowledge(), facts);
        String answer = reply.answer();
        String summary = reply.summary();
        BotReply.Action action = reply.action();
        if (action == BotReply.Action.OPT_OUT) {
            Optional<Consents> consents = peers.consents();
            if (consents.isPresent()) {
                consents.get().optOutByAddress(conversation.channel(), conversation.address(), "message " + messageId + ": " + text);
            } else {
                action = BotReply.Action.HANDOVER;
                summary = "Opt-out request (the compliance bundle is not running; record it by hand): " + summary;
                answer = bot.text("handover", reply.language());
            }
        }
        String complaintReference = null;
        if (action == BotReply.Action.FILE_COMPLAINT) {
            complaintReference = fileComplaint(conversation, messageId, who, reply.summary());
            answer = answer.replace("{reference}", complaintReference);
        }
        OutboundDraft draft = new OutboundDraft("bot", null, replySubject(conversation), answer, null, reply.intent().id(),
                reply.sources(), "service", "bot:" + messageId);
        String status = reply.handover() || action == BotReply.Action.HANDOVER ? "handover" : "answered";
        writeOutbound(conversation, draft, true, h -> {
            ConversationRepository.setIntent(h, messageId, reply.intent().id());
            ConversationRepository.setMessageStatus(h, messageId, status, null);
        });
        if (action == BotReply.Action.HANDOVER || action == BotReply.Action.FILE_COMPLAINT) {
            handover(conversation.id(), complaintReference == null ? summary : summary + " [" + complaintReference + "]", Principal.SYSTEM);
        }
        return new BotReply(reply.intent(), reply.language(), answer, reply.sources(), reply.confidence(), action, summary);
    }

    private String fileComplaint(ConversationRow conversation, long messageId, Identity who, String summary) {
        return store.inTransaction(tx -> {
            ConversationRepository.ComplaintRow row = ConversationRepository.insertComplaint(tx.handle(), conversation.id(), messageId,
                    who.contactId(), who.clientId(), summary, clock.instant());
            Map<String, Object> event = eventOf(conversation, messageId);
            event.put(ConversationEvents.COMPLAINT_ID, row.id());
            tx.emit(ConversationEvents.COMPLAINT_FILED, event);
            return row.reference();
        });
    }

    private static String replySubject(ConversationRow conversation) {
        if (conversation.subject() == null || !"email".equals(conversation.channel())) {
            return null;
        }
        String s = conversation.subject();
        return s.regionMatches(true, 0, "re:", 0, 3) || s.startsWith("回复") ? s : "Re: " + s;
    }

    /** Answers inbound messages a crash left unanswered (stored, but the bot never replied). */
    private void answerUnanswered() {
        try {
            List<MessageRow> waiting = store.jdbi().withHandle(h -> ConversationRepository.unanswered(h, clock.instant().minusSeconds(5), 500));
            for (MessageRow m : waiting) {
                ConversationRow conversation = store.jdbi().withHandle(h -> ConversationRepository.conversation(h, m.conversationId())).orElseThrow();
                Identity who = conversation.contactId() == null ? Identity.unknown(conversation.name())
                        : identify.byContact(conversation.contactId(), !"webchat".equals(conversation.channel()));
                respond(conversation, m.id(), m.body(), who);
            }
            if (!waiting.isEmpty()) {
                LOG.info("Answered {} client messages left unanswered by an interruption", waiting.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not answer messages left unanswered: {}", e.toString());
        }
    }

    @Override
    public void delivery(DeliveryReport report) {
        if (report == null || report.status() == null) {
            return;
        }
        deliveryTry(report, 1);
    }

    /**
     * A report by channel id can come before the dispatcher has recorded that id (it records a
     * pass's sends together): such a report is tried again a few times, a second apart.
     */
    private void deliveryTry(DeliveryReport report, int attempt) {
        boolean found = store.inTransaction(tx -> {
            Optional<OutboxRow> row = report.idempotencyKey() != null ? OutboxRepository.byKey(tx.handle(), report.idempotencyKey())
                    : report.externalId() != null ? OutboxRepository.byExternalId(tx.handle(), report.channel(), report.externalId())
                    : Optional.empty();
            if (row.isEmpty()) {
                return false;
            }
            String status = report.status().name().toLowerCase(java.util.Locale.ROOT);
            MessageRow message = ConversationRepository.message(tx.handle(), row.get().messageId()).orElseThrow();
            if ("read".equals(message.status()) && "delivered".equals(status)) {
                return true; // a late delivery receipt after the read receipt
            }
            ConversationRepository.setMessageStatus(tx.handle(), message.id(), status, report.detail());
            ConversationRow conversation = ConversationRepository.conversation(tx.handle(), message.conversationId()).orElseThrow();
            Map<String, Object> event = eventOf(conversation, message.id());
            event.put(ConversationEvents.STATUS, status);
            event.put(ConversationEvents.KEY, row.get().key());
            tx.emit(ConversationEvents.MESSAGE_STATUS, event);
            return true;
        });
        if (!found && report.idempotencyKey() == null && report.externalId() != null && attempt < EARLY_REPORT_TRIES) {
            try {
                earlyReports.schedule(() -> deliveryTry(report, attempt + 1), 1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Stopping: the delivery report for {} is not tried again", report.externalId());
            }
        } else if (!found) {
            LOG.debug("A delivery report for no known message: {} {}", report.channel(), report.externalId());
        }
    }

    // --- the staff side ---

    @Override
    public Page<Conversation> list(ConversationQuery query) {
        return store.jdbi().withHandle(h -> new Page<>(views.conversations(ConversationRepository.list(h, query)),
                ConversationRepository.count(h, query)));
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        // an internal message to a staff member (a test send) is no conversation with a client: not found here either
        return store.jdbi().withHandle(h -> ConversationRepository.conversation(h, id))
                .filter(row -> !StaffMessages.INTERNAL.equals(row.status())).map(views::conversation);
    }

    @Override
    public List<Message> messages(long conversationId) {
        return store.jdbi().withHandle(h -> ConversationRepository.messages(h, conversationId)).stream().map(views::message).toList();
    }

    @Override
    public Message reply(long conversationId, String text, Principal staffMember) {
        String body = requireText(text);
        ConversationRow conversation = existing(conversationId);
        OutboundDraft draft = new OutboundDraft("staff", staffMember.userId(), replySubject(conversation), body, null, null, List.of(),
                "service", "staff:" + conversationId + ":" + UUID.randomUUID());
        long messageId = writeOutbound(conversation, draft, true, h -> {
            ConversationRepository.setState(h, conversationId, "open", "human", null);
            if (conversation.assigneeId() == null) {
                ConversationRepository.setAssignee(h, conversationId, staffMember.userId());
            }
        });
        staffTimeline(conversation, messageId, body, staffMember);
        return messageById(messageId);
    }

    private void staffTimeline(ConversationRow conversation, long messageId, String text, Principal staffMember) {
        if (conversation.clientId() == null) {
            return;
        }
        try {
            records.addInteraction(conversation.clientId(), new org.rapport.records.InteractionInput(conversation.contactId(),
                    conversation.channel(), "outbound", "contact", Sql.cut(text.replaceAll("\\s+", " ").strip(), 2000),
                    "conversation:" + conversation.id() + "/message:" + messageId, staffMember.userId(), staffMember.displayName(),
                    clock.instant()), staffMember);
        } catch (RuntimeException e) {
            LOG.warn("Could not add reply {} to the timeline of client {}: {}", messageId, conversation.clientId(), e.toString());
        }
    }

    @Override
    public Message note(long conversationId, String text, Principal staffMember) {
        String body = requireText(text);
        existing(conversationId);
        long id = store.inTransaction(tx -> {
            long messageId = ConversationRepository.insertMessage(tx.handle(), new MessageRow(0, conversationId, "note", "staff",
                    staffMember.userId(), null, body, null, null, null, null, null, null, false, null, null, clock.instant()));
            return messageId;
        });
        return messageById(id);
    }

    @Override
    public Conversation assign(long conversationId, Long staffId, String reason, Principal actor) {
        if (staffId != null && staff.byId(staffId).filter(org.rapport.security.StaffMember::enabled).isEmpty()) {
            throw new IllegalArgumentException("No enabled staff member " + staffId);
        }
        store.inTransaction(tx -> {
            ConversationRow c = ConversationRepository.lockConversation(tx.handle(), conversationId)
                    .orElseThrow(() -> new NoSuchElementException("No conversation " + conversationId));
            ConversationRepository.setAssignee(tx.handle(), conversationId, staffId);
            String to = staffId == null ? "nobody" : staff.byId(staffId).map(m -> m.displayName()).orElse("#" + staffId);
            systemNote(tx.handle(), conversationId, "Assigned to " + to + " by " + actor.displayName()
                    + (reason == null || reason.isBlank() ? "" : ": " + Sql.cut(reason.strip(), 500)));
            Map<String, Object> event = eventOf(c, null);
            if (staffId != null) {
                event.put(ConversationEvents.STAFF_ID, staffId);
            }
            tx.emit(ConversationEvents.CONVERSATION_ASSIGNED, event);
            return null;
        });
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public Conversation handover(long conversationId, String summary, Principal actor) {
        store.inTransaction(tx -> {
            Handle h = tx.handle();
            ConversationRow c = ConversationRepository.lockConversation(h, conversationId)
                    .orElseThrow(() -> new NoSuchElementException("No conversation " + conversationId));
            Long assignee = c.assigneeId();
            if (assignee == null || staff.byId(assignee).filter(org.rapport.security.StaffMember::enabled).isEmpty()) {
                Long manager = c.clientId() == null ? null : records.client(c.clientId()).map(cl -> cl.standing().managerId()).orElse(null);
                assignee = Routing.assignee(h, staff, manager).orElse(null);
                ConversationRepository.setAssignee(h, conversationId, assignee);
            }
            ConversationRepository.setState(h, conversationId, "waiting", "human", null);
            String text = summary == null || summary.isBlank() ? "Handed over to staff" : Sql.cut(summary.strip(), 2000);
            ConversationRepository.setHandover(h, conversationId, text);
            systemNote(h, conversationId, "Handed over" + (actor.kind() == Principal.Kind.SYSTEM ? "" : " by " + actor.displayName())
                    + ": " + text);
            Map<String, Object> event = eventOf(c, null);
            if (assignee != null) {
                event.put(ConversationEvents.STAFF_ID, assignee);
            }
            tx.emit(ConversationEvents.CONVERSATION_HANDOVER, event);
            return null;
        });
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public Conversation close(long conversationId, Principal actor) {
        store.inTransaction(tx -> {
            ConversationRow c = ConversationRepository.lockConversation(tx.handle(), conversationId)
                    .orElseThrow(() -> new NoSuchElementException("No conversation " + conversationId));
            if (!c.closed()) {
                ConversationRepository.setState(tx.handle(), conversationId, "closed", "bot", clock.instant());
                systemNote(tx.handle(), conversationId, "Closed by " + actor.displayName());
                tx.emit(ConversationEvents.CONVERSATION_CLOSED, eventOf(c, null));
            }
            return null;
        });
        return conversation(conversationId).orElseThrow();
    }

    // --- complaints ---

    @Override
    public List<Complaint> complaints(String status, int limit) {
        if (status != null && !Complaint.STATUSES.contains(status)) {
            throw new IllegalArgumentException("The status must be one of " + String.join(", ", Complaint.STATUSES));
        }
        int max = Math.max(1, Math.min(500, limit));
        return store.jdbi().withHandle(h -> ConversationRepository.complaintsByStatus(h, status, max)).stream()
                .map(ConversationService::complaintOf).toList();
    }

    @Override
    public Optional<Complaint> complaint(long id) {
        return store.jdbi().withHandle(h -> ConversationRepository.complaint(h, id, false)).map(ConversationService::complaintOf);
    }

    @Override
    public Complaint moveComplaint(long id, String status, String note, Principal actor) {
        if (status == null || !Complaint.STATUSES.contains(status)) {
            throw new IllegalArgumentException("The status must be one of " + String.join(", ", Complaint.STATUSES));
        }
        String text = note == null || note.isBlank() ? null : Sql.cut(note.strip(), 2000);
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            ConversationRepository.ComplaintRow row = ConversationRepository.complaint(h, id, true)
                    .orElseThrow(() -> new NoSuchElementException("No complaint " + id));
            if (!Complaint.canMove(row.status(), status)) {
                throw new IllegalArgumentException("A complaint that is " + row.status() + " cannot move to " + status);
            }
            Instant now = clock.instant();
            ConversationRepository.setComplaintStatus(h, id, status, now);
            systemNote(h, row.conversationId(), "Complaint " + row.reference() + ": " + row.status() + " → " + status + " by "
                    + actor.displayName() + (text == null ? "" : ": " + text));
            Map<String, Object> event = new HashMap<>();
            event.put(ConversationEvents.COMPLAINT_ID, id);
            event.put(ConversationEvents.CONVERSATION_ID, row.conversationId());
            event.put(ConversationEvents.STATUS, status);
            if (row.contactId() != null) {
                event.put(ConversationEvents.CONTACT_ID, row.contactId());
            }
            if (row.clientId() != null) {
                event.put(ConversationEvents.CLIENT_ID, row.clientId());
            }
            tx.emit(ConversationEvents.COMPLAINT_STATUS, event);
            if (Complaint.CLOSED.equals(status)) {
                tx.emit(ConversationEvents.COMPLAINT_CLOSED, event);
            }
            return new Complaint(row.id(), row.reference(), row.conversationId(), row.contactId(), row.clientId(), row.summary(), status,
                    row.createdAt(), now);
        });
    }

    private static Complaint complaintOf(ConversationRepository.ComplaintRow r) {
        return new Complaint(r.id(), r.reference(), r.conversationId(), r.contactId(), r.clientId(), r.summary(), r.status(), r.createdAt(),
                r.updatedAt());
    }

    private void systemNote(Handle h, long conversationId, String text) {
        ConversationRepository.insertMessage(h, new MessageRow(0, conversationId, "note", "system", null, null, text, null, null, null, null,
                null, null, false, null, null, clock.instant()));
    }

    // --- the outbound path ---

    @Override
    public SendOutcome send(Outgoing message) {
        return sendAll(List.of(message)).get(0);
    }

    @Override
    public List<SendOutcome> sendAll(List<Outgoing> messages) {
        List<SendOutcome> outcomes = new OutgoingBatch(store, records, gate, clock).send(messages);
        wakeDispatcher();
        return outcomes;
    }

    @Override
    public SendOutcome sendToStaff(StaffOutgoing message) {
        SendOutcome outcome = new StaffMessages(store, staff, gate, clock).send(message);
        wakeDispatcher();
        return outcome;
    }

    @Override
    public Map<String, Long> outboxCounts() {
        return store.jdbi().withHandle(OutboxRepository::counts);
    }

    @Override
    public Map<String, String> statuses(java.util.Collection<String> keys) {
        return new Withdrawals(store, clock).statuses(keys);
    }

    @Override
    public List<String> withdraw(java.util.Collection<String> keys) {
        return new Withdrawals(store, clock).withdraw(keys);
    }

    @Override
    public List<String> withdrawByPrefix(String keyPrefix) {
        return new Withdrawals(store, clock).withdrawByPrefix(keyPrefix);
    }

    @Override
    public List<String> requeue(java.util.Collection<String> keys) {
        List<String> requeued = new Withdrawals(store, clock).requeue(keys);
        wakeDispatcher();
        return requeued;
    }

    @Override
    public List<String> requeueByPrefix(String keyPrefix) {
        List<String> requeued = new Withdrawals(store, clock).requeueByPrefix(keyPrefix);
        wakeDispatcher();
        return requeued;
    }

    /** Checks and writes one outbound message of a conversation, with {@code more} statements in the same transaction. */
    private long writeOutbound(ConversationRow conversation, OutboundDraft draft, boolean replyToClient,
            java.util.function.Consumer<Handle> more) {
        Instant now = clock.instant();
        Outcome outcome = Outcome.of(gate.check(conversation.contactId(), conversation.channel(), conversation.address(), draft.purpose(),
                draft.subject() == null ? draft.text() : draft.subject() + "\n" + draft.text(), replyToClient, null, draft.key()), now);
        long id = store.inTransaction(tx -> {
            long messageId = OutboundWriter.write(tx, conversation, draft, outcome, now);
            more.accept(tx.handle());
            return messageId;
        });
        wakeDispatcher();
        return id;
    }

    private void wakeDispatcher() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    }

    // --- helpers ---

    private ConversationRow existing(long conversationId) {
        return store.jdbi().withHandle(h -> ConversationRepository.conversation(h, conversationId))
                .orElseThrow(() -> new NoSuchElementException("No conversation " + conversationId));
    }

    private Message messageById(long id) {
        return store.jdbi().withHandle(h -> ConversationRepository.message(h, id)).map(views::message).orElseThrow();
    }

    private String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The text must not be empty");
        }
        if (text.length() > settings.maxTextChars()) {
            throw new IllegalArgumentException("The text is longer than " + settings.maxTextChars() + " characters");
        }
        return text.strip();
    }

    static Map<String, Object> eventOf(ConversationRow c, Long messageId) {
        Map<String, Object> event = new HashMap<>();
        event.put(ConversationEvents.CONVERSATION_ID, c.id());
        event.put(ConversationEvents.CHANNEL, c.channel());
        if (messageId != null) {
            event.put(ConversationEvents.MESSAGE_ID, messageId);
        }
        if (c.contactId() != null) {
            event.put(ConversationEvents.CONTACT_ID, c.contactId());
        }
        if (c.clientId() != null) {
            event.put(ConversationEvents.CLIENT_ID, c.clientId());
        }
        return event;
    }

    /** For the console's "try the bot": the answer without any side effect. */
    public BotReply tryBot(String text, String language, Long contactId) {
        return bot.respond(text, language, contactId, peers.knowledge(), facts);
    }

    Gatekeeper gate() {
        return gate;
    }

    Peers peers() {
        return peers;
    }
}
