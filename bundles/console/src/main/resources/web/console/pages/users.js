// Users and API tokens (admin): list, create, enable / disable, reset password, roles; tokens shown once, revoke.
import { h, replace, message, when } from '../dom.js';
import { field, checkboxes, checkedValues, formDialog } from '../forms.js';

const ROLES = ['admin', 'manager', 'agent', 'auditor'];

export async function render(container, ctx) {
    const { t, api, announce, lang } = ctx;
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const usersBody = h('tbody');
    const tokensBody = h('tbody');
    const tokenReveal = h('div');
    let users = [];

    const roleOptions = ROLES.map((r) => [r, t(`role.${r}`)]);
    const roleNames = (roles) => (roles || []).map((r) => t(`role.${r}`, {}, r)).join(', ');

    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }

    replace(container, status,
        h('section', { class: 'panel', 'aria-labelledby': 'users-title' },
            h('div', { class: 'panel-head' }, h('h2', { id: 'users-title', class: 'section-title', text: t('users.title') }),
                h('button', { type: 'button', class: 'btn btn-primary', text: t('users.create'), onClick: createUser })),
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
                h('thead', {}, h('tr', {}, ['users.col.username', 'users.col.displayName', 'users.col.email', 'users.col.roles', 'users.col.status',
                    'users.col.lastLogin', 'users.col.actions'].map((k) => h('th', { scope: 'col', text: t(k) })))),
                usersBody))),
        h('section', { class: 'panel', 'aria-labelledby': 'tokens-title' },
            h('div', { class: 'panel-head' }, h('h2', { id: 'tokens-title', class: 'section-title', text: t('tokens.title') }),
                h('button', { type: 'button', class: 'btn btn-primary', text: t('tokens.create'), onClick: createToken })),
            tokenReveal,
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
                h('thead', {}, h('tr', {}, ['tokens.col.name', 'tokens.col.user', 'tokens.col.scopes', 'tokens.col.created',
                    'tokens.col.lastUsed', 'tokens.col.expires', 'users.col.actions'].map((k) => h('th', { scope: 'col', text: t(k) })))),
                tokensBody))));

    async function loadUsers() {
        try {
            users = (await api('/api/v1/users')).items || [];
            replace(usersBody, users.map(userRow));
        } catch (e) {
            replace(usersBody, h('tr', {}, h('td', { colspan: 7 }, message('error', e.message))));
        }
    }

    async function loadTokens() {
        try {
            const tokens = (await api('/api/v1/tokens')).items || [];
            replace(tokensBody, tokens.length ? tokens.map(tokenRow) : h('tr', {}, h('td', { colspan: 7, class: 'muted', text: t('tokens.none') })));
        } catch (e) {
            replace(tokensBody, h('tr', {}, h('td', { colspan: 7 }, message('error', e.message))));
        }
    }

    function userRow(u) {
        const toggle = u.enabled ? t('users.disable') : t('users.enable');
        return h('tr', { 'data-user': u.username },
            h('td', { class: 'mono', text: u.username }),
            h('td', { text: u.displayName || '' }),
            h('td', { class: 'mono', text: u.email || '' }),
            h('td', { text: roleNames(u.roles) }),
            h('td', {}, h('span', { class: `state ${u.enabled ? 'state-active' : 'state-resolved'}`, text: u.enabled ? t('users.enabled') : t('users.disabled') })),
            h('td', { text: when(u.lastLoginAt, lang) }),
            h('td', { class: 'actions-col' }, h('div', { class: 'row-actions' },
                h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: t('users.edit'),
                    'aria-label': `${t('users.edit')} ${u.username}`, onClick: () => editUser(u) }),
                h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: t('users.resetPassword'),
                    'aria-label': `${t('users.resetPassword')} ${u.username}`, onClick: () => resetPassword(u) }),
                h('button', { type: 'button', class: `btn btn-small ${u.enabled ? 'btn-danger' : 'btn-secondary'}`, text: toggle,
                    'aria-label': `${toggle} ${u.username}`, onClick: () => setEnabled(u, !u.enabled) }))));
    }

    function tokenRow(tk) {
        return h('tr', { 'data-token': tk.name },
            h('td', { text: tk.name }),
            h('td', { class: 'mono', text: tk.username || String(tk.userId) }),
            h('td', { text: (tk.scopes || []).join(', ') }),
            h('td', { text: when(tk.createdAt, lang) }),
            h('td', { text: when(tk.lastUsedAt, lang) }),
            h('td', { text: tk.expiresAt ? when(tk.expiresAt, lang) : t('tokens.never') }),
            h('td', { class: 'actions-col' }, h('button', { type: 'button', class: 'btn btn-small btn-danger', text: t('tokens.revoke'),
                'aria-label': `${t('tokens.revoke')} ${tk.name}`, onClick: () => revoke(tk) })));
    }

    async function createUser() {
        await formDialog({
            title: t('users.create'), submitLabel: t('common.create'), cancelLabel: t('common.cancel'),
            body: [field(t('users.col.username'), { name: 'username', required: true, autocomplete: 'off' }),
                field(t('users.col.displayName'), { name: 'displayName', required: true }),
                field(t('users.col.email'), { name: 'email', type: 'email', autocomplete: 'off' }, t('users.email.hint')),
                field(t('users.password'), { name: 'password', type: 'password', required: true, autocomplete: 'new-password' }, t('users.password.hint')),
                checkboxes(t('users.col.roles'), 'roles', roleOptions, ['agent'])],
            onSubmit: async (form) => {
                await api('/api/v1/users', { json: { username: form.elements.username.value.trim(),
                    displayName: form.elements.displayName.value.trim(), email: form.elements.email.value.trim() || null,
                    password: form.elements.password.value, roles: checkedValues(form, 'roles') } });
                show('success', t('users.created', { name: form.elements.username.value.trim() }));
            },
        });
        await loadUsers();
    }

    async function editUser(u) {
        await formDialog({
            title: `${t('users.edit')}: ${u.username}`, submitLabel: t('common.save'), cancelLabel: t('common.cancel'),
            body: [field(t('users.col.displayName'), { name: 'displayName', value: u.displayName || '', required: true }),
                field(t('users.col.email'), { name: 'email', type: 'email', value: u.email || '', autocomplete: 'off' }, t('users.email.hint')),
                checkboxes(t('users.col.roles'), 'roles', roleOptions, u.roles || [])],
            onSubmit: async (form) => {
                await api(`/api/v1/users/${encodeURIComponent(u.id)}`, { method: 'PUT',
                    json: { displayName: form.elements.displayName.value.trim(), email: form.elements.email.value.trim(),
                        roles: checkedValues(form, 'roles') } });
                show('success', t('users.saved', { name: u.username }));
            },
        });
        await loadUsers();
    }

    async function resetPassword(u) {
        await formDialog({
            title: `${t('users.resetPassword')}: ${u.username}`, submitLabel: t('common.save'), cancelLabel: t('common.cancel'),
            body: [field(t('users.newPassword'), { name: 'password', type: 'password', required: true, autocomplete: 'new-password' }, t('users.password.hint'))],
            onSubmit: async (form) => {
                await api(`/api/v1/users/${encodeURIComponent(u.id)}/password`, { json: { password: form.elements.password.value } });
                show('success', t('users.passwordReset', { name: u.username }));
            },
        });
    }

    async function setEnabled(u, enabled) {
        try {
            await api(`/api/v1/users/${encodeURIComponent(u.id)}`, { method: 'PUT', json: { enabled } });
            show('success', t(enabled ? 'users.enabledMsg' : 'users.disabledMsg', { name: u.username }));
        } catch (e) {
            show('error', e.message);
        }
        await loadUsers();
    }

    async function createToken() {
        await formDialog({
            title: t('tokens.create'), submitLabel: t('common.create'), cancelLabel: t('common.cancel'),
            body: [field(t('tokens.col.name'), { name: 'name', required: true }),
                field(t('tokens.col.scopes'), { name: 'scopes', required: true, value: '*' }, t('tokens.scopes.hint')),
                checkboxes(t('tokens.roles'), 'roles', roleOptions.filter(([r]) => (ctx.user.roles || []).includes(r)), []),
                field(t('tokens.expiresInDays'), { name: 'expiresInDays', type: 'number', min: 1, max: 3650, value: 90 }, t('tokens.expires.hint'))],
            onSubmit: async (form) => {
                const body = { name: form.elements.name.value.trim(),
                    scopes: form.elements.scopes.value.split(',').map((s) => s.trim()).filter(Boolean) };
                const roles = checkedValues(form, 'roles');
                if (roles.length) {
                    body.roles = roles;
                }
                const days = form.elements.expiresInDays.value.trim();
                if (days) {
                    body.expiresInDays = Number(days);
                }
                const created = await api('/api/v1/tokens', { json: body });
                revealToken(created);
            },
        });
        await loadTokens();
    }

    function revealToken(created) {
        const input = h('input', { type: 'text', readOnly: true, value: created.token, class: 'mono token-value', 'aria-label': t('tokens.value') });
        replace(tokenReveal, h('div', { class: 'msg msg-success token-box', role: 'status' },
            h('p', {}, h('strong', { text: t('tokens.createdOnce', { name: created.name }) })),
            h('div', { class: 'upload-row' }, input,
                h('button', { type: 'button', class: 'btn btn-secondary', text: t('tokens.copy'), onClick: async () => {
                    input.select();
                    try {
                        await navigator.clipboard.writeText(created.token);
                        announce(t('tokens.copied'));
                    } catch (e) {
                        announce(t('tokens.copyManually'));
                    }
                } }),
                h('button', { type: 'button', class: 'btn btn-ghost', text: t('tokens.hide'), onClick: () => tokenReveal.replaceChildren() }))));
        input.focus();
        input.select();
    }

    async function revoke(tk) {
        if (!window.confirm(t('tokens.revoke.confirm', { name: tk.name }))) {
            return;
        }
        try {
            await api(`/api/v1/tokens/${encodeURIComponent(tk.id)}`, { method: 'DELETE' });
            show('success', t('tokens.revoked', { name: tk.name }));
        } catch (e) {
            show('error', e.message);
        }
        await loadTokens();
    }

    await Promise.all([loadUsers(), loadTokens()]);
}
