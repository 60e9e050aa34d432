package org.rapport.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of account management (PID {@value #PID}). */
@ObjectClassDefinition(id = AccountsConfig.PID, name = "Rapport account management",
        description = "Tiers, lifecycle rules, churn alerts, follow-up cadence, assignment and the scoring schedule")
public @interface AccountsConfig {
    String PID = "org.rapport.accounts";

    @AttributeDefinition(name = "Tier thresholds", description = "Tier=minimum value score, highest first, e.g. core=75,key=55,standard=30")
    String tierThresholds() default "core=75,key=55,standard=30";

    @AttributeDefinition(name = "Lowest tier", description = "The tier of clients below every threshold")
    String fallbackTier() default "prospect";

    @AttributeDefinition(name = "Tier hysteresis", description = "Points below a threshold before a client drops a tier (avoids flapping)", min = "0", max = "20")
    int tierHysteresis() default 3;

    @AttributeDefinition(name = "Churn alert threshold", description = "Churn risk (0-100) at which the manager is alerted", min = "1", max = "100")
    int churnAlertThreshold() default 60;

    @AttributeDefinition(name = "Follow-up cadence", description = "Days between contacts per tier, e.g. core=30,key=60,standard=90,prospect=180")
    String cadenceDays() default "core=30,key=60,standard=90,prospect=180";

    @AttributeDefinition(name = "New client period (days)", description = "A first transaction within this many days makes a client 'new'", min = "1")
    int newDays() default 180;

    @AttributeDefinition(name = "At-risk after inactive days", min = "1")
    int atRiskInactiveDays() default 90;

    @AttributeDefinition(name = "Churned after inactive days", min = "2")
    int churnedInactiveDays() default 270;

    @AttributeDefinition(name = "Loyal: minimum tenure (days)", min = "0")
    int loyalMinTenureDays() default 730;

    @AttributeDefinition(name = "Loyal: minimum transactions in 12 months", min = "0")
    int loyalMinTx12m() default 6;

    @AttributeDefinition(name = "Scoring schedule", description = "Quartz cron expression (seconds first) for recomputing every client, e.g. 0 0 2 * * ? (daily 02:00)")
    String recomputeCron() default "0 0 2 * * ?";

    @AttributeDefinition(name = "Exchange rates to CNY", description = "Currency=rate for transaction volumes, e.g. USD=7.1,EUR=7.7")
    String fxRates() default "USD=7.1,EUR=7.7,HKD=0.91,SGD=5.3,GBP=9.0,JPY=0.047";

    @AttributeDefinition(name = "Assign new clients automatically")
    boolean autoAssign() default true;

    @AttributeDefinition(name = "Default capacity", description = "Capacity of a manager without a profile", min = "0")
    int defaultCapacity() default 40;
}
