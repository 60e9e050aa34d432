// Form helpers shared by the console's pages: labelled fields, field errors, modal form dialogs.
import { h, replace, uid, message } from './dom.js';

/** A labelled input; returns the wrapper. Extra attrs go on the input. */
export function field(label, attrs = {}, hint = null) {
    const id = attrs.id || uid('f');
    const hintId = hint ? `${id}-hint` : null;
    const errorId = `${id}-error`;
    const { tag = 'input', children = [], ...rest } = attrs;
    const input = h(tag, { ...rest, id, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') }, children);
    return h('div', { class: 'field', 'data-field': attrs.name },
        h('label', { for: id, text: label }), input,
        hint ? h('p', { id: hintId, class: 'hint', text: hint }) : null,
        h('p', { id: errorId, class: 'field-error', hidden: true }));
}

/** A group of checkboxes named `name`, one per [value, label]. */
export function checkboxes(legend, name, options, checked = []) {
    return h('fieldset', { class: 'field checks-field', 'data-field': name },
        h('legend', { text: legend }),
        options.map(([value, label]) => {
            const id = uid(name);
            return h('div', { class: 'check' }, h('input', { id, type: 'checkbox', name, value, checked: checked.includes(value) }),
                h('label', { for: id, text: label }));
        }),
        h('p', { class: 'field-error', hidden: true }));
}

export function checkedValues(form, name) {
    return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

/** Shows the server's field errors next to the fields (and marks them invalid); returns whether any matched. */
export function showFieldErrors(form, fields) {
    clearFieldErrors(form);
    let first = null;
    for (const [name, text] of Object.entries(fields || {})) {
        const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
        if (!wrapper) {
            continue;
        }
        const error = wrapper.querySelector('.field-error');
        error.textContent = text;
        error.hidden = false;
        const input = wrapper.querySelector('input, select, textarea');
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            first = first || input;
        }
    }
    if (first) {
        first.focus();
    }
    return first !== null;
}

export function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/**
 * Opens a modal dialog with a form. onSubmit(form) may throw an ApiError: its message is shown
 * in the dialog and its field errors next to the fields. Resolves when closed. `wide` gives a
 * wider dialog for longer forms.
 */
export function formDialog({ title, body, submitLabel, cancelLabel, onSubmit, wide = false }) {
    return new Promise((resolve) => {
        const titleId = uid('dlg');
        const errors = h('div', { class: 'dialog-messages' });
        const submit = h('button', { type: 'submit', class: 'btn btn-primary', text: submitLabel });
        const cancel = h('button', { type: 'button', class: 'btn btn-ghost', text: cancelLabel, onClick: () => dialog.close() });
        const form = h('form', { method: 'dialog', novalidate: true }, h('h2', { id: titleId, class: 'dialog-title', text: title }),
            errors, body, h('div', { class: 'dialog-actions' }, cancel, submit));
        const opener = document.activeElement;
        const dialog = h('dialog', { class: wide ? 'dialog dialog-wide' : 'dialog', 'aria-labelledby': titleId }, form);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            submit.disabled = true;
            errors.replaceChildren();
            try {
                await onSubmit(form);
                dialog.close();
            } catch (e) {
                showFieldErrors(form, e.fields);
                replace(errors, message('error', e.message));
            } finally {
                submit.disabled = false;
            }
        });
        dialog.addEventListener('close', () => {
            dialog.remove();
            if (opener && opener.isConnected) {
                opener.focus();
            }
            resolve();
        });
        document.body.append(dialog);
        dialog.showModal();
        const first = form.querySelector('input, select, textarea');
        if (first) {
            first.focus();
        }
    });
}
