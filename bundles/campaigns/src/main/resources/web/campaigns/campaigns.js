// Care campaigns: the list (#/campaigns), the editor (#/campaigns/new, #/campaigns/{id}/edit) with a
// segment builder and its live count, templates per language, follow-up steps with delays (a series),
// schedule, preview (per step) and test send, and the results of a campaign (#/campaigns/{id}) with a
// chart, the counts per step and the recipients (CSV export).
import { h, replace, message, when } from '/console/dom.js';
import { field, showFieldErrors, clearFieldErrors } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { barChart } from '/console/charts.js';

const TEXT = {
    en: {
        'title': 'Campaigns', 'new': 'New campaign', 'none': 'No campaigns yet.', 'name': 'Name', 'channel': 'Channel', 'purpose': 'Purpose',
        'status': 'Status', 'runs': 'Runs', 'open': 'Results', 'edit': 'Edit', 'back': 'Back to campaigns',
        'segment': 'Audience', 'segment.saved': 'Saved segment', 'segment.own': 'Conditions of this campaign',
        'segment.json': 'Segment (JSON with nested groups)', 'segment.badJson': 'The segment is not valid JSON: {message}', 'match.all': 'All of these', 'match.any': 'Any of these', 'add': 'Add condition', 'remove': 'Remove',
        'count': '{count} contacts match', 'counting': 'Counting…', 'sample': 'For example',
        'templates': 'Message', 'subject': 'Subject', 'body': 'Text', 'vars': 'Variables: {{ contact.name }}, {{ contact.title }}, '
            + '{{ client.name }}, {{ client.tier }}, {{ client.stage }}, {{ manager.name }}, {{ campaign.name }}, {{ unsubscribeUrl }}, '
            + '{% for a in articles %}{{ a.title }} {{ a.url }}{% endfor %}',
        'articles': 'Article ids (comma separated)', 'rate': 'Messages per second', 'schedule': 'When', 'schedule.manual': 'When launched',
        'schedule.once': 'Once, at', 'schedule.cron': 'Recurring (cron)', 'cron': 'Cron expression (Quartz, e.g. 0 0 9 1 1,4,7,10 ? quarterly)',
        'timeZone': 'Time zone', 'schedule.event': 'On an event', 'event': 'Event', 'event.new_client': 'A new client (welcome)',
        'event.churn_alert': 'A churn alert (win-back)', 'event.complaint_closed': 'A complaint closed (follow-up)', 'save': 'Save', 'saved': 'Saved.', 'contact': 'Contact id', 'preview': 'Preview', 'test': 'Test send',
        'test.done': 'Test send: {status}', 'test.self': 'Send to me', 'test.self.done': 'Test sent to your own email address: {status}', 'launch': 'Launch', 'pause': 'Pause', 'resume': 'Resume', 'cancel': 'Cancel run',
        'results': 'Results of run {run}', 'never': 'Not launched yet.', 'csv': 'Download recipients (CSV)', 'recipients': 'Recipients',
        'targeted': 'Targeted', 'skipped': 'Skipped', 'pending': 'Waiting', 'deferred': 'Deferred', 'sent': 'Sent', 'delivered': 'Delivered',
        'failed': 'Failed', 'replied': 'Replied', 'optedOut': 'Opted out', 'why': 'Skipped because', 'state': 'State', 'reason': 'Reason',
        'delivery': 'Delivery', 'refresh': 'Refresh',
        'steps': 'Follow-up steps (a series)', 'steps.hint': 'Each step is sent its delay after the previous one was handed over; '
            + 'nobody who was skipped, opted out or replied gets a later step.', 'step': 'Step', 'step.n': 'Step {n}',
        'step.first': 'Step 0 (the message above)', 'step.add': 'Add step', 'step.remove': 'Remove step',
        'delay': 'Delay after the previous step', 'delay.hint': 'ISO-8601 duration: P3D = 3 days, PT12H = 12 hours, PT30M = 30 minutes',
        'preview.step': 'Preview step', 'steps.results': 'Per step', 'queued': 'Handed over', 'cancelled': 'Cancelled',
        'nextDue': 'Next due',
    },
    zh: {
        'title': '关怀活动', 'new': '新建活动', 'none': '还没有活动。', 'name': '名称', 'channel': '渠道', 'purpose': '目的',
        'status': '状态', 'runs': '执行次数', 'open': '结果', 'edit': '编辑', 'back': '返回活动列表',
        'segment': '目标客户', 'segment.saved': '已保存的客户群', 'segment.own': '本活动的条件',
        'segment.json': '客户群（含嵌套分组的 JSON）', 'segment.badJson': '客户群不是有效的 JSON：{message}', 'match.all': '满足全部条件', 'match.any': '满足任一条件', 'add': '添加条件', 'remove': '删除',
        'count': '匹配 {count} 位联系人', 'counting': '正在统计…', 'sample': '例如',
        'templates': '消息内容', 'subject': '主题', 'body': '正文', 'vars': '变量：{{ contact.name }}、{{ contact.title }}、'
            + '{{ client.name }}、{{ client.tier }}、{{ client.stage }}、{{ manager.name }}、{{ campaign.name }}、{{ unsubscribeUrl }}、'
            + '{% for a in articles %}{{ a.title }} {{ a.url }}{% endfor %}',
        'articles': '文章 ID（逗号分隔）', 'rate': '每秒发送条数', 'schedule': '发送时间', 'schedule.manual': '手动启动时',
        'schedule.once': '定时一次', 'schedule.cron': '周期执行（cron）', 'cron': 'Cron 表达式（Quartz，例如 0 0 9 1 1,4,7,10 ? 表示每季度）',
        'timeZone': '时区', 'schedule.event': '事件触发', 'event': '事件', 'event.new_client': '新客户（欢迎）',
        'event.churn_alert': '流失预警（挽回）', 'event.complaint_closed': '投诉结案（回访）', 'save': '保存', 'saved': '已保存。', 'contact': '联系人 ID', 'preview': '预览', 'test': '测试发送',
        'test.done': '测试发送：{status}', 'test.self': '发送给我', 'test.self.done': '测试已发送到您本人的邮箱：{status}', 'launch': '启动', 'pause': '暂停', 'resume': '继续', 'cancel': '取消执行',
        'results': '第 {run} 次执行的结果', 'never': '尚未启动。', 'csv': '下载收件人（CSV）', 'recipients': '收件人',
        'targeted': '目标', 'skipped': '跳过', 'pending': '等待中', 'deferred': '延后', 'sent': '已发送', 'delivered': '已送达',
        'failed': '失败', 'replied': '已回复', 'optedOut': '已退订', 'why': '跳过原因', 'state': '状态', 'reason': '原因',
        'delivery': '投递', 'refresh': '刷新',
        'steps': '后续步骤（系列消息）', 'steps.hint': '每个步骤在上一步交付后，按设定的间隔发送；'
            + '被跳过、已退订或已回复的收件人不会再收到后续步骤。', 'step': '步骤', 'step.n': '步骤 {n}',
        'step.first': '步骤 0（上面的消息）', 'step.add': '添加步骤', 'step.remove': '删除步骤',
        'delay': '距上一步的间隔', 'delay.hint': 'ISO-8601 时长：P3D = 3 天，PT12H = 12 小时，PT30M = 30 分钟',
        'preview.step': '预览步骤', 'steps.results': '各步骤', 'queued': '已交付', 'cancelled': '已取消',
        'nextDue': '下次到期',
    },
};

