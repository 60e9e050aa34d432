package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Template;
import org.rapport.conversations.StaffOutgoing;
import org.rapport.testing.TestDb;

/** A campaign's test send: to a contact, or rendered for a contact and sent to the calling admin themself. */
class TestSendTest {
    private static final Map<String, Template> TEMPLATES = Map.of(
            "zh", new Template("{{ contact.name }}，您好", "尊敬的{{ contact.name }}：{{ client.name }}感谢您的支持。"),
            "en", new Template("Hello {{ contact.name }}", "Dear {{ contact.name }}, thank you."));

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private static Campaign campaign(TestWorld w) {
        return w.service.create(new CampaignInput("Quarterly care", Rule.all(), null, "email", "care", TEMPLATES, List.of(), null, 1000),
                TestWorld.ADMIN);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void toSelfRendersForTheContactAndGoesToTheCallerNotTheContact(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            w.messenger.staffWithEmail.add(TestWorld.ADMIN.userId());

            assertEquals("queued:allowed", w.service.testSendToSelf(c.id(), w.smith.id(), TestWorld.ADMIN));

            assertEquals(1, w.messenger.toStaff.size());
            StaffOutgoing sent = w.messenger.toStaff.get(0);
            assertEquals(TestWorld.ADMIN.userId(), sent.staffId());
            assertEquals("[TEST] Hello " + w.smith.name(), sent.subject());
            assertTrue(sent.text().contains("Dear " + w.smith.name()), sent.text());
            assertTrue(sent.key().startsWith("campaign:" + c.id() + ":test-self:"), sent.key());
            assertTrue(w.messenger.sent.isEmpty(), "nothing goes to the contact");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void toSelfWithoutAnEmailIsUnreachable_andAnUnknownContactIsNotFound(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            assertEquals("unreachable:no_address", w.service.testSendToSelf(c.id(), w.smith.id(), TestWorld.ADMIN));
            w.messenger.staffWithEmail.add(TestWorld.ADMIN.userId());
            assertThrows(NoSuchElementException.class, () -> w.service.testSendToSelf(c.id(), 987_654, TestWorld.ADMIN));
            assertThrows(NoSuchElementException.class, () -> w.service.testSendToSelf(987_654, w.smith.id(), TestWorld.ADMIN));
            assertTrue(w.messenger.toStaff.isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theContactTestSendStillGoesToTheContact(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Campaign c = campaign(w);
            assertEquals("queued", w.service.testSend(c.id(), w.smith.id(), TestWorld.ADMIN));
            assertEquals(1, w.messenger.sent.size());
            assertEquals(w.smith.id(), w.messenger.sent.values().iterator().next().contactId());
            assertTrue(w.messenger.toStaff.isEmpty());
        }
    }
}
