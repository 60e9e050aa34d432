// Dashboard card: clients by value tier, as a donut; a slice or legend entry opens the filtered list.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { donutChart } from '/console/charts.js';
import { TIERS, withLabels, label } from './common.js';

const TEXT = withLabels({
    en: { 'caption': 'Clients by tier', 'center': 'clients', 'unrated': 'Not rated yet', 'col': 'Tier', 'n': 'Clients', 'all': 'All clients →' },
    zh: { 'caption': '客户分层分布', 'center': '个客户', 'unrated': '尚未评级', 'col': '分层', 'n': '客户数', 'all': '全部客户 →' },
});
const TONES = { core: 0, key: 1, standard: 4, prospect: 'muted' };

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let counts;
    try {
        counts = (await ctx.api('/api/v1/clients/stats?by=tier')).counts || {};
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const ids = [...TIERS, ...Object.keys(counts).filter((k) => !TIERS.includes(k) && k !== ''), ''];
    const items = ids.filter((id) => counts[id]).map((id) => ({ key: id, value: counts[id], tone: TONES[id] ?? 7,
        label: id ? label(tr, 'tier', id) : tr('unrated'), href: id ? `#/clients/${encodeURIComponent(`tier=${id}`)}` : undefined }));
    replace(container, donutChart(items, { caption: tr('caption'), centerLabel: tr('center'), categoryLabel: tr('col'), valueLabel: tr('n') }),
        h('p', { class: 'small' }, h('a', { href: '#/clients', text: tr('all') })));
}