const FIELDS = {
    tier: ['eq', 'ne', 'in', 'not_in', 'empty'], stage: ['eq', 'ne', 'in', 'not_in', 'empty'], region: ['eq', 'ne', 'in', 'empty'],
    industry: ['eq', 'ne', 'in', 'empty'], status: ['eq', 'ne'], language: ['eq'], manager: ['eq', 'ne', 'empty', 'not_empty'],
    tag: ['has', 'lacks'], churnRisk: ['gte', 'lte', 'gt', 'lt', 'eq'], valueScore: ['gte', 'lte', 'gt', 'lt', 'eq'],
    annualRevenue: ['gte', 'lte'], lastContact: ['within', 'not_within'], txCount: ['gte', 'lte', 'eq'], txAmount: ['gte', 'lte'],
    consent: ['not_opted_out', 'opted_out', 'granted'], anniversary: ['today'],
};

function ruleOf(row) {
    const f = row.field;
    if (f === 'consent') {
        return { field: f, op: row.op, channel: row.channel || 'email', purpose: row.purpose || 'care' };
    }
    if (f === 'lastContact') {
        return { field: f, op: row.op, days: Number(row.value) || 30 };
    }
    if (['in', 'not_in'].includes(row.op)) {
        return { field: f, op: row.op, value: String(row.value || '').split(',').map((s) => s.trim()).filter(Boolean) };
    }
    if (['empty', 'not_empty', 'today'].includes(row.op)) {
        return { field: f, op: row.op };
    }
    const numeric = ['churnRisk', 'valueScore', 'annualRevenue', 'txCount', 'txAmount', 'manager'].includes(f);
    const rule = { field: f, op: row.op, value: numeric ? Number(row.value) : row.value };
    if (f === 'txCount' || f === 'txAmount') {
        rule.days = Number(row.days) || 365;
    }
    return rule;
}

