package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Shared generated worlds for the tests, built once per seed and size. */
final class TestWorlds {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 16);

    /** Stands in for RegistrationNumbers.complete: checks its input and appends a fixed check character. */
    static final UnaryOperator<String> COMPLETE = first17 -> {
        boolean allowed = first17.chars().allMatch(c -> RegistrationCodes.CREDIT_CODE_CHARS.indexOf(c) >= 0);
        if (first17.length() != 17 || !allowed) {
            throw new IllegalArgumentException(first17);
        }
        return first17 + "Y";
    };

    private static final Map<String, World> CACHE = new ConcurrentHashMap<>();

    private TestWorlds() {
    }

    static World world(long seed, int companies) {
        return CACHE.computeIfAbsent(seed + "/" + companies,
                key -> WorldGenerator.generate(seed, companies, TODAY, COMPLETE));
    }

    static World standard() {
        return world(7, WorldGenerator.DEFAULT_COMPANIES);
    }
}
