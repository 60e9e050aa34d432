package org.rapport.demo.internal.world;

import java.util.List;
import java.util.random.RandomGenerator;

/** Varied zh / en templates for interaction summaries and task titles; {@code {p}} stands for a product name. */
final class Texts {

    /** The kinds of summary the generator asks for. */
    enum Topic { INQUIRY, OUTREACH, COMPLAINT, WIN_BACK, RETURN, ONBOARDING, PROSPECT_OUTREACH, PROSPECT_INQUIRY }

    /** The kinds of task title. */
    enum TaskTopic { ROUTINE, COMPLAINT, WIN_BACK, PROSPECT }

    private static final List<String> ZH_INQUIRY = List.of("咨询{p}的办理流程", "询问{p}的费率和优惠", "咨询跨境汇款手续费",
            "询问企业网银U盾过期后如何更换", "要求补打上季度的对账单", "咨询{p}合同续签需要准备哪些材料", "询问代发工资文件的新模板",
            "咨询美元结汇的当日汇率", "询问信用证开立所需时间", "网银登录需重新验证，已协助处理", "咨询增加授权操作员的手续",
            "询问定期存款提前支取的利息计算", "咨询{p}额度能否临时上调", "要求修改预留联系人手机号", "询问年度账户年检安排",
            "咨询公司更名后账户信息如何更新", "询问{p}是否支持接口直连", "咨询港币账户开立条件");

    private static final List<String> EN_INQUIRY = List.of("Asked about the onboarding steps for {p}",
            "Asked for the current {p} fee schedule", "Asked about cross-border transfer fees to Hong Kong",
            "Asked about the new payroll file format", "Requested a copy of last quarter's statement",
            "Asked how to add a new authorised signatory", "Asked for today's indicative USD/CNY rate",
            "Asked how long a letter of credit takes to issue", "Could not log in to online banking; token reset",
            "Asked whether the {p} limit can be raised temporarily", "Asked about early withdrawal of a time deposit",
            "Updated the billing contact details", "Asked which documents the annual KYC review needs",
            "Asked about API access for {p}", "Asked how to open a CNY account for the mainland subsidiary",
            "Asked why a SWIFT payment is still pending");

    private static final List<String> ZH_OUTREACH = List.of("季度回访：了解{p}使用情况", "介绍新的{p}方案",
            "提醒账户年检材料截止日期", "节日问候并邀请参加客户答谢会", "上门拜访，讨论明年融资需求", "跟进上次咨询的{p}报价",
            "通知网银系统升级时间", "邀请参加外汇避险线上讲座", "回访投诉处理结果，客户表示满意", "确认代发工资文件已按新格式提交",
            "发送{p}使用指南", "了解客户新项目的资金安排");

    private static final List<String> EN_OUTREACH = List.of("Quarterly check-in on {p} usage",
            "Presented the new {p} package", "Reminded them of the KYC review deadline",
            "Season's greetings and an invitation to the client dinner",
            "Site visit to discuss next year's financing needs", "Followed up on the {p} quote",
            "Notified them of the online banking maintenance window", "Invited them to the FX hedging webinar",
            "Called back after the complaint was resolved; client satisfied",
            "Confirmed the payroll file now uses the new format", "Sent the {p} user guide",
            "Discussed funding for their new project");

    private static final List<String> ZH_COMPLAINT = List.of("投诉：对账单延迟三天", "投诉：跨境汇款到账比承诺晚两个工作日",
            "投诉：{p}手续费与合同约定不符", "投诉：客服电话等待时间过长", "投诉：网银转账多次失败", "投诉：代发工资有五笔未按时到账",
            "投诉：客户经理长时间未回复邮件", "投诉：外汇报价明显高于市场水平", "投诉：贷款续贷审批太慢", "投诉：年费被重复扣收",
            "投诉：{p}开通拖了两周还没完成");

    private static final List<String> EN_COMPLAINT = List.of("Complaint: statement arrived three days late",
            "Complaint: cross-border payment arrived two business days late",
            "Complaint: {p} fees do not match the contract", "Complaint: long waiting time on the service hotline",
            "Complaint: online banking transfers failing repeatedly",
            "Complaint: five payroll payments were not credited on time",
            "Complaint: no reply from the account manager for a week",
            "Complaint: FX rate quoted well above market", "Complaint: loan renewal approval is taking too long",
            "Complaint: annual fee charged twice", "Complaint: {p} set-up still not done after two weeks");

    private static final List<String> ZH_WIN_BACK = List.of("客户近期无交易，致电了解原因", "发送专属优惠，邀请恢复{p}业务",
            "拜访客户财务部，了解转到他行的原因", "电话未接通，已发短信请客户回电");

