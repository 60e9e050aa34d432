// One article (#/article/<id>, or #/article/new): writers (admin, manager) edit it beside a live
// preview, save versions, publish or take it back to draft, restore an old version and delete it;
// everyone reads it rendered, with its views, versions and public link.
import { h, replace, message, when } from '/console/dom.js';
import { field, showFieldErrors, clearFieldErrors } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { articleBody, canWrite, ensureStyle, stateBadge, withLabels } from './common.js';

const TEXT = withLabels({
    en: {
        'back': '← All articles', 'new.title': 'New article', 'title': 'Title', 'language': 'Language', 'category': 'Category',
        'kind': 'Kind', 'videoUrl': 'Video address', 'videoUrl.hint': 'For a video link: an http(s) address.', 'tags': 'Tags',
        'tags.hint': 'Separated by commas.', 'related': 'Related articles', 'related.hint': 'Article numbers, separated by commas.',
        'body': 'Text (Markdown)', 'body.hint': '## heading, **bold**, - list, [link](https://…), tables with |.', 'preview': 'Preview',
        'save': 'Save', 'publish': 'Publish', 'unpublish': 'Back to draft', 'delete': 'Delete', 'open.public': 'Open public page',
        'saved': 'Saved as version {version}.', 'published': 'Published. Clients can read it at {url}.', 'unpublished': 'Back to draft.',
        'deleted': 'Article deleted.', 'delete.confirm': 'Delete “{title}” and all its versions?', 'views': '{n} views',
        'version': 'Version {version}', 'versions': 'Versions', 'restore': 'Load into the editor', 'restored': 'Version {version} loaded into the editor; save to keep it.',
        'by': '{name}, {when}', 'missing': 'No such article.', 'preview.empty': 'The preview appears here.',
    },
    zh: {
        'back': '← 全部文章', 'new.title': '新建文章', 'title': '标题', 'language': '语言', 'category': '分类',
        'kind': '类型', 'videoUrl': '视频地址', 'videoUrl.hint': '视频链接请填写 http(s) 地址。', 'tags': '标签',
        'tags.hint': '用逗号分隔。', 'related': '相关文章', 'related.hint': '文章编号，用逗号分隔。',
        'body': '正文（Markdown）', 'body.hint': '## 标题、**加粗**、- 列表、[链接](https://…)、用 | 画表格。', 'preview': '预览',
        'save': '保存', 'publish': '发布', 'unpublish': '撤回为草稿', 'delete': '删除', 'open.public': '打开公开页面',
        'saved': '已保存为第 {version} 版。', 'published': '已发布，客户可在 {url} 阅读。', 'unpublished': '已撤回为草稿。',
        'deleted': '文章已删除。', 'delete.confirm': '删除“{title}”及其全部版本？', 'views': '浏览 {n} 次',
        'version': '第 {version} 版', 'versions': '版本记录', 'restore': '载入编辑器', 'restored': '已将第 {version} 版载入编辑器，保存后生效。',
        'by': '{name}，{when}', 'missing': '文章不存在。', 'preview.empty': '预览将显示在这里。',
    },
});

const list = (text) => String(text || '').split(/[,，;；、\n]/).map((s) => s.trim()).filter(Boolean);

