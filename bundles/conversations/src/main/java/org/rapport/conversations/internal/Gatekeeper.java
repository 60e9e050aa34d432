package org.rapport.conversations.internal;

import java.util.List;
import java.util.Optional;
import org.rapport.compliance.ComplianceGate;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;

/**
 * The compliance gate as this bundle uses it: bound while the compliance bundle runs. Without it
 * nothing is sent: messages are stored and held in the outbox until a gate has checked them.
 */
final class Gatekeeper {

    static final String SENDER = "org.rapport.conversations";

    private volatile ComplianceGate gate;

    void bind(ComplianceGate gate) {
        this.gate = gate;
    }

    void unbind(ComplianceGate gate) {
        if (this.gate == gate) {
            this.gate = null;
        }
    }

    boolean available() {
        return gate != null;
    }

    /** The gate's decision, or empty while there is no gate (the message must then wait). */
    Optional<GateDecision> check(Long contactId, String channel, String address, String purpose, String content, boolean replyToClient,
            String sender, String key) {
        ComplianceGate g = gate;
        if (g == null) {
            return Optional.empty();
        }
        return Optional.of(g.check(request(contactId, channel, address, purpose, content, replyToClient, sender, key)));
    }

    /** The gate's decisions on many requests in one go (see {@link ComplianceGate#checkAll}), or empty while there is no gate. */
    Optional<List<GateDecision>> checkAll(List<OutboundRequest> requests) {
        ComplianceGate g = gate;
        if (g == null) {
            return Optional.empty();
        }
        return Optional.of(g.checkAll(requests));
    }

    static OutboundRequest request(Long contactId, String channel, String address, String purpose, String content, boolean replyToClient,
            String sender, String key) {
        return new OutboundRequest(contactId, channel, address, Purpose.of(purpose), content, sender == null ? SENDER : sender, replyToClient,
                "outbox:" + key);
    }
}
