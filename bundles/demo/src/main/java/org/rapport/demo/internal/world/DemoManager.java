package org.rapport.demo.internal.world;

import java.util.List;

/**
 * An account manager of the demo bank.
 *
 * @param username ASCII login name, e.g. {@code li.na}
 * @param displayName the name shown in the console (Chinese for most)
 * @param email the staff e-mail address on the bank's example domain
 * @param seniority 1 (junior) to 3 (senior)
 * @param capacity the most client companies this manager should carry
 * @param industries industry ids the manager knows well
 * @param products product ids the manager specialises in
 * @param languages languages the manager works in ({@code zh}, {@code en}), first the main one
 * @param active whether the manager currently takes clients
 */
public record DemoManager(String username, String displayName, String email, int seniority, int capacity,
        List<String> industries, List<String> products, List<String> languages, boolean active) {

    public DemoManager {
        industries = List.copyOf(industries);
        products = List.copyOf(products);
        languages = List.copyOf(languages);
    }

    /** Whether the manager works in the given language. */
    public boolean speaks(String language) {
        return languages.contains(language);
    }
}
