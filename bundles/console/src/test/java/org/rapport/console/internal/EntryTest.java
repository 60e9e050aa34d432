package org.rapport.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.console.ConsolePage;
import org.rapport.security.Role;

class EntryTest {

    @Test
    void pageFromServicePropertiesWithRolesAndBothLabels() {
        Entry entry = Entry.of(Map.of(ConsolePage.PROPERTY_ID, "surveys", ConsolePage.PROPERTY_GROUP, "care",
                ConsolePage.PROPERTY_ORDER, 5, ConsolePage.PROPERTY_ROLES, new String[] {"admin", "manager"},
                ConsolePage.PROPERTY_LABEL_EN, "Surveys", ConsolePage.PROPERTY_MODULE, "/surveys/page.js"));
        assertThat(entry.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
        assertThat(entry.labels()).containsEntry("en", "Surveys").containsEntry("zh", "Surveys");
        assertThat(entry.visibleTo(Set.of(Role.MANAGER))).isTrue();
        assertThat(entry.visibleTo(Set.of(Role.AGENT))).isFalse();
        assertThat(entry.toJson()).containsEntry("module", "/surveys/page.js").containsEntry("order", 5);
    }

    @Test
    void refusesBadIdsForeignModulesAndUnknownRoles() {
        assertThatThrownBy(() -> new Entry("a b", "g", 1, Set.of(), Map.of(), "/x.js")).hasMessageContaining("page id");
        assertThatThrownBy(() -> new Entry("a", "g", 1, Set.of(), Map.of(), "https://evil.example/x.js")).hasMessageContaining("module URL");
        assertThatThrownBy(() -> new Entry("a", "g", 1, Set.of(), Map.of(), "//evil.example/x.js")).hasMessageContaining("module URL");
        assertThatThrownBy(() -> Entry.of(Map.of(ConsolePage.PROPERTY_ID, "a", ConsolePage.PROPERTY_ROLES, "root",
                ConsolePage.PROPERTY_MODULE, "/a.js"))).hasMessageContaining("unknown role 'root'");
    }

    @Test
    void registryListsOnlyWhatTheRolesMaySeeInOrder() {
        Registry registry = new Registry();
        registry.addPage(page("b", 20, Role.ADMIN));
        registry.addPage(page("a", 10, Role.ADMIN, Role.AGENT));
        ConsolePage gone = page("c", 5, Role.AGENT);
        registry.addPage(gone);
        assertThat(registry.pages(Set.of(Role.ADMIN))).extracting(Entry::id).containsExactly("a", "b");
        assertThat(registry.pages(Set.of(Role.AGENT))).extracting(Entry::id).containsExactly("c", "a");
        registry.removePage(gone);
        assertThat(registry.pages(Set.of(Role.AGENT))).extracting(Entry::id).containsExactly("a");
    }

    private static ConsolePage page(String id, int order, Role... roles) {
        return new ConsolePage() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String group() {
                return "g";
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Set<Role> roles() {
                return Set.of(roles);
            }

            @Override
            public Map<String, String> labels() {
                return Map.of("en", id, "zh", id);
            }

            @Override
            public String moduleUrl() {
                return "/" + id + ".js";
            }
        };
    }
}
