// Dashboard card: each manager's load against capacity, as bars with a capacity tick; managers
// over capacity in red.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { barChart } from '/console/charts.js';
import { withLabels, shared, number, figures } from './common.js';

const TEXT = withLabels({
    en: { 'caption': 'Clients per manager against capacity', 'col': 'Manager', 'n': 'Clients', 'capacity': 'Capacity',
        'over': 'Over capacity:', 'title': '{name}: {load} clients, capacity {capacity}', 'title.over': '{name}: {load} clients, over the capacity of {capacity}',
        'all': 'Managers →', 'none': 'No account managers yet.' },
    zh: { 'caption': '客户经理负荷与容量', 'col': '客户经理', 'n': '客户数', 'capacity': '容量',
        'over': '超负荷：', 'title': '{name}：{load} 个客户，容量 {capacity}', 'title.over': '{name}：{load} 个客户，超出容量 {capacity}',
        'all': '客户经理 →', 'none': '暂无客户经理。' },
});

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let overview;
    try {
        overview = await shared(ctx.api, '/api/v1/accounts/overview');
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const rows = (overview.workload || []).slice().sort((a, b) => b.load / Math.max(1, b.capacity) - a.load / Math.max(1, a.capacity));
    const items = rows.map((m) => {
        const over = m.load > m.capacity;
        const params = { name: m.displayName, load: m.load, capacity: m.capacity };
        return { key: String(m.userId), label: m.displayName || String(m.userId), value: m.load, target: m.capacity,
            tone: over ? 'danger' : m.load >= m.capacity * 0.9 ? 'warn' : 'brand', title: tr(over ? 'title.over' : 'title', params),
            cells: [number(m.capacity, ctx.lang)], href: `#/clients/${encodeURIComponent(`manager=${m.userId}`)}` };
    });
    const over = rows.filter((m) => m.load > m.capacity).length;
    replace(container, barChart(items, { caption: tr('caption'), categoryLabel: tr('col'), valueLabel: tr('n'), headers: [tr('capacity')],
        emptyText: tr('none'), format: (v) => number(v, ctx.lang) }),
    figures([tr('over'), number(over, ctx.lang)]),
    (ctx.user.roles || []).some((r) => r === 'admin' || r === 'manager') ? h('p', { class: 'small' }, h('a', { href: '#/managers', text: tr('all') })) : null);
}
