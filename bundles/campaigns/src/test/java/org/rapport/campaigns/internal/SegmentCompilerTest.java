package org.rapport.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.SegmentPreview;
import org.rapport.testing.TestDb;

/** The segment compiler against the real records views on H2 and PostgreSQL. */
class SegmentCompilerTest {

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void conditionsOverStandingAndCompany(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            assertEquals(3, w.count(Rule.all()));
            assertEquals(2, w.count(Rule.of("tier", "eq", "core")));
            assertEquals(2, w.count(Rule.of("tier", "in", List.of("core", "key"))));
            assertEquals(1, w.count(Rule.of("tier", "not_in", List.of("core"))));
            assertEquals(1, w.count(Rule.of("stage", "eq", "AT_RISK")));
            assertEquals(2, w.count(Rule.of("region", "eq", "shanghai")));
            assertEquals(1, w.count(Rule.of("industry", "eq", "machinery")));
            assertEquals(2, w.count(Rule.of("manager", "eq", 11)));
            assertEquals(1, w.count(Rule.of("manager", "empty", null)));
            assertEquals(2, w.count(Rule.of("tag", "has", "VIP")));
            assertEquals(1, w.count(Rule.of("tag", "lacks", "VIP")));
            assertEquals(1, w.count(Rule.of("churnRisk", "gte", 60)));
            assertEquals(2, w.count(Rule.of("valueScore", "gt", 50)));
            assertEquals(2, w.count(Rule.of("language", "eq", "zh")));
            assertEquals(2, w.count(Rule.of("annualRevenue", "gte", "10000000")));
            assertEquals(1, w.count(Rule.of("annualRevenue", "empty", null)));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void activityTransactionsAndConsent(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            assertEquals(2, w.count(new Rule(null, null, "lastContact", "within", null, 30, null, null)));
            assertEquals(1, w.count(new Rule(null, null, "lastContact", "not_within", null, 30, null, null)));
            assertEquals(3, w.count(new Rule(null, null, "lastContact", "not_within", null, 5, null, null)));
            // two transactions in the last year, three in ten years
            assertEquals(2, w.count(new Rule(null, null, "txCount", "eq", 2, 365, null, null)));
            assertEquals(2, w.count(new Rule(null, null, "txCount", "gte", 3, 3650, null, null)));
            assertEquals(2, w.count(new Rule(null, null, "txAmount", "gte", 120000, null, null, null)));
            assertEquals(0, w.count(new Rule(null, null, "txAmount", "gt", 120000, null, null, null)));
            assertEquals(1, w.count(new Rule(null, null, "txAmount", "eq", 0, null, null, null)));

            w.consent(w.smith.id(), "email", "marketing", false);
            w.consent(w.li.id(), "email", "marketing", true);
            assertEquals(1, w.count(new Rule(null, null, "consent", "opted_out", null, null, "email", "marketing")));
            assertEquals(2, w.count(new Rule(null, null, "consent", "not_opted_out", null, null, "email", "marketing")));
            assertEquals(1, w.count(new Rule(null, null, "consent", "granted", null, null, "email", "marketing")));
            assertEquals(0, w.count(new Rule(null, null, "consent", "opted_out", null, null, "sms", "marketing")));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void partnershipAnniversaryToday(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Rule today = Rule.of("anniversary", "today", null);
            assertEquals(0, w.count(today));
            // NOW is 2026-12-05: a client since 2020-12-05 has its anniversary, one since 2026-12-05 not yet, one since 2020-12-06 tomorrow
            w.records.updateClient(w.acme.id(), new org.rapport.records.ClientInput("Acme Trading", null, "Trade", "Shanghai",
                    new java.math.BigDecimal("12000000"), 80, List.of("VIP", "export"), "active", java.time.LocalDate.of(2020, 12, 5)),
                    TestWorld.ADMIN);
            w.records.updateClient(w.beta.id(), new org.rapport.records.ClientInput("Beta Machinery", null, "Machinery", "Beijing", null,
                    null, List.of(), "active", java.time.LocalDate.of(2026, 12, 5)), TestWorld.ADMIN);
            assertEquals(2, w.count(today));
            w.records.updateClient(w.acme.id(), new org.rapport.records.ClientInput("Acme Trading", null, "Trade", "Shanghai",
                    new java.math.BigDecimal("12000000"), 80, List.of("VIP", "export"), "active", java.time.LocalDate.of(2020, 12, 6)),
                    TestWorld.ADMIN);
            assertEquals(0, w.count(today));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(Rule.of("anniversary", "eq", 1))).fields()
                    .containsKey("segment.op"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void groupsAndSample(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Rule rule = Rule.any(Rule.all(Rule.of("tier", "eq", "core"), Rule.of("language", "eq", "en")),
                    Rule.of("churnRisk", "gte", 60));
            SegmentPreview preview = w.service.preview(rule, 10);
            assertEquals(2, preview.count());
            assertEquals(List.of(w.smith.id(), w.li.id()), preview.sample().stream().map(m -> m.contactId()).toList());
            assertEquals("Beta Machinery", preview.sample().get(1).clientName());
            assertEquals(0, w.count(Rule.any()));
            assertEquals(1, w.service.preview(Rule.all(), 1).sample().size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void valuesAreBoundNeverSpliced(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            String attack = "core' OR '1'='1";
            CompiledSegment compiled = SegmentCompiler.compile(Rule.of("tier", "eq", attack), "segment", w.clock);
            assertFalse(compiled.where().contains("OR '1'"), compiled.where());
            assertTrue(compiled.binds().containsValue(attack.toLowerCase()));
            assertEquals(0, w.count(Rule.of("tier", "eq", attack)));
            assertEquals(0, w.count(Rule.of("tag", "has", "%")));
            assertEquals(3, w.count(Rule.all()));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void invalidRulesNameTheirPlace(String kind) throws Exception {
        try (TestWorld w = new TestWorld(kind)) {
            Map<String, String> fields = assertThrows(InvalidCampaignException.class,
                    () -> w.count(Rule.all(Rule.of("tier", "eq", "core"), Rule.of("colour", "eq", "red")))).fields();
            assertTrue(fields.get("segment.rules[1].field").contains("unknown field 'colour'"), fields.toString());
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(Rule.of("tier", "like", "x"))).fields()
                    .containsKey("segment.op"));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(Rule.of("churnRisk", "gte", "high"))).fields()
                    .containsKey("segment.value"));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(Rule.of("tier", "in", List.of()))).fields()
                    .containsKey("segment.value"));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(Rule.group("some", List.of()))).fields()
                    .containsKey("segment.match"));
            assertTrue(assertThrows(InvalidCampaignException.class,
                    () -> w.count(new Rule(null, null, "consent", "opted_out", null, null, "fax", "care"))).fields()
                    .containsKey("segment.channel"));
            assertTrue(assertThrows(InvalidCampaignException.class,
                    () -> w.count(new Rule(null, null, "lastContact", "within", null, 0, null, null))).fields()
                    .containsKey("segment.days"));
            Rule deep = Rule.all(Rule.all(Rule.all(Rule.all(Rule.all(Rule.all(Rule.of("tier", "eq", "core")))))));
            assertTrue(assertThrows(InvalidCampaignException.class, () -> w.count(deep)).getMessage().contains("nest"));
        }
    }
}