function rowsOf(segment) {
    const rules = segment && segment.rules ? segment.rules : segment && segment.field ? [segment] : [];
    return rules.filter((r) => r.field).map((r) => ({ field: r.field, op: r.op, channel: r.channel, purpose: r.purpose, days: r.days,
        value: Array.isArray(r.value) ? r.value.join(', ') : r.field === 'lastContact' ? r.days : r.value }));
}

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    const params = ctx.params || [];
    if (params[0] === 'new') {
        return editor(container, ctx, tr, null);
    }
    if (/^\d+$/.test(params[0] || '')) {
        const campaign = await ctx.api(`/api/v1/campaigns/${params[0]}`);
        return params[1] === 'edit' ? editor(container, ctx, tr, campaign) : results(container, ctx, tr, campaign);
    }
    return list(container, ctx, tr);
}

async function list(container, ctx, tr) {
    const data = await ctx.api('/api/v1/campaigns');
    const rows = data.items.map((c) => h('tr', { 'data-campaign': c.id },
        h('td', {}, h('a', { href: `#/campaigns/${c.id}`, text: c.name })), h('td', { text: c.channel }), h('td', { text: c.purpose }),
        h('td', {}, h('span', { class: 'badge', 'data-status': c.status, text: c.status })), h('td', { text: String(c.runs) }),
        h('td', {}, h('a', { href: `#/campaigns/${c.id}/edit`, text: tr('edit') }))));
    replace(container,
        h('p', {}, h('a', { class: 'btn btn-primary', href: '#/campaigns/new', text: tr('new') })),
        rows.length ? h('table', { class: 'table', 'aria-label': tr('title') },
            h('thead', {}, h('tr', {}, ['name', 'channel', 'purpose', 'status', 'runs', 'edit'].map((k) => h('th', { text: tr(k) })))),
            h('tbody', {}, rows)) : h('p', { class: 'muted', text: tr('none') }));
}

