package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.rapport.compliance.ComplianceGate;
import org.rapport.compliance.Decision;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;

/** A compliance gate for tests: answers by a rule, and remembers what it was asked. */
final class FakeGate implements ComplianceGate {
    final List<OutboundRequest> asked = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    volatile Function<OutboundRequest, GateDecision> rule = r -> allow();

    @Override
    public GateDecision check(OutboundRequest request) {
        asked.add(request);
        return rule.apply(request);
    }

    GateDecision allow() {
        return new GateDecision(Decision.ALLOW, "allowed", "allowed", null, ids.incrementAndGet());
    }

    GateDecision deny(String code) {
        return new GateDecision(Decision.DENY, code, "denied: " + code, null, ids.incrementAndGet());
    }

    GateDecision defer(Instant until) {
        return new GateDecision(Decision.DEFER, "quiet_hours", "quiet hours", until, ids.incrementAndGet());
    }
}
