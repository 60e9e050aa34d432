package org.rapport.campaigns.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Rule;

/**
 * Compiles a segment {@link Rule} to SQL over the documented read-only views of the records bundle
 * ({@code rec_segment_contact}, {@code rec_segment_interaction}, {@code rec_segment_transaction})
 * and of the compliance bundle ({@code cmp_consent_state}). Column names come from a fixed table;
 * every value becomes a bound parameter. Invalid rules throw {@link InvalidCampaignException}
 * naming the rule's path (e.g. {@code segment.rules[1].value}).
 */
final class SegmentCompiler {
    static final int MAX_DEPTH = 5;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST = 500;

    private static final Map<String, String> TEXT_FIELDS = Map.of("tier", "c.tier", "stage", "c.stage", "region", "c.region",
            "industry", "c.industry", "status", "c.status", "language", "c.language");
    private static final Map<String, String> NUMBER_FIELDS = Map.of("churnRisk", "c.churn_risk", "valueScore", "c.value_score",
            "annualRevenue", "c.annual_revenue");
    private static final Map<String, String> COMPARE = Map.of("eq", "=", "gte", ">=", "lte", "<=", "gt", ">", "lt", "<");
    private static final Set<String> CHANNELS = Set.of("email", "sms", "webchat");
    private static final Set<String> PURPOSES = Set.of("service", "care", "marketing");

    private final Clock clock;
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private int conditions;
    private boolean usesConsent;

    private SegmentCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Compiles {@code rule}; {@code field} names it in errors (e.g. {@code segment}). */
    static CompiledSegment compile(Rule rule, String field, Clock clock) {
        if (rule == null) {
            throw new InvalidCampaignException(field, "a segment rule is required");
        }
        SegmentCompiler compiler = new SegmentCompiler(clock);
        String where = compiler.node(rule, field, 0);
        return new CompiledSegment(where, Map.copyOf(compiler.binds), compiler.usesConsent);
    }

    private String node(Rule rule, String path, int depth) {
        if (rule == null) {
            throw new InvalidCampaignException(path, "must not be null");
        }
        if (rule.isGroup()) {
            return group(rule, path, depth);
        }
        if (++conditions > MAX_CONDITIONS) {
            throw new InvalidCampaignException(path, "a segment has at most " + MAX_CONDITIONS + " conditions");
        }
        return condition(rule, path);
    }

