package org.rapport.compliance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of consent and the outbound gate (PID {@value #PID}); changes apply at once. */
@ObjectClassDefinition(id = ComplianceConfig.PID, name = "Rapport compliance gate and consent",
        description = "Consent defaults, opt-out keywords, quiet hours, frequency caps and content rules of the outbound gate")
public @interface ComplianceConfig {
    String PID = "org.rapport.compliance";

    @AttributeDefinition(name = "Purposes granted by default",
            description = "Purposes a contact has consented to unless they opted out (service, care, marketing). Replies to the client's own request are always allowed")
    String[] defaultGranted() default {"service"};

    @AttributeDefinition(name = "Opt-out keywords", description = "Messages consisting only of one of these (any case, punctuation ignored) opt the sender out")
    String[] optOutKeywords() default {"STOP", "STOPALL", "UNSUBSCRIBE", "OPTOUT", "QUIT", "END", "TD", "T", "退订", "退定", "取消订阅",
        "退订短信", "取消关注", "不要再发"};

    @AttributeDefinition(name = "Quiet hours", description = "Local time range in the recipient's time zone during which sends are deferred, e.g. 21:00-08:00; empty for none")
    String quietHours() default "21:00-08:00";

    @AttributeDefinition(name = "Default time zone", description = "IANA zone for recipients without one, e.g. Asia/Shanghai")
    String defaultTimeZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Frequency caps",
            description = "Per purpose: at most N allowed messages per window per contact, e.g. care=4/30d,marketing=2/7d (h for hours); a purpose not listed has no cap")
    String frequencyCaps() default "care=4/30d,marketing=2/7d";

    @AttributeDefinition(name = "Content rules",
            description = "One per line: channels:rule, channels a comma list or *; rules resident_id (Chinese resident ID with its check digit), bank_card (card numbers passing Luhn), keyword=word, regex=pattern")
    String[] contentRules() default {"sms:resident_id", "sms:bank_card"};
}
