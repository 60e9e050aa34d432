package org.rapport.demo.internal;

import java.util.List;
import java.util.Map;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;

/**
 * The state of the demo load as the {@code demo} section of /health: DEGRADED while loading or after a failure,
 * UP once the world is loaded or was already there. Thread-safe; answers from memory.
 */
final class LoadProgress implements HealthCheck {

    /** The check's name, the key under {@code checks} in /health. */
    static final String NAME = "demo";

    private enum State {
        LOADING, SCORING, LOADED, PRESENT, FAILED
    }

    private final int total;
    private State state = State.LOADING;
    private int done;
    private long clients;
    private LoadCounts counts;
    private String reason;

    LoadProgress(int total) {
        this.total = total;
    }

    synchronized void loaded(int companies) {
        done = companies;
    }

    synchronized void scoring() {
        state = State.SCORING;
    }

    synchronized void finished(LoadCounts counts) {
        this.counts = counts;
        done = counts.companies();
        state = State.LOADED;
    }

    synchronized void alreadyPresent(long clients) {
        this.clients = clients;
        state = State.PRESENT;
    }

    synchronized void failed(String reason) {
        this.reason = reason;
        state = State.FAILED;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Health check() {
        return switch (state) {
            case LOADING -> Health.degraded("loading… " + done + "/" + total, List.of())
                    .withDetails(Map.of("done", done, "total", total));
            case SCORING -> Health.degraded("loading… " + done + "/" + total + ", scoring", List.of())
                    .withDetails(Map.of("done", done, "total", total));
            case LOADED -> Health.up("loaded " + counts.companies() + " companies").withDetails(counts.asMap());
            case PRESENT -> Health.up("demo world already present (" + clients + " clients)");
            case FAILED -> Health.degraded("demo world failed to load after " + done + "/" + total + " companies",
                    List.of(reason));
        };
    }
}
