package org.rapport.compliance.internal.retention;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** When the retention rules run (PID {@value #PID}). */
@ObjectClassDefinition(id = RetentionConfig.PID, name = "Rapport retention schedule",
        description = "When the retention rules (set per kind of data in the console) delete or anonymise old personal data")
public @interface RetentionConfig {
    String PID = "org.rapport.compliance.retention";

    @AttributeDefinition(name = "Schedule", description = "Quartz cron expression (seconds first), e.g. 0 30 3 * * ? (daily 03:30); empty: only when started by hand")
    String schedule() default "0 30 3 * * ?";
}
