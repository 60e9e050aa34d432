package org.rapport.records.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;
import org.rapport.records.FollowUpInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.RegistrationNumbers;
import org.rapport.records.TransactionInput;

/** Checks and normalises record input; collects every field error before failing. */
public final class Validation {
    public static final Set<String> STATUSES = Set.of("active", "inactive", "closed");
    public static final Set<String> CHANNELS = Set.of("email", "sms", "webchat", "phone");
    public static final Set<String> LANGUAGES = Set.of("zh", "en");
    public static final Set<String> INTERACTION_CHANNELS = Set.of("email", "webchat", "sms", "phone", "visit", "other");
    public static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "internal");
    public static final Set<String> KINDS = Set.of("contact", "complaint", "note");
    public static final Set<String> TASK_STATUSES = Set.of("open", "done", "cancelled");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\"]+$");
    private static final Pattern OTHER_REGISTRATION = Pattern.compile("^[A-Z0-9./]{4,40}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    private final Map<String, String> errors = new LinkedHashMap<>();

    private Validation() {
    }

    public static ClientInput client(ClientInput in) {
        Validation v = new Validation();
        String name = v.required("name", in.name(), 200);
        String registration = RegistrationNumbers.normalise(Normalise.text(in.registrationNo()));
        if (registration != null) {
            if (RegistrationNumbers.looksLikeCreditCode(registration)) {
                if (!RegistrationNumbers.isValidCreditCode(registration)) {
                    v.error("registrationNo", "is not a valid unified social credit code (wrong check character)");
                }
            } else if (!OTHER_REGISTRATION.matcher(registration).matches()) {
                v.error("registrationNo", "must be 4 to 40 letters, digits, '.' or '/'");
            }
        }
        String industry = v.max("industry", Normalise.id(in.industry()), 60);
        String region = v.max("region", Normalise.id(in.region()), 60);
        if (in.annualRevenue() != null && (in.annualRevenue().signum() < 0 || in.annualRevenue().compareTo(MAX_AMOUNT) > 0)) {
            v.error("annualRevenue", "must be between 0 and 10^15");
        }
        if (in.employees() != null && in.employees() < 0) {
            v.error("employees", "must not be negative");
        }
        List<String> tags = Normalise.tags(in.tags());
        if (tags.size() > 30 || Normalise.encodeTags(tags).length() > 1000) {
            v.error("tags", "at most 30 tags, 1000 characters in all");
        }
        String status = Normalise.id(in.status());
        status = status == null ? "active" : status;
        v.oneOf("status", status, STATUSES);
        if (in.clientSince() != null && (in.clientSince().isAfter(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)) || in.clientSince().getYear() < 1900)) {
            v.error("clientSince", "must be a past date after 1900");
        }
        v.done();
        BigDecimal revenue = in.annualRevenue() == null ? null : in.annualRevenue().setScale(2, java.math.RoundingMode.HALF_UP);
        return new ClientInput(name, registration, industry, region, revenue, in.employees(), tags, status, in.clientSince());
    }

    public static ContactInput contact(ContactInput in) {
        Validation v = new Validation();
        String name = v.required("name", in.name(), 200);
        String title = v.max("title", Normalise.text(in.title()), 200);
        List<String> emails = new ArrayList<>();
        for (String email : in.emails()) {
            String text = Normalise.text(email);
            if (text == null) {
                continue;
            }
            if (text.length() > 320 || !EMAIL.matcher(text).matches()) {
                v.error("emails", "'" + abbreviate(text) + "' is not an email address");
            } else if (emails.stream().noneMatch(e -> e.equalsIgnoreCase(text))) {
                emails.add(text);
            }
        }
        List<String> phones = new ArrayList<>();
        for (String phone : in.phones()) {
            if (Normalise.text(phone) == null) {
                continue;
            }
            String normal = Normalise.phone(phone);
            if (normal == null) {
                v.error("phones", "'" + abbreviate(phone) + "' is not a phone number");
            } else if (!phones.contains(normal)) {
                phones.add(normal);
            }
        }
        if (emails.size() > 10 || phones.size() > 10) {
            v.error(emails.size() > 10 ? "emails" : "phones", "at most 10");
        }
        String channel = Normalise.id(in.preferredChannel());
        if (channel != null) {
            v.oneOf("preferredChannel", channel, CHANNELS);
        }
        String language = Normalise.id(in.language());
        if (language == null) {
            language = name != null && HAN.matcher(name).find() ? "zh" : "en";
        }
        v.oneOf("language", language, LANGUAGES);
        String zone = Normalise.text(in.timeZone());
        if (zone == null) {
            zone = "Asia/Shanghai";
        } else {
            try {
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                v.error("timeZone", "is not a time zone id such as Asia/Shanghai");
            }
        }
        v.done();
        return new ContactInput(name, title, emails, phones, channel, language, zone);
    }

    public static InteractionInput interaction(InteractionInput in) {
        Validation v = new Validation();
        String channel = Normalise.id(in.channel());
        v.requiredOneOf("channel", channel, INTERACTION_CHANNELS);
        String direction = Normalise.id(in.direction());
        v.requiredOneOf("direction", direction, DIRECTIONS);
        String kind = Normalise.id(in.kind());
        kind = kind == null ? "contact" : kind;
        v.oneOf("kind", kind, KINDS);
        String summary = v.required("summary", in.summary(), 2000);
        String ref = v.max("messageRef", Normalise.text(in.messageRef()), 200);
        String staffName = v.max("staffName", Normalise.text(in.staffName()), 200);
        v.done();
        return new InteractionInput(in.contactId(), channel, direction, kind, summary, ref, in.staffId(), staffName,
                in.occurredAt());
    }

    public static TransactionInput transaction(TransactionInput in, LocalDate today) {
        Validation v = new Validation();
        if (in.date() == null) {
            v.error("date", "is required");
        } else if (in.date().isAfter(today.plusDays(1))) {
            v.error("date", "must not be in the future");
        }
        if (in.amount() == null) {
            v.error("amount", "is required");
        } else if (in.amount().abs().compareTo(MAX_AMOUNT) > 0) {
            v.error("amount", "is too large");
        }
        String currency = in.currency() == null ? "CNY" : in.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            v.error("currency", "must be an ISO 4217 code such as CNY");
        }
        String product = v.max("product", Normalise.id(in.product()), 60);
        String reference = v.max("reference", Normalise.text(in.reference()), 100);
        v.done();
        return new TransactionInput(in.date(), in.amount().setScale(2, java.math.RoundingMode.HALF_UP), currency, product,
                reference);
    }

    public static FollowUpInput task(FollowUpInput in) {
        Validation v = new Validation();
        String title = v.required("title", in.title(), 500);
        if (in.due() == null) {
            v.error("due", "is required");
        }
        String status = Normalise.id(in.status());
        status = status == null ? "open" : status;
        v.oneOf("status", status, TASK_STATUSES);
        v.done();
        return new FollowUpInput(in.contactId(), title, in.due(), in.ownerId(), status);
    }

    private String required(String field, String value, int max) {
        String text = Normalise.text(value);
        if (text == null) {
            error(field, "is required");
            return null;
        }
        return max(field, text, max);
    }

    private String max(String field, String value, int max) {
        if (value != null && value.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private void requiredOneOf(String field, String value, Set<String> allowed) {
        if (value == null) {
            error(field, "is required");
        } else {
            oneOf(field, value, allowed);
        }
    }

    private void oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            error(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    private void done() {
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