function editor(container, ctx, tr, campaign) {
    const c = campaign || { name: '', channel: 'email', purpose: 'care', segment: { match: 'all', rules: [] }, templates: {},
        articleIds: [], rateLimit: 50, schedule: { type: 'manual' } };
    let rows = rowsOf(c.segment);
    let match = c.segment && c.segment.match === 'any' ? 'any' : 'all';
    // a segment with nested groups is edited as JSON; a saved segment is chosen from the list
    const nested = !!(c.segment && c.segment.rules && c.segment.rules.some((r) => !r.field));
    let savedId = c.segmentId || null;
    const countBox = h('p', { class: 'segment-count', 'aria-live': 'polite' });
    const rowsBox = h('div', { class: 'segment-rows' });
    const jsonBox = h('textarea', { name: 'segment.json', rows: '8', 'aria-label': tr('segment.json'), hidden: !nested,
        text: nested ? JSON.stringify(c.segment, null, 2) : '' });
    const out = h('section', { class: 'panel', 'aria-live': 'polite', hidden: true });
    const segment = () => {
        if (nested) {
            try {
                return JSON.parse(jsonBox.value);
            } catch (e) {
                throw Object.assign(new Error(tr('segment.badJson', { message: e.message })), { fields: {} });
            }
        }
        return { match, rules: rows.map(ruleOf) };
    };
    let timer = null;
    const recount = () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            countBox.textContent = tr('counting');
            try {
                const p = savedId ? await ctx.api(`/api/v1/segments/${savedId}/preview?sample=5`)
                    : await ctx.api('/api/v1/segments/preview', { json: { rule: segment(), sample: 5 } });
                replace(countBox, h('strong', { 'data-count': p.count, text: tr('count', { count: p.count }) }),
                    p.sample.length ? ` — ${tr('sample')}: ${p.sample.map((m) => `${m.contactName} (${m.clientName})`).join(', ')}` : '');
            } catch (e) {
                replace(countBox, message('error', e.message));
            }
        }, 300);
    };
    const drawRows = () => {
        replace(rowsBox, rows.map((row, i) => {
            const fieldSel = h('select', { 'aria-label': 'field', 'data-rule-field': i }, Object.keys(FIELDS).map((f) => h('option',
                { value: f, text: f, selected: f === row.field })));
            const opSel = h('select', { 'aria-label': 'op' }, FIELDS[row.field].map((o) => h('option', { value: o, text: o, selected: o === row.op })));
            const value = h('input', { 'aria-label': 'value', value: row.value == null ? '' : String(row.value), 'data-rule-value': i });
            fieldSel.addEventListener('change', () => { row.field = fieldSel.value; row.op = FIELDS[row.field][0]; drawRows(); recount(); });
            opSel.addEventListener('change', () => { row.op = opSel.value; recount(); });
            value.addEventListener('input', () => { row.value = value.value; recount(); });
            const extra = row.field === 'consent'
                ? [h('select', { 'aria-label': 'channel', onchange: (e) => { row.channel = e.target.value; recount(); } },
                    ['email', 'sms', 'webchat'].map((v) => h('option', { value: v, text: v, selected: v === row.channel }))),
                h('select', { 'aria-label': 'purpose', onchange: (e) => { row.purpose = e.target.value; recount(); } },
                    ['care', 'marketing', 'service'].map((v) => h('option', { value: v, text: v, selected: v === row.purpose })))]
                : [value];
            const remove = h('button', { type: 'button', class: 'btn', text: tr('remove') });
            remove.addEventListener('click', () => { rows.splice(i, 1); drawRows(); recount(); });
            return h('div', { class: 'field-row segment-row' }, fieldSel, opSel, extra, remove);
        }));
    };
    const matchSel = h('select', { 'aria-label': tr('segment'), hidden: nested }, ['all', 'any'].map((m) => h('option',
        { value: m, text: tr(`match.${m}`), selected: m === match })));
    matchSel.addEventListener('change', () => { match = matchSel.value; recount(); });
    const add = h('button', { type: 'button', class: 'btn', text: tr('add'), hidden: nested });
    add.addEventListener('click', () => { rows.push({ field: 'tier', op: 'eq', value: '' }); drawRows(); });
    jsonBox.addEventListener('input', recount);
    const own = h('div', { class: 'segment-own', hidden: !!savedId }, matchSel, rowsBox, jsonBox, add);
    const savedSel = h('select', { 'aria-label': tr('segment.saved'), name: 'segmentId' },
        h('option', { value: '', text: tr('segment.own') }));
    ctx.api('/api/v1/segments').then((list) => {
        list.items.forEach((sg) => savedSel.append(h('option', { value: String(sg.id), text: sg.name, selected: sg.id === savedId })));
    }).catch(() => {});
    savedSel.addEventListener('change', () => {
        savedId = savedSel.value ? Number(savedSel.value) : null;
        own.hidden = !!savedId;
        recount();
    });
    const t = (lang, part) => (c.templates && c.templates[lang] && c.templates[lang][part]) || '';
    // follow-up steps: kept in this array, which the inputs update; redrawn when one is added or removed
    const steps = (c.steps || []).map((st) => ({ delay: st.delay || '', templates: {
        zh: { ...((st.templates || {}).zh || {}) }, en: { ...((st.templates || {}).en || {}) } } }));
    const stepsBox = h('div', { class: 'campaign-steps' });
    const previewStep = h('select', { name: 'previewStep', 'aria-label': tr('preview.step') });
    const drawSteps = () => {
        const chosen = Number(previewStep.value) || 0;
        replace(previewStep, h('option', { value: '0', text: tr('step.first') }),
            steps.map((st, i) => h('option', { value: String(i + 1), text: tr('step.n', { n: i + 1 }), selected: i + 1 === chosen })));
        replace(stepsBox, steps.map((st, i) => {
            const bind = (el, set) => { el.querySelector('input, textarea').addEventListener('input', (e) => set(e.target.value)); return el; };
            const remove = h('button', { type: 'button', class: 'btn', 'data-action': 'remove-step', text: tr('step.remove') });
            remove.addEventListener('click', () => { steps.splice(i, 1); drawSteps(); });
            return h('div', { class: 'campaign-step', 'data-step': i + 1 },
                h('h3', { text: tr('step.n', { n: i + 1 }) }),
                bind(field(tr('delay'), { name: `steps[${i}].delay`, value: st.delay, placeholder: 'P3D' }, tr('delay.hint')),
                    (v) => { st.delay = v; }),
                h('div', { class: 'field', 'data-field': `steps[${i}].templates` }, h('p', { class: 'field-error', hidden: true })),
                ['zh', 'en'].map((lang) => h('div', { class: 'template-lang', 'data-lang': lang }, h('h4', { text: lang }),
                    bind(field(tr('subject'), { name: `steps[${i}].templates.${lang}.subject`, value: st.templates[lang].subject || '' }),
                        (v) => { st.templates[lang].subject = v; }),
                    bind(field(tr('body'), { tag: 'textarea', name: `steps[${i}].templates.${lang}.body`, rows: '4',
                        text: st.templates[lang].body || '' }), (v) => { st.templates[lang].body = v; }))),
                remove);
        }));
    };
    const addStep = h('button', { type: 'button', class: 'btn', 'data-action': 'add-step', text: tr('step.add') });
    addStep.addEventListener('click', () => { steps.push({ delay: 'P3D', templates: { zh: {}, en: {} } }); drawSteps(); });
    const stepsBody = () => steps.map((st) => {
        const templates = {};
        for (const lang of ['zh', 'en']) {
            const b = String(st.templates[lang].body || '');
            if (b.trim()) {
                templates[lang] = { subject: String(st.templates[lang].subject || '') || null, body: b };
            }
        }
        return { delay: String(st.delay || '').trim(), templates };
    });
    const form = h('form', { class: 'panel', novalidate: true },
        field(tr('name'), { name: 'name', required: true, value: c.name, maxlength: '200' }),
        h('div', { class: 'field-row' },
            field(tr('channel'), { tag: 'select', name: 'channel', children: ['email', 'sms', 'webchat'].map((v) => h('option',
                { value: v, text: v, selected: v === c.channel })) }),
            field(tr('purpose'), { tag: 'select', name: 'purpose', children: ['care', 'marketing'].map((v) => h('option',
                { value: v, text: v, selected: v === c.purpose })) }),
            field(tr('rate'), { name: 'rateLimit', type: 'number', min: '1', max: '10000', value: String(c.rateLimit) })),
        h('fieldset', { class: 'field', 'data-field': 'segment' }, h('legend', { text: tr('segment') }), savedSel, own, countBox,
            h('p', { class: 'field-error', hidden: true })),
        h('fieldset', { class: 'field' }, h('legend', { text: tr('templates') }), h('p', { class: 'hint', text: tr('vars') }),
            ['zh', 'en'].map((lang) => h('div', { class: 'template-lang', 'data-lang': lang }, h('h3', { text: lang }),
                field(tr('subject'), { name: `templates.${lang}.subject`, value: t(lang, 'subject') }),
                field(tr('body'), { tag: 'textarea', name: `templates.${lang}.body`, rows: '6', text: t(lang, 'body') })))),
        h('fieldset', { class: 'field', 'data-field': 'steps' }, h('legend', { text: tr('steps') }), h('p', { class: 'hint', text: tr('steps.hint') }),
            stepsBox, addStep, h('p', { class: 'field-error', hidden: true })),
        field(tr('articles'), { name: 'articleIds', value: (c.articleIds || []).join(', ') }),
        h('div', { class: 'field-row' },
            field(tr('schedule'), { tag: 'select', name: 'schedule.type', children: ['manual', 'once', 'cron', 'event'].map((v) => h('option',
                { value: v, text: tr(`schedule.${v}`), selected: v === (c.schedule || {}).type })) }),
            field(tr('schedule.once'), { name: 'schedule.at', type: 'datetime-local',
                value: c.schedule && c.schedule.at ? new Date(c.schedule.at).toISOString().slice(0, 16) : '' }),
            field(tr('cron'), { name: 'schedule.cron', value: (c.schedule && c.schedule.cron) || '' }),
            field(tr('timeZone'), { name: 'schedule.timeZone', value: (c.schedule && c.schedule.timeZone) || 'Asia/Shanghai' }),
            field(tr('event'), { tag: 'select', name: 'schedule.event', children: ['new_client', 'churn_alert', 'complaint_closed'].map((v) => h('option',
                { value: v, text: tr(`event.${v}`), selected: v === (c.schedule || {}).event })) })),
        h('div', { class: 'field-row' },
            field(tr('contact'), { name: 'contactId', type: 'number', min: '1' }),
            previewStep,
            h('button', { type: 'button', class: 'btn', 'data-action': 'preview', text: tr('preview') }),
            campaign ? h('button', { type: 'button', class: 'btn', 'data-action': 'test', text: tr('test') }) : null,
            campaign ? h('button', { type: 'button', class: 'btn', 'data-action': 'test-self', text: tr('test.self') }) : null),
        h('button', { type: 'submit', class: 'btn btn-primary', text: tr('save') }));
    const body = () => {
        const d = new FormData(form);
        const templates = {};
        for (const lang of ['zh', 'en']) {
            const b = String(d.get(`templates.${lang}.body`) || '');
            if (b.trim()) {
                templates[lang] = { subject: String(d.get(`templates.${lang}.subject`) || '') || null, body: b };
            }
        }
        const type = String(d.get('schedule.type'));
        const at = String(d.get('schedule.at') || '');
        return { name: String(d.get('name') || ''), channel: String(d.get('channel')), purpose: String(d.get('purpose')),
            segment: savedId ? null : segment(), segmentId: savedId, templates, rateLimit: Number(d.get('rateLimit')) || null, steps: stepsBody(),
            articleIds: String(d.get('articleIds') || '').split(',').map((s) => s.trim()).filter(Boolean).map(Number),
            schedule: { type, at: type === 'once' && at ? new Date(at).toISOString() : null,
                cron: type === 'cron' ? String(d.get('schedule.cron') || '') : null,
                timeZone: type === 'cron' ? String(d.get('schedule.timeZone') || '') || null : null,
                event: type === 'event' ? String(d.get('schedule.event')) : null } };
    };
    const fail = (e) => {
        if (!showFieldErrors(form, e.fields)) {
            out.hidden = false;
            replace(out, message('error', e.message), e.fields ? h('ul', {}, Object.entries(e.fields).map(([k, v]) => h('li', { text: `${k}: ${v}` })))
                : null);
        }
    };
    form.querySelector('[data-action=preview]').addEventListener('click', async () => {
        clearFieldErrors(form);
        try {
            const step = Number(previewStep.value) || 0;
            const r = await ctx.api('/api/v1/campaigns/preview', { json: { campaign: body(), contactId: Number(new FormData(form).get('contactId')),
                step } });
            out.hidden = false;
            replace(out, h('h2', { text: step ? `${tr('preview')} — ${tr('step.n', { n: step })}` : tr('preview') }), h('p', {}, h('strong', { text: r.subject || '' })),
                h('pre', { class: 'campaign-preview', text: r.body }));
        } catch (e) {
            fail(e);
        }
    });
    const testButton = form.querySelector('[data-action=test]');
    if (testButton) {
        testButton.addEventListener('click', async () => {
            try {
                const r = await ctx.api(`/api/v1/campaigns/${campaign.id}/test-send`, { json: { contactId: Number(new FormData(form).get('contactId')) } });
                out.hidden = false;
                replace(out, message('info', tr('test.done', { status: `${r.status}${r.reasonCode ? ` (${r.reasonCode})` : ''}` })));
            } catch (e) {
                fail(e);
            }
        });
    }
    const testSelfButton = form.querySelector('[data-action=test-self]');
    if (testSelfButton) {
        // rendered for the chosen contact, sent to the signed-in admin's own email (409 no_email: set one first)
        testSelfButton.addEventListener('click', async () => {
            try {
                const r = await ctx.api(`/api/v1/campaigns/${campaign.id}/test-send`,
                    { json: { contactId: Number(new FormData(form).get('contactId')), toSelf: true } });
                out.hidden = false;
                const accepted = r.status === 'queued' || r.status === 'deferred';
                replace(out, message(accepted ? 'success' : 'error',
                    tr('test.self.done', { status: `${r.status}${r.reasonCode ? ` (${r.reasonCode})` : ''}` })));
            } catch (e) {
                fail(e);
            }
        });
    }
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        try {
            const saved = await ctx.api(campaign ? `/api/v1/campaigns/${campaign.id}` : '/api/v1/campaigns',
                { method: campaign ? 'PUT' : 'POST', json: body() });
            ctx.announce(tr('saved'));
            ctx.navigate(`#/campaigns/${saved.id}`);
        } catch (e) {
            fail(e);
        }
    });
    drawRows();
    drawSteps();
    recount();
    replace(container, h('p', {}, h('a', { href: '#/campaigns', text: tr('back') })), form, out);
}

