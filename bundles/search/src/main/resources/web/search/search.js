// Search: one box over clients, contacts, interactions and articles (GET /api/v1/search), with
// facets to narrow by type, tier, industry and region, and the matching words marked. The query
// lives in the hash (#/search/<query string>), so the header box, links and the back button work.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';

const TEXT = {
    en: {
        'q': 'Search', 'q.placeholder': 'Client, contact, phone, email, text of a conversation or an article…', 'submit': 'Search',
        'facets': 'Narrow down', 'facet.type': 'Type', 'facet.tier': 'Tier', 'facet.industry': 'Industry', 'facet.region': 'Region',
        'facet.language': 'Language', 'type.client': 'Client', 'type.contact': 'Contact', 'type.interaction': 'Interaction',
        'type.article': 'Article', 'summary': '{total} results', 'summary.one': '1 result', 'none': 'Nothing matches “{q}”.',
        'empty': 'Type what you are looking for: a company, a person, a phone number, an email, words from a conversation or an article.',
        'prev': 'Previous', 'next': 'Next', 'page': 'Page {page} of {pages}', 'results': 'Search results',
        'lang.zh': 'Chinese', 'lang.en': 'English', 'clear': 'Clear filters',
    },
    zh: {
        'q': '搜索', 'q.placeholder': '客户、联系人、电话、邮箱、沟通记录或文章中的文字…', 'submit': '搜索',
        'facets': '筛选', 'facet.type': '类型', 'facet.tier': '分层', 'facet.industry': '行业', 'facet.region': '地区',
        'facet.language': '语言', 'type.client': '客户', 'type.contact': '联系人', 'type.interaction': '沟通记录', 'type.article': '文章',
        'summary': '共 {total} 条结果', 'summary.one': '共 1 条结果', 'none': '没有与“{q}”匹配的结果。',
        'empty': '输入要查找的内容：公司、联系人、电话、邮箱、沟通内容或文章中的文字。',
        'prev': '上一页', 'next': '下一页', 'page': '第 {page}/{pages} 页', 'results': '搜索结果',
        'lang.zh': '中文', 'lang.en': '英文', 'clear': '清除筛选',
    },
};

const FACETS = ['type', 'tier', 'industry', 'region', 'language'];
const SIZE = 20;

function ensureStyle() {
    if (!document.querySelector('link[data-module="search"]')) {
        document.head.append(h('link', { rel: 'stylesheet', href: '/search/search.css', 'data-module': 'search' }));
    }
}

/** A fragment with its matched ranges as <mark> elements (text only, never HTML). */
function fragment(highlight) {
    const parts = [];
    let at = 0;
    for (const range of highlight.matches || []) {
        if (range.start > at) {
            parts.push(highlight.text.slice(at, range.start));
        }
        parts.push(h('mark', { text: highlight.text.slice(range.start, range.end) }));
        at = range.end;
    }
    parts.push(highlight.text.slice(at));
    return h('p', { class: 'hit-fragment', 'data-field': highlight.field }, parts);
}

function link(hit) {
    switch (hit.type) {
        case 'client': return `#/client/${hit.id}`;
        case 'contact':
        case 'interaction': return hit.clientId ? `#/client/${hit.clientId}` : null;
        case 'article': return `#/article/${hit.id}`;
        default: return null;
    }
}

