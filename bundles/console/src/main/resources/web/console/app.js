// The console shell: sign-in, header, navigation from /api/v1/console/pages, hash routing,
// zh / en switch, and the context handed to every page module.
import { h, replace, uid, message } from './dom.js';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { t, lang, setLang, onLangChange } from './i18n.js';

const root = document.getElementById('app');
const live = document.getElementById('live');
const state = { user: null, pages: [], nav: null, main: null, current: null, renderToken: 0 };

/** Reads a short message to screen-reader users. */
export function announce(text) {
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50);
}

function context() {
    return { user: state.user, lang: lang(), api, t, announce, navigate, refreshNav };
}

function navigate(hash) {
    if (location.hash === hash) {
        route();
    } else {
        location.hash = hash;
    }
}

function applyLang() {
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
    document.getElementById('skip-link').textContent = t('nav.skip');
}

async function boot() {
    applyLang();
    setUnauthorizedHandler(() => {
        if (state.user) {
            state.user = null;
            showLogin(t('session.expired'));
        }
    });
    try {
        const me = await api('/api/v1/auth/me', { quiet401: true });
        signedIn(me);
    } catch (e) {
        showLogin(e.status === 401 ? null : e.message);
    }
}

function signedIn(auth) {
    state.user = auth.user;
    setCsrfToken(auth.csrfToken);
    buildShell();
}

function langSwitch() {
    const select = h('select', { id: uid('lang'), class: 'lang-select', 'aria-label': t('lang.label'),
        onChange: (e) => setLang(e.target.value) },
    h('option', { value: 'en', text: 'English', selected: lang() === 'en' }),
    h('option', { value: 'zh', text: '中文', selected: lang() === 'zh' }));
    return select;
}

