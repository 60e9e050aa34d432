package org.rapport.compliance.internal.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.security.Principal;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/**
 * Compliance policies staff acknowledge: admins publish a policy (a change is a new version that
 * everyone acknowledges again); each staff member acknowledges the versions in force; who has and
 * who has not is listed per version.
 */
@Component(service = Policies.class)
public final class Policies {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** A policy in force with whether the caller acknowledged it. */
    public record Mine(Policy policy, Instant acknowledgedAt) {
    }

    /** Who acknowledged a version and who (of the enabled staff) has not yet. */
    public record Standing(Policy policy, List<Map<String, Object>> acknowledged, List<Map<String, Object>> pending) {
    }

    private final Store store;
    private final StaffDirectory staff;
    private final Clock clock;

    @Activate
    public Policies(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference StaffDirectory staff) {
        this(store, staff, Clock.systemUTC());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static Policies create(Store store, StaffDirectory staff, Clock clock) {
        return new Policies(store, staff, clock);
    }

    private Policies(Store store, StaffDirectory staff, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.clock = clock;
    }

    /** The policies in force, each with when the caller acknowledged it (or null). */
    public List<Mine> mine(Principal caller) {
        return store.jdbi().withHandle(h -> {
            Set<Long> acked = PolicyRepository.acknowledgedBy(h, caller.userId());
            List<Mine> result = new ArrayList<>();
            for (Policy p : PolicyRepository.active(h)) {
                Instant at = acked.contains(p.id()) ? PolicyRepository.acknowledgements(h, p.id()).get(caller.userId()).getValue() : null;
                result.add(new Mine(p, at));
            }
            return result;
        });
    }

    /**
     * Publishes a policy or a new version of it.
     *
     * @throws IllegalArgumentException for a malformed code, an empty title or body, or one too long
     */
    public Policy publish(String code, String title, String body, Principal actor) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code: 1 to 60 lower-case letters, digits or -, starting with a letter or digit");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title: 1 to 200 characters");
        }
        if (body == null || body.isBlank() || body.length() > 100_000) {
            throw new IllegalArgumentException("body: 1 to 100000 characters");
        }
        return store.inTransaction(tx -> {
            long id = PolicyRepository.publish(tx.handle(), code, title.strip(), body.strip(), actor.displayName(), clock.instant());
            return PolicyRepository.byId(tx.handle(), id).orElseThrow();
        });
    }

    /** Retires a policy (no version in force any more); false when it had none in force. */
    public boolean retire(String code) {
        return store.inTransaction(tx -> {
            boolean active = PolicyRepository.active(tx.handle()).stream().anyMatch(p -> p.code().equals(code));
            PolicyRepository.retire(tx.handle(), code);
            return active;
        });
    }

    public Optional<Policy> policy(long id) {
        return store.jdbi().withHandle(h -> PolicyRepository.byId(h, id));
    }

    public List<Policy> versions(String code) {
        return store.jdbi().withHandle(h -> PolicyRepository.versions(h, code));
    }

    /**
     * Records that the caller acknowledged this version.
     *
     * @throws IllegalStateException when the version is not in force any more
     */
    public Instant acknowledge(long policyId, Principal caller) {
        return store.inTransaction(tx -> {
            Policy policy = PolicyRepository.byId(tx.handle(), policyId).orElseThrow(() -> new java.util.NoSuchElementException("No policy " + policyId));
            if (!policy.active()) {
                throw new IllegalStateException("Version " + policy.version() + " of '" + policy.code() + "' is no longer in force");
            }
            PolicyRepository.acknowledge(tx.handle(), policyId, caller.userId(), caller.displayName(), clock.instant());
            return PolicyRepository.acknowledgements(tx.handle(), policyId).get(caller.userId()).getValue();
        });
    }

    /** Who acknowledged the version, and which enabled staff have not. */
    public Standing standing(long policyId) {
        return store.jdbi().withHandle(h -> {
            Policy policy = PolicyRepository.byId(h, policyId).orElseThrow(() -> new java.util.NoSuchElementException("No policy " + policyId));
            Map<Long, Map.Entry<String, Instant>> acks = PolicyRepository.acknowledgements(h, policyId);
            List<Map<String, Object>> done = new ArrayList<>();
            acks.forEach((user, ack) -> done.add(entry(user, ack.getKey(), ack.getValue())));
            List<Map<String, Object>> pending = new ArrayList<>();
            for (StaffMember member : staff.list()) {
                if (member.enabled() && !acks.containsKey(member.id())) {
                    pending.add(entry(member.id(), member.displayName(), null));
                }
            }
            return new Standing(policy, done, pending);
        });
    }

    private static Map<String, Object> entry(long userId, String name, Instant at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId);
        json.put("name", name);
        json.put("acknowledgedAt", at);
        return json;
    }
}
