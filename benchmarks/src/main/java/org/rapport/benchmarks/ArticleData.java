package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Education articles for the {@code search} scenario: half Chinese, half English, each title
 * carrying a unique code word (so a query can name one article) among a corporate bank's topics.
 */
final class ArticleData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] ZH = {
        {"企业开户", "开户需要营业执照、法定代表人身份证件和受益所有人声明，材料齐全后三至五个工作日办结。"},
        {"境外汇款", "境外汇款通过 SWIFT 发送，需要收款人账号、收款行 SWIFT 代码和汇款用途，手续费按金额的千分之一收取。"},
        {"网银转账限额", "网上银行默认单笔限额 500 万元，每日 2000 万元，管理员可以为操作员调整限额。"},
        {"退订营销短信", "回复退订或 TD 即可停止营销短信，服务类提醒不受影响。"},
        {"电子回单", "电子回单和对账单可在网上银行下载，附验证码供收款方核验。"},
        {"投诉流程", "投诉在一个工作日内受理，十五个工作日内书面答复，核心客户五个工作日内答复。"},
        {"U盾挂失", "U 盾丢失请立即冻结并拨打二十四小时热线，新 U 盾两个工作日内寄出。"},
        {"定期存款", "定期存款期限三个月至三年，起存金额五万元，提前支取按活期利率计息。"},
    };
    private static final String[][] EN = {
        {"Opening a corporate account", "Bring the business licence, the legal representative's ID and the beneficial ownership declaration."},
        {"International wire transfers", "Payments go by SWIFT; you need the beneficiary's account, the bank's BIC and the purpose of payment."},
        {"Online transfer limits", "The default limit is CNY 5 million per transaction and CNY 20 million per day."},
        {"Unsubscribe from marketing SMS", "Reply STOP to any marketing SMS; service alerts continue."},
        {"Statements and receipts", "Download statements and payment receipts in online banking; each receipt has a verification code."},
        {"Complaints process", "We acknowledge a complaint within one working day and answer within fifteen."},
        {"Lost security token", "Block a lost token at once and call the 24-hour line; a replacement is sent within two days."},
        {"Time deposits", "Terms from three months to three years from CNY 50,000; early withdrawal earns the demand rate."},
    };

    private ArticleData() {
    }

    /** Article {@code i}: even Chinese, odd English. */
    static String json(long i) {
        boolean zh = i % 2 == 0;
        String[] topic = (zh ? ZH : EN)[(int) ((i / 2) % ZH.length)];
        String code = codeWord(i);
        ObjectNode body = JSON.createObjectNode();
        body.put("title", topic[0] + " " + code);
        body.put("body", "## " + topic[0] + "\n\n" + topic[1] + "\n\n" + (zh ? "参考编号 " : "Reference ") + code + ".\n\n" + topic[1]);
        body.put("language", zh ? "zh" : "en");
        body.put("category", zh ? "银行服务" : "Banking");
        body.putArray("tags").add(topic[0]).add(code);
        return body.toString();
    }

    /** A unique word for article {@code i}, e.g. {@code kb4f2}. */
    static String codeWord(long i) {
        return "kb" + Long.toString(i + 1000, 36);
    }

    /** Typical client questions of both languages. */
    static final String[] TOPIC_QUERIES = {"退订", "境外汇款手续费", "网银转账限额", "U盾丢了", "投诉", "定期存款利率", "电子回单",
        "refund policy", "wire transfer", "transfer limit", "unsubscribe", "lost token", "complaint", "time deposit", "statement"};
}
