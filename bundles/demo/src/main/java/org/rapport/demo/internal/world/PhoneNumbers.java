package org.rapport.demo.internal.world;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** World-unique mobile numbers in E.164 form for each country of the demo world. */
final class PhoneNumbers {

    private final Set<String> issued = new HashSet<>();

    /** A new mobile number in {@code country} (CN, HK, SG, GB or DE). */
    String next(RandomGenerator rng, String country) {
        for (int attempt = 0; ; attempt++) {
            String number = switch (country) {
                case "HK" -> "+852" + Draws.pick(rng, List.of("5", "6", "9")) + digits(rng, 7);
                case "SG" -> "+65" + Draws.pick(rng, List.of("8", "9")) + digits(rng, 7);
                // Ofcom's range reserved for drama, then ordinary mobile numbers when it runs out
                case "GB" -> attempt < 20 ? "+447700900" + digits(rng, 3) : "+447" + Draws.between(rng, 4, 9)
                        + digits(rng, 8);
                case "DE" -> "+491" + Draws.pick(rng, List.of("51", "52", "60", "62", "70", "76"))
                        + digits(rng, 8);
                default -> "+861" + Draws.pick(rng, List.of("3", "5", "8", "7", "9"))
                        + rng.nextInt(10) + digits(rng, 8);
            };
            if (issued.add(number)) {
                return number;
            }
        }
    }

    private static String digits(RandomGenerator rng, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + rng.nextInt(10)));
        }
        return out.toString();
    }
}
