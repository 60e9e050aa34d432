package org.rapport.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.console.ConsolePage;
import org.rapport.console.DashboardCard;
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
    void pageWithAParentIsListedWithIt() {
        Entry entry = Entry.of(Map.of(ConsolePage.PROPERTY_ID, "client", ConsolePage.PROPERTY_ROLES, "agent",
                ConsolePage.PROPERTY_MODULE, "/records/client.js", ConsolePage.PROPERTY_PARENT, "clients"));
        assertThat(entry.parent()).isEqualTo("clients");
        assertThat(entry.toJson()).containsEntry("parent", "clients");
        Entry listed = Entry.of(Map.of(ConsolePage.PROPERTY_ID, "clients", ConsolePage.PROPERTY_ROLES, "agent",
                ConsolePage.PROPERTY_MODULE, "/records/clients.js", ConsolePage.PROPERTY_PARENT, ""));
        assertThat(listed.parent()).isNull();
        assertThat(listed.toJson()).doesNotContainKey("parent");
        assertThatThrownBy(() -> Entry.of(Map.of(ConsolePage.PROPERTY_ID, "x", ConsolePage.PROPERTY_MODULE, "/x.js",
                ConsolePage.PROPERTY_PARENT, "a/b"))).hasMessageContaining("parent page id");
    }

    @Test
    void cardFromServiceProperties() {
        Entry card = Entry.ofCard(Map.of(DashboardCard.PROPERTY_ID, "tiers", DashboardCard.PROPERTY_ORDER, "20",
                DashboardCard.PROPERTY_ROLES, new String[] {"manager", "auditor"}, DashboardCard.PROPERTY_TITLE_EN, "Clients by tier",
                DashboardCard.PROPERTY_TITLE_ZH, "客户分层", DashboardCard.PROPERTY_MODULE, "/accounts/tier-card.js"));
        assertThat(card.order()).isEqualTo(20);
        assertThat(card.group()).isEqualTo("dashboard");
        assertThat(card.labels()).containsEntry("en", "Clients by tier").containsEntry("zh", "客户分层");
        assertThat(card.visibleTo(Set.of(Role.AUDITOR))).isTrue();
        assertThat(card.visibleTo(Set.of(Role.AGENT))).isFalse();
        assertThatThrownBy(() -> Entry.ofCard(Map.of(DashboardCard.PROPERTY_ID, "x", DashboardCard.PROPERTY_ORDER, "first",
                DashboardCard.PROPERTY_MODULE, "/x.js"))).hasMessageContaining("order");
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
