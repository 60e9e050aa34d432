// Dashboard frame: one card per DashboardCard service the caller may see.
import { h, replace, message } from '../dom.js';

export async function render(container, ctx) {
    const { t, api, lang } = ctx;
    let cards;
    try {
        cards = (await api('/api/v1/console/cards')).items || [];
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const welcome = h('p', { class: 'muted lead', text: t('dashboard.welcome', { name: ctx.user.displayName || ctx.user.username }) });
    if (!cards.length) {
        replace(container, welcome, message('info', t('dashboard.empty')));
        return;
    }
    const grid = h('div', { class: 'card-grid' });
    replace(container, welcome, grid);
    await Promise.all(cards.map(async (card) => {
        const titleId = `card-${card.id}`;
        const body = h('div', { class: 'card-body', 'aria-busy': 'true' }, h('p', { class: 'muted', text: t('common.loading') }));
        grid.append(h('section', { class: 'card', 'aria-labelledby': titleId, 'data-card': card.id },
            h('h2', { id: titleId, class: 'card-title', text: card.labels[lang] || card.labels.en }), body));
        try {
            const module = await import(card.module);
            body.replaceChildren();
            await module.render(body, ctx);
        } catch (e) {
            replace(body, message('error', t('page.failed', { message: e.message })));
        } finally {
            body.removeAttribute('aria-busy');
        }
    }));
}
