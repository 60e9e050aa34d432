package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Follow-up tasks of a company's manager: routine follow-ups, recent complaints to resolve, win-back plans. */
final class TaskGenerator {

    /** The tasks about {@code company}, by due date; some overdue, some upcoming, some done. */
    List<DemoTask> forCompany(RandomGenerator rng, DemoCompany company, List<DemoInteraction> interactions,
            LocalDate today) {
        List<DemoTask> out = new ArrayList<>();
        Archetype archetype = company.archetype();
        if (archetype == Archetype.PROSPECT) {
            if (Draws.chance(rng, 0.5)) {
                out.add(task(rng, company, Texts.TaskTopic.PROSPECT, today.plusDays(Draws.between(rng, -20, 30)),
                        today));
            }
        } else if (Draws.chance(rng, 0.4)) {
            for (int n = Draws.between(rng, 1, 2); n > 0; n--) {
                out.add(task(rng, company, Texts.TaskTopic.ROUTINE, today.plusDays(Draws.between(rng, -45, 45)),
                        today));
            }
        }
        for (DemoInteraction interaction : interactions) {
            LocalDate on = LocalDate.ofInstant(interaction.occurredAt(), ZoneOffset.UTC);
            if ("complaint".equals(interaction.kind()) && on.isAfter(today.minusDays(90))) {
                out.add(task(rng, company, Texts.TaskTopic.COMPLAINT, on.plusDays(Draws.between(rng, 3, 10)),
                        today));
            }
        }
        if ((archetype == Archetype.DORMANT || archetype == Archetype.DECLINING) && Draws.chance(rng, 0.6)) {
            out.add(task(rng, company, Texts.TaskTopic.WIN_BACK, today.plusDays(Draws.between(rng, -10, 20)),
                    today));
        }
        out.sort(Comparator.comparing(DemoTask::dueDate));
        return out;
    }

    private static DemoTask task(RandomGenerator rng, DemoCompany company, Texts.TaskTopic topic, LocalDate due,
            LocalDate today) {
        String product = Draws.pick(rng, company.products());
        boolean done = due.isBefore(today) ? Draws.chance(rng, 0.65) : Draws.chance(rng, 0.05);
        return new DemoTask(company.index(), Texts.task(rng, topic, company.language(), product), company.language(),
                due, company.managerUsername(), done ? "done" : "open");
    }
}
