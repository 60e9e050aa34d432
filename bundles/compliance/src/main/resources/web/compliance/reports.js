// Compliance reports (#/compliance-reports): make a report over a period; past reports, each shown
// section by section (consents, blocked sends, alerts, requests, retention, audit, policies) and
// downloadable as CSV.
import { h, replace, message } from '/console/dom.js';
import { field } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { withLabels, statusLine, table, badge, at } from './common.js';

const TEXT = withLabels({
    en: {
        'make': 'Make a report', 'from': 'From', 'to': 'Until (exclusive)', 'generate': 'Make report', 'made': 'Report #{id} made.',
        'list': 'Reports', 'none': 'No reports yet.', 'col.period': 'Period', 'col.made': 'Made', 'col.by': 'By', 'view': 'View', 'csv': 'CSV',
        'view.label': 'View report {id}', 'report': 'Report #{id}: {from} – {to}', 'close': 'Close',
        's.consents': 'Consents', 's.gate': 'Outbound messages', 's.alerts': 'Alerts', 's.requests': 'Data-subject requests', 's.retention': 'Retention',
        's.audit': 'Audit log', 's.policies': 'Policy acknowledgements', 'changes': 'Opt-ins and opt-outs', 'bySource': 'By source',
        'optedOutNow': 'Opted out now', 'allowed': 'Allowed', 'blocked': 'Blocked', 'deferred': 'Deferred', 'decisions': 'By reason',
        'raised': 'Raised in the period', 'byStatusNow': 'Now', 'entries': 'Entries by action', 'chain': 'Hash chain', 'chain.ok': 'intact ({n} entries)',
        'chain.broken': 'broken at #{seq}', 'item': 'Item', 'count': 'Count', 'policy': 'Policy', 'acked': 'Acknowledged', 'pending': 'Pending',
        'runs': 'Runs', 'failed': 'Failed', 'affected': 'Records affected',
    },
    zh: {
        'make': '生成报告', 'from': '开始日期', 'to': '截止日期（不含）', 'generate': '生成', 'made': '报告 #{id} 已生成。',
        'list': '历史报告', 'none': '尚无报告。', 'col.period': '期间', 'col.made': '生成时间', 'col.by': '生成人', 'view': '查看', 'csv': 'CSV',
        'view.label': '查看报告 {id}', 'report': '报告 #{id}：{from} – {to}', 'close': '关闭',
        's.consents': '同意', 's.gate': '外发消息', 's.alerts': '预警', 's.requests': '数据主体请求', 's.retention': '数据保留',
        's.audit': '审计日志', 's.policies': '制度确认', 'changes': '同意与退订', 'bySource': '按来源',
        'optedOutNow': '当前退订', 'allowed': '允许', 'blocked': '拦截', 'deferred': '延后', 'decisions': '按原因',
        'raised': '期间新增', 'byStatusNow': '当前', 'entries': '按操作统计', 'chain': '哈希链', 'chain.ok': '完整（{n} 条）',
        'chain.broken': '在 #{seq} 处断开', 'item': '项目', 'count': '数量', 'policy': '制度', 'acked': '已确认', 'pending': '未确认',
        'runs': '执行次数', 'failed': '失败', 'affected': '处理记录数',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const today = new Date();
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    const form = h('form', { class: 'filters' }, field(tr('from'), { name: 'from', type: 'date', required: true, value: first }),
        field(tr('to'), { name: 'to', type: 'date', required: true, value: next }),
        h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('generate') })));
    const list = h('div');
    const view = h('div', { 'aria-live': 'polite' });
    replace(container, status,
        h('section', { class: 'panel', 'aria-labelledby': 'make-title' }, h('h2', { id: 'make-title', class: 'section-title', text: tr('make') }), form),
        view,
        h('section', { class: 'panel', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title', class: 'section-title', text: tr('list') }), list));

    const day = (value) => (value ? String(value).slice(0, 10) : '—');
    const pairs = (map) => table([tr('item'), tr('count')], Object.entries(map || {}).map(([k, v]) => h('tr', {}, h('td', { text: k }), h('td', { class: 'num', text: String(v) }))));

    async function load() {
        try {
            const data = await api('/api/v1/compliance/reports');
            replace(list, data.items.length ? table([tr('col.period'), tr('col.made'), tr('col.by'), ''], data.items.map((r) => h('tr', { 'data-report': r.id },
                h('td', { text: `${day(r.from)} – ${day(r.to)}` }), h('td', { text: at(r.generatedAt, lang) }), h('td', { text: r.generatedBy }),
                h('td', {}, h('div', { class: 'row-actions' }, h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('view'),
                    'aria-label': tr('view.label', { id: r.id }), onClick: () => open(r.id) }),
                    h('a', { class: 'btn btn-small btn-secondary', href: `/api/v1/compliance/reports/${r.id}/csv`, download: `compliance-report-${r.id}.csv`, text: tr('csv') }))))))
                : h('p', { class: 'muted', text: tr('none') }));
        } catch (e) {
            replace(list, message('error', e.message));
        }
    }

    async function open(id) {
        let r;
        try {
            r = await api(`/api/v1/compliance/reports/${id}`);
        } catch (e) {
            show('error', e.message);
            return;
        }
        const b = r.body;
        const section = (key, ...content) => h('section', { class: 'panel', 'data-report-section': key }, h('h3', { class: 'section-title', text: tr(`s.${key}`) }), content);
        const chain = b.audit.verification;
        const heading = h('h2', { class: 'section-title', tabindex: '-1', text: tr('report', { id: r.id, from: day(r.from), to: day(r.to) }) });
        replace(view, h('div', { class: 'report', 'data-report-view': r.id }, heading,
            h('div', { class: 'detail-grid' },
                h('div', {},
                    section('gate', h('dl', { class: 'figures' }, ...['allowed', 'blocked', 'deferred'].map((k) => h('div', { class: 'figure' },
                        h('dt', { text: tr(k) }), h('dd', { text: String(b.gate[k]) })))), h('h4', { text: tr('decisions') }), pairs(b.gate.decisions)),
                    section('consents', h('h4', { text: tr('changes') }), pairs(b.consents.changes), h('h4', { text: tr('bySource') }), pairs(b.consents.bySource),
                        h('h4', { text: tr('optedOutNow') }), pairs(b.consents.optedOutNow)),
                    section('requests', pairs(b.requests))),
                h('div', {},
                    section('alerts', h('h4', { text: tr('raised') }), pairs(b.alerts.raised), h('h4', { text: tr('byStatusNow') }), pairs(b.alerts.byStatusNow)),
                    section('audit', h('p', {}, `${tr('chain')}: `, chain.ok ? badge(tr('chain.ok', { n: chain.checked }), 'ok') : badge(tr('chain.broken', { seq: chain.firstBroken }), 'danger')),
                        h('h4', { text: tr('entries') }), pairs(b.audit.entries)),
                    section('retention', pairs({ [tr('runs')]: b.retention.runs, [tr('failed')]: b.retention.failed, [tr('affected')]: b.retention.affected })),
                    section('policies', table([tr('policy'), tr('acked'), tr('pending')], (b.policies || []).map((p) => h('tr', {},
                        h('td', { text: `${p.title} (v${p.version})` }), h('td', { class: 'num', text: String(p.acknowledged) }),
                        h('td', { class: 'num', text: String(p.pending) })))))))));
        heading.focus();
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
            const r = await api('/api/v1/compliance/reports', { json: { from: form.elements.from.value, to: form.elements.to.value } });
            show('success', tr('made', { id: r.id }));
            await load();
            await open(r.id);
        } catch (e) {
            show('error', e.message);
        }
    });
    await load();
}
