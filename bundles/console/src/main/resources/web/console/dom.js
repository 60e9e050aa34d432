// Small DOM helpers. Text always goes in through textContent: server strings are never parsed as HTML.

/**
 * Creates an element. attrs: plain attributes, plus `on<Event>` handlers, `class`, `text`
 * (textContent) and boolean properties (`disabled`, `checked`, `hidden`, `required`, `multiple`).
 * Children: nodes or strings (strings become text nodes); null / false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2).toLowerCase(), value);
        } else if (key === 'text') {
            el.textContent = String(value);
        } else if (key === 'class') {
            el.className = value;
        } else if (['disabled', 'checked', 'hidden', 'required', 'multiple', 'selected', 'readOnly', 'value'].includes(key)) {
            el[key] = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

export function append(parent, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

/** Removes every child of el and appends the given ones. */
export function replace(el, ...children) {
    el.replaceChildren();
    return append(el, children);
}

let idCounter = 0;
export function uid(prefix = 'id') {
    idCounter += 1;
    return `${prefix}-${idCounter}`;
}

/** A dd/mm-free, locale-aware date-time, or an em dash. */
export function when(value, lang) {
    if (!value) {
        return '—';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
        return String(value);
    }
    return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A message box: role=alert for errors (read at once), role=status otherwise. */
export function message(kind, text) {
    return h('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}
