package org.rapport.accounts.internal.engine;

import java.util.List;

/**
 * How well a chosen manager fits a client, in the order the assigner compares candidates.
 *
 * @param managerId the manager
 * @param seniority the manager's seniority 1-3
 * @param seniorityChoice 1 when the seniority is the tier's first choice, 2 for the second, and so on
 * @param industryMatch whether the manager knows the client's industry
 * @param sharedProducts products both the client and the manager know, sorted
 * @param freeSlots free capacity before this client was added
 * @param capacity the manager's capacity
 */
public record Fit(long managerId, int seniority, int seniorityChoice, boolean industryMatch,
        List<String> sharedProducts, int freeSlots, int capacity) {

    public Fit {
        sharedProducts = List.copyOf(sharedProducts);
    }

    String zh(String tier, String industry) {
        return "客户经理 " + managerId + "：资历 " + seniority + "（" + Labels.tierZh(tier) + "第 " + seniorityChoice
                + " 选择）"
                + (industryMatch ? "，行业匹配（" + industry + "）" : "，行业不匹配")
                + (sharedProducts.isEmpty() ? "，无共同产品" : "，共同产品 " + sharedProducts.size() + " 个（"
                        + String.join(", ", sharedProducts) + "）")
                + "，剩余容量 " + freeSlots + "/" + capacity;
    }

    String en(String tier, String industry) {
        return "manager " + managerId + ": seniority " + seniority + " (choice " + seniorityChoice + " for "
                + Labels.tierEn(tier) + ")"
                + (industryMatch ? ", same industry (" + industry + ")" : ", other industry")
                + (sharedProducts.isEmpty() ? ", no shared products"
                        : ", " + Format.plural(sharedProducts.size(), "shared product", "shared products") + " ("
                                + String.join(", ", sharedProducts) + ")")
                + ", " + freeSlots + " of " + capacity + " slots free";
    }
}
