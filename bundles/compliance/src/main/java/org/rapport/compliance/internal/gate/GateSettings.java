package org.rapport.compliance.internal.gate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rapport.compliance.internal.ComplianceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gate's part of the configuration, checked: a value that cannot be read is logged and its default used. */
record GateSettings(QuietHours quietHours, ZoneId defaultZone, FrequencyCaps caps, ContentRules content) {
    private static final Logger LOG = LoggerFactory.getLogger(GateSettings.class);

    static GateSettings of(ComplianceConfig config) {
        QuietHours quiet;
        try {
            quiet = QuietHours.parse(config.quietHours());
        } catch (IllegalArgumentException e) {
            LOG.warn("Configuration {}: {}; using 21:00-08:00", ComplianceConfig.PID, e.getMessage());
            quiet = QuietHours.parse("21:00-08:00");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(config.defaultTimeZone().strip());
        } catch (DateTimeException e) {
            LOG.warn("Configuration {}: defaultTimeZone '{}' is not a time zone; using Asia/Shanghai", ComplianceConfig.PID,
                    config.defaultTimeZone());
            zone = ZoneId.of("Asia/Shanghai");
        }
        FrequencyCaps caps;
        try {
            caps = FrequencyCaps.parse(config.frequencyCaps());
        } catch (IllegalArgumentException e) {
            LOG.warn("Configuration {}: {}; using care=4/30d,marketing=2/7d", ComplianceConfig.PID, e.getMessage());
            caps = FrequencyCaps.parse("care=4/30d,marketing=2/7d");
        }
        List<String> valid = new ArrayList<>();
        for (String line : config.contentRules()) {
            try {
                ContentRules.parse(new String[] {line});
                valid.add(line);
            } catch (IllegalArgumentException e) {
                LOG.warn("Configuration {}: {}; that rule is ignored", ComplianceConfig.PID, e.getMessage());
            }
        }
        return new GateSettings(quiet, zone, caps, ContentRules.parse(valid.toArray(new String[0])));
    }
}