function showLogin(problem) {
    document.title = `${t('login.title')} · Rapport`;
    root.removeAttribute('aria-busy');
    const error = h('div', { class: 'login-error', 'aria-live': 'assertive' });
    if (problem) {
        error.append(message('error', problem));
    }
    const userId = uid('user');
    const passId = uid('pass');
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', text: t('login.submit') });
    const form = h('form', { class: 'login-card', 'aria-labelledby': 'login-heading', novalidate: true },
        h('div', { class: 'login-brand' }, h('img', { src: '/console/logo.svg', alt: '', width: 40, height: 40 }),
            h('span', { text: 'Rapport' })),
        h('h1', { id: 'login-heading', text: t('login.title') }),
        h('p', { class: 'muted', text: t('login.intro') }),
        error,
        h('div', { class: 'field' }, h('label', { for: userId, text: t('login.username') }),
            h('input', { id: userId, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' })),
        h('div', { class: 'field' }, h('label', { for: passId, text: t('login.password') }),
            h('input', { id: passId, name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
        submit);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const username = form.elements.username.value.trim();
        const password = form.elements.password.value;
        if (!username || !password) {
            replace(error, message('error', t('login.missing')));
            (username ? form.elements.password : form.elements.username).focus();
            return;
        }
        submit.disabled = true;
        try {
            const auth = await api('/api/v1/auth/login', { json: { username, password }, quiet401: true });
            signedIn(auth);
        } catch (e) {
            let text = e.status === 401 ? t('login.wrong') : e.message;
            if (e.status === 429 && e.body.retryAfterSeconds) {
                text = t('login.locked', { seconds: e.body.retryAfterSeconds });
            }
            replace(error, message('error', text));
            form.elements.password.value = '';
            form.elements.password.focus();
        } finally {
            submit.disabled = false;
        }
    });
    replace(root, h('main', { id: 'main', class: 'login-page', tabindex: '-1' },
        h('div', { class: 'login-lang' }, langSwitch()), form));
    form.elements.username.focus();
}

function buildShell() {
    root.removeAttribute('aria-busy');
    const navId = 'site-nav';
    const menuButton = h('button', { type: 'button', class: 'menu-toggle', 'aria-controls': navId, 'aria-expanded': 'false',
        text: t('nav.menu'), onClick: () => toggleMenu() });
    const roles = (state.user.roles || []).map((r) => t(`role.${r}`)).join(', ');
    const header = h('header', { class: 'topbar' },
        menuButton,
        h('a', { class: 'brand', href: '#/dashboard', 'aria-label': 'Rapport' }, h('img', { src: '/console/logo.svg', alt: '', width: 28, height: 28 }),
            h('span', { text: 'Rapport' })),
        h('div', { class: 'topbar-right' },
            langSwitch(),
            h('div', { class: 'who' }, h('span', { class: 'who-name', text: state.user.displayName || state.user.username }),
                h('span', { class: 'who-roles', text: roles })),
            h('button', { type: 'button', class: 'btn btn-ghost', text: t('nav.logout'), onClick: logout })));
    state.nav = h('nav', { id: navId, class: 'sidenav', 'aria-label': t('nav.label') });
    state.main = h('main', { id: 'main', class: 'content', tabindex: '-1' });
    replace(root, header, h('div', { class: 'layout' }, state.nav, state.main));
    refreshNav().then(route);
}

function toggleMenu(open) {
    const button = root.querySelector('.menu-toggle');
    const show = open === undefined ? button.getAttribute('aria-expanded') !== 'true' : open;
    button.setAttribute('aria-expanded', String(show));
    state.nav.classList.toggle('open', show);
}

async function refreshNav() {
    try {
        const data = await api('/api/v1/console/pages');
        state.pages = data.items || [];
    } catch (e) {
        state.pages = [];
        replace(state.nav, message('error', e.message));
        return;
    }
    renderNav();
    renderSearchBox();
}

/** While a page with the id "search" exists (the search bundle runs), the header carries a search box that opens it. */
function renderSearchBox() {
    const header = root.querySelector('.topbar');
    const existing = header && header.querySelector('.header-search');
    const page = state.pages.find((p) => p.id === 'search');
    if (!header || !page) {
        if (existing) {
            existing.remove();
        }
        return;
    }
    if (existing) {
        return;
    }
    const label = page.labels[lang()] || page.labels.en;
    const input = h('input', { type: 'search', name: 'q', 'aria-label': label, placeholder: label, autocomplete: 'off' });
    const form = h('form', { class: 'header-search', role: 'search' }, input);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = input.value.trim();
        navigate(`#/search/${encodeURIComponent(new URLSearchParams({ q: text }).toString())}`);
    });
    header.querySelector('.topbar-right').before(form);
}

function renderNav() {
    const groups = new Map();
    const open = state.pages.find((p) => p.id === state.current);
    const highlighted = open && open.parent ? open.parent : state.current;
    for (const page of state.pages.filter((p) => !p.parent)) {
        if (!groups.has(page.group)) {
            groups.set(page.group, []);
        }
        groups.get(page.group).push(page);
    }
    const lists = [];
    for (const [group, pages] of groups) {
        const headingId = uid('navgroup');
        const known = t(`group.${group}`, {}, null);
        lists.push(h('div', { class: 'nav-group' },
            h('h2', { id: headingId, class: 'nav-heading', text: known || group }),
            h('ul', { 'aria-labelledby': headingId }, pages.map((page) => h('li', {},
                h('a', { href: `#/${page.id}`, 'data-page': page.id, text: page.labels[lang()] || page.labels.en || page.id,
                    'aria-current': page.id === state.current ? 'page' : page.id === highlighted && 'true', onClick: () => toggleMenu(false) }))))));
    }
    replace(state.nav, lists);
}

async function route() {
    if (!state.user) {
        return;
    }
    const hash = location.hash.replace(/^#\/?/, '');
    const [id, ...rest] = hash.split('/');
    const page = state.pages.find((p) => p.id === id);
    if (!page) {
        if (state.pages.length && (!id || !state.pages.some((p) => p.id === id))) {
            const fallback = state.pages.find((p) => p.id === 'dashboard') || state.pages[0];
            if (id) {
                renderMissing(id);
                return;
            }
            navigate(`#/${fallback.id}`);
        }
        return;
    }
    const focusMain = state.current !== page.id;
    state.current = page.id;
    renderNav();
    const label = page.labels[lang()] || page.labels.en;
    document.title = `${label} · Rapport`;
    const token = ++state.renderToken;
    const container = h('div', { class: 'page', 'data-page': page.id });
    replace(state.main, h('h1', { class: 'page-title', text: label }), container);
    try {
        const module = await import(page.module);
        if (token !== state.renderToken) {
            return;
        }
        await module.render(container, { ...context(), params: rest.map(decodeURIComponent) });
    } catch (e) {
        if (token === state.renderToken) {
            replace(container, message('error', t('page.failed', { message: e.message })));
        }
    }
    if (focusMain) {
        state.main.focus();
        announce(label);
    }
}

function renderMissing(id) {
    state.current = null;
    renderNav();
    replace(state.main, h('h1', { class: 'page-title', text: t('page.missing.title') }),
        message('error', t('page.missing', { id })));
}

async function logout() {
    try {
        await api('/api/v1/auth/logout', { method: 'POST', quiet401: true });
    } catch (e) {
        // signed out either way
    }
    state.user = null;
    state.current = null;
    setCsrfToken(null);
    location.hash = '';
    showLogin(null);
    announce(t('nav.loggedOut'));
}

onLangChange(() => {
    applyLang();
    if (state.user) {
        buildShell();
    } else {
        showLogin(null);
    }
    const select = root.querySelector('.lang-select');
    if (select) {
        select.focus();
    }
});

window.addEventListener('hashchange', route);
boot();
