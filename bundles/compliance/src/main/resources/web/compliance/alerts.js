// Compliance alerts (#/compliance-alerts): what the monitoring rules raised, newest first; acknowledge
// an open alert, resolve it with a note.
import { h, replace, message } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { withLabels, statusLine, table, badge, severityBadge, label, at, query } from './common.js';

const TEXT = withLabels({
    en: {
        'status': 'Status', 'status.all': 'All', 'rule': 'Rule', 'rule.all': 'All rules', 'show': 'Show',
        'col.raised': 'Raised', 'col.alert': 'Alert', 'col.severity': 'Severity', 'col.status': 'Status', 'col.count': 'Times', 'col.act': '',
        'none': 'No alerts.', 'ack': 'Acknowledge', 'ack.label': 'Acknowledge alert {id}', 'resolve': 'Resolve…', 'resolve.label': 'Resolve alert {id}',
        'resolve.title': 'Resolve alert #{id}', 'note': 'What was found or done', 'acked': 'Alert #{id} acknowledged.', 'resolved': 'Alert #{id} resolved.',
        'by': '{name}, {when}', 'counts': '{open} open · {acknowledged} acknowledged · {resolved} resolved',
    },
    zh: {
        'status': '状态', 'status.all': '全部', 'rule': '规则', 'rule.all': '全部规则', 'show': '筛选',
        'col.raised': '时间', 'col.alert': '预警', 'col.severity': '级别', 'col.status': '状态', 'col.count': '次数', 'col.act': '',
        'none': '没有预警。', 'ack': '确认', 'ack.label': '确认预警 {id}', 'resolve': '解决…', 'resolve.label': '解决预警 {id}',
        'resolve.title': '解决预警 #{id}', 'note': '发现的情况或处理措施', 'acked': '预警 #{id} 已确认。', 'resolved': '预警 #{id} 已解决。',
        'by': '{name}，{when}', 'counts': '待处理 {open} · 已确认 {acknowledged} · 已解决 {resolved}',
    },
});
const RULES = ['opted_out_send', 'frequency_cap', 'bulk_export', 'many_exports', 'many_reads', 'after_hours', 'chain_broken'];

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const form = h('form', { class: 'filters' },
        field(tr('status'), { tag: 'select', name: 'status', children: [h('option', { value: '', text: tr('status.all') }),
            ...['open', 'acknowledged', 'resolved'].map((s) => h('option', { value: s, text: label(tr, 'status', s), selected: s === 'open' }))] }),
        field(tr('rule'), { tag: 'select', name: 'rule', children: [h('option', { value: '', text: tr('rule.all') }),
            ...RULES.map((r) => h('option', { value: r, text: label(tr, 'rule', r) }))] }),
        h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('show') })));
    const summary = h('p', { class: 'muted small' });
    const results = h('div');
    replace(container, status, h('section', { class: 'toolbar-card' }, form), summary, results);

    async function load() {
        let data;
        try {
            data = await api(`/api/v1/compliance/alerts${query({ status: form.elements.status.value, rule: form.elements.rule.value, size: 200 })}`);
        } catch (e) {
            replace(results, message('error', e.message));
            return;
        }
        const c = data.counts || {};
        summary.textContent = tr('counts', { open: c.open || 0, acknowledged: c.acknowledged || 0, resolved: c.resolved || 0 });
        replace(results, data.items.length ? table([tr('col.raised'), tr('col.alert'), tr('col.severity'), tr('col.status'), tr('col.count'), tr('col.act')],
            data.items.map((a) => h('tr', { 'data-alert': a.id },
                h('td', { text: at(a.firstAt, lang) }),
                h('td', { class: 'wrap' }, h('strong', { text: label(tr, 'rule', a.rule) }), h('div', { class: 'small', text: a.detail }),
                    a.note ? h('div', { class: 'small muted', text: `${a.note} — ${tr('by', { name: a.resolvedBy, when: at(a.resolvedAt, lang) })}` }) : null),
                h('td', {}, severityBadge(tr, a.severity)),
                h('td', {}, badge(label(tr, 'status', a.status), a.status === 'open' ? 'warn' : a.status === 'resolved' ? 'ok' : 'info'),
                    a.acknowledgedBy && a.status === 'acknowledged' ? h('div', { class: 'small muted', text: tr('by', { name: a.acknowledgedBy, when: at(a.acknowledgedAt, lang) }) }) : null),
                h('td', { class: 'num', text: String(a.occurrences) }),
                h('td', {}, h('div', { class: 'row-actions' },
                    a.status === 'open' ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('ack'), 'aria-label': tr('ack.label', { id: a.id }),
                        onClick: () => acknowledge(a) }) : null,
                    a.status !== 'resolved' ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('resolve'),
                        'aria-label': tr('resolve.label', { id: a.id }), onClick: () => resolve(a) }) : null)))), { 'data-table': 'alerts' })
            : h('p', { class: 'muted', text: tr('none') }));
    }

    async function acknowledge(a) {
        try {
            await api(`/api/v1/compliance/alerts/${a.id}/acknowledge`, { method: 'POST' });
            show('success', tr('acked', { id: a.id }));
        } catch (e) {
            show('error', e.message);
        }
        await load();
    }

    async function resolve(a) {
        await formDialog({
            title: tr('resolve.title', { id: a.id }), submitLabel: tr('resolve'), cancelLabel: tr('common.cancel'),
            body: [field(tr('note'), { tag: 'textarea', name: 'note', rows: 3, required: true, maxlength: 1000 })],
            onSubmit: async (f) => {
                await api(`/api/v1/compliance/alerts/${a.id}/resolve`, { json: { note: f.elements.note.value.trim() } });
                show('success', tr('resolved', { id: a.id }));
            },
        });
        await load();
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        load();
    });
    await load();
}
