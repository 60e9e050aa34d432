package org.rapport.compliance.internal.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The monitoring rules' thresholds and schedules (PID {@value #PID}); changes apply at once. */
@ObjectClassDefinition(id = MonitorConfig.PID, name = "Rapport compliance monitoring",
        description = "Rules that watch sends and accesses in real time and raise alerts, the chain check and the periodic report")
public @interface MonitorConfig {
    String PID = "org.rapport.compliance.monitoring";

    @AttributeDefinition(name = "Working hours", description = "Local office hours, e.g. 08:00-20:00; staff access outside them raises an alert")
    String workingHours() default "08:00-20:00";

    @AttributeDefinition(name = "Working days", description = "ISO day numbers, 1 = Monday, e.g. 1,2,3,4,5")
    String workingDays() default "1,2,3,4,5";

    @AttributeDefinition(name = "Office time zone", description = "IANA zone of the working hours")
    String timeZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Many reads", description = "Client records read by one user within the window that raise an alert, e.g. 500/10m")
    String readBurst() default "500/10m";

    @AttributeDefinition(name = "Bulk export size", description = "An export of at least this many records (or of everything) raises an alert", min = "1")
    int bulkExportSize() default 1000;

    @AttributeDefinition(name = "Many exports", description = "Exports by one user within the window that raise an alert, e.g. 3/1h")
    String exportBurst() default "3/1h";

    @AttributeDefinition(name = "Chain check schedule", description = "Quartz cron for verifying the audit chain, e.g. 0 15 * * * ? (hourly)")
    String verifySchedule() default "0 15 * * * ?";

    @AttributeDefinition(name = "Report schedule", description = "Quartz cron for the periodic compliance report over the month before, e.g. 0 0 6 1 * ? (the 1st, 06:00)")
    String reportSchedule() default "0 0 6 1 * ?";
}
