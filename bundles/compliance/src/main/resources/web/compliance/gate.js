// The outbound gate (#/gate): a dry run for admins configuring rules (never counted against caps)
// and the log of the gate's decisions, filterable by contact, decision and reason.
import { h, replace, message } from '/console/dom.js';
import { field } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { CHANNELS, PURPOSES, withLabels, statusLine, table, decisionBadge, label, at, query, pager, hasRole } from './common.js';

const TEXT = withLabels({
    en: {
        'dry': 'Try a message (dry run)', 'dry.intro': 'Checks a message against consent, quiet hours, frequency caps and content rules. It is recorded as a dry run and never counts against caps.',
        'contactId': 'Contact id', 'channel': 'Channel', 'purpose': 'Purpose', 'content': 'Message text', 'reply': 'A reply to the client’s own request',
        'check': 'Check', 'result': 'Decision: {decision} — {reason}', 'retry': 'Ask again after {when}.',
        'log': 'Decisions', 'decision': 'Decision', 'any': 'Any', 'reason': 'Reason code', 'dryRuns': 'Include dry runs', 'show': 'Show',
        'col.at': 'When', 'col.contact': 'Contact', 'col.send': 'Send', 'col.decision': 'Decision', 'col.reason': 'Reason', 'col.sender': 'Sender',
        'none': 'No decisions match.', 'dryRun': 'dry run',
    },
    zh: {
        'dry': '试检一条消息（模拟）', 'dry.intro': '按同意、免打扰时段、频次上限和内容规则检查消息。仅作为模拟记录，不计入频次。',
        'contactId': '联系人编号', 'channel': '渠道', 'purpose': '目的', 'content': '消息内容', 'reply': '答复客户本人的咨询',
        'check': '检查', 'result': '结果：{decision} — {reason}', 'retry': '请在 {when} 之后重试。',
        'log': '检查记录', 'decision': '结果', 'any': '全部', 'reason': '原因代码', 'dryRuns': '包含模拟', 'show': '筛选',
        'col.at': '时间', 'col.contact': '联系人', 'col.send': '发送', 'col.decision': '结果', 'col.reason': '原因', 'col.sender': '发送方',
        'none': '没有符合条件的记录。', 'dryRun': '模拟',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const isAdmin = hasRole(ctx, 'admin');
    const dryResult = h('div', { 'aria-live': 'polite', 'data-result': 'dry-run' });
    const dryForm = h('form', { class: 'stack' },
        h('div', { class: 'field-row' },
            field(tr('contactId'), { name: 'contactId', inputmode: 'numeric', required: true }),
            field(tr('channel'), { tag: 'select', name: 'channel', children: CHANNELS.map((c) => h('option', { value: c, text: label(tr, 'channel', c) })) }),
            field(tr('purpose'), { tag: 'select', name: 'purpose', children: PURPOSES.map((p) => h('option', { value: p, text: label(tr, 'purpose', p) })) })),
        field(tr('content'), { tag: 'textarea', name: 'content', rows: 3, maxlength: 100000 }),
        h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'gate-reply', name: 'reply' }), h('label', { for: 'gate-reply', text: tr('reply') })),
        h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('check') })), dryResult);
    const logForm = h('form', { class: 'filters' },
        field(tr('contactId'), { name: 'contactId', inputmode: 'numeric' }),
        field(tr('decision'), { tag: 'select', name: 'decision', children: [h('option', { value: '', text: tr('any') }),
            ...['allow', 'deny', 'defer'].map((d) => h('option', { value: d, text: tr(`decision.${d}`) }))] }),
        field(tr('reason'), { name: 'reason' }),
        h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'gate-dry', name: 'dryRuns' }), h('label', { for: 'gate-dry', text: tr('dryRuns') })),
        h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('show') })));
    const results = h('div');
    let page = 1;
    replace(container, status,
        isAdmin ? h('section', { class: 'panel', 'aria-labelledby': 'dry-title' }, h('h2', { id: 'dry-title', class: 'section-title', text: tr('dry') }),
            h('p', { class: 'muted small', text: tr('dry.intro') }), dryForm) : null,
        h('section', { class: 'panel', 'aria-labelledby': 'log-title' }, h('h2', { id: 'log-title', class: 'section-title', text: tr('log') }), logForm, results));

    dryForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const f = dryForm.elements;
        try {
            const d = await api('/api/v1/compliance/check', { json: { contactId: Number(f.contactId.value) || null, channel: f.channel.value,
                purpose: f.purpose.value, content: f.content.value, replyToClient: f.reply.checked } });
            replace(dryResult, h('p', { class: `decision decision-${d.decision}` }, decisionBadge(tr, d.decision), ' ',
                h('span', { text: d.reason }), d.retryAt ? h('span', { class: 'muted', text: ` ${tr('retry', { when: at(d.retryAt, lang) })}` }) : null));
            announce(tr('result', { decision: tr(`decision.${d.decision}`), reason: d.reason }));
            page = 1;
            await load();
        } catch (e) {
            replace(dryResult, message('error', e.message));
        }
    });

    async function load() {
        const f = logForm.elements;
        let data;
        try {
            data = await api(`/api/v1/compliance/decisions${query({ contactId: f.contactId.value, decision: f.decision.value, reason: f.reason.value,
                dryRuns: f.dryRuns.checked ? 'true' : '', page, size: 50 })}`);
        } catch (e) {
            replace(results, message('error', e.message));
            return;
        }
        replace(results, data.items.length ? [table([tr('col.at'), tr('col.contact'), tr('col.send'), tr('col.decision'), tr('col.reason'), tr('col.sender')],
            data.items.map((d) => h('tr', { 'data-decision': d.id },
                h('td', { text: at(d.decidedAt, lang) }),
                h('td', {}, d.contactId ? h('a', { href: `#/contact-privacy/${d.contactId}`, text: `#${d.contactId}` }) : '—'),
                h('td', { text: `${label(tr, 'channel', d.channel)} · ${label(tr, 'purpose', d.purpose)}` }),
                h('td', {}, decisionBadge(tr, d.decision), d.dryRun ? h('div', { class: 'small muted', text: tr('dryRun') }) : null),
                h('td', { class: 'wrap' }, h('code', { text: d.reasonCode }), h('div', { class: 'small', text: d.reason })),
                h('td', { class: 'small', text: d.sender })))), pager(tr, page, 50, data.total, (p) => { page = p; load(); })]
            : h('p', { class: 'muted', text: tr('none') }));
    }

    logForm.addEventListener('submit', (event) => {
        event.preventDefault();
        page = 1;
        load();
    });
    await load();
}
