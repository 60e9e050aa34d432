// Dashboard card reminding each user of the compliance policies they have not acknowledged yet.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';

const TEXT = {
    en: { 'pending': 'You have {n} policies to read and acknowledge:', 'clear': 'You have acknowledged every policy in force.', 'open': 'Open the policies →' },
    zh: { 'pending': '您有 {n} 项制度需要阅读并确认：', 'clear': '您已确认所有生效的制度。', 'open': '查看制度 →' },
};

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    let data;
    try {
        data = await ctx.api('/api/v1/compliance/policies');
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const pending = data.items.filter((p) => !p.acknowledgedAt);
    replace(container, pending.length
        ? [h('p', { class: 'policy-reminder', role: 'status', 'data-pending': String(pending.length), text: tr('pending', { n: pending.length }) }),
            h('ul', { class: 'plain-list' }, pending.map((p) => h('li', { text: p.title })))]
        : h('p', { class: 'ok-line', text: tr('clear') }),
    h('p', { class: 'small' }, h('a', { href: '#/policies', text: tr('open') })));
}
