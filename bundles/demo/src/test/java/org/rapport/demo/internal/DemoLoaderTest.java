package org.rapport.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.health.Health;
import org.rapport.records.ClientQuery;
import org.rapport.security.Role;
import org.rapport.security.StaffMember;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.TestDb;
import org.slf4j.LoggerFactory;

/** The demo loader's life: demo mode only, loading in the background, once, stoppable, failures reported. */
class DemoLoaderTest {
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

    private Services services;
    private DemoLoader loader;

    @AfterEach
    void close() throws Exception {
        if (loader != null) {
            loader.deactivate();
        }
        if (services != null) {
            services.close();
        }
    }

    private DemoLoader start(FakeContext context, int companies) {
        loader = new DemoLoader(services.records, services.accounts, services.staff, context.context(), companies);
        return loader;
    }

    private static Health await(DemoLoader loader, Predicate<Health> condition) throws InterruptedException {
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        Health health = loader.progress().check();
        while (!condition.test(health) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health = loader.progress().check();
        }
        return health;
    }

    private long clients() {
        return services.records.clients(ClientQuery.all(1, 1)).total();
    }

    @Test
    void outsideDemoModeNothingRunsAndNothingIsRegistered() throws Exception {
        services = Services.open(TestDb.H2, false);
        FakeContext context = new FakeContext(Map.of(DemoLoader.DEMO_PROPERTY, "false"));

        start(context, 30);

        assertThat(loader.running()).isFalse();
        assertThat(loader.progress()).isNull();
        assertThat(context.registered).isEmpty();
        loader.deactivate();
        assertThat(clients()).isZero();
        assertThat(services.staff.list()).isEmpty();
    }

    @Test
    void inDemoModeTheWorldLoadsInTheBackgroundOnceAndReportsItsProgress() throws Exception {
        services = Services.open(TestDb.H2, true);
        FakeContext context = FakeContext.demo();

        long start = System.nanoTime();
        start(context, 30);
        long activateMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(activateMillis).as("activation does not wait for the load").isLessThan(500);
        assertThat(context.registered).containsExactly(loader.progress());
        assertThat(loader.progress().name()).isEqualTo("demo");
        Health loading = loader.progress().check();
        assertThat(loading.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(loading.message()).startsWith("loading… ").endsWith("/30");

        Health loaded = await(loader, h -> h.status() != Health.Status.DEGRADED);
        assertThat(loaded.status()).isEqualTo(Health.Status.UP);
        assertThat(loaded.message()).isEqualTo("loaded 30 companies");
        assertThat(loaded.details()).containsEntry("companies", 30).containsEntry("managers", 12);
        assertThat(clients()).isEqualTo(30);
        await(loader, h -> !loader.running());
        assertThat(loader.running()).isFalse();
        loader.deactivate();
        assertThat(context.unregistered).containsExactly(context.registered.get(0));

        // a restart over the same data finds the world and leaves it alone
        FakeContext again = FakeContext.demo();
        DemoLoader second = start(again, 30);
        Health present = await(second, h -> h.status() != Health.Status.DEGRADED);
        assertThat(present.status()).isEqualTo(Health.Status.UP);
        assertThat(present.message()).isEqualTo("demo world already present (30 clients)");
        assertThat(clients()).isEqualTo(30);
        assertThat(services.staff.list()).hasSize(12);
    }

    @Test
    void deactivatingMidLoadStopsTheThreadPromptly() throws Exception {
        services = Services.open(TestDb.H2, false);
        FakeContext context = FakeContext.demo();
        start(context, 300);
        await(loader, h -> !h.message().equals("loading… 0/300"));

        long start = System.nanoTime();
        loader.deactivate();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(loader.running()).isFalse();
        assertThat(stopMillis).isLessThan(2_000);
        assertThat(context.unregistered).containsExactly(loader.progress());
        assertThat(clients()).isBetween(1L, 299L);
    }

    @Test
    void aFailureIsReportedInHealthAndOneLogLineWithoutPersonalData() throws Exception {
        services = Services.open(TestDb.H2, false);
        FakeStaff refusing = new FakeStaff() {
            @Override
            public StaffMember create(String username, String displayName, String password, Set<Role> roles) {
                throw new IllegalArgumentException("The username '" + username + "' is taken by " + displayName);
            }
        };
        Logger log = (Logger) LoggerFactory.getLogger(DemoLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            loader = new DemoLoader(services.records, services.accounts, refusing, FakeContext.demo().context(), 30);

            Health failed = await(loader, h -> h.message().startsWith("demo world failed"));
            assertThat(failed.status()).isEqualTo(Health.Status.DEGRADED);
            assertThat(failed.message()).isEqualTo("demo world failed to load after 0/30 companies");
            assertThat(failed.problems()).containsExactly("IllegalArgumentException (invalid input)");
            await(loader, h -> !loader.running());
            List<ILoggingEvent> errors = appender.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getFormattedMessage()).contains("IllegalArgumentException")
                    .doesNotContain("li.na").doesNotContain("李娜");
            assertThat(errors.get(0).getThrowableProxy()).isNull();
        } finally {
            log.detachAppender(appender);
        }
    }
}
