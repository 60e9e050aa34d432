package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionsAndTasksTest {

    private final World world = TestWorlds.standard();

    @Test
    void interactionsHappenInTheContactsBusinessHoursOnWeekdays() {
        for (DemoInteraction interaction : world.interactions()) {
            DemoContact contact = world.contacts().get(interaction.contactIndex());
            assertThat(contact.companyIndex()).isEqualTo(interaction.companyIndex());
            LocalDateTime local = LocalDateTime.ofInstant(interaction.occurredAt(), ZoneId.of(contact.timeZone()));
            assertThat(local.getHour()).isBetween(9, 17);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalDate()).isBefore(TestWorlds.TODAY);
            assertThat(interaction.language()).isEqualTo(contact.language());
        }
    }

    @Test
    void outboundInteractionsNameTheCompanysManager() {
        for (DemoInteraction interaction : world.interactions()) {
            assertThat(interaction.direction()).isIn("inbound", "outbound");
            assertThat(interaction.channel()).isIn("email", "webchat", "sms", "phone", "visit");
            assertThat(interaction.kind()).isIn("contact", "complaint");
            if (interaction.direction().equals("outbound")) {
                assertThat(interaction.staffUsername())
                        .isEqualTo(world.companies().get(interaction.companyIndex()).managerUsername());
            } else {
                assertThat(interaction.staffUsername()).isNull();
                assertThat(interaction.channel()).isNotEqualTo("visit");
            }
            if (interaction.kind().equals("complaint")) {
                assertThat(interaction.direction()).isEqualTo("inbound");
                String prefix = interaction.language().equals("zh") ? "投诉：" : "Complaint:";
                assertThat(interaction.summary()).startsWith(prefix);
            }
        }
    }

    @Test
    void summariesAreVariedAndInTheContactsLanguage() {
        Set<String> summaries = new HashSet<>();
        for (DemoInteraction interaction : world.interactions()) {
            assertThat(interaction.summary()).doesNotContain("{p}").isNotBlank();
            if (interaction.language().equals("zh")) {
                assertThat(interaction.summary()).containsPattern("\\p{IsHan}");
            } else {
                assertThat(interaction.summary()).matches("[\\x20-\\x7E]+");
            }
            summaries.add(interaction.summary());
        }
        assertThat(summaries).hasSizeGreaterThan(100);
        assertThat(world.interactions()).extracting(DemoInteraction::channel)
                .contains("email", "webchat", "sms", "phone", "visit");
    }

    @Test
    void tasksBelongToTheManagerAndAreSomeOverdueSomeUpcoming() {
        for (DemoTask task : world.tasks()) {
            DemoCompany company = world.companies().get(task.companyIndex());
            assertThat(task.ownerUsername()).isEqualTo(company.managerUsername());
            assertThat(task.language()).isEqualTo(company.language());
            assertThat(task.status()).isIn("open", "done");
            assertThat(task.title()).doesNotContain("{p}").isNotBlank();
        }
        assertThat(world.tasks()).anyMatch(t -> t.status().equals("open") && t.dueDate().isBefore(TestWorlds.TODAY));
        assertThat(world.tasks()).anyMatch(t -> t.status().equals("open") && t.dueDate().isAfter(TestWorlds.TODAY));
        assertThat(world.tasks()).anyMatch(t -> t.status().equals("done"));
        assertThat(world.tasks().stream().map(DemoTask::companyIndex).distinct().count())
                .isBetween(60L, 250L);
    }
}
