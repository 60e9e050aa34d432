// Dashboard card for admins and auditors: open compliance alerts and the audit chain's state at its last scheduled check.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';

const TEXT = {
    en: { 'open': 'Open alerts', 'acknowledged': 'Acknowledged', 'chain': 'Audit chain', 'ok': 'intact', 'broken': 'broken at #{seq}',
        'go': 'Open the alerts →' },
    zh: { 'open': '待处理预警', 'acknowledged': '已确认', 'chain': '审计链', 'ok': '完整', 'broken': '在 #{seq} 处断开', 'go': '查看预警 →' },
};

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let data;
    try {
        data = await ctx.api('/api/v1/compliance/alerts?status=open&size=1');
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const counts = data.counts || {};
    const figure = (label, value, tone) => h('div', { class: 'figure' }, h('dt', { text: label }), h('dd', { class: tone || '', text: value }));
    const verified = data.chain;
    replace(container, h('dl', { class: 'figures' },
        figure(tr('open'), String(counts.open || 0), counts.open ? 'risk risk-high' : ''),
        figure(tr('acknowledged'), String(counts.acknowledged || 0)),
        figure(tr('chain'), verified ? (verified.ok ? tr('ok') : tr('broken', { seq: verified.firstBroken })) : '—',
            verified && !verified.ok ? 'risk risk-high' : '')),
    h('p', { class: 'small' }, h('a', { href: '#/compliance-alerts', text: tr('go') })));
}
