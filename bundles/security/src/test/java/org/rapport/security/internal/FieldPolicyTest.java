package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.Sensitivity;

class FieldPolicyTest {

    private static Principal staff(Role... roles) {
        return new Principal(7, "u", "U", Set.of(roles), Principal.Kind.SESSION, null, Set.of());
    }

    private static FieldsConfig config(String[] fields, String[] clearances, String defaultLevel) {
        return new FieldsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FieldsConfig.class;
            }

            @Override
            public String[] fields() {
                return fields;
            }

            @Override
            public String[] clearances() {
                return clearances;
            }

            @Override
            public String defaultLevel() {
                return defaultLevel;
            }
        };
    }

    private static final FieldsConfig DEFAULTS = config(
            new String[] {"contact.phones=confidential", "contact.emails=confidential", "client.name=public",
                "client.registrationNo=restricted"},
            new String[] {"admin=restricted", "manager=confidential", "agent=internal"}, "internal");

    @Test
    void agentsSeePhonesMasked_adminsWhole() {
        ConfiguredFieldPolicy policy = new ConfiguredFieldPolicy(DEFAULTS);
        assertThat(policy.view(staff(Role.AGENT), "contact", "phones", "+8613812345678")).isEqualTo("+86138****5678");
        assertThat(policy.view(staff(Role.ADMIN), "contact", "phones", "+8613812345678")).isEqualTo("+8613812345678");
        assertThat(policy.visible(staff(Role.MANAGER), "contact", "phones")).isTrue();
        assertThat(policy.visible(staff(Role.MANAGER), "client", "registrationNo")).isFalse();
        assertThat(policy.visible(staff(Role.AGENT), "client", "name")).isTrue();
        assertThat(policy.visible(staff(Role.AGENT), "client", "notListed")).isTrue(); // default internal
        assertThat(policy.visible(Principal.SYSTEM, "client", "registrationNo")).isTrue();
    }

    @Test
    void theHighestRoleCounts_andARoleWithoutClearanceSeesOnlyPublic() {
        ConfiguredFieldPolicy policy = new ConfiguredFieldPolicy(DEFAULTS);
        assertThat(policy.clearance(staff(Role.AGENT, Role.MANAGER))).isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(policy.clearance(staff(Role.AUDITOR))).isEqualTo(Sensitivity.PUBLIC);
        assertThat(policy.clearance(null)).isEqualTo(Sensitivity.PUBLIC);
    }

    @Test
    void aChangedConfigurationAppliesAtOnce_andTyposNeverRevealAValue() {
        ConfiguredFieldPolicy policy = new ConfiguredFieldPolicy(DEFAULTS);
        policy.modified(config(new String[] {"contact.phones=secret", "broken"}, new String[] {"admin=confidential", "nobody=public"},
                "whatever"));
        assertThat(policy.sensitivity("contact", "phones")).isEqualTo(Sensitivity.RESTRICTED);
        assertThat(policy.visible(staff(Role.ADMIN), "contact", "phones")).isFalse();
        assertThat(policy.sensitivity("client", "anything")).isEqualTo(Sensitivity.RESTRICTED);
    }

    @Test
    void masks() {
        assertThat(Masks.mask("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.mask("+86 138-1234-5678")).isEqualTo("+86138****5678");
        assertThat(Masks.mask("+44 20 7946 0958")).isEqualTo("+442*****0958");
        assertThat(Masks.mask("zhang.wei@acme.com")).isEqualTo("z***@acme.com");
        assertThat(Masks.mask("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(Masks.mask("91310000MA1FL0XX0X")).isEqualTo("9******X");
        assertThat(Masks.mask("张三")).isEqualTo("张*");
        assertThat(Masks.mask("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masks.mask("x")).isEqualTo("*");
        assertThat(Masks.mask(null)).isNull();
    }
}
