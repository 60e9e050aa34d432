package org.rapport.demo.internal.world;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** A year of inquiries, outreach, complaints and win-back calls with one company, shaped by its archetype. */
final class InteractionGenerator {

    private static final List<String> CHANNELS = List.of("email", "phone", "webchat", "sms", "visit");
    private static final double[] CHANNEL_WEIGHTS = {30, 25, 20, 10, 15};

    /** The interactions of {@code company}, oldest first; contacts are the company's own, primary first. */
    List<DemoInteraction> forCompany(RandomGenerator rng, DemoCompany company, List<DemoContact> contacts,
            ActivityCurve curve, LocalDate today) {
        double size = 0.6 + 0.25 * (Math.log10(company.annualRevenue().doubleValue()) - 6.3);
        int count = Math.max(1, Draws.poisson(rng, perYear(company.archetype()) * size));
        int oldest = Math.max(1, Math.min(ActivityCurve.DAYS - 1, curve.startDaysAgo()));
        List<DemoInteraction> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int daysAgo = Draws.between(rng, 1, oldest);
            DemoContact contact = rng.nextBoolean() ? contacts.get(0) : Draws.pick(rng, contacts);
            out.add(interaction(rng, company, contact, curve, daysAgo, today));
        }
        out.sort(Comparator.comparing(DemoInteraction::occurredAt));
        return out;
    }

    private static DemoInteraction interaction(RandomGenerator rng, DemoCompany company, DemoContact contact,
            ActivityCurve curve, int daysAgo, LocalDate today) {
        String language = contact.language();
        String product = Draws.pick(rng, company.products());
        Texts.Topic topic;
        boolean inbound;
        if (company.archetype() == Archetype.PROSPECT) {
            inbound = Draws.chance(rng, 0.25);
            topic = inbound ? Texts.Topic.PROSPECT_INQUIRY : Texts.Topic.PROSPECT_OUTREACH;
        } else if (curve.quiet(daysAgo)) {
            inbound = false;
            topic = Draws.chance(rng, 0.6) ? Texts.Topic.WIN_BACK : Texts.Topic.OUTREACH;
        } else if (curve.justBack(daysAgo, 20) && Draws.chance(rng, 0.6)) {
            inbound = false;
            topic = Texts.Topic.RETURN;
        } else if (company.archetype() == Archetype.NEW && curve.startDaysAgo() - daysAgo < 30) {
            inbound = Draws.chance(rng, 0.3);
            topic = inbound ? Texts.Topic.INQUIRY : Texts.Topic.ONBOARDING;
        } else if (Draws.chance(rng, complaintRate(company.archetype(), curve, daysAgo))) {
            inbound = true;
            topic = Texts.Topic.COMPLAINT;
        } else {
            inbound = rng.nextBoolean();
            topic = inbound ? Texts.Topic.INQUIRY : Texts.Topic.OUTREACH;
        }
        String channel = channel(rng, contact, inbound, topic);
        String summary = Texts.summary(rng, topic, language, product);
        return new DemoInteraction(company.index(), contact.index(), channel, inbound ? "inbound" : "outbound",
                topic == Texts.Topic.COMPLAINT ? "complaint" : "contact", summary, language,
                inbound ? null : company.managerUsername(), businessHours(rng, today, daysAgo, contact.timeZone()));
    }

    private static double perYear(Archetype archetype) {
        return switch (archetype) {
            case GROWING -> 12;
            case DECLINING -> 11;
            case DORMANT -> 8;
            case NEW -> 10;
            case WON_BACK -> 12;
            case PROSPECT -> 4;
            default -> 9;
        };
    }

    /** Unhappy clients complain more; decliners increasingly so towards today. */
    private static double complaintRate(Archetype archetype, ActivityCurve curve, int daysAgo) {
        return switch (archetype) {
            case DECLINING -> 0.08 + 0.25 * (ActivityCurve.DAYS - daysAgo) / ActivityCurve.DAYS;
            case DORMANT -> 0.3;
            case WON_BACK -> curve.justBack(daysAgo, ActivityCurve.DAYS) ? 0.03 : 0.25;
            case NEW -> 0.05;
            case GROWING -> 0.02;
            default -> 0.03;
        };
    }

    private static String channel(RandomGenerator rng, DemoContact contact, boolean inbound, Texts.Topic topic) {
        String channel = Draws.chance(rng, 0.5) ? contact.preferredChannel()
                : CHANNELS.get(Draws.weighted(rng, CHANNEL_WEIGHTS));
        if ("visit".equals(channel) && inbound) {
            return "phone";
        }
        if (topic == Texts.Topic.ONBOARDING && Draws.chance(rng, 0.3)) {
            return "visit";
        }
        return channel;
    }

    /** A weekday moment between 09:00 and 18:00 in {@code zone}, moved off weekends, never today or later. */
    private static Instant businessHours(RandomGenerator rng, LocalDate today, int daysAgo, String zone) {
        LocalDate date = today.minusDays(daysAgo);
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            int toFriday = date.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 2;
            date = daysAgo + toFriday < ActivityCurve.DAYS ? date.minusDays(toFriday) : date.plusDays(3 - toFriday);
        }
        LocalTime time = LocalTime.of(Draws.between(rng, 9, 17), rng.nextInt(60), rng.nextInt(60));
        return date.atTime(time).atZone(ZoneId.of(zone)).toInstant();
    }
}
