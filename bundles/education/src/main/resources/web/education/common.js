// Shared by the education pages: their stylesheet, who may write, and sanitised article HTML
// turned into DOM nodes through an allow-list (never innerHTML).
import { h } from '/console/dom.js';

export const WRITERS = ['admin', 'manager'];

export function canWrite(ctx) {
    return (ctx.user.roles || []).some((r) => WRITERS.includes(r));
}

export function ensureStyle() {
    if (!document.querySelector('link[data-module="education"]')) {
        document.head.append(h('link', { rel: 'stylesheet', href: '/education/education.css', 'data-module': 'education' }));
    }
}

const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'code', 'pre',
    'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 'del', 'a', 'img']);

/**
 * The server's sanitised HTML of an article body as DOM nodes. The server already sanitised it;
 * this second pass copies only allowed elements, text, and http(s) links and images, so nothing
 * from the server is ever parsed into the live page as HTML.
 */
export function articleBody(html) {
    const parsed = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
    const out = h('div', { class: 'article-body' });
    copy(parsed.body, out);
    return out;
}

function copy(from, to) {
    for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
            to.append(document.createTextNode(node.textContent));
            continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) {
            continue;
        }
        const tag = node.tagName.toLowerCase();
        if (!TAGS.has(tag)) {
            copy(node, to);
            continue;
        }
        const el = document.createElement(tag);
        if (tag === 'a' && /^https?:\/\//i.test(node.getAttribute('href') || '')) {
            el.setAttribute('href', node.getAttribute('href'));
            el.setAttribute('rel', 'noopener noreferrer');
            el.setAttribute('target', '_blank');
        }
        if (tag === 'img' && /^https?:\/\//i.test(node.getAttribute('src') || '')) {
            el.setAttribute('src', node.getAttribute('src'));
            el.setAttribute('alt', node.getAttribute('alt') || '');
        }
        copy(node, el);
        to.append(el);
    }
}

export const LABELS = {
    en: {
        'lang.zh': 'Chinese', 'lang.en': 'English', 'state.draft': 'Draft', 'state.published': 'Published',
        'kind.article': 'Article', 'kind.guide': 'Guide', 'kind.video': 'Video link',
    },
    zh: {
        'lang.zh': '中文', 'lang.en': '英文', 'state.draft': '草稿', 'state.published': '已发布',
        'kind.article': '文章', 'kind.guide': '指南', 'kind.video': '视频链接',
    },
};

export function withLabels(texts) {
    return { en: { ...LABELS.en, ...texts.en }, zh: { ...LABELS.zh, ...texts.zh } };
}

export function stateBadge(tr, state) {
    return h('span', { class: `badge ${state === 'published' ? 'badge-ok' : 'badge-warn'}`, 'data-state': state, text: tr(`state.${state}`) });
}
