// Configuration (admin): every configurable component (metatype), a generated form, saving to DATA/config/<pid>.cfg.json.
import { h, replace, uid, message } from '../dom.js';
import { field, showFieldErrors, clearFieldErrors } from '../forms.js';

const BASE = '/api/v1/system/config';

export async function render(container, ctx) {
    const { t, api, announce, navigate, params } = ctx;
    const key = params[0];
    if (key) {
        await renderForm(container, ctx, key);
        return;
    }
    let items;
    try {
        items = (await api(BASE)).items || [];
    } catch (e) {
        replace(container, message('error', e.message));
        return;
    }
    const filterId = uid('filter');
    const list = h('ul', { class: 'config-list' });
    const filter = h('input', { id: filterId, type: 'search', class: 'filter', placeholder: t('config.filter.placeholder'), onInput: draw });
    function draw() {
        const q = filter.value.trim().toLowerCase();
        replace(list, items.filter((i) => !q || `${i.pid} ${i.name} ${i.bundle}`.toLowerCase().includes(q)).map((item) => h('li', { class: 'config-item' },
            h('div', {}, h('a', { href: item.factory ? `#/config/${encodeURIComponent(item.pid)}~` : `#/config/${encodeURIComponent(item.pid)}`,
                class: 'config-link', text: item.name || item.pid }),
            item.factory ? h('span', { class: 'tag tag-info', text: t('config.factory') }) : null),
            h('div', { class: 'mono small muted', text: item.pid }),
            item.description ? h('p', { class: 'small', text: item.description }) : null,
            item.factory ? instances(item) : null)));
    }
    function instances(item) {
        const nameId = uid('inst');
        const input = h('input', { id: nameId, name: 'name', pattern: '[A-Za-z0-9._-]+', required: true, class: 'compact' });
        return h('div', { class: 'instances' },
            h('ul', { class: 'inline-list' }, (item.instances || []).map((name) => h('li', {},
                h('a', { href: `#/config/${encodeURIComponent(item.pid)}~${encodeURIComponent(name)}`, text: name })))),
            h('form', { class: 'inline-form', onSubmit: (e) => {
                e.preventDefault();
                const name = input.value.trim();
                if (/^[A-Za-z0-9._-]+$/.test(name)) {
                    navigate(`#/config/${encodeURIComponent(item.pid)}~${encodeURIComponent(name)}`);
                } else {
                    announce(t('config.instance.invalid'));
                    input.setAttribute('aria-invalid', 'true');
                    input.focus();
                }
            } }, h('label', { for: nameId, text: t('config.instance.new') }), input,
            h('button', { type: 'submit', class: 'btn btn-small btn-secondary', text: t('common.create') })));
    }
    replace(container, h('section', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('p', { class: 'muted', text: t('config.intro') }),
            h('div', { class: 'field inline' }, h('label', { for: filterId, class: 'visually-hidden', text: t('config.filter') }), filter)),
        list));
    draw();
}

async function renderForm(container, ctx, key) {
    const { t, api, announce } = ctx;
    if (key.endsWith('~')) {
        replace(container, message('info', t('config.instance.pick')), h('a', { href: '#/config', text: t('config.back') }));
        return;
    }
    let model;
    try {
        model = await api(`${BASE}/${encodeURIComponent(key).replace('%7E', '~')}`);
    } catch (e) {
        replace(container, h('p', {}, h('a', { href: '#/config', text: t('config.back') })), message('error', e.message));
        return;
    }
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const form = h('form', { class: 'panel config-form', novalidate: true });
    const inputs = model.attributes.map((ad) => input(ad, model, t));
    const save = h('button', { type: 'submit', class: 'btn btn-primary', text: t('common.save') });
    const reset = model.overridden
        ? h('button', { type: 'button', class: 'btn btn-ghost', text: t('config.reset'), onClick: resetFile }) : null;
    append(form, h('h2', { class: 'section-title', text: model.name || model.pid }),
        h('p', { class: 'mono small muted', text: key }),
        model.description ? h('p', { text: model.description }) : null,
        inputs.map((i) => i.wrapper),
        h('div', { class: 'form-actions' }, save, reset));
    replace(container, h('p', {}, h('a', { href: '#/config', text: t('config.back') })), status, form);

    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        const values = {};
        for (const i of inputs) {
            const v = i.value();
            if (v !== undefined) {
                values[i.ad.id] = v;
            }
        }
        save.disabled = true;
        try {
            const result = await api(`${BASE}/${key}`, { method: 'PUT', json: { values } });
            show('success', t('config.saved', { file: result.file }));
        } catch (e) {
            showFieldErrors(form, e.fields);
            show('error', e.message);
        } finally {
            save.disabled = false;
        }
    });

    async function resetFile() {
        if (!window.confirm(t('config.reset.confirm', { key }))) {
            return;
        }
        try {
            await api(`${BASE}/${key}`, { method: 'DELETE' });
            show('success', t('config.resetDone'));
        } catch (e) {
            show('error', e.message);
        }
    }
}

function append(parent, ...children) {
    for (const c of children.flat()) {
        if (c) {
            parent.append(c);
        }
    }
}

/** One form control for an attribute definition: { ad, wrapper, value() } (value undefined = leave out). */
function input(ad, model, t) {
    const current = model.values[ad.id];
    const initial = current !== undefined ? current : ad.default;
    const label = ad.required ? `${ad.name} *` : ad.name;
    const hint = [ad.description, ad.cardinality !== 0 ? t('config.multi') : null].filter(Boolean).join(' ') || null;
    const base = { name: ad.id };
    let wrapper;
    let read;
    if (ad.type === 'password') {
        const set = (model.secretsSet || []).includes(ad.id);
        wrapper = field(label, { ...base, type: 'password', autocomplete: 'new-password', placeholder: set ? t('config.secret.unchanged') : '' }, hint);
        read = (el) => (el.value === '' ? undefined : el.value);
    } else if (ad.type === 'boolean' && ad.cardinality === 0) {
        const id = uid('b');
        const box = h('input', { id, type: 'checkbox', name: ad.id, checked: String(initial) === 'true' });
        wrapper = h('div', { class: 'field check', 'data-field': ad.id }, box, h('label', { for: id, text: label }),
            hint ? h('p', { class: 'hint', text: hint }) : null, h('p', { class: 'field-error', hidden: true }));
        read = (el) => el.checked;
    } else if (ad.options.length && ad.cardinality === 0) {
        wrapper = field(label, { ...base, tag: 'select', children: ad.options.map((o) => h('option', { value: o.value, text: o.label,
            selected: String(initial) === o.value })) }, hint);
        read = (el) => el.value;
    } else if (ad.cardinality !== 0) {
        const text = Array.isArray(initial) ? initial.join('\n') : (initial ?? '');
        wrapper = field(label, { ...base, tag: 'textarea', rows: 3, value: text }, hint);
        read = (el) => el.value.split('\n').map((s) => s.trim()).filter(Boolean);
    } else {
        const type = ad.type === 'integer' || ad.type === 'number' ? 'number' : 'text';
        wrapper = field(label, { ...base, type, value: initial ?? '', step: ad.type === 'number' ? 'any' : null }, hint);
        read = (el) => el.value;
    }
    const control = wrapper.querySelector('input, select, textarea');
    return { ad, wrapper, value: () => read(control) };
}
