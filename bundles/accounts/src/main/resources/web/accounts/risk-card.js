// Dashboard card: the churn-risk distribution over all clients, as a histogram of 20-point
// buckets; a column opens the client list from that risk up.
import { replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { columnChart } from '/console/charts.js';
import { withLabels, shared, number, figures } from './common.js';

const TEXT = withLabels({
    en: { 'caption': 'Clients by churn risk', 'axis': 'Churn risk (0–100)', 'col': 'Churn risk', 'n': 'Clients',
        'high': 'Risk 60 or more:', 'overdue': 'Follow-ups overdue:' },
    zh: { 'caption': '客户流失风险分布', 'axis': '流失风险（0–100）', 'col': '流失风险', 'n': '客户数',
        'high': '风险 ≥ 60：', 'overdue': '逾期未跟进：' },
});
const TONES = ['ok', 4, 'warn', 5, 'danger'];

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let overview;
    try {
        overview = await shared(ctx.api, '/api/v1/accounts/overview');
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const buckets = (overview.risk || []).slice().sort((a, b) => a.from - b.from);
    const items = buckets.map((b, i) => ({ key: String(b.from), label: `${b.from}–${b.to}`, value: b.count || 0,
        tone: TONES[Math.min(TONES.length - 1, Math.floor(b.from / 20))] ?? i,
        href: `#/clients/${encodeURIComponent(`minRisk=${b.from}&sort=-churnRisk`)}` }));
    const high = buckets.filter((b) => b.from >= 60).reduce((sum, b) => sum + (b.count || 0), 0);
    replace(container, columnChart(items, { caption: tr('caption'), axisLabel: tr('axis'), categoryLabel: tr('col'), valueLabel: tr('n'),
        format: (v) => number(v, ctx.lang) }),
    figures([tr('high'), number(high, ctx.lang)],
        overview.overdueFollowUps !== undefined ? [tr('overdue'), number(overview.overdueFollowUps, ctx.lang)] : null));
}
