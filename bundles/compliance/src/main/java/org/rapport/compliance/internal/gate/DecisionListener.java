package org.rapport.compliance.internal.gate;

import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;

/** Told of every stored gate decision, right after it is stored (the monitoring rules listen); must return quickly. */
public interface DecisionListener {

    void decided(OutboundRequest request, GateDecision decision, boolean dryRun);
}
