package org.rapport.compliance.internal.audit;

import java.util.List;

/** Told of audit entries right after they are committed (the monitoring rules listen); runs on the audit writer thread, so it must be quick. */
public interface AuditListener {

    void appended(List<AuditRow> rows);
}
