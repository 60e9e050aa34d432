package org.rapport.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;
import org.rapport.security.Sensitivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link FieldPolicy} from configuration {@value FieldsConfig#PID}; a changed configuration applies at once. */
@Component(service = FieldPolicy.class, configurationPid = FieldsConfig.PID)
@Designate(ocd = FieldsConfig.class)
public final class ConfiguredFieldPolicy implements FieldPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredFieldPolicy.class);

    private volatile FieldLevels levels;

    @Activate
    public ConfiguredFieldPolicy(FieldsConfig config) {
        modified(config);
    }

    @Modified
    void modified(FieldsConfig config) {
        List<String> problems = new ArrayList<>();
        levels = FieldLevels.parse(config, problems);
        problems.forEach(p -> LOG.warn("Field sensitivity configuration: {}", p));
    }

    @Override
    public Sensitivity sensitivity(String entity, String field) {
        return levels.level(entity, field);
    }

    @Override
    public Sensitivity clearance(Principal caller) {
        if (caller == null) {
            return Sensitivity.PUBLIC;
        }
        if (caller.kind() == Principal.Kind.SYSTEM) {
            return Sensitivity.RESTRICTED;
        }
        return levels.clearance(caller.roles());
    }

    @Override
    public String mask(String value) {
        return Masks.mask(value);
    }
}
