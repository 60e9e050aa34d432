// Dashboard card: clients by lifecycle stage, as horizontal bars; a bar opens the filtered list.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { barChart } from '/console/charts.js';
import { STAGES, withLabels, label, number } from './common.js';

const TEXT = withLabels({
    en: { 'caption': 'Clients by lifecycle stage', 'unrated': 'Not staged yet', 'col': 'Stage', 'n': 'Clients',
        'risk': '{n} clients at risk of churning', 'risk.link': 'Show them' },
    zh: { 'caption': '客户生命周期阶段分布', 'unrated': '尚未划分', 'col': '阶段', 'n': '客户数',
        'risk': '{n} 个客户有流失风险', 'risk.link': '查看' },
});
const TONES = { prospect: 'muted', new: 1, repeat: 0, loyal: 'ok', at_risk: 'warn', churned: 'danger', won_back: 3 };

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let counts;
    try {
        counts = (await ctx.api('/api/v1/clients/stats?by=stage')).counts || {};
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const ids = [...STAGES, ...Object.keys(counts).filter((k) => !STAGES.includes(k) && k !== ''), ''];
    const items = ids.filter((id) => counts[id] || STAGES.includes(id)).map((id) => ({ key: id, value: counts[id] || 0, tone: TONES[id] ?? 7,
        label: id ? label(tr, 'stage', id) : tr('unrated'), href: id ? `#/clients/${encodeURIComponent(`stage=${id}`)}` : undefined }));
    const atRisk = counts.at_risk || 0;
    replace(container, barChart(items, { caption: tr('caption'), categoryLabel: tr('col'), valueLabel: tr('n'),
        format: (v) => number(v, ctx.lang) }),
    atRisk ? h('p', { class: 'card-figures' }, h('span', { text: tr('risk', { n: number(atRisk, ctx.lang) }) }),
        h('a', { href: `#/clients/${encodeURIComponent('stage=at_risk&sort=-churnRisk')}`, text: tr('risk.link') })) : null);
}
