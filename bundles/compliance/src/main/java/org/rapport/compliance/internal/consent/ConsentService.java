package org.rapport.compliance.internal.consent;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.compliance.Channels;
import org.rapport.compliance.ComplianceEvents;
import org.rapport.compliance.Consent;
import org.rapport.compliance.ConsentChange;
import org.rapport.compliance.Consents;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.ComplianceConfig;
import org.rapport.compliance.internal.Sql;
import org.rapport.records.Contact;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Records;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/** The {@link Consents} service over {@code cmp_consent}: current state, history, keyword opt-outs and signed unsubscribe links. */
@Component(service = {Consents.class, ConsentService.class}, configurationPid = ComplianceConfig.PID)
@Designate(ocd = ComplianceConfig.class)
public final class ConsentService implements Consents {
    /** The actor of changes the client made themself (a keyword, a link). */
    public static final Principal CLIENT = new Principal(0, "client", "The client", Set.of(), Principal.Kind.SYSTEM, null, Set.of());
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Set<Purpose> KEYWORD_PURPOSES = Set.of(Purpose.CARE, Purpose.MARKETING);

    private final Store store;
    private final Records records;
    private final Clock clock;
    private final String publicUrl;
    private volatile ConsentSettings settings;
    private volatile UnsubscribeLinks links;

    @Activate
    public ConsentService(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference Records records, BundleContext context, ComplianceConfig config) {
        this(store, records, ConsentSettings.of(config), context.getProperty("rapport.public.url"), Clock.systemUTC());
    }

    ConsentService(Store store, Records records, ConsentSettings settings, String publicUrl, Clock clock) {
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** For tests and the gate: a service with the configuration's consent settings. */
    public static ConsentService create(Store store, Records records, ComplianceConfig config, String publicUrl, Clock clock) {
        return new ConsentService(store, records, ConsentSettings.of(config), publicUrl, clock);
    }

    @Modified
    void modified(ComplianceConfig config) {
        settings = ConsentSettings.of(config);
    }

    @Override
    public List<Consent> of(long contactId) {
        requireContact(contactId);
        return store.jdbi().withHandle(h -> state(h, contactId));
    }

    /** Every channel × purpose of a contact, explicit rows over the defaults (the contact is not checked). */
    public List<Consent> state(Handle h, long contactId) {
        Map<String, ConsentRepository.Row> explicit = new LinkedHashMap<>();
        for (ConsentRepository.Row row : ConsentRepository.current(h, contactId)) {
            explicit.put(row.channel() + "/" + row.purpose().id(), row);
        }
        Set<Purpose> defaults = settings.defaultGranted();
        List<Consent> result = new ArrayList<>();
        for (String channel : Channels.ALL) {
            for (Purpose purpose : Purpose.values()) {
                if (!purpose.forClients()) {
                    continue;
                }
                ConsentRepository.Row row = explicit.get(channel + "/" + purpose.id());
                result.add(row == null
                        ? new Consent(contactId, channel, purpose, defaults.contains(purpose), false, "default", null, null, null)
                        : new Consent(contactId, channel, purpose, row.granted(), true, row.source(), row.evidence(), row.changedAt(),
                                row.actorName()));
            }
        }
        return result;
    }

    /** The consent state of one contact as a lookup by channel and purpose. */
    public Map<String, Map<Purpose, Consent>> byChannel(Handle h, long contactId) {
        Map<String, Map<Purpose, Consent>> result = new LinkedHashMap<>();
        for (Consent consent : state(h, contactId)) {
            result.computeIfAbsent(consent.channel(), c -> new EnumMap<>(Purpose.class)).put(consent.purpose(), consent);
        }
        return result;
    }

    @Override
    public List<ConsentChange> history(long contactId) {
        requireContact(contactId);
        return store.jdbi().withHandle(h -> ConsentRepository.history(h, contactId));
    }

    @Override
    public Consent set(long contactId, String channel, Purpose purpose, boolean granted, String source, String evidence,
            Principal actor) {
        String validChannel = Channels.of(channel);
        if (purpose == null || !purpose.forClients()) {
            throw new IllegalArgumentException("A purpose is required (service, care or marketing)");
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("The source must be 1 to 40 lower-case letters, digits or _");
        }
        if (evidence != null && evidence.length() > 1000) {
            throw new IllegalArgumentException("The evidence is longer than 1000 characters");
        }
        requireContact(contactId);
        ConsentRepository.Row row = new ConsentRepository.Row(contactId, validChannel, purpose, granted, source,
                evidence == null || evidence.isBlank() ? null : evidence.strip(), actor.userId(), Sql.cut(actor.displayName(), 200),
                clock.instant());
        return store.inTransaction(tx -> {
            ConsentRepository.record(tx.handle(), row);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put(ComplianceEvents.CONTACT_ID, contactId);
            props.put(ComplianceEvents.CHANNEL, validChannel);
            props.put(ComplianceEvents.PURPOSE, purpose.id());
            props.put(ComplianceEvents.GRANTED, granted);
            props.put(ComplianceEvents.SOURCE, source);
            props.put(ComplianceEvents.ACTOR_ID, actor.userId());
            tx.emit(ComplianceEvents.CONSENT_CHANGED, props);
            return new Consent(contactId, validChannel, purpose, granted, true, source, row.evidence(), row.changedAt(), row.actorName());
        });
    }

    @Override
    public List<Long> optOutByAddress(String channel, String address, String evidence) {
        String validChannel = Channels.of(channel);
        Set<Long> contacts = new LinkedHashSet<>();
        for (Contact contact : contactsAt(validChannel, address)) {
            contacts.add(contact.id());
        }
        String source = Channels.SMS.equals(validChannel) ? "sms_keyword" : Channels.WEBCHAT.equals(validChannel) ? "chat_command" : "email_reply";
        String proof = Sql.cut(evidence, 1000);
        for (long contactId : contacts) {
            for (Purpose purpose : KEYWORD_PURPOSES) {
                set(contactId, validChannel, purpose, false, source, proof, CLIENT);
            }
        }
        return List.copyOf(contacts);
    }

    /** Contacts with this address: by email for email (and a chat identified by email), by phone for SMS (and such a chat). */
    public List<Contact> contactsAt(String channel, String address) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        String value = address.strip();
        boolean email = Channels.EMAIL.equals(channel) || (Channels.WEBCHAT.equals(channel) && value.contains("@"));
        return email ? records.contactsByEmail(value) : records.contactsByPhone(value);
    }

    @Override
    public boolean isOptOutCommand(String text) {
        return settings.commands().matches(text);
    }

    @Override
    public URI unsubscribeUrl(long contactId, String channel, Purpose purpose) {
        return links().url(contactId, channel, purpose);
    }

    /** The link signer, its key loaded (or created) on first use rather than in activate. */
    public UnsubscribeLinks links() {
        UnsubscribeLinks current = links;
        if (current == null) {
            synchronized (this) {
                if (links == null) {
                    links = new UnsubscribeLinks(SigningKey.load(store.jdbi()), publicUrl);
                }
                current = links;
            }
        }
        return current;
    }

    /** Removes the contact's consents and their history; returns how many rows. */
    public long erase(Handle h, long contactId) {
        return ConsentRepository.erase(h, contactId);
    }

    /** The stored history for an export (no check that the contact still exists). */
    public List<ConsentChange> storedHistory(long contactId) {
        return store.jdbi().withHandle(h -> ConsentRepository.history(h, contactId));
    }

    private Contact requireContact(long contactId) {
        return records.contact(contactId).orElseThrow(() -> new NoSuchRecordException("contact", contactId));
    }
}
