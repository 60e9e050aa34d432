package org.rapport.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: creation (including the first admin and the demo users), changes, passwords
 * and the sign-in check with per-username lockout.
 */
@Component(service = {Accounts.class, StaffDirectory.class}, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public final class Accounts implements StaffDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final String ADMIN = "admin";
    private static final int MAX_TRACKED_UNKNOWN = 10_000;

    private final Store store;
    private final SecuritySettings settings;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Map<String, Lockout.State> unknownUsernames = new ConcurrentHashMap<>();

    @Activate
    public Accounts(@Reference Store store, @Reference(target = "(bundle=org.rapport.security)") SchemaReady schema,
            BundleContext context, SecurityConfig config) {
        this(store, SecuritySettings.of(config, context), Clock.systemUTC());
        bootstrap();
    }

    Accounts(Store store, SecuritySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Demo users in demo mode; the first admin when there is no admin account. */
    void bootstrap() {
        if (settings.demo()) {
            for (Role role : Role.values()) {
                ensureDemoUser(role);
            }
        }
        boolean hasAdmin = store.jdbi().withHandle(UserRepository::list).stream().anyMatch(u -> u.roles().contains(Role.ADMIN));
        if (hasAdmin) {
            return;
        }
        boolean random = settings.initialAdminPassword() == null;
        String password = random ? Secrets.random(12) : settings.initialAdminPassword();
        try {
            insert(ADMIN, "Administrator", password, EnumSet.of(Role.ADMIN));
        } catch (ApiException e) {
            LOG.error("No admin account exists and 'admin' cannot be created: {}", e.getMessage());
            return;
        }
        if (random) {
            LOG.warn("First start: created admin account 'admin' with one-time password {}; change it after signing in", password);
        } else {
            LOG.info("First start: created admin account 'admin' with the configured initial password");
        }
    }

    private void ensureDemoUser(Role role) {
        if (byUsername(role.id()).isPresent()) {
            return;
        }
        String displayName = Character.toUpperCase(role.id().charAt(0)) + role.id().substring(1) + " (demo)";
        try {
            insert(role.id(), displayName, "demo", EnumSet.of(role));
            LOG.info("Demo mode: created user '{}' with role {}", role.id(), role.id());
        } catch (ApiException e) {
            LOG.debug("Demo user {} appeared concurrently", role.id());
        }
    }

    SecuritySettings settings() {
        return settings;
    }

    @Override
    public List<StaffMember> list() {
        return rows().stream().map(UserRow::member).toList();
    }

    @Override
    public Optional<StaffMember> byId(long id) {
        return row(id).map(UserRow::member);
    }

    @Override
    public Optional<StaffMember> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return store.jdbi().withHandle(h -> UserRepository.byUsername(h, username)).map(UserRow::member);
    }

    @Override
    public List<StaffMember> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return store.jdbi().withHandle(h -> UserRepository.byEmail(h, email)).stream().map(UserRow::member).toList();
    }

    @Override
    public StaffMember create(String username, String displayName, String password, Set<Role> roles) {
        try {
            return create(username, displayName, password, roles.stream().map(Role::id).toList()).member();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    List<UserRow> rows() {
        return store.jdbi().withHandle(UserRepository::list);
    }

    Optional<UserRow> row(long id) {
        return store.jdbi().withHandle(h -> UserRepository.byId(h, id));
    }

    /** Creates an account after validating every field (400) and the username's uniqueness (409). */
    UserRow create(String username, String displayName, String password, List<String> roleIds) {
        return create(username, displayName, password, roleIds, null);
    }

    /** Creates an account with an optional email address (null or blank: none). */
    UserRow create(String username, String displayName, String password, List<String> roleIds, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.checkUsername(username, errors);
        AccountRules.checkDisplayName(displayName, errors);
        AccountRules.checkPassword("password", password, settings.minPasswordLength(), errors);
        Set<Role> roles = AccountRules.roles(roleIds, errors);
        String address = AccountRules.email(email, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        long id = insert(username, displayName == null ? username : displayName.trim(), password, roles);
        if (address != null) {
            store.inTransaction(tx -> {
                UserRepository.setEmail(tx.handle(), id, address, clock.instant());
                return null;
            });
        }
        return row(id).orElseThrow();
    }

    /**
     * Sets the account's own email address, or clears it with {@code null} or blank (400 when it is
     * not one valid address, 404 for an unknown account).
     */
    UserRow setEmail(long id, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        String address = AccountRules.email(email, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        row(id).orElseThrow(() -> ApiException.notFound("No user " + id));
        store.inTransaction(tx -> {
            UserRepository.setEmail(tx.handle(), id, address, clock.instant());
            return null;
        });
        return row(id).orElseThrow();
    }

    private long insert(String username, String displayName, String password, Set<Role> roles) {
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        try {
            return store.inTransaction(tx -> {
                if (UserRepository.byUsername(tx.handle(), username).isPresent()) {
                    throw ApiException.conflict("The username '" + username + "' is taken");
                }
                return UserRepository.insert(tx.handle(), username, displayName, hash, roles, now);
            });
        } catch (UnableToExecuteStatementException e) {
            throw ApiException.conflict("The username '" + username + "' is taken");
        }
    }

    /**
     * Changes display name, roles and/or enabled state (null: unchanged). Refuses (409) a change
     * that would leave no enabled admin.
     */
    UserRow update(long id, String displayName, List<String> roleIds, Boolean enabled) {
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.checkDisplayName(displayName, errors);
        Set<Role> roles = roleIds == null ? null : AccountRules.roles(roleIds, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            List<UserRow> all = UserRepository.list(tx.handle());
            UserRow current = all.stream().filter(u -> u.id() == id).findFirst()
                    .orElseThrow(() -> ApiException.notFound("No user " + id));
            Set<Role> newRoles = roles == null ? current.roles() : roles;
            boolean newEnabled = enabled == null ? current.enabled() : enabled;
            boolean staysAdmin = newEnabled && newRoles.contains(Role.ADMIN);
            boolean otherAdmin = all.stream().anyMatch(u -> u.id() != id && u.isEnabledAdmin());
            if (current.isEnabledAdmin() && !staysAdmin && !otherAdmin) {
                throw ApiException.conflict("This is the last enabled admin: it cannot be disabled or lose the admin role");
            }
            UserRepository.update(tx.handle(), id, displayName == null ? current.displayName() : displayName.trim(),
                    newRoles, newEnabled, now);
            return null;
        });
        return row(id).orElseThrow();
    }

    /** Sets a new password (400 when too short or long, 404 for an unknown account). */
    void setPassword(long id, String password) {
        Map<String, String> errors = new LinkedHashMap<>();
        AccountRules.checkPassword("password", password, settings.minPasswordLength(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        row(id).orElseThrow(() -> ApiException.notFound("No user " + id));
        String hash = hasher.hash(password);
        store.inTransaction(tx -> {
            UserRepository.setPassword(tx.handle(), id, hash, clock.instant());
            return null;
        });
    }

    boolean passwordMatches(UserRow user, String password) {
        return hasher.verify(password, user.passwordHash());
    }

    /**
     * Checks a sign-in. A locked username is refused without checking the password; an unknown
     * username costs as much time as a known one and is locked out the same way.
     */
    LoginOutcome login(String username, String password) {
        Instant now = clock.instant();
        Lockout lockout = settings.lockout();
        String key = username == null ? "" : UserRepository.key(username);
        Optional<UserRow> found = key.isEmpty() ? Optional.empty()
                : store.jdbi().withHandle(h -> UserRepository.byUsername(h, key));
        Lockout.State state = found.map(u -> new Lockout.State(u.failedAttempts(), u.lastFailedAt(), u.lockedUntil()))
                .orElseGet(() -> unknownUsernames.getOrDefault(key, Lockout.State.CLEAN));
        long lockedFor = lockout.lockedForSeconds(state, now);
        if (lockedFor > 0) {
            return new LoginOutcome.Locked(lockedFor);
        }
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            rememberUnknownFailure(key, lockout.afterFailure(state, now));
            return new LoginOutcome.Invalid();
        }
        UserRow user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            Lockout.State next = lockout.afterFailure(state, now);
            store.inTransaction(tx -> {
                UserRepository.recordFailure(tx.handle(), user.id(), next);
                return null;
            });
            if (next.lockedUntil() != null) {
                LOG.warn("Sign-in for user id {} locked until {} after {} failed attempts", user.id(), next.lockedUntil(),
                        next.attempts());
            }
            return new LoginOutcome.Invalid();
        }
        if (!user.enabled()) {
            return new LoginOutcome.Invalid();
        }
        store.inTransaction(tx -> {
            UserRepository.recordLogin(tx.handle(), user.id(), now);
            return null;
        });
        return new LoginOutcome.Success(row(user.id()).orElse(user));
    }

    private void rememberUnknownFailure(String key, Lockout.State state) {
        if (key.isEmpty()) {
            return;
        }
        if (unknownUsernames.size() >= MAX_TRACKED_UNKNOWN) {
            unknownUsernames.clear();
        }
        unknownUsernames.put(key, state);
    }
}
