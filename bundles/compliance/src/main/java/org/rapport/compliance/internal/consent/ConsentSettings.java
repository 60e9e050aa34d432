package org.rapport.compliance.internal.consent;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.ComplianceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The consent part of the configuration, checked: default purposes and opt-out keywords. */
record ConsentSettings(Set<Purpose> defaultGranted, OptOutCommands commands) {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentSettings.class);

    static ConsentSettings of(ComplianceConfig config) {
        Set<Purpose> granted = EnumSet.noneOf(Purpose.class);
        for (String id : config.defaultGranted()) {
            try {
                granted.add(Purpose.of(id));
            } catch (IllegalArgumentException e) {
                LOG.warn("Configuration {}: defaultGranted: {}; ignored", ComplianceConfig.PID, e.getMessage());
            }
        }
        String[] keywords = config.optOutKeywords().length == 0 ? OptOutCommands.DEFAULTS : config.optOutKeywords();
        return new ConsentSettings(Set.copyOf(granted.isEmpty() ? EnumSet.noneOf(Purpose.class) : granted),
                new OptOutCommands(Arrays.asList(keywords)));
    }
}
