package org.rapport.compliance.internal.rest;

import java.util.Map;

/** The texts and markup of the public unsubscribe pages, in Chinese and English; every inserted value is HTML-escaped. */
final class UnsubscribePage {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Unsubscribe"),
                    Map.entry("confirm", "Stop {purpose} messages by {channel}?"),
                    Map.entry("explain", "You will no longer receive {purpose} messages from us by {channel}. Answers to your own requests are not affected."),
                    Map.entry("button", "Unsubscribe"),
                    Map.entry("done.title", "You are unsubscribed"),
                    Map.entry("done", "You will no longer receive {purpose} messages from us by {channel}."),
                    Map.entry("invalid.title", "This link is not valid"),
                    Map.entry("invalid", "The unsubscribe link is incomplete or no longer valid. Reply to our message or contact your account manager to unsubscribe."),
                    Map.entry("other", "中文"),
                    Map.entry("purpose.service", "service"), Map.entry("purpose.care", "care"), Map.entry("purpose.marketing", "marketing"),
                    Map.entry("channel.email", "email"), Map.entry("channel.sms", "SMS"), Map.entry("channel.webchat", "web chat")),
            "zh", Map.ofEntries(
                    Map.entry("title", "退订"),
                    Map.entry("confirm", "退订{channel}{purpose}消息？"),
                    Map.entry("explain", "退订后，您将不再通过{channel}收到我们的{purpose}消息。对您本人咨询的答复不受影响。"),
                    Map.entry("button", "确认退订"),
                    Map.entry("done.title", "您已成功退订"),
                    Map.entry("done", "您将不再通过{channel}收到我们的{purpose}消息。"),
                    Map.entry("invalid.title", "链接无效"),
                    Map.entry("invalid", "该退订链接不完整或已失效。请回复我们的消息或联系您的客户经理办理退订。"),
                    Map.entry("other", "English"),
                    Map.entry("purpose.service", "服务"), Map.entry("purpose.care", "关怀"), Map.entry("purpose.marketing", "营销"),
                    Map.entry("channel.email", "邮件"), Map.entry("channel.sms", "短信"), Map.entry("channel.webchat", "在线客服")));

    private UnsubscribePage() {
    }

    static String text(String lang, String key, String channel, String purpose) {
        Map<String, String> texts = TEXTS.get(lang);
        String value = texts.get(key);
        if (channel != null) {
            value = value.replace("{channel}", texts.get("channel." + channel));
        }
        if (purpose != null) {
            value = value.replace("{purpose}", texts.get("purpose." + purpose));
        }
        return value;
    }

    /** A whole page: heading, paragraph, optionally the confirmation form, and the language switch. */
    static String render(String lang, String titleKey, String bodyKey, String channel, String purpose, String formAction,
            String otherLanguageHref) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html><html lang=\"").append(lang.equals("zh") ? "zh-CN" : "en").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(text(lang, "title", channel, purpose))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/compliance/public.css\"></head><body><main class=\"card\">")
                .append("<h1>").append(escape(text(lang, titleKey, channel, purpose))).append("</h1>")
                .append("<p>").append(escape(text(lang, bodyKey, channel, purpose))).append("</p>");
        if (formAction != null) {
            html.append("<form method=\"post\" action=\"").append(escape(formAction)).append("\">")
                    .append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                    .append("<button type=\"submit\">").append(escape(text(lang, "button", channel, purpose))).append("</button></form>");
        }
        if (otherLanguageHref != null) {
            html.append("<p class=\"lang\"><a href=\"").append(escape(otherLanguageHref)).append("\">")
                    .append(escape(text(lang, "other", channel, purpose))).append("</a></p>");
        }
        return html.append("</main></body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