async function results(container, ctx, tr, c) {
    const stats = await ctx.api(`/api/v1/campaigns/${c.id}/stats`);
    const recipients = stats.run ? (await ctx.api(`/api/v1/campaigns/${c.id}/recipients?size=100`)).items : [];
    const act = (action) => async () => {
        try {
            await ctx.api(`/api/v1/campaigns/${c.id}/${action}`, { method: 'POST' });
            render(container, ctx);
        } catch (e) {
            container.prepend(message('error', e.message));
        }
    };
    const buttons = [];
    if (!['running', 'paused'].includes(stats.state)) {
        buttons.push(h('button', { class: 'btn btn-primary', 'data-action': 'launch', text: tr('launch'), onclick: act('launch') }));
    }
    if (stats.state === 'running') {
        buttons.push(h('button', { class: 'btn', 'data-action': 'pause', text: tr('pause'), onclick: act('pause') }));
    }
    if (stats.state === 'paused') {
        buttons.push(h('button', { class: 'btn', 'data-action': 'resume', text: tr('resume'), onclick: act('resume') }));
    }
    if (['running', 'paused'].includes(stats.state)) {
        buttons.push(h('button', { class: 'btn', 'data-action': 'cancel', text: tr('cancel'), onclick: act('cancel') }));
    }
    buttons.push(h('a', { class: 'btn', href: `#/campaigns/${c.id}/edit`, text: tr('edit') }),
        h('button', { class: 'btn', text: tr('refresh'), onclick: () => render(container, ctx) }));
    const keys = ['targeted', 'skipped', 'pending', 'deferred', 'sent', 'delivered', 'failed', 'replied', 'optedOut'];
    replace(container,
        h('p', {}, h('a', { href: '#/campaigns', text: tr('back') })),
        h('h2', { text: c.name }),
        h('p', { class: 'actions' }, buttons),
        stats.run ? h('section', { class: 'panel' },
            h('h3', { text: tr('results', { run: stats.run }) }),
            h('dl', { class: 'kv campaign-stats' }, keys.map((k) => [h('dt', { text: tr(k) }), h('dd', { 'data-stat': k, text: String(stats[k]) })])),
            barChart(keys.map((k) => ({ label: tr(k), value: stats[k] })), { caption: tr('results', { run: stats.run }) }),
            Object.keys(stats.skippedBy || {}).length ? h('p', { text: `${tr('why')}: ${Object.entries(stats.skippedBy)
                .map(([k, v]) => `${k} ${v}`).join(', ')}` }) : null,
            (stats.steps || []).length > 1 ? stepTable(tr, ctx, stats.steps) : null,
            h('p', {}, h('a', { href: `/api/v1/campaigns/${c.id}/recipients.csv`, download: '', text: tr('csv') })),
            h('table', { class: 'table', 'aria-label': tr('recipients') },
                h('thead', {}, h('tr', {}, ['contact', 'state', 'reason', 'delivery', 'step'].map((k) => h('th', { text: tr(k) })))),
                h('tbody', {}, recipients.map((r) => h('tr', {},
                    h('td', { text: String(r.contactId) }), h('td', { text: r.state }), h('td', { text: r.reasonCode || '' }),
                    h('td', { text: r.delivery || '' }),
                    h('td', { 'data-step': r.step, text: r.step ? `${r.step}: ${r.stepState}${r.stepReasonCode ? ` (${r.stepReasonCode})` : ''}`
                        + `${r.stepState === 'pending' && r.stepDueAt ? ` — ${when(r.stepDueAt, ctx.lang)}` : ''}` : '0' }))))),
            h('p', { class: 'muted', text: when(c.updatedAt, ctx.lang) }))
            : h('p', { class: 'muted', text: tr('never') }));
}

/** The counts of each step of a series (step 0: the campaign's own message). */
function stepTable(tr, ctx, steps) {
    const keys = ['pending', 'queued', 'deferred', 'skipped', 'cancelled', 'sent', 'delivered', 'failed'];
    return h('table', { class: 'table campaign-step-stats', 'aria-label': tr('steps.results') },
        h('caption', { text: tr('steps.results') }),
        h('thead', {}, h('tr', {}, h('th', { text: tr('step') }), keys.map((k) => h('th', { text: tr(k) })), h('th', { text: tr('nextDue') }),
            h('th', { text: tr('why') }))),
        h('tbody', {}, steps.map((st) => h('tr', { 'data-step': st.step },
            h('th', { scope: 'row', text: String(st.step) }),
            keys.map((k) => h('td', { 'data-stat': k, text: String(st[k]) })),
            h('td', { text: st.nextDueAt ? when(st.nextDueAt, ctx.lang) : '' }),
            h('td', { text: Object.entries(st.skippedBy || {}).map(([k, v]) => `${k} ${v}`).join(', ') })))));
}
