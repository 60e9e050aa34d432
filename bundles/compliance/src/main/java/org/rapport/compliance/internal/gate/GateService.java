package org.rapport.compliance.internal.gate;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rapport.compliance.Channels;
import org.rapport.compliance.ComplianceGate;
import org.rapport.compliance.Consent;
import org.rapport.compliance.Decision;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.ComplianceConfig;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.records.Contact;
import org.rapport.records.Records;
import org.rapport.security.Principal;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ComplianceGate}: content rules, a known recipient at a known address, consent (a
 * service reply to the client's own request always passes), quiet hours in the recipient's zone,
 * frequency caps per contact and purpose — in that order — and every decision stored. An internal
 * message (purpose {@code internal}) goes only to an enabled staff member's own email address. Checks of
 * one contact are serialised (striped locks), so concurrent sends cannot both slip under a cap.
 */
@Component(service = {ComplianceGate.class, GateService.class}, configurationPid = ComplianceConfig.PID)
public final class GateService implements ComplianceGate {
    private static final Logger LOG = LoggerFactory.getLogger(GateService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final int STRIPES = 256;

    private final Store store;
    private final Records records;
    private final ConsentService consents;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile GateSettings settings;

    @Activate
    public GateService(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference Records records, @Reference ConsentService consents, @Reference StaffDirectory staff, ComplianceConfig config) {
        this(store, records, consents, staff, config, Clock.systemUTC());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static GateService create(Store store, Records records, ConsentService consents, StaffDirectory staff, ComplianceConfig config,
            Clock clock) {
        return new GateService(store, records, consents, staff, config, clock);
    }

    private GateService(Store store, Records records, ConsentService consents, StaffDirectory staff, ComplianceConfig config, Clock clock) {
        this.store = store;
        this.records = records;
        this.consents = consents;
        this.staff = staff;
        this.clock = clock;
        this.settings = GateSettings.of(config);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Modified
    void modified(ComplianceConfig config) {
        settings = GateSettings.of(config);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(DecisionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DecisionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public GateDecision check(OutboundRequest request) {
        return decide(request, false, null);
    }

    /** An admin's test of the rules: decided and stored like a real check, but never counted against caps. */
    public GateDecision dryRun(OutboundRequest request, Principal actor) {
        return decide(request, true, actor);
    }

    @Override
    public List<GateDecision> checkAll(List<OutboundRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        GateSettings current = settings;
        Instant now = clock.instant();
        List<Prepared> prepared = new ArrayList<>(requests.size());
        TreeSet<Integer> stripes = new TreeSet<>();
        // the batch's contacts in one read rather than one each
        java.util.Map<Long, Contact> contacts = records.contactsById(requests.stream().map(OutboundRequest::contactId)
                .filter(java.util.Objects::nonNull).toList());
        for (OutboundRequest request : requests) {
            prepared.add(prepare(request, current, id -> Optional.ofNullable(contacts.get(id))));
            if (request.contactId() != null) {
                stripes.add(stripe(request.contactId()));
            }
        }
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        List<GateDecision> decisions;
        try {
            for (int stripe : stripes) { // ascending, so two batches never wait on each other
                locks[stripe].lock();
                held.add(locks[stripe]);
            }
            decisions = store.jdbi().inTransaction(h -> decideAllIn(h, prepared, current, now));
        } finally {
            for (ReentrantLock lock : held) {
                lock.unlock();
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            tell(requests.get(i), decisions.get(i), false);
        }
        return decisions;
    }

    private GateDecision decide(OutboundRequest request, boolean dryRun, Principal actor) {
        GateSettings current = settings;
        Instant now = clock.instant();
        Prepared p = prepare(request, current, records::contact);
        GateDecision decision;
        if (request.contactId() == null) {
            decision = store.jdbi().inTransaction(h -> decideIn(h, p, current, now, dryRun, actor));
        } else {
            ReentrantLock lock = locks[stripe(request.contactId())];
            lock.lock();
            try {
                decision = store.jdbi().inTransaction(h -> decideIn(h, p, current, now, dryRun, actor));
            } finally {
                lock.unlock();
            }
        }
        tell(request, decision, dryRun);
        return decision;
    }

    /** A request validated, with what is known before the transaction: the early verdict or the contact. */
    private record Prepared(OutboundRequest request, String channel, Verdict early, Optional<Contact> contact) {}

    private Prepared prepare(OutboundRequest request, GateSettings current, java.util.function.LongFunction<Optional<Contact>> contactOf) {
        String channel = Channels.of(request.channel());
        if (request.purpose() == null) {
            throw new IllegalArgumentException("The purpose is required");
        }
        if (request.sender() == null || request.sender().isBlank()) {
            throw new IllegalArgumentException("The sender is required");
        }
        Verdict early = precheck(request, channel, current);
        Optional<Contact> contact = early == null && request.contactId() != null ? contactOf.apply(request.contactId()) : Optional.empty();
        return new Prepared(request, channel, early, contact);
    }

    /**
     * Decides a batch within {@code h} and stores its decisions with one batched insert; the caller holds the contacts'
     * locks. The caps count the batch's own allowed messages, not stored yet, with the stored ones.
     */
    private List<GateDecision> decideAllIn(Handle h, List<Prepared> prepared, GateSettings current, Instant now) {
        BatchCounts batch = new BatchCounts();
        List<Verdict> verdicts = new ArrayList<>(prepared.size());
        List<DecisionRepository.Row> rows = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            Verdict verdict = p.early() != null ? p.early() : evaluate(h, p.request(), p.channel(), p.contact(), current, now, batch);
            boolean counted = verdict.decision() == Decision.ALLOW && verdict.countable();
            if (counted && p.request().contactId() != null) {
                batch.add(p.request().contactId(), p.request().purpose(), p.request().reference());
            }
            verdicts.add(verdict);
            rows.add(row(p.request(), p.channel(), verdict, counted, now, false, null));
        }
        List<Long> ids = DecisionRepository.insertAll(h, rows);
        List<GateDecision> result = new ArrayList<>(prepared.size());
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            result.add(new GateDecision(v.decision(), v.code(), v.reason(), v.retryAt(), ids.get(i)));
        }
        return result;
    }

    /** The counted ALLOWs of a batch not stored yet, per contact and purpose: how many, and their references. */
    private static final class BatchCounts {
        private final Map<String, Integer> counts = new java.util.HashMap<>();
        private final Map<String, java.util.Set<String>> references = new java.util.HashMap<>();

        private static String key(long contactId, Purpose purpose) {
            return contactId + "/" + purpose.id();
        }

        void add(long contactId, Purpose purpose, String reference) {
            counts.merge(key(contactId, purpose), 1, Integer::sum);
            if (reference != null) {
                references.computeIfAbsent(key(contactId, purpose), k -> new java.util.HashSet<>()).add(reference);
            }
        }

        DecisionRepository.CapState with(DecisionRepository.CapState stored, long contactId, Purpose purpose, String reference) {
            String key = key(contactId, purpose);
            return new DecisionRepository.CapState(stored.inWindow() + counts.getOrDefault(key, 0),
                    stored.sameMessage() || reference != null && references.getOrDefault(key, java.util.Set.of()).contains(reference));
        }
    }

    /** Decides within {@code h}; the caller holds the contact's lock. */
    private GateDecision decideIn(Handle h, Prepared p, GateSettings current, Instant now, boolean dryRun, Principal actor) {
        Verdict verdict = p.early() != null ? p.early() : evaluate(h, p.request(), p.channel(), p.contact(), current, now, null);
        boolean counted = !dryRun && verdict.decision() == Decision.ALLOW && verdict.countable();
        return record(h, p.request(), p.channel(), verdict, counted, now, dryRun, actor);
    }

    private static int stripe(Long contactId) {
        return Math.floorMod(contactId.hashCode(), STRIPES);
    }

    private void tell(OutboundRequest request, GateDecision decision, boolean dryRun) {
        for (DecisionListener listener : listeners) {
            try {
                listener.decided(request, decision, dryRun);
            } catch (RuntimeException e) {
                LOG.warn("A decision listener failed: {}", e.toString());
            }
        }
    }

    /** What is decided before the contact is read: content rules, internal messages and unidentified recipients. */
    private Verdict precheck(OutboundRequest request, String channel, GateSettings current) {
        Optional<ContentRules.Rule> broken = current.content().broken(channel, request.content());
        if (broken.isPresent()) {
            return Verdict.deny("content_rule", "The message contains " + broken.get().finding() + ", which is not allowed on " + channel);
        }
        if (request.purpose() == Purpose.INTERNAL) {
            return internal(request, channel);
        }
        if (request.contactId() == null) {
            return request.replyToClient() && request.purpose() == Purpose.SERVICE
                    ? Verdict.allow("Service reply to the sender's own request", false)
                    : Verdict.deny("unknown_contact", "The recipient is not a known contact: only service replies to their own request may be sent");
        }
        return null;
    }

    /** An internal message: only by email, to no contact, at an enabled staff member's own registered address. */
    private Verdict internal(OutboundRequest request, String channel) {
        if (request.contactId() != null) {
            return Verdict.deny("not_staff_address", "Internal messages go to staff members' own addresses, never to a contact");
        }
        if (!Channels.EMAIL.equals(channel)) {
            return Verdict.deny("not_staff_address", "Internal messages go by email to a staff member's own address, not by " + channel);
        }
        List<StaffMember> owners = staff.byEmail(request.address());
        Optional<StaffMember> owner = owners.stream().filter(m -> m.ownsEmail(request.address())).findFirst();
        if (owner.isPresent()) {
            return Verdict.allow("Internal message to staff member " + owner.get().username() + "'s own address", false);
        }
        return owners.isEmpty()
                ? Verdict.deny("not_staff_address", "The address is not a staff member's registered email address")
                : Verdict.deny("not_staff_address", "The address belongs to a disabled staff account");
    }

    /** The verdict for a request; {@code batch}: a batch's decisions not stored yet (or null). */
    private Verdict evaluate(Handle h, OutboundRequest request, String channel, Optional<Contact> found, GateSettings current, Instant now,
            BatchCounts batch) {
        if (found.isEmpty()) {
            return Verdict.deny("unknown_contact", "No contact " + request.contactId());
        }
        Contact contact = found.get();
        if (!addressBelongs(contact, channel, request.address())) {
            return Verdict.deny("unknown_address", "The address is not one of the contact's " + channel + " addresses");
        }
        if (request.replyToClient() && request.purpose() == Purpose.SERVICE) {
            return Verdict.allow("Service reply to the client's own request", false);
        }
        Consent consent = consents.byChannel(h, contact.id()).get(channel).get(request.purpose());
        if (!consent.granted()) {
            return consent.explicit()
                    ? Verdict.deny("opted_out", "The contact opted out of " + request.purpose().id() + " messages by " + channel + " on "
                            + DAY.format(consent.changedAt().atZone(zone(contact, current))) + " (" + consent.source() + ")")
                    : Verdict.deny("no_consent", "The contact has not consented to " + request.purpose().id() + " messages by " + channel);
        }
        ZoneId zone = zone(contact, current);
        Optional<Instant> quietEnd = current.quietHours().endIfQuiet(now, zone);
        if (quietEnd.isPresent()) {
            return new Verdict(Decision.DEFER, "quiet_hours", "Quiet hours " + current.quietHours() + " in " + zone.getId()
                    + " (the recipient's time zone)", quietEnd.get(), false);
        }
        Optional<FrequencyCaps.Cap> cap = current.caps().of(request.purpose());
        Instant since = cap.map(c -> now.minus(c.window())).orElse(now);
        boolean sameMessage = false;
        if (cap.isPresent() || request.reference() != null) {
            DecisionRepository.CapState state = DecisionRepository.capState(h, contact.id(), request.purpose(), since, request.reference());
            if (batch != null) {
                state = batch.with(state, contact.id(), request.purpose(), request.reference());
            }
            sameMessage = state.sameMessage();
            if (cap.isPresent() && !sameMessage && state.inWindow() >= cap.get().max()) {
                return Verdict.deny("frequency_cap", "The " + request.purpose().id() + " cap of " + cap.get().describe()
                        + " for this contact is reached");
            }
        }
        return Verdict.allow("Allowed", !sameMessage);
    }

    private static ZoneId zone(Contact contact, GateSettings current) {
        try {
            return contact.timeZone() == null || contact.timeZone().isBlank() ? current.defaultZone() : ZoneId.of(contact.timeZone());
        } catch (DateTimeException e) {
            return current.defaultZone();
        }
    }

    /** Email and SMS go to one of the contact's own addresses; a chat session id is not checked here. */
    private boolean addressBelongs(Contact contact, String channel, String address) {
        if (address == null || address.isBlank() || Channels.WEBCHAT.equals(channel)) {
            return true;
        }
        String value = address.strip();
        if (Channels.EMAIL.equals(channel)) {
            return contact.emails().stream().anyMatch(e -> e.equalsIgnoreCase(value));
        }
        if (contact.phones().contains(value)) {
            return true;
        }
        return records.contactsByPhone(value).stream().anyMatch(c -> c.id() == contact.id());
    }

    private static GateDecision record(Handle h, OutboundRequest request, String channel, Verdict verdict, boolean counted, Instant now,
            boolean dryRun, Principal actor) {
        long id = DecisionRepository.insert(h, row(request, channel, verdict, counted, now, dryRun, actor));
        return new GateDecision(verdict.decision(), verdict.code(), verdict.reason(), verdict.retryAt(), id);
    }

    private static DecisionRepository.Row row(OutboundRequest request, String channel, Verdict verdict, boolean counted, Instant now,
            boolean dryRun, Principal actor) {
        return new DecisionRepository.Row(0, now, request.contactId(), channel, request.address(), request.purpose(),
                request.sender().strip(), request.reference(), request.replyToClient(), verdict.decision(), verdict.code(), verdict.reason(),
                verdict.retryAt(), counted, dryRun, actor == null ? null : actor.userId());
    }

    /** A decision before it is stored; {@code countable}: an ALLOW that counts against the cap. */
    private record Verdict(Decision decision, String code, String reason, Instant retryAt, boolean countable) {
        static Verdict deny(String code, String reason) {
            return new Verdict(Decision.DENY, code, reason, null, false);
        }

        static Verdict allow(String reason, boolean countable) {
            return new Verdict(Decision.ALLOW, "allowed", reason, null, countable);
        }
    }

    /** The decisions per decision and reason code in a period, for the compliance report. */
    public Map<String, Long> summary(Instant from, Instant to) {
        return store.jdbi().withHandle(h -> DecisionRepository.summary(h, from, to));
    }

    static String lower(Decision decision) {
        return decision.name().toLowerCase(Locale.ROOT);
    }
}
