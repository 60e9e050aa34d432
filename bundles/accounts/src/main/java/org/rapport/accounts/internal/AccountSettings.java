package org.rapport.accounts.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.accounts.internal.engine.AssignmentPolicy;
import org.rapport.accounts.internal.engine.ChurnScorer;
import org.rapport.accounts.internal.engine.ChurnWeights;
import org.rapport.accounts.internal.engine.ClientEvaluator;
import org.rapport.accounts.internal.engine.FollowUpCadence;
import org.rapport.accounts.internal.engine.FollowUpConfig;
import org.rapport.accounts.internal.engine.LifecycleConfig;
import org.rapport.accounts.internal.engine.LifecycleRules;
import org.rapport.accounts.internal.engine.TierLevel;
import org.rapport.accounts.internal.engine.TierPolicy;
import org.rapport.accounts.internal.engine.TierThresholds;
import org.rapport.accounts.internal.engine.ValueScorer;
import org.rapport.accounts.internal.engine.ValueWeights;

/**
 * The configuration turned into the engine's settings; a value that does not parse is an
 * {@link IllegalArgumentException} naming the attribute.
 */
record AccountSettings(ClientEvaluator evaluator, FollowUpCadence cadence, AssignmentPolicy assignment, List<String> tiers, int churnAlertThreshold,
        String recomputeCron, Map<String, BigDecimal> fxRates, boolean autoAssign, int defaultCapacity) {

    static AccountSettings defaults() {
        return of(ConfigDefaults.get());
    }

    static AccountSettings of(AccountsConfig c) {
        List<TierLevel> levels = new ArrayList<>();
        pairs("tierThresholds", c.tierThresholds()).forEach((tier, min) -> levels.add(new TierLevel(tier, integer("tierThresholds", min))));
        TierThresholds thresholds = new TierThresholds(levels, c.fallbackTier().strip().toLowerCase(Locale.ROOT), c.tierHysteresis());
        Map<String, Integer> cadence = new LinkedHashMap<>();
        pairs("cadenceDays", c.cadenceDays()).forEach((tier, days) -> cadence.put(tier, integer("cadenceDays", days)));
        LifecycleConfig base = LifecycleConfig.defaults();
        LifecycleConfig lifecycle = new LifecycleConfig(c.newDays(), base.repeatMinTx(), c.loyalMinTenureDays(), c.loyalMinTx12m(),
                c.atRiskInactiveDays(), c.churnAlertThreshold(), c.churnedInactiveDays(), base.wonBackDays());
        FollowUpCadence followUps = new FollowUpCadence(new FollowUpConfig(cadence, FollowUpConfig.defaults().defaultDays()));
        ClientEvaluator evaluator = new ClientEvaluator(new ValueScorer(ValueWeights.defaults()), new TierPolicy(thresholds),
                new ChurnScorer(ChurnWeights.defaults()), new LifecycleRules(lifecycle), followUps);
        Map<String, BigDecimal> fx = new LinkedHashMap<>();
        fx.put("CNY", BigDecimal.ONE);
        pairs("fxRates", c.fxRates()).forEach((currency, rate) -> {
            try {
                fx.put(currency.toUpperCase(Locale.ROOT), new BigDecimal(rate));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fxRates: '" + rate + "' is not a number");
            }
        });
        return new AccountSettings(evaluator, followUps, AssignmentPolicy.defaults(), thresholds.order(), c.churnAlertThreshold(),
                c.recomputeCron().strip(), fx, c.autoAssign(), c.defaultCapacity());
    }

    /** Converts an amount to CNY; unknown currencies count at face value. */
    BigDecimal toCny(String currency, BigDecimal amount) {
        return amount.multiply(fxRates.getOrDefault(currency, BigDecimal.ONE));
    }

    private static Map<String, String> pairs(String attribute, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException(attribute + ": '" + part.strip() + "' is not name=value");
            }
            out.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
        }
        return out;
    }

    private static int integer(String attribute, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attribute + ": '" + text + "' is not a whole number");
        }
    }
}
