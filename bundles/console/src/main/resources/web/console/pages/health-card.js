// The console's own dashboard card: server status from /health and bundle counts.
import { h, replace, message } from '../dom.js';

function duration(ms, t) {
    const minutes = Math.floor(ms / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    return t('health.uptime.value', { days, hours, minutes: minutes % 60 });
}

export async function render(container, ctx) {
    const { t, api } = ctx;
    let health;
    try {
        const response = await fetch('/health', { headers: { Accept: 'application/json' } });
        health = await response.json();
    } catch (e) {
        replace(container, message('error', t('health.unreachable')));
        return;
    }
    const figures = h('dl', { class: 'figures' },
        figure(t('health.status'), h('span', { class: `state state-${health.status === 'UP' ? 'active' : 'installed'}`,
            text: t(`health.${health.status}`, {}, health.status) })),
        figure(t('health.uptime'), duration(health.uptimeMs || 0, t)),
        figure(t('health.components'), String((health.components || []).length)));
    const parts = [figures];
    if ((ctx.user.roles || []).includes('admin')) {
        try {
            const bundles = await api('/api/v1/system/bundles');
            parts.push(stateBars(bundles, t));
        } catch (e) {
            parts.push(message('error', e.message));
        }
    }
    const problems = health.problems || [];
    parts.push(problems.length
        ? h('div', {}, h('h3', { class: 'sub-title', text: t('health.problems') }), h('ul', { class: 'problems' }, problems.map((p) => h('li', { text: p }))))
        : h('p', { class: 'ok-line', text: t('health.noProblems') }));
    const checks = Object.entries(health.checks || {});
    if (checks.length) {
        parts.push(h('ul', { class: 'checks' }, checks.map(([name, check]) => h('li', {},
            h('span', { class: `dot dot-${String(check.status).toLowerCase()}`, 'aria-hidden': 'true' }),
            h('strong', { text: name }), ` ${t(`health.${check.status}`, {}, check.status)} — `, check.message || ''))));
    }
    replace(container, parts);
}

function figure(label, value) {
    return h('div', { class: 'figure' }, h('dt', { text: label }), h('dd', {}, value));
}

function stateBars(bundles, t) {
    const counts = {};
    for (const b of bundles) {
        counts[b.state] = (counts[b.state] || 0) + 1;
    }
    const total = bundles.length || 1;
    return h('div', { class: 'bars' },
        h('h3', { class: 'sub-title', text: t('health.bundles', { total: bundles.length }) }),
        h('ul', { class: 'bar-list' }, Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([s, n]) => h('li', {},
            h('span', { class: 'bar-label', text: t(`state.${s}`, {}, s) }),
            h('span', { class: 'bar-track', 'aria-hidden': 'true' },
                bar(s, Math.max(2, Math.round((n / total) * 100)))),
            h('span', { class: 'bar-value', text: String(n) })))));
}

function bar(state, percent) {
    const fill = h('span', { class: `bar-fill state-${state.toLowerCase()}` });
    fill.style.width = `${percent}%`; // CSSOM, allowed by the console's CSP (no inline style attributes)
    return fill;
}