    private static final List<String> EN_WIN_BACK = List.of("No recent activity; called to ask why",
            "Sent a tailored offer to resume {p}", "Visited the finance team to understand the move to another bank",
            "No answer; left a message asking them to call back");

    private static final List<String> ZH_RETURN = List.of("客户恢复{p}业务，确认新的服务安排", "重新签署{p}服务协议");
    private static final List<String> EN_RETURN = List.of("Client resumed {p}; agreed the new service arrangements",
            "Signed the {p} agreement again");

    private static final List<String> ZH_ONBOARDING = List.of("新客户开户：协助完成{p}开通", "欢迎致电：介绍客户经理和服务渠道",
            "培训财务人员使用企业网银");
    private static final List<String> EN_ONBOARDING = List.of("Onboarding: helped set up {p}",
            "Welcome call: introduced the account team and service channels",
            "Trained the finance team on online banking");

    private static final List<String> ZH_PROSPECT_OUT = List.of("初次拜访，介绍{p}", "发送{p}产品资料", "邀请参加企业金融沙龙",
            "电话跟进开户意向");
    private static final List<String> EN_PROSPECT_OUT = List.of("First visit: introduced {p}", "Sent the {p} brochure",
            "Invited them to the corporate finance seminar", "Called to follow up on opening an account");

    private static final List<String> ZH_PROSPECT_IN = List.of("询问开户所需材料", "咨询{p}报价");
    private static final List<String> EN_PROSPECT_IN = List.of("Asked which documents are needed to open an account",
            "Asked for a {p} quote");

    private static final List<String> ZH_TASK = List.of("回访：确认{p}使用情况", "准备{p}续约方案", "寄送年度对账确认函",
            "安排上门拜访", "更新客户KYC资料", "跟进{p}额度申请", "邀请参加季度客户沙龙");
    private static final List<String> EN_TASK = List.of("Follow up on {p} usage", "Prepare the {p} renewal proposal",
            "Send the annual balance confirmation", "Arrange a site visit", "Update the client's KYC file",
            "Follow up on the {p} limit application", "Invite them to the quarterly client forum");

    private static final List<String> ZH_TASK_COMPLAINT = List.of("处理投诉并回复客户", "核实投诉原因并提交整改说明");
    private static final List<String> EN_TASK_COMPLAINT = List.of("Resolve the complaint and reply to the client",
            "Investigate the complaint and document the fix");

    private static final List<String> ZH_TASK_WIN_BACK = List.of("制定挽回方案", "预约拜访财务总监，了解流失原因");
    private static final List<String> EN_TASK_WIN_BACK = List.of("Prepare a win-back plan",
            "Book a meeting with the CFO to understand why they left");

    private static final List<String> ZH_TASK_PROSPECT = List.of("跟进开户材料补充", "发送{p}报价");
    private static final List<String> EN_TASK_PROSPECT = List.of("Chase the missing account-opening documents",
            "Send the {p} quote");

    private Texts() {
    }

    /** A summary on {@code topic} in {@code language}, naming {@code product} where the template does. */
    static String summary(RandomGenerator rng, Topic topic, String language, String product) {
        boolean zh = "zh".equals(language);
        List<String> templates = switch (topic) {
            case INQUIRY -> zh ? ZH_INQUIRY : EN_INQUIRY;
            case OUTREACH -> zh ? ZH_OUTREACH : EN_OUTREACH;
            case COMPLAINT -> zh ? ZH_COMPLAINT : EN_COMPLAINT;
            case WIN_BACK -> zh ? ZH_WIN_BACK : EN_WIN_BACK;
            case RETURN -> zh ? ZH_RETURN : EN_RETURN;
            case ONBOARDING -> zh ? ZH_ONBOARDING : EN_ONBOARDING;
            case PROSPECT_OUTREACH -> zh ? ZH_PROSPECT_OUT : EN_PROSPECT_OUT;
            case PROSPECT_INQUIRY -> zh ? ZH_PROSPECT_IN : EN_PROSPECT_IN;
        };
        return fill(Draws.pick(rng, templates), language, product);
    }

    /** A task title on {@code topic} in {@code language}. */
    static String task(RandomGenerator rng, TaskTopic topic, String language, String product) {
        boolean zh = "zh".equals(language);
        List<String> templates = switch (topic) {
            case ROUTINE -> zh ? ZH_TASK : EN_TASK;
            case COMPLAINT -> zh ? ZH_TASK_COMPLAINT : EN_TASK_COMPLAINT;
            case WIN_BACK -> zh ? ZH_TASK_WIN_BACK : EN_TASK_WIN_BACK;
            case PROSPECT -> zh ? ZH_TASK_PROSPECT : EN_TASK_PROSPECT;
        };
        return fill(Draws.pick(rng, templates), language, product);
    }

    private static String fill(String template, String language, String product) {
        return template.replace("{p}", Catalog.productName(product, language));
    }
}
