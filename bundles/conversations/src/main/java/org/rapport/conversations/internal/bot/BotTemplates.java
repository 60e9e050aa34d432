package org.rapport.conversations.internal.bot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's answer texts in Chinese and English, with {@code {name}} placeholders; any of them can
 * be replaced from configuration ({@code key.lang=text}).
 */
public final class BotTemplates {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("greeting.en", "Hello! I am the Rapport assistant. Ask me about accounts, transfers, fees, online banking or statements, or type \"human\" to reach a person."),
            Map.entry("greeting.zh", "您好！我是智能助理。您可以咨询开户、转账、费用、网上银行、对账单等问题，输入“人工”可转接工作人员。"),
            Map.entry("thanks.en", "You are welcome. Is there anything else I can help you with?"),
            Map.entry("thanks.zh", "不客气，还有什么可以帮您？"),
            Map.entry("answer.en", "{passage}\n\nRead more: {title} — {url}"),
            Map.entry("answer.zh", "{passage}\n\n详情请见：{title} — {url}"),
            Map.entry("handover.en", "I am passing your message to a colleague, who will answer you here shortly."),
            Map.entry("handover.zh", "您的问题已转交工作人员，稍后会在这里回复您。"),
            Map.entry("unsure.en", "I am not sure I can answer that well, so I am passing your question to a colleague, who will reply shortly."),
            Map.entry("unsure.zh", "这个问题我暂时无法准确回答，已转交工作人员，稍后会回复您。"),
            Map.entry("complaint.en", "We are sorry for the trouble. Your complaint has been recorded under reference {reference}; "
                    + "a colleague will look into it and get back to you. You can ask for its status at any time."),
            Map.entry("complaint.zh", "非常抱歉给您带来不便。您的投诉已登记，编号 {reference}，工作人员会尽快核实处理并回复您。您可以随时询问处理进度。"),
            Map.entry("optout.en", "You have been unsubscribed: we will not send you care or marketing messages on this channel any more. "
                    + "Replies to your own questions are not affected."),
            Map.entry("optout.zh", "已为您退订：此渠道将不再向您发送关怀及营销信息，您主动咨询的回复不受影响。"),
            Map.entry("manager.en", "Your account manager is {manager}. {manager} will be glad to help you."),
            Map.entry("manager.zh", "您的客户经理是{manager}，有需要可以随时联系。"),
            Map.entry("manager_none.en", "No account manager is assigned to your company yet; a colleague will take care of you."),
            Map.entry("manager_none.zh", "您的公司暂未分配客户经理，工作人员会为您服务。"),
            Map.entry("complaint_status.en", "Your complaints:\n{complaints}"),
            Map.entry("complaint_status.zh", "您的投诉处理情况：\n{complaints}"),
            Map.entry("complaint_none.en", "We have no complaint on record from you."),
            Map.entry("complaint_none.zh", "我们暂无您的投诉记录。"),
            Map.entry("transactions.en", "Your latest transactions:\n{transactions}"),
            Map.entry("transactions.zh", "您最近的交易：\n{transactions}"),
            Map.entry("transactions_none.en", "We have no transactions on record for your company."),
            Map.entry("transactions_none.zh", "暂无您公司的交易记录。"),
            Map.entry("verify.en", "For your security I can only share account details with a verified client. Please verify your identity "
                    + "(in chat: with the code we email you; by email: write from the address registered with us)."),
            Map.entry("verify.zh", "为保障您的信息安全，账户信息仅向已验证身份的客户提供。请先验证身份（在线聊天：使用发送到您邮箱的验证码；邮件：请使用在我们这里登记的邮箱来信）。"),
            Map.entry("complaint_line.en", "- {reference} ({date}): {status}"),
            Map.entry("complaint_line.zh", "- {reference}（{date}）：{status}"),
            Map.entry("transaction_line.en", "- {date}: {amount} {currency} {product}"),
            Map.entry("transaction_line.zh", "- {date}：{amount} {currency} {product}"));

    private static final Map<String, Map<String, String>> STATUS_WORDS = Map.of(
            "received", Map.of("en", "received", "zh", "已受理"),
            "analysing", Map.of("en", "being analysed", "zh", "分析中"),
            "resolving", Map.of("en", "being resolved", "zh", "处理中"),
            "answered", Map.of("en", "answered", "zh", "已答复"),
            "closed", Map.of("en", "closed", "zh", "已结案"));

    private final Map<String, String> texts;

    /** Defaults, with {@code overrides} ({@code key.lang=text}) replacing them; malformed entries go to {@code problems}. */
    public BotTemplates(List<String> overrides, List<String> problems) {
        Map<String, String> merged = new HashMap<>(DEFAULTS);
        for (String entry : overrides) {
            int eq = entry.indexOf('=');
            String key = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (!DEFAULTS.containsKey(key)) {
                problems.add("template '" + entry + "' is not key.lang=text with a known key");
                continue;
            }
            merged.put(key, entry.substring(eq + 1).replace("\\n", "\n"));
        }
        this.texts = Map.copyOf(merged);
    }

    public static BotTemplates defaults() {
        return new BotTemplates(List.of(), new java.util.ArrayList<>());
    }

    /** The text for {@code key} in {@code language} ({@code en} if there is none), placeholders filled. */
    public String text(String key, String language, Map<String, String> values) {
        String text = texts.getOrDefault(key + "." + language, texts.get(key + ".en"));
        if (text == null) {
            throw new IllegalArgumentException("no template " + key);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return text;
    }

    public String text(String key, String language) {
        return text(key, language, Map.of());
    }

    /** A case status in words. */
    public static String status(String status, String language) {
        Map<String, String> words = STATUS_WORDS.get(status);
        return words == null ? status : words.getOrDefault(language, words.get("en"));
    }
}