export async function render(container, ctx) {
    ensureStyle();
    const tr = translator(TEXT, ctx.lang);
    const id = ctx.params[0] && ctx.params[0] !== 'new' ? Number(ctx.params[0]) : null;
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const show = (kind, text) => {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            ctx.announce(text);
        }
    };
    let article = null;
    if (id) {
        try {
            article = await ctx.api(`/api/v1/articles/${id}`);
        } catch (e) {
            replace(container, h('a', { href: '#/articles', text: tr('back') }), message('error', e.status === 404 ? tr('missing') : e.message));
            return;
        }
    }
    const back = h('a', { href: '#/articles', text: tr('back') });
    if (!canWrite(ctx)) {
        replace(container, back, status, reader(article));
        return;
    }

    const option = (value, text, current) => h('option', { value, text, selected: value === current });
    const a = article || { title: '', body: '', language: ctx.lang, category: '', tags: [], kind: 'article', videoUrl: '', related: [] };
    const form = h('form', { class: 'panel article-form', novalidate: true },
        h('div', { class: 'editor-fields' },
            field(tr('title'), { name: 'title', value: a.title, required: true, maxlength: 300 }),
            field(tr('language'), { tag: 'select', name: 'language', children: [option('zh', tr('lang.zh'), a.language),
                option('en', tr('lang.en'), a.language)] }),
            field(tr('category'), { name: 'category', value: a.category, required: true, maxlength: 64 }),
            field(tr('kind'), { tag: 'select', name: 'kind', children: ['article', 'guide', 'video'].map((k) => option(k, tr(`kind.${k}`), a.kind)) }),
            field(tr('videoUrl'), { name: 'videoUrl', type: 'url', value: a.videoUrl || '' }, tr('videoUrl.hint')),
            field(tr('tags'), { name: 'tags', value: (a.tags || []).join(', ') }, tr('tags.hint')),
            field(tr('related'), { name: 'related', value: (a.related || []).join(', ') }, tr('related.hint'))),
        h('div', { class: 'editor-grid' },
            field(tr('body'), { tag: 'textarea', name: 'body', value: a.body, required: true }, tr('body.hint')),
            h('section', { 'aria-label': tr('preview') }, h('h2', { class: 'h3', text: tr('preview') }),
                h('div', { class: 'article-preview', 'aria-live': 'polite' }, h('p', { class: 'muted', text: tr('preview.empty') })))),
        h('div', { class: 'article-actions' },
            h('button', { type: 'submit', class: 'btn btn-primary', name: 'save', text: tr('save') }),
            h('button', { type: 'button', class: 'btn btn-secondary', name: 'preview', text: tr('preview'), onClick: preview }),
            article ? h('button', { type: 'button', class: 'btn btn-secondary', name: 'publish',
                text: article.state === 'published' ? tr('unpublish') : tr('publish'), onClick: togglePublish }) : null,
            article ? h('button', { type: 'button', class: 'btn btn-ghost', name: 'delete', text: tr('delete'), onClick: remove }) : null));
    form.elements.body.value = a.body;
    const previewBox = form.querySelector('.article-preview');
    let typing = null;
    form.elements.body.addEventListener('input', () => {
        clearTimeout(typing);
        typing = setTimeout(preview, 600);
    });
    form.addEventListener('submit', async (e) => {
        e.preventDefault();
        await save();
    });
    const facts = article ? factsOf(article) : null;
    const versions = h('section', { class: 'panel', 'aria-label': tr('versions') });
    replace(container, back, h('h2', { text: article ? article.title : tr('new.title') }), facts, status, form, article ? versions : null);
    if (article) {
        preview();
        drawVersions();
    }

    function input() {
        return {
            title: form.elements.title.value, body: form.elements.body.value, language: form.elements.language.value,
            category: form.elements.category.value, tags: list(form.elements.tags.value), kind: form.elements.kind.value,
            videoUrl: form.elements.videoUrl.value.trim() || null,
            related: list(form.elements.related.value).map(Number).filter((n) => Number.isInteger(n) && n > 0),
        };
    }

    async function preview() {
        try {
            const result = await ctx.api('/api/v1/articles/preview', { json: { body: form.elements.body.value } });
            replace(previewBox, articleBody(result.html));
        } catch (e) {
            replace(previewBox, message('error', e.message));
        }
    }

    async function save() {
        clearFieldErrors(form);
        try {
            const saved = article
                ? await ctx.api(`/api/v1/articles/${article.id}`, { method: 'PUT', json: input() })
                : await ctx.api('/api/v1/articles', { json: input() });
            if (!article) {
                ctx.navigate(`#/article/${saved.id}`);
                return;
            }
            article = saved;
            show('success', tr('saved', { version: saved.version }));
            drawVersions();
        } catch (e) {
            showFieldErrors(form, e.body && e.body.fields);
            show('error', e.message);
        }
    }

    async function togglePublish() {
        try {
            const action = article.state === 'published' ? 'unpublish' : 'publish';
            article = await ctx.api(`/api/v1/articles/${article.id}/${action}`, { method: 'POST' });
            form.elements.publish.textContent = article.state === 'published' ? tr('unpublish') : tr('publish');
            replace(facts, ...factsOf(article).childNodes);
            show('success', article.state === 'published' ? tr('published', { url: article.publicUrl }) : tr('unpublished'));
        } catch (e) {
            show('error', e.message);
        }
    }

    async function remove() {
        if (!window.confirm(tr('delete.confirm', { title: article.title }))) {
            return;
        }
        try {
            await ctx.api(`/api/v1/articles/${article.id}`, { method: 'DELETE' });
            ctx.navigate('#/articles');
            ctx.announce(tr('deleted'));
        } catch (e) {
            show('error', e.message);
        }
    }

    async function drawVersions() {
        try {
            const data = await ctx.api(`/api/v1/articles/${article.id}/versions`);
            replace(versions, h('h2', { class: 'h3', text: tr('versions') }), h('ul', { class: 'versions' }, data.items.map((v) => h('li', {},
                h('strong', { text: tr('version', { version: v.version }) }), ' · ',
                tr('by', { name: v.authorName || '—', when: when(v.createdAt, ctx.lang) }), ' ',
                h('button', { type: 'button', class: 'btn btn-ghost btn-small', text: tr('restore'), onClick: () => {
                    form.elements.title.value = v.title;
                    form.elements.body.value = v.body;
                    form.elements.category.value = v.category;
                    form.elements.tags.value = (v.tags || []).join(', ');
                    preview();
                    show('info', tr('restored', { version: v.version }));
                } })))));
        } catch (e) {
            replace(versions, message('error', e.message));
        }
    }

    function factsOf(x) {
        return h('div', { class: 'article-facts' }, stateBadge(tr, x.state), h('span', { text: tr('version', { version: x.version }) }),
            h('span', { 'data-views': String(x.views), text: tr('views', { n: x.views }) }),
            x.state === 'published' ? h('a', { href: x.publicUrl, target: '_blank', rel: 'noopener', text: tr('open.public') }) : null);
    }

    function reader(x) {
        if (!x) {
            return message('error', tr('missing'));
        }
        return h('article', { class: 'panel' }, h('h2', { text: x.title }), factsOf(x),
            x.videoUrl ? h('p', {}, h('a', { href: x.videoUrl, target: '_blank', rel: 'noopener noreferrer', text: x.videoUrl })) : null,
            articleBody(x.html));
    }
}
