package org.rapport.demo.internal.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The contacts of each company: names, titles, world-unique e-mail addresses and phones, channel and language. */
final class ContactGenerator {

    private static final List<String> ZH_LEAD_TITLES = List.of("财务总监", "总经理", "财务经理");
    private static final List<String> ZH_TITLES = List.of("出纳", "会计", "资金主管", "副总经理", "采购经理", "行政主管",
            "财务专员", "董事长助理");
    private static final List<String> EN_LEAD_TITLES = List.of("CFO", "Finance Director", "Managing Director",
            "Financial Controller");
    private static final List<String> EN_TITLES = List.of("Treasury Manager", "Accounts Payable Lead",
            "Payroll Specialist", "Operations Manager", "Office Manager", "Finance Assistant", "Accountant");

    private static final List<String> CHANNELS = List.of("email", "sms", "webchat", "phone");
    private static final double[] ZH_CHANNEL_WEIGHTS = {22, 18, 35, 25};
    private static final double[] EN_CHANNEL_WEIGHTS = {55, 8, 17, 20};

    private final Set<String> emails = new HashSet<>();
    private final PhoneNumbers phones = new PhoneNumbers();

    /** One to four contacts of {@code company}, the primary first, numbered from {@code firstIndex}. */
    List<DemoContact> forCompany(RandomGenerator rng, DemoCompany company, int firstIndex) {
        Regions.Region region = Regions.byId(company.region());
        boolean zh = "zh".equals(company.language());
        int count = contactCount(rng, company.employees());
        int emailStyle = rng.nextInt(4);
        List<String> titles = titles(rng, zh, count);
        List<DemoContact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PersonNames.Person person = zh ? PersonNames.chinese(rng) : PersonNames.english(rng, region.country());
            String email = email(person, emailStyle, zh, company.domain());
            String channel = CHANNELS.get(Draws.weighted(rng, zh ? ZH_CHANNEL_WEIGHTS : EN_CHANNEL_WEIGHTS));
            contacts.add(new DemoContact(firstIndex + i, company.index(), person.displayName(), titles.get(i), email,
                    phones.next(rng, region.country()), channel, company.language(), region.zoneId(), i == 0));
        }
        return contacts;
    }

    private static int contactCount(RandomGenerator rng, int employees) {
        if (employees < 50) {
            return Draws.between(rng, 1, 2);
        }
        if (employees < 500) {
            return Draws.between(rng, 1, 3);
        }
        return Draws.between(rng, 2, 4);
    }

    private static List<String> titles(RandomGenerator rng, boolean zh, int count) {
        List<String> others = new ArrayList<>(zh ? ZH_TITLES : EN_TITLES);
        Draws.shuffle(rng, others);
        List<String> titles = new ArrayList<>(count);
        titles.add(Draws.pick(rng, zh ? ZH_LEAD_TITLES : EN_LEAD_TITLES));
        titles.addAll(others.subList(0, count - 1));
        return titles;
    }

    /** A world-unique address in the company's style, numbered when the person's name is taken. */
    private String email(PersonNames.Person person, int style, boolean zh, String domain) {
        String given = person.givenJoined();
        String family = person.family();
        String local = switch (style) {
            case 0 -> given + "." + family;
            case 1 -> zh ? family + given : given.charAt(0) + family;
            case 2 -> zh ? family + person.givenInitials() : given + "." + family;
            default -> zh ? family + "." + given : given.charAt(0) + "." + family;
        };
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }
}
