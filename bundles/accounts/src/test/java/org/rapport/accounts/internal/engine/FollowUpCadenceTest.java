package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpCadenceTest {

    private static final LocalDate CREATED = LocalDate.of(2024, 1, 1);
    private static final LocalDate CONTACT = LocalDate.of(2025, 3, 1);

    private final FollowUpCadence cadence = new FollowUpCadence(FollowUpConfig.defaults());

    @ParameterizedTest
    @CsvSource({"core, 30, 2025-03-31", "key, 60, 2025-04-30", "standard, 90, 2025-05-30", "prospect, 180, 2025-08-28",
            "platinum, 90, 2025-05-30"})
    void dueDateFollowsTheTierCadence(String tier, int days, LocalDate due) {
        FollowUp followUp = cadence.next(tier, CONTACT, CREATED);
        assertThat(followUp.intervalDays()).isEqualTo(days);
        assertThat(followUp.dueOn()).isEqualTo(due);
        assertThat(followUp.lastContactOn()).isEqualTo(CONTACT);
    }

    @Test
    void neverContactedClientCountsFromItsCreation() {
        FollowUp followUp = cadence.next("core", null, CREATED);
        assertThat(followUp.lastContactOn()).isEqualTo(CREATED);
        assertThat(followUp.dueOn()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void clientWithoutTierGetsTheDefaultCadence() {
        assertThat(cadence.next(null, CONTACT, CREATED).intervalDays()).isEqualTo(90);
    }

    @Test
    void dueTodayIsNotOverdueTheDayAfterIs() {
        FollowUp followUp = cadence.next("core", CONTACT, CREATED);
        LocalDate due = followUp.dueOn();
        assertThat(followUp.isOverdue(due.minusDays(1))).isFalse();
        assertThat(followUp.isOverdue(due)).isFalse();
        assertThat(followUp.daysOverdue(due)).isZero();
        assertThat(followUp.isOverdue(due.plusDays(1))).isTrue();
        assertThat(followUp.daysOverdue(due.plusDays(1))).isEqualTo(1);
        assertThat(followUp.daysOverdue(due.plusDays(45))).isEqualTo(45);
    }

    @Test
    void daysUntilDueCountsDown() {
        FollowUp followUp = cadence.next("key", CONTACT, CREATED);
        assertThat(followUp.daysUntilDue(CONTACT)).isEqualTo(60);
        assertThat(followUp.daysUntilDue(followUp.dueOn())).isZero();
        assertThat(followUp.daysUntilDue(followUp.dueOn().plusDays(3))).isZero();
    }

    @Test
    void clientFactsUseCurrentTierAndLastInteraction() {
        ClientFacts facts = Facts.client().tier("key").created(CREATED).lastInteraction(CONTACT).build();
        assertThat(cadence.next(facts).dueOn()).isEqualTo(CONTACT.plusDays(60));
    }

    @Test
    void customCadenceAndValidation() {
        FollowUpCadence weekly = new FollowUpCadence(new FollowUpConfig(Map.of("core", 7), 30));
        assertThat(weekly.next("core", CONTACT, CREATED).dueOn()).isEqualTo(CONTACT.plusDays(7));
        assertThat(weekly.next("key", CONTACT, CREATED).dueOn()).isEqualTo(CONTACT.plusDays(30));
        assertThatThrownBy(() -> new FollowUpConfig(Map.of("core", 0), 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
