// Bundles page: every installed bundle with start / stop / uninstall, and a jar upload.
import { h, replace, uid, message } from '../dom.js';

const BASE = '/api/v1/system/bundles';

export async function render(container, ctx) {
    const { t, api, announce, refreshNav } = ctx;
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const fileId = uid('jar');
    const fileInput = h('input', { id: fileId, type: 'file', name: 'file', accept: '.jar,application/java-archive', required: true,
        'aria-describedby': `${fileId}-hint` });
    const uploadButton = h('button', { type: 'submit', class: 'btn btn-primary', text: t('bundles.upload') });
    const uploadForm = h('form', { class: 'toolbar-card', 'aria-labelledby': `${fileId}-title` },
        h('h2', { id: `${fileId}-title`, class: 'section-title', text: t('bundles.install.title') }),
        h('div', { class: 'upload-row' },
            h('div', { class: 'field grow' }, h('label', { for: fileId, text: t('bundles.file') }), fileInput,
                h('p', { id: `${fileId}-hint`, class: 'hint', text: t('bundles.file.hint') })),
            uploadButton));
    const filterId = uid('filter');
    const filter = h('input', { id: filterId, type: 'search', class: 'filter', placeholder: t('bundles.filter.placeholder'),
        onInput: () => draw() });
    const summary = h('p', { class: 'muted summary', 'aria-live': 'polite' });
    const tableBody = h('tbody');
    const table = h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden', text: t('bundles.caption') }),
        h('thead', {}, h('tr', {},
            h('th', { scope: 'col', class: 'num', text: t('bundles.col.id') }),
            h('th', { scope: 'col', text: t('bundles.col.name') }),
            h('th', { scope: 'col', text: t('bundles.col.version') }),
            h('th', { scope: 'col', text: t('bundles.col.state') }),
            h('th', { scope: 'col', class: 'actions-col', text: t('bundles.col.actions') }))),
        tableBody);
    replace(container, status, uploadForm,
        h('section', { class: 'panel', 'aria-labelledby': `${filterId}-title` },
            h('div', { class: 'panel-head' },
                h('h2', { id: `${filterId}-title`, class: 'section-title', text: t('bundles.installed') }),
                h('div', { class: 'field inline' }, h('label', { for: filterId, class: 'visually-hidden', text: t('bundles.filter') }), filter)),
            summary,
            h('div', { class: 'table-wrap' }, table)));

    let bundles = [];

    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }

    async function load() {
        try {
            bundles = await api(BASE);
            draw();
        } catch (e) {
            show('error', e.message);
        }
    }

    function draw() {
        const q = filter.value.trim().toLowerCase();
        const shown = bundles.filter((b) => !q || `${b.id} ${b.symbolicName} ${b.name} ${b.state}`.toLowerCase().includes(q));
        const active = bundles.filter((b) => b.state === 'ACTIVE').length;
        summary.textContent = t('bundles.summary', { total: bundles.length, active, shown: shown.length });
        replace(tableBody, shown.map(row));
    }

    function row(b) {
        const actions = h('div', { class: 'row-actions' });
        const name = b.symbolicName;
        if (b.state !== 'ACTIVE' && !b.fragment) {
            actions.append(button(t('bundles.start'), `${t('bundles.start')} ${name}`, 'btn-secondary',
                () => act(b, `${BASE}/${b.id}/start`, 'POST', t('bundles.started', { name }))));
        }
        if (b.state === 'ACTIVE' && !b.protected && !b.fragment) {
            actions.append(button(t('bundles.stop'), `${t('bundles.stop')} ${name}`, 'btn-secondary',
                () => act(b, `${BASE}/${b.id}/stop`, 'POST', t('bundles.stopped', { name }))));
        }
        if (!b.protected && b.id !== 0) {
            actions.append(button(t('bundles.uninstall'), `${t('bundles.uninstall')} ${name}`, 'btn-danger', () => {
                if (window.confirm(t('bundles.uninstall.confirm', { name }))) {
                    act(b, `${BASE}/${b.id}`, 'DELETE', t('bundles.uninstalled', { name }));
                }
            }));
        }
        if (b.protected) {
            actions.append(h('span', { class: 'tag', title: t('bundles.protected.hint'), text: t('bundles.protected') }));
        }
        return h('tr', { 'data-bundle': name },
            h('td', { class: 'num', text: b.id }),
            h('td', {}, h('div', { class: 'bundle-name', text: name }),
                b.name && b.name !== name ? h('div', { class: 'muted small', text: b.name }) : null,
                b.deployed ? h('span', { class: 'tag tag-info', text: t('bundles.deployed') }) : null),
            h('td', { class: 'mono', text: b.version }),
            h('td', {}, h('span', { class: `state state-${b.state.toLowerCase()}`, text: t(`state.${b.state}`, {}, b.state) })),
            h('td', { class: 'actions-col' }, actions));
    }

    function button(text, label, kind, onClick) {
        return h('button', { type: 'button', class: `btn btn-small ${kind}`, 'aria-label': label, text, onClick });
    }

    async function act(b, url, method, done) {
        container.setAttribute('aria-busy', 'true');
        try {
            await api(url, { method });
            show('success', done);
            await Promise.all([load(), refreshNav()]);
        } catch (e) {
            show('error', e.message);
            await load();
        } finally {
            container.removeAttribute('aria-busy');
        }
    }

    uploadForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const file = fileInput.files[0];
        if (!file) {
            show('error', t('bundles.file.missing'));
            fileInput.focus();
            return;
        }
        uploadButton.disabled = true;
        show('info', t('bundles.uploading', { name: file.name }));
        try {
            const result = await api(BASE, { method: 'POST', body: file, headers: { 'Content-Type': 'application/java-archive' } });
            show('success', t('bundles.installed.ok', { name: result.symbolicName, version: result.version }));
            uploadForm.reset();
            await Promise.all([load(), refreshNav()]);
        } catch (e) {
            show('error', t('bundles.upload.failed', { message: e.message }));
            fileInput.focus();
        } finally {
            uploadButton.disabled = false;
        }
    });

    await load();
}
