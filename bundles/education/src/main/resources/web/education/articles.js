// Articles: the education library with filters (language, state, category, title), view counts,
// and the way to write a new article. The filters live in the hash (#/articles/<query>).
import { h, replace, message, when } from '/console/dom.js';
import { field } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { canWrite, ensureStyle, stateBadge, withLabels } from './common.js';

const TEXT = withLabels({
    en: {
        'filters': 'Find articles', 'q': 'Title', 'language': 'Language', 'state': 'State', 'category': 'Category', 'any': 'Any',
        'new': 'New article', 'public': 'Help centre', 'caption': 'Articles', 'col.title': 'Title', 'col.language': 'Language',
        'col.category': 'Category', 'col.state': 'State', 'col.version': 'Version', 'col.views': 'Views', 'col.updated': 'Updated',
        'summary': '{total} articles', 'none': 'No articles match.', 'prev': 'Previous', 'next': 'Next', 'page': 'Page {page} of {pages}',
    },
    zh: {
        'filters': '查找文章', 'q': '标题', 'language': '语言', 'state': '状态', 'category': '分类', 'any': '全部',
        'new': '新建文章', 'public': '帮助中心', 'caption': '知识文章', 'col.title': '标题', 'col.language': '语言',
        'col.category': '分类', 'col.state': '状态', 'col.version': '版本', 'col.views': '浏览量', 'col.updated': '更新时间',
        'summary': '共 {total} 篇文章', 'none': '没有符合条件的文章。', 'prev': '上一页', 'next': '下一页', 'page': '第 {page}/{pages} 页',
    },
});
const SIZE = 25;

export async function render(container, ctx) {
    ensureStyle();
    const tr = translator(TEXT, ctx.lang);
    const params = new URLSearchParams(ctx.params[0] || '');
    const state = { q: params.get('q') || '', language: params.get('language') || '', state: params.get('state') || '',
        category: params.get('category') || '', page: Math.max(1, Number(params.get('page')) || 1) };

    const option = (value, text, current) => h('option', { value, text, selected: value === current });
    const form = h('form', { class: 'toolbar-card filters', role: 'search', 'aria-label': tr('filters') },
        field(tr('q'), { type: 'search', name: 'q', value: state.q, autocomplete: 'off' }),
        field(tr('language'), { tag: 'select', name: 'language', children: [option('', tr('any'), state.language),
            option('zh', tr('lang.zh'), state.language), option('en', tr('lang.en'), state.language)] }),
        field(tr('state'), { tag: 'select', name: 'state', children: [option('', tr('any'), state.state),
            option('draft', tr('state.draft'), state.state), option('published', tr('state.published'), state.state)] }),
        field(tr('category'), { tag: 'select', name: 'category', children: [option('', tr('any'), state.category)] }));
    const apply = () => {
        const query = new URLSearchParams();
        for (const name of ['q', 'language', 'state', 'category']) {
            const value = form.elements[name].value.trim();
            if (value) {
                query.set(name, value);
            }
        }
        ctx.navigate(`#/articles/${encodeURIComponent(query.toString())}`);
    };
    form.addEventListener('submit', (e) => {
        e.preventDefault();
        apply();
    });
    form.addEventListener('change', apply);
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const summary = h('p', { class: 'muted summary', 'aria-live': 'polite' });
    const toolbar = h('div', { class: 'toolbar' }, summary, h('div', { class: 'toolbar-buttons' },
        canWrite(ctx) ? h('a', { class: 'btn btn-primary', href: '#/article/new', text: tr('new') }) : null,
        h('a', { class: 'btn btn-secondary', href: `/kb/?lang=${ctx.lang}`, target: '_blank', rel: 'noopener', text: tr('public') })));
    const body = h('tbody');
    const table = h('table', { class: 'data-table' }, h('caption', { class: 'visually-hidden', text: tr('caption') }),
        h('thead', {}, h('tr', {}, ['title', 'language', 'category', 'state', 'version', 'views', 'updated']
            .map((c) => h('th', { scope: 'col', text: tr(`col.${c}`) })))), body);
    const pager = h('nav', { class: 'pager', 'aria-label': tr('page', { page: state.page, pages: 1 }) });
    replace(container, form, status, h('div', { class: 'panel' }, toolbar, table, pager));

    try {
        const categories = await ctx.api('/api/v1/articles/categories');
        const select = form.elements.category;
        Object.keys(categories.counts || {}).sort().forEach((c) => select.append(option(c, c, state.category)));
    } catch (e) {
        // the filter just stays short
    }
    const query = new URLSearchParams({ page: String(state.page), size: String(SIZE), sort: '-updatedAt' });
    for (const name of ['q', 'language', 'state', 'category']) {
        if (state[name]) {
            query.set(name, state[name]);
        }
    }
    let data;
    try {
        data = await ctx.api(`/api/v1/articles?${query}`);
    } catch (e) {
        replace(status, message('error', e.message));
        return;
    }
    replace(summary, data.total ? tr('summary', { total: data.total }) : tr('none'));
    replace(body, data.items.map((a) => h('tr', { 'data-id': String(a.id) },
        h('td', {}, h('a', { href: `#/article/${a.id}`, text: a.title }), h('div', { class: 'muted', text: a.excerpt })),
        h('td', { text: tr(`lang.${a.language}`) }),
        h('td', { text: a.category }),
        h('td', {}, stateBadge(tr, a.state)),
        h('td', { text: String(a.version) }),
        h('td', { class: 'num', 'data-views': String(a.views), text: String(a.views) }),
        h('td', { text: when(a.updatedAt, ctx.lang) }))));
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    const move = (page) => {
        const next = new URLSearchParams(ctx.params[0] || '');
        next.set('page', String(page));
        ctx.navigate(`#/articles/${encodeURIComponent(next.toString())}`);
    };
    replace(pager, pages <= 1 ? [] : [
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', text: tr('prev'), disabled: state.page <= 1,
            onClick: () => move(state.page - 1) }),
        h('span', { class: 'muted', text: tr('page', { page: state.page, pages }) }),
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', text: tr('next'), disabled: state.page >= pages,
            onClick: () => move(state.page + 1) })]);
}
