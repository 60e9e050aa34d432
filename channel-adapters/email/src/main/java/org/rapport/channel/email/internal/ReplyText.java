package org.rapport.channel.email.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new text of a reply: quoted history (">" lines, "On … wrote:", "在 … 写道：", Outlook and
 * Foxmail / QQ Mail header blocks, "Original Message" separators) and signatures ("-- ", "Sent from
 * my iPhone", "发自我的手机", a sign-off followed by a few short lines) are cut, in Chinese and
 * English. When nothing would be left, the text is returned as it was.
 */
final class ReplyText {

    /** The text kept, and what was cut. */
    record Stripped(String text, boolean quoteCut, boolean signatureCut) {}

    private static final Pattern WROTE_EN = Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_START = Pattern.compile("^\\s*On\\b.{0,200}", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_ZH = Pattern.compile("^.{0,300}(写道|寫道|wrote)\\s*[:：]\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*[-_=*]{2,}\\s*(Original Message|Forwarded message|Reply message|原始邮件|原始郵件|原邮件|回复的原邮件|转发邮件|轉寄郵件|转发的邮件)\\s*[-_=*]{0,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*_{8,}\\s*$|^\\s*-{8,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|发件人|發件人|寄件者|寄件人)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Cc|Subject|发送时间|發送時間|日期|时间|收件人|收件者|抄送|主题|主旨|主題)\\s*\\*?\\s*[:：].*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIG_DELIMITER = Pattern.compile("^--\\s?$");
    private static final Pattern DEVICE_LINE = Pattern.compile(
            "^\\s*(Sent from my .{1,40}|Sent from (Mail|Outlook) for .{1,40}|Get Outlook for .{1,40}|Sent via .{1,40}|"
                    + "发自我的.{1,30}|發自我的.{1,30}|从我的.{1,30}发送|從我的.{1,30}傳送|来自.{1,20}邮箱|发自.{1,20}(邮箱|客户端))\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(Best regards|Kind regards|Warm regards|Regards|Best wishes|Many thanks|Thanks and regards|Thanks & regards|"
                    + "Sincerely|Yours sincerely|Yours faithfully|Cheers|Best|此致|敬礼|此致敬礼|祝好|顺祝商祺|順祝商祺|祝商祺|谢谢您|順頌商祺|顺颂商祺)[,，!！。.]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    static Stripped strip(String text) {
        if (text == null || text.isBlank()) {
            return new Stripped(text == null ? "" : text.strip(), false, false);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        boolean quote = false;
        int cut = quoteStart(lines);
        if (cut >= 0) {
            lines = new ArrayList<>(lines.subList(0, cut));
            quote = true;
        }
        int before = lines.size();
        lines.removeIf(l -> l.stripLeading().startsWith(">"));
        quote |= lines.size() != before;

        boolean signature = false;
        for (int i = 0; i < lines.size(); i++) {
            if (SIG_DELIMITER.matcher(lines.get(i)).matches()) {
                lines = new ArrayList<>(lines.subList(0, i));
                signature = true;
                break;
            }
        }
        before = lines.size();
        lines.removeIf(l -> DEVICE_LINE.matcher(l).matches());
        signature |= lines.size() != before;
        int signOff = signOff(lines);
        if (signOff >= 0) {
            lines = new ArrayList<>(lines.subList(0, signOff));
            signature = true;
        }
        String result = String.join("\n", lines).replaceAll("\\n{3,}", "\n\n").strip();
        if (result.isEmpty()) {
            return new Stripped(text.strip(), false, false);
        }
        return new Stripped(result, quote, signature);
    }

    /** The first line of the quoted history, or -1. */
    private static int quoteStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (WROTE_EN.matcher(line).matches() || WROTE_ZH.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
                return i;
            }
            // "On Mon, 3 Mar 2025 at 10:00, Someone <someone@example.com>\nwrote:" split over two lines
            if (ON_START.matcher(line).matches() && i + 1 < lines.size() && lines.get(i + 1).strip().matches("(?i).{0,120}wrote:")) {
                return i;
            }
            if (HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i)) {
                int start = i;
                if (i > 0 && RULE.matcher(lines.get(i - 1)).matches()) {
                    start = i - 1;
                }
                return start;
            }
        }
        return -1;
    }

    private static boolean headerBlockFollows(List<String> lines, int from) {
        int found = 0;
        for (int j = from + 1; j < Math.min(lines.size(), from + 6); j++) {
            if (HEADER_OTHER.matcher(lines.get(j)).matches()) {
                found++;
            }
        }
        return found >= 2;
    }

    /** A sign-off line after some text and followed only by a few short lines (name, title, phone), or -1. */
    private static int signOff(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (!SIGN_OFF.matcher(lines.get(i)).matches()) {
                continue;
            }
            boolean textBefore = lines.subList(0, i).stream().anyMatch(l -> !l.isBlank());
            List<String> after = lines.subList(i + 1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
            if (textBefore && after.size() <= 6 && after.stream().allMatch(l -> l.strip().length() <= 60)) {
                return i;
            }
        }
        return -1;
    }
}