export async function render(container, ctx) {
    ensureStyle();
    const tr = translator(TEXT, ctx.lang);
    const params = new URLSearchParams(ctx.params[0] || '');
    const state = { q: params.get('q') || '', page: Math.max(1, Number(params.get('page')) || 1), filters: {} };
    for (const facet of FACETS) {
        state.filters[facet] = params.getAll(facet).flatMap((v) => v.split(',')).filter(Boolean);
    }

    const input = h('input', { type: 'search', name: 'q', value: state.q, 'aria-label': tr('q'), placeholder: tr('q.placeholder'),
        autocomplete: 'off' });
    const form = h('form', { class: 'search-form', role: 'search' }, input,
        h('button', { type: 'submit', class: 'btn btn-primary', text: tr('submit') }));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        state.q = input.value.trim();
        state.page = 1;
        go();
    });
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const summary = h('p', { class: 'muted summary', 'aria-live': 'polite' });
    const facets = h('aside', { class: 'search-facets', 'aria-label': tr('facets') });
    const results = h('ol', { class: 'search-results', 'aria-label': tr('results') });
    const pager = h('nav', { class: 'pager', 'aria-label': tr('page', { page: state.page, pages: 1 }) });
    replace(container, form, status, h('div', { class: 'search-layout' }, facets, h('section', {}, summary, results, pager)));
    input.focus();

    function go() {
        const query = new URLSearchParams();
        if (state.q) {
            query.set('q', state.q);
        }
        for (const facet of FACETS) {
            if (state.filters[facet].length) {
                query.set(facet, state.filters[facet].join(','));
            }
        }
        if (state.page > 1) {
            query.set('page', String(state.page));
        }
        ctx.navigate(`#/search/${encodeURIComponent(query.toString())}`);
    }

    if (!state.q && FACETS.every((f) => !state.filters[f].length)) {
        replace(summary, tr('empty'));
        return;
    }
    const query = new URLSearchParams({ q: state.q, page: String(state.page), size: String(SIZE) });
    for (const facet of FACETS) {
        if (state.filters[facet].length) {
            query.set(facet, state.filters[facet].join(','));
        }
    }
    let data;
    try {
        data = await ctx.api(`/api/v1/search?${query}`);
    } catch (e) {
        replace(status, message('error', e.message));
        return;
    }
    replace(summary, data.total === 0 ? tr('none', { q: state.q }) : data.total === 1 ? tr('summary.one')
        : tr('summary', { total: data.total }));
    ctx.announce(summary.textContent);
    replace(results, data.items.map((hit) => {
        const href = link(hit);
        const title = hit.title || '—';
        return h('li', { 'data-type': hit.type, 'data-id': String(hit.id) },
            h('span', { class: 'badge badge-info', text: tr(`type.${hit.type}`) }), ' ',
            href ? h('a', { class: 'hit-title', href, text: title }) : h('span', { class: 'hit-title', text: title }),
            hit.subtitle ? h('p', { class: 'hit-meta', text: hit.subtitle }) : null,
            (hit.highlights || []).map(fragment));
    }));
    drawFacets(data.facets || {});
    drawPager(data.total);

    function drawFacets(counts) {
        const groups = [];
        for (const facet of FACETS) {
            const values = Object.entries(counts[facet] || {}).filter(([, n]) => n > 0);
            const chosen = state.filters[facet];
            chosen.filter((v) => !values.some(([k]) => k === v)).forEach((v) => values.push([v, 0]));
            if (!values.length) {
                continue;
            }
            groups.push(h('fieldset', { 'data-facet': facet }, h('legend', { text: tr(`facet.${facet}`) }),
                values.map(([value, n]) => {
                    const id = `facet-${facet}-${value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
                    const box = h('input', { type: 'checkbox', id, value, checked: chosen.includes(value) });
                    box.addEventListener('change', () => {
                        state.filters[facet] = box.checked ? [...chosen, value] : chosen.filter((v) => v !== value);
                        state.page = 1;
                        go();
                    });
                    const text = facet === 'type' ? tr(`type.${value}`) : facet === 'language' ? tr(`lang.${value}`) : value;
                    return h('div', { class: 'check' }, box, h('label', { for: id, text }), h('span', { class: 'count', text: String(n) }));
                })));
        }
        if (FACETS.some((f) => state.filters[f].length)) {
            groups.push(h('button', { type: 'button', class: 'btn btn-ghost btn-small', text: tr('clear'), onClick: () => {
                FACETS.forEach((f) => { state.filters[f] = []; });
                state.page = 1;
                go();
            } }));
        }
        replace(facets, groups);
    }

    function drawPager(total) {
        const pages = Math.max(1, Math.min(Math.ceil(total / SIZE), Math.floor(10000 / SIZE)));
        if (pages <= 1) {
            replace(pager);
            return;
        }
        replace(pager,
            h('button', { type: 'button', class: 'btn btn-secondary btn-small', text: tr('prev'), disabled: state.page <= 1,
                onClick: () => { state.page -= 1; go(); } }),
            h('span', { class: 'muted', text: tr('page', { page: state.page, pages }) }),
            h('button', { type: 'button', class: 'btn btn-secondary btn-small', text: tr('next'), disabled: state.page >= pages,
                onClick: () => { state.page += 1; go(); } }));
    }
}
