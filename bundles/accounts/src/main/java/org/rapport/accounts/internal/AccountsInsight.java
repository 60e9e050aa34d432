package org.rapport.accounts.internal;

import java.util.List;
import java.util.Map;

/** Dashboard figures of account management; an internal service for this bundle's servlets. */
public interface AccountsInsight {

    /** Tiers, stages, churn risk buckets, manager workload and the overdue follow-up count ({@code managerId} null: all). */
    Map<String, Object> overview(Long managerId);

    /** Clients past their follow-up date, most overdue first. */
    List<Map<String, Object>> overdue(Long managerId, int limit);
}
