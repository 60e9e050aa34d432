package org.rapport.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A segment rule: either a group ({@code match} = {@code all} or {@code any} over {@code rules}) or
 * one condition ({@code field}, {@code op}, {@code value}, and for some fields {@code days},
 * {@code channel}, {@code purpose}). Fields and operators:
 * <ul>
 * <li>{@code tier}, {@code stage}, {@code region}, {@code industry}, {@code status}, {@code language}:
 * {@code eq}, {@code ne}, {@code in}, {@code not_in} (a list), {@code empty}, {@code not_empty}</li>
 * <li>{@code manager} (staff id): the same, and {@code empty} for unassigned clients</li>
 * <li>{@code tag}: {@code has}, {@code lacks}</li>
 * <li>{@code churnRisk}, {@code valueScore}, {@code annualRevenue}: {@code eq}, {@code gte}, {@code lte},
 * {@code gt}, {@code lt}, {@code empty}, {@code not_empty}</li>
 * <li>{@code lastContact}: {@code within} / {@code not_within} the last {@code days} days (any interaction
 * with the client)</li>
 * <li>{@code txCount}, {@code txAmount}: transactions of the client in the last {@code days} days (default
 * 365), compared with {@code gte}, {@code lte}, {@code gt}, {@code lt}, {@code eq}</li>
 * <li>{@code anniversary}: {@code today} — the client's start date ({@code clientSince}) has its
 * anniversary today (UTC), a year or more ago (a daily cron campaign with this condition greets each
 * partnership anniversary)</li>
 * <li>{@code consent}: {@code granted} (recorded opt-in), {@code opted_out} (recorded opt-out),
 * {@code not_opted_out}, for {@code channel} and {@code purpose}</li>
 * </ul>
 *
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String match, List<Rule> rules, String field, String op, Object value, Integer days, String channel,
        String purpose) {

    /** A group of rules. */
    public static Rule group(String match, List<Rule> rules) {
        return new Rule(match, rules, null, null, null, null, null, null);
    }

    /** All of these rules. */
    public static Rule all(Rule... rules) {
        return group("all", List.of(rules));
    }

    /** Any of these rules. */
    public static Rule any(Rule... rules) {
        return group("any", List.of(rules));
    }

    /** One condition. */
    public static Rule of(String field, String op, Object value) {
        return new Rule(null, null, field, op, value, null, null, null);
    }

    /** True for a group. */
    @JsonIgnore
    public boolean isGroup() {
        return match != null || rules != null;
    }
}
