package org.rapport.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;

/** An in-memory staff directory for unit tests; thread-safe, as services read it from their own threads. */
public class FakeStaff implements StaffDirectory {
    private final List<StaffMember> members = new CopyOnWriteArrayList<>();
    private final List<String> passwords = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    /** Adds an enabled member with this id; the display name is the username in upper case. */
    public StaffMember add(long id, String username, Role... roles) {
        StaffMember m = new StaffMember(id, username, username.toUpperCase(java.util.Locale.ROOT), Set.of(roles), true, Instant.EPOCH, null);
        members.add(m);
        return m;
    }

    /** Adds an enabled member with the next free id. */
    public StaffMember add(String username, String displayName, Role... roles) {
        StaffMember m = new StaffMember(ids.incrementAndGet(), username, displayName, Set.of(roles), true, Instant.EPOCH, null);
        members.add(m);
        return m;
    }

    /** Disables a member's account. */
    public void disable(long id) {
        byId(id).ifPresent(m -> {
            members.remove(m);
            members.add(new StaffMember(m.id(), m.username(), m.displayName(), m.roles(), false, m.createdAt(), m.lastLoginAt(), m.email()));
        });
    }

    /** Sets (or with {@code null} clears) a member's own email address. */
    public void setEmail(long id, String email) {
        byId(id).ifPresent(m -> {
            members.remove(m);
            members.add(new StaffMember(m.id(), m.username(), m.displayName(), m.roles(), m.enabled(), m.createdAt(), m.lastLoginAt(), email));
        });
    }

    /** The passwords given to {@link #create}, in order. */
    public List<String> passwords() {
        return List.copyOf(passwords);
    }

    @Override
    public List<StaffMember> list() {
        return List.copyOf(members);
    }

    @Override
    public Optional<StaffMember> byId(long id) {
        return members.stream().filter(m -> m.id() == id).findFirst();
    }

    @Override
    public Optional<StaffMember> byUsername(String username) {
        return members.stream().filter(m -> m.username().equalsIgnoreCase(username)).findFirst();
    }

    @Override
    public StaffMember create(String username, String displayName, String password, Set<Role> roles) {
        if (byUsername(username).isPresent()) {
            throw new IllegalArgumentException("The username '" + username + "' is taken");
        }
        passwords.add(password);
        return add(username, displayName, roles.toArray(Role[]::new));
    }
}
