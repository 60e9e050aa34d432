package org.rapport.accounts.internal.engine;

import java.util.Map;

/** Display names of the built-in tiers: Chinese names, English uses the tier id; unknown tier ids show as themselves. */
final class Labels {

    private static final Map<String, String> TIER_ZH = Map.of(
            "core", "核心客户",
            "key", "重点客户",
            "standard", "普通客户",
            "prospect", "潜在客户");

    private Labels() {
    }

    static String tierZh(String tier) {
        return TIER_ZH.getOrDefault(tier, tier);
    }

    static String tierEn(String tier) {
        return tier;
    }
}