    private String group(Rule rule, String path, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new InvalidCampaignException(path, "groups nest at most " + MAX_DEPTH + " deep");
        }
        String joiner;
        if ("all".equals(rule.match())) {
            joiner = " AND ";
        } else if ("any".equals(rule.match())) {
            joiner = " OR ";
        } else {
            throw new InvalidCampaignException(path + ".match", "must be all or any");
        }
        if (rule.field() != null || rule.op() != null) {
            throw new InvalidCampaignException(path, "a group has match and rules, not field or op");
        }
        List<Rule> rules = rule.rules() == null ? List.of() : rule.rules();
        if (rules.isEmpty()) {
            // all of nothing matches everyone, any of nothing matches no one
            return joiner.equals(" AND ") ? "1 = 1" : "1 = 0";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parts.add("(" + node(rules.get(i), path + ".rules[" + i + "]", depth + 1) + ")");
        }
        return String.join(joiner, parts);
    }

    private String condition(Rule rule, String path) {
        String field = rule.field();
        String op = rule.op();
        if (field == null || field.isBlank()) {
            throw new InvalidCampaignException(path + ".field", "is required (or make it a group with match and rules)");
        }
        if (op == null || op.isBlank()) {
            throw new InvalidCampaignException(path + ".op", "is required");
        }
        if (TEXT_FIELDS.containsKey(field)) {
            return textCondition(TEXT_FIELDS.get(field), op, rule.value(), path, true);
        }
        if (NUMBER_FIELDS.containsKey(field)) {
            return numberCondition(NUMBER_FIELDS.get(field), op, rule.value(), path);
        }
        return switch (field) {
            case "manager" -> managerCondition(op, rule.value(), path);
            case "tag" -> tagCondition(op, rule.value(), path);
            case "lastContact" -> lastContact(op, rule, path);
            case "txCount" -> transactions("COUNT(*)", op, rule, path);
            case "txAmount" -> transactions("COALESCE(SUM(t.amount), 0)", op, rule, path);
            case "consent" -> consent(op, rule, path);
            case "anniversary" -> anniversary(op, path);
            default -> throw new InvalidCampaignException(path + ".field", "unknown field '" + cut(field)
                    + "'; one of tier, stage, region, industry, status, language, manager, tag, churnRisk, valueScore, "
                    + "annualRevenue, lastContact, txCount, txAmount, consent, anniversary");
        };
    }

    private String textCondition(String column, String op, Object value, String path, boolean lowerCase) {
        return switch (op) {
            case "eq" -> column + " = " + bind(text(value, path, lowerCase));
            case "ne" -> "(" + column + " IS NULL OR " + column + " <> " + bind(text(value, path, lowerCase)) + ")";
            case "in" -> column + " IN (" + bindList(texts(value, path, lowerCase)) + ")";
            case "not_in" -> "(" + column + " IS NULL OR " + column + " NOT IN (" + bindList(texts(value, path, lowerCase)) + "))";
            case "empty" -> column + " IS NULL";
            case "not_empty" -> column + " IS NOT NULL";
            default -> throw badOp(path, "eq, ne, in, not_in, empty, not_empty");
        };
    }

    private String managerCondition(String op, Object value, String path) {
        String column = "c.manager_id";
        return switch (op) {
            case "eq" -> column + " = " + bind(id(value, path));
            case "ne" -> "(" + column + " IS NULL OR " + column + " <> " + bind(id(value, path)) + ")";
            case "in" -> column + " IN (" + bindList(ids(value, path)) + ")";
            case "not_in" -> "(" + column + " IS NULL OR " + column + " NOT IN (" + bindList(ids(value, path)) + "))";
            case "empty" -> column + " IS NULL";
            case "not_empty" -> column + " IS NOT NULL";
            default -> throw badOp(path, "eq, ne, in, not_in, empty, not_empty");
        };
    }

    private String tagCondition(String op, Object value, String path) {
        String tag = text(value, path, false);
        if (tag.contains("|")) {
            throw new InvalidCampaignException(path + ".value", "a tag cannot contain '|'");
        }
        String like = bind("%|" + tag.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "|%");
        return switch (op) {
            case "has" -> "c.tags LIKE " + like + " ESCAPE '!'";
            case "lacks" -> "c.tags NOT LIKE " + like + " ESCAPE '!'";
            default -> throw badOp(path, "has, lacks");
        };
    }

    private String numberCondition(String column, String op, Object value, String path) {
        if (op.equals("empty")) {
            return column + " IS NULL";
        }
        if (op.equals("not_empty")) {
            return column + " IS NOT NULL";
        }
        String sql = COMPARE.get(op);
        if (sql == null) {
            throw badOp(path, "eq, gte, lte, gt, lt, empty, not_empty");
        }
        return column + " " + sql + " " + bind(number(value, path));
    }

    private String lastContact(String op, Rule rule, String path) {
        int days = days(rule.days() != null ? rule.days() : rule.value(), path);
        Instant since = clock.instant().minus(days, ChronoUnit.DAYS);
        String recent = "EXISTS (SELECT 1 FROM rec_segment_interaction i WHERE i.client_id = c.client_id AND i.occurred_at >= "
                + bind(java.sql.Timestamp.from(since)) + ")";
        return switch (op) {
            case "within" -> recent;
            case "not_within" -> "NOT " + recent;
            default -> throw badOp(path, "within, not_within");
        };
    }

    private String transactions(String aggregate, String op, Rule rule, String path) {
        String sql = COMPARE.get(op);
        if (sql == null) {
            throw badOp(path, "eq, gte, lte, gt, lt");
        }
        int days = rule.days() == null ? 365 : days(rule.days(), path);
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
        return "(SELECT " + aggregate + " FROM rec_segment_transaction t WHERE t.client_id = c.client_id AND t.occurred_on >= "
                + bind(java.sql.Date.valueOf(since)) + ") " + sql + " " + bind(number(rule.value(), path));
    }

    /** The partnership anniversary: today (UTC) is the month and day of the client's start, a year or more ago. */
    private String anniversary(String op, String path) {
        if (!op.equals("today")) {
            throw badOp(path, "today");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return "EXTRACT(MONTH FROM c.client_since) = " + bind(today.getMonthValue()) + " AND EXTRACT(DAY FROM c.client_since) = "
                + bind(today.getDayOfMonth()) + " AND c.client_since <= " + bind(java.sql.Date.valueOf(today.minusYears(1)));
    }

    private String consent(String op, Rule rule, String path) {
        String channel = rule.channel() == null ? null : rule.channel().strip().toLowerCase(Locale.ROOT);
        String purpose = rule.purpose() == null ? null : rule.purpose().strip().toLowerCase(Locale.ROOT);
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new InvalidCampaignException(path + ".channel", "must be email, sms or webchat");
        }
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw new InvalidCampaignException(path + ".purpose", "must be service, care or marketing");
        }
        usesConsent = true;
        String exists = "EXISTS (SELECT 1 FROM cmp_consent_state s WHERE s.contact_id = c.contact_id AND s.channel = " + bind(channel)
                + " AND s.purpose = " + bind(purpose) + " AND s.granted = ";
        return switch (op) {
            case "granted" -> exists + bind(Boolean.TRUE) + ")";
            case "opted_out" -> exists + bind(Boolean.FALSE) + ")";
            case "not_opted_out" -> "NOT " + exists + bind(Boolean.FALSE) + ")";
            default -> throw badOp(path, "granted, opted_out, not_opted_out");
        };
    }

    // --- values ---

    private String bind(Object value) {
        String name = "p" + binds.size();
        binds.put(name, value);
        return ":" + name;
    }

    private String bindList(List<?> values) {
        List<String> names = new ArrayList<>();
        for (Object value : values) {
            names.add(bind(value));
        }
        return String.join(", ", names);
    }

    private static String text(Object value, String path, boolean lowerCase) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidCampaignException(path + ".value", "must be a non-empty text");
        }
        if (s.length() > 200) {
            throw new InvalidCampaignException(path + ".value", "at most 200 characters");
        }
        return lowerCase ? s.strip().toLowerCase(Locale.ROOT) : s.strip();
    }

    private static List<String> texts(Object value, String path, boolean lowerCase) {
        List<?> list = list(value, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(text(list.get(i), path + ".value[" + i + "]", lowerCase).strip());
        }
        return out;
    }

    private static List<?> list(Object value, String path) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidCampaignException(path + ".value", "must be a non-empty list");
        }
        if (list.size() > MAX_LIST) {
            throw new InvalidCampaignException(path + ".value", "at most " + MAX_LIST + " values");
        }
        return list;
    }

    private static long id(Object value, String path) {
        if (value instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                long id = Long.parseLong(s.strip());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new InvalidCampaignException(path + ".value", "must be a staff id (a positive whole number)");
    }

    private static List<Long> ids(Object value, String path) {
        List<?> list = list(value, path);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(id(list.get(i), path + ".value[" + i + "]"));
        }
        return out;
    }

    private static BigDecimal number(Object value, String path) {
        try {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof String s && !s.isBlank()) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidCampaignException(path + ".value", "must be a number");
    }

    private static int days(Object value, String path) {
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 1 && n.longValue() <= 36500) {
            return n.intValue();
        }
        throw new InvalidCampaignException(path + ".days", "must be a whole number of days from 1 to 36500");
    }

    private static InvalidCampaignException badOp(String path, String allowed) {
        return new InvalidCampaignException(path + ".op", "must be one of " + allowed);
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
