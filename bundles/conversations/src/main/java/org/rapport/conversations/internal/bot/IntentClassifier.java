package org.rapport.conversations.internal.bot;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Recognises the intents the bot acts on by itself (opt-out, account questions, complaints,
 * a request for a person, greetings and thanks) in Chinese and English; everything else is a
 * {@link Intent#QUESTION} for the education library. Rules are checked in a fixed order, the most
 * specific first ("status of my complaint" is not a new complaint).
 */
public final class IntentClassifier {

    /** A rule: the intent and what recognises it. */
    private record Rule(Intent intent, Predicate<String> matches) {}

    private static final int SHORT = 40; // greetings and thanks only when the message is short

    private final Predicate<String> optOutCommand;
    private final List<Rule> rules;

    /**
     * @param optOutCommand recognises an opt-out command (the compliance bundle's keywords); the
     *        classifier adds phrases like "stop sending me"
     */
    public IntentClassifier(Predicate<String> optOutCommand) {
        this.optOutCommand = optOutCommand;
        this.rules = List.of(
                new Rule(Intent.OPT_OUT, t -> this.optOutCommand.test(t) || !asksHowTo(t) && find(t,
                        "\\b(unsubscribe|opt[ -]?out|stop (sending|emailing|texting|messaging)|remove me from|no more (emails|messages|texts))\\b",
                        "退订|取消订阅|不要再(给我)?(发|推送)|别再(给我)?(发|推送)|拒收")),
                new Rule(Intent.COMPLAINT_STATUS, t -> find(t,
                        "\\b(status|progress|update|news|outcome|result|follow[- ]?up|where are we|what happened)\\b.{0,40}\\b(complaint|case|ticket)\\b"
                                + "|\\b(complaint|case|ticket)\\b.{0,40}\\b(status|progress|update|outcome|resolved|handled|going)\\b"
                                + "|\\bc-\\d{8}-\\d{3,}\\b",
                        "投诉.{0,12}(进度|状态|结果|处理(得|的)?(怎么样|如何|到哪)|怎么样了|有(没有)?(回复|结果|进展)|办得怎样)"
                                + "|(进度|状态|结果|进展).{0,10}投诉|我的投诉|工单.{0,6}(进度|状态)")),
                new Rule(Intent.ACCOUNT_MANAGER, t -> find(t,
                        "\\b(account|relationship|client|customer) manager\\b|\\bmy (manager|rm|banker|adviser|advisor)\\b"
                                + "|\\bwho (is )?(manages|handles|looks after|is in charge of|takes care of) (my|our) (account|company)"
                                + "|\\bmy (contact person|point of contact)\\b",
                        "客户经理|我的经理|专属经理|理财经理|对接人|谁(负责|管理|对接)(我|我们)的?(账户|公司|业务)")),
                new Rule(Intent.TRANSACTIONS, t -> find(t,
                        "\\b(show|list|see|view|check|give|send|tell)\\b.{0,30}\\b(last|recent|latest|previous)\\b.{0,20}\\b(transactions?|payments?|transfers?)\\b"
                                + "|\\bwhat (are|were) (my|our) (last|recent|latest)\\b.{0,20}\\b(transactions?|payments?|transfers?)\\b"
                                + "|\\b(transaction|payment) history\\b|\\b(my|our) (transactions|payments)\\b(?! (failed|fail|were returned|are stuck))"
                                + "|^(my |our )?(last|recent|latest) (few )?(transactions|payments|transfers)( on (my|our) account)?( please)?[?.!]*$",
                        "(查询|查看|看看|查一下|列出|有哪些|是什么|告诉我).{0,10}(最近|最新|近期|上几笔|前几笔).{0,8}(交易|流水|转账|付款|汇款)"
                                + "|交易(记录|明细|流水)|^我?的?(最近|最新|近期)的?(几笔|一些)?(交易|流水|转账|付款|汇款)(记录|明细)?[?？。!！]*$")),
                new Rule(Intent.HUMAN, t -> find(t,
                        "\\b(human|real person|live agent|an agent|a person|someone real|representative|operator|staff member)\\b"
                                + "|\\b(speak|talk|chat) (to|with) (someone|somebody|a person|an agent|a human|staff|your staff)\\b"
                                + "|\\bcall me( back)?\\b|\\b(speak|talk) to (customer service|support)\\b",
                        "人工|真人|转人工|客服人员|找个人|工作人员|打电话给我|回电|联系我")),
                new Rule(Intent.COMPLAINT, t -> !asksAboutTheProcess(t) && find(t,
                        "\\b(complain|complaint|complaining|unacceptable|terrible|awful|outrageous|ridiculous|disgusting|furious|angry"
                                + "|disappointed|not happy|very unhappy|poor service|bad service|worst|escalate|rip[- ]?off|overcharged|scam)\\b",
                        "投诉|不满|太差|很差|差劲|生气|愤怒|气愤|举报|维权|乱收费|多收|扣错|欺诈|忽悠|太慢了|没人管|态度(很|太)?(差|恶劣)")),
                new Rule(Intent.THANKS, t -> t.length() <= SHORT && find(t,
                        "\\b(thanks|thank you|thank u|thx|ty|cheers|much appreciated|appreciate it|great, thanks)\\b",
                        "谢谢|多谢|感谢|辛苦了|好的谢|明白了")),
                new Rule(Intent.GREETING, t -> t.length() <= SHORT && find(t,
                        "^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|anyone there|is anyone there)\\b[\\s!.,?]*(there)?[\\s!.,?]*$",
                        "^(你好|您好|嗨|哈喽|哈啰|早上好|下午好|晚上好|早安|在吗|在不在|有人吗)[\\s!！。,，?？啊呀吗]*$")));
    }

    /** "How do I …?", "如何…", "怎么…": asking how something works rather than asking for it. */
    private static boolean asksHowTo(String t) {
        return find(t, "^(how|where|what|can|could|is it possible)\\b.{0,80}\\?*$", "如何|怎么|怎样|在哪|哪里可以|能不能|可以.{0,6}吗");
    }

    /**
     * "How do I complain?", "what is the complaints process", "投诉流程": a question about how
     * complaints work, for the library — unless the client is upset as well.
     */
    private static boolean asksAboutTheProcess(String t) {
        boolean howTo = find(t, "^(how|what|where|when|who|can|could|is|are|do|does)\\b.{0,60}\\b(complain|complaints?)\\b.{0,40}(\\?|$)"
                        + "|\\bcomplaints? (process|procedure|policy|handling)\\b",
                "(如何|怎么|怎样|在哪|哪里|多久|流程|程序|渠道|方式).{0,10}投诉|投诉.{0,10}(流程|程序|渠道|方式|多久|时限|电话)");
        boolean upset = find(t, "\\b(unacceptable|terrible|awful|outrageous|ridiculous|furious|angry|overcharged|scam|worst)\\b",
                "太差|很差|差劲|生气|愤怒|气愤|乱收费|欺诈|忽悠");
        return howTo && !upset;
    }

    /** The intent of a message. */
    public Intent classify(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return Intent.GREETING;
        }
        for (Rule rule : rules) {
            if (rule.matches().test(t)) {
                return rule.intent();
            }
        }
        return Intent.QUESTION;
    }

    /** Lower case, full-width forms folded (NFKC), blanks collapsed. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean find(String text, String english, String chinese) {
        return pattern(english).matcher(text).find() || pattern(chinese).matcher(text).find();
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
