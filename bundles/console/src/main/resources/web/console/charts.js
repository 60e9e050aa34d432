// Small dependency-free SVG charts for pages and dashboard cards: horizontal bars, columns
// (histograms) and donuts. Built with DOM APIs only (text through textContent, never innerHTML)
// and without inline styles, so they work under the console's CSP: sizes are SVG attributes,
// colours come from app.css classes. Every chart has a text alternative: the SVG is role=img with
// a summary as its label, and the figures are in a data table under "Show data".
//
// An item: {key, label, value, tone?, href?, title?, cells?, target?}
//   tone   'ok' | 'warn' | 'danger' | 'muted' | 'brand' | 0..7 (palette index); default: its index
//   href   a console link (e.g. '#/clients/tier=core'): the label in the data table and the legend
//          becomes a link, and a click on the bar or slice follows it
//   cells  extra data-table cells after the value (see options.headers)
//   target a reference value drawn as a tick on a bar (e.g. a capacity)
import { h, uid } from './dom.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const TONES = ['ok', 'warn', 'danger', 'muted', 'brand'];

function svg(tag, attrs = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'text') {
            el.textContent = String(value);
        } else if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2).toLowerCase(), value);
        } else {
            el.setAttribute(key, String(value));
        }
    }
    for (const child of children.flat()) {
        if (child) {
            el.append(child);
        }
    }
    return el;
}

/** The colour class of an item: chart-tone-* or chart-c0..7. */
export function toneClass(item, index) {
    if (TONES.includes(item.tone)) {
        return `chart-tone-${item.tone}`;
    }
    const n = Number.isInteger(item.tone) ? item.tone : index;
    return `chart-c${((n % 8) + 8) % 8}`;
}

const plain = (value) => String(value);

/** Approximate width in SVG units of text at 12px: CJK characters count double. */
function textWidth(text) {
    let units = 0;
    for (const ch of String(text)) {
        units += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
    }
    return units * 6.4;
}

function fit(text, width) {
    const full = String(text);
    if (textWidth(full) <= width) {
        return full;
    }
    let cut = '';
    for (const ch of full) {
        if (textWidth(`${cut}${ch}…`) > width) {
            break;
        }
        cut += ch;
    }
    return `${cut}…`;
}

function follow(item) {
    return item.href ? () => { location.hash = item.href; } : undefined;
}

function summary(caption, items, format) {
    const parts = items.slice(0, 12).map((i) => `${i.label} ${format(i.value)}`);
    return `${caption}: ${parts.join(', ')}${items.length > 12 ? ', …' : ''}`;
}

function labelCell(item) {
    return item.href ? h('a', { href: item.href, text: item.label }) : item.label;
}

function dataTable(caption, items, options, format) {
    const headers = [options.categoryLabel || t('chart.category'), options.valueLabel || t('chart.value'), ...(options.headers || [])];
    return h('details', { class: 'chart-data' },
        h('summary', { text: t('chart.data') }),
        h('div', { class: 'table-wrap' }, h('table', { class: 'data-table chart-table all-cols' },
            h('caption', { class: 'visually-hidden', text: caption }),
            h('thead', {}, h('tr', {}, headers.map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null, text })))),
            h('tbody', {}, items.map((item) => h('tr', {},
                h('th', { scope: 'row' }, labelCell(item)),
                h('td', { class: 'num', text: format(item.value) }),
                (item.cells || []).map((cell) => h('td', { class: 'num', text: cell }))))))));
}

function figure(kind, caption, options, ...parts) {
    const captionId = uid('chart');
    return h('figure', { class: `chart chart-${kind}`, 'aria-labelledby': captionId },
        h('figcaption', { id: captionId, class: options.showCaption ? 'chart-caption' : 'visually-hidden', text: caption }),
        parts);
}

function empty(kind, caption, options) {
    return figure(kind, caption, options, h('p', { class: 'muted chart-empty', text: options.emptyText || t('chart.empty') }));
}

/** A "nice" axis maximum at or above value: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value) {
    if (!(value > 0)) {
        return 1;
    }
    const power = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 2.5, 5, 10]) {
        if (step * power >= value) {
            return step * power;
        }
    }
    return 10 * power;
}

/**
 * Horizontal bars, one per item, label on the left and value on the right.
 * options: {caption, format(value), max, width (px, default 400), categoryLabel, valueLabel, headers,
 * showCaption, emptyText}. Drawn at its width and shrunk (never enlarged) to fit its container.
 */
export function barChart(items, options = {}) {
    const caption = options.caption || '';
    const format = options.format || plain;
    if (!items.length) {
        return empty('bar', caption, options);
    }
    const width = options.width || 400;
    const row = 28;
    const bar = 16;
    const gutter = Math.min(150, Math.max(56, Math.max(...items.map((i) => textWidth(i.label))) + 10));
    const valueSpace = Math.min(90, Math.max(36, Math.max(...items.map((i) => textWidth(format(i.value)))) + 10));
    const span = width - gutter - valueSpace;
    const max = options.max || niceMax(Math.max(...items.map((i) => Math.max(i.value, i.target || 0))));
    const scale = (v) => Math.max(0, Math.min(span, (v / max) * span));
    const height = items.length * row + 4;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': summary(caption, items, format),
        class: 'chart-svg', preserveAspectRatio: 'xMinYMin meet' });
    items.forEach((item, index) => {
        const y = index * row + 4;
        const label = fit(item.label, gutter - 10);
        const w = scale(item.value);
        const title = item.title || `${item.label}: ${format(item.value)}`;
        chart.append(
            svg('text', { x: gutter - 8, y: y + bar / 2 + 4, 'text-anchor': 'end', class: 'chart-label', text: label },
                label !== item.label ? svg('title', { text: item.label }) : null),
            svg('rect', { x: gutter, y, width: span, height: bar, rx: 3, class: 'chart-track' }),
            svg('rect', { x: gutter, y, width: Math.max(w, item.value > 0 ? 2 : 0), height: bar, rx: 3,
                class: `chart-bar-fill ${toneClass(item, index)}${item.href ? ' chart-link' : ''}`, onClick: follow(item) },
            svg('title', { text: title })),
            item.target ? svg('line', { x1: gutter + scale(item.target), x2: gutter + scale(item.target), y1: y - 3, y2: y + bar + 3,
                class: 'chart-marker' }) : null,
            svg('text', { x: gutter + span + 6, y: y + bar / 2 + 4, class: 'chart-value', text: format(item.value) }));
    });
    return figure('bar', caption, options, chart, dataTable(caption, items, options, format));
}

/**
 * Vertical columns, e.g. a histogram over buckets; the labels under the columns.
 * options: as barChart, plus axisLabel (under the x axis)
 */
export function columnChart(items, options = {}) {
    const caption = options.caption || '';
    const format = options.format || plain;
    if (!items.length) {
        return empty('column', caption, options);
    }
    const width = options.width || 400;
    const left = 34;
    const top = 14;
    const plotHeight = 140;
    const bottom = options.axisLabel ? 40 : 24;
    const height = top + plotHeight + bottom;
    const max = options.max || niceMax(Math.max(...items.map((i) => i.value)));
    const slot = (width - left - 4) / items.length;
    const col = Math.min(44, slot * 0.7);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': summary(caption, items, format),
        class: 'chart-svg', preserveAspectRatio: 'xMinYMin meet' });
    for (let tick = 0; tick <= 4; tick += 1) {
        const value = (max / 4) * tick;
        const y = top + plotHeight - (plotHeight * tick) / 4;
        chart.append(svg('line', { x1: left, x2: width - 4, y1: y, y2: y, class: tick ? 'chart-grid' : 'chart-axis' }),
            svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-tick',
                text: Number.isInteger(value) ? String(value) : value.toFixed(1) }));
    }
    items.forEach((item, index) => {
        const x = left + slot * index + (slot - col) / 2;
        const hgt = item.value > 0 ? Math.max(2, (item.value / max) * plotHeight) : 0;
        const y = top + plotHeight - hgt;
        chart.append(
            svg('rect', { x, y, width: col, height: hgt, rx: 2, class: `chart-bar-fill ${toneClass(item, index)}${item.href ? ' chart-link' : ''}`,
                onClick: follow(item) }, svg('title', { text: item.title || `${item.label}: ${format(item.value)}` })),
            svg('text', { x: x + col / 2, y: y - 4, 'text-anchor': 'middle', class: 'chart-value', text: format(item.value) }),
            svg('text', { x: x + col / 2, y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'chart-label', text: fit(item.label, slot) }));
    });
    if (options.axisLabel) {
        chart.append(svg('text', { x: left + (width - left) / 2, y: height - 4, 'text-anchor': 'middle', class: 'chart-tick', text: options.axisLabel }));
    }
    return figure('column', caption, options, chart, dataTable(caption, items, options, format));
}

function arc(cx, cy, r, start, end) {
    const point = (angle) => [cx + r * Math.sin(angle), cy - r * Math.cos(angle)];
    const [x0, y0] = point(start);
    const [x1, y1] = point(end);
    const large = end - start > Math.PI ? 1 : 0;
    return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 ${large} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

/**
 * A donut with the total in the middle and a legend (label, value, share) beside it.
 * options: as barChart, plus centerLabel (under the total)
 */
export function donutChart(items, options = {}) {
    const caption = options.caption || '';
    const format = options.format || plain;
    const total = items.reduce((sum, i) => sum + Math.max(0, i.value), 0);
    if (!items.length || total === 0) {
        return empty('donut', caption, options);
    }
    const size = 160;
    const c = size / 2;
    const r = 58;
    const chart = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img',
        'aria-label': summary(caption, items, format), class: 'chart-svg donut-svg' });
    chart.append(svg('circle', { cx: c, cy: c, r, class: 'chart-track-ring' }));
    let angle = 0;
    items.forEach((item, index) => {
        if (item.value <= 0) {
            return;
        }
        const share = item.value / total;
        const title = svg('title', { text: item.title || `${item.label}: ${format(item.value)} (${Math.round(share * 100)}%)` });
        const cls = `chart-slice ${toneClass(item, index)}${item.href ? ' chart-link' : ''}`;
        if (share >= 0.9999) {
            chart.append(svg('circle', { cx: c, cy: c, r, class: cls, onClick: follow(item) }, title));
        } else {
            const end = angle + share * Math.PI * 2;
            chart.append(svg('path', { d: arc(c, c, r, angle, end), class: cls, onClick: follow(item) }, title));
            angle = end;
        }
    });
    chart.append(svg('text', { x: c, y: c + 2, 'text-anchor': 'middle', class: 'chart-total', text: format(total) }),
        svg('text', { x: c, y: c + 20, 'text-anchor': 'middle', class: 'chart-tick', text: options.centerLabel || '' }));
    const legend = h('ul', { class: 'chart-legend', 'aria-hidden': 'true' }, items.map((item, index) => h('li', {},
        h('span', { class: `swatch ${toneClass(item, index)}` }),
        h('span', { class: 'legend-label' }, item.href ? h('a', { href: item.href, tabindex: '-1', text: item.label }) : item.label),
        h('span', { class: 'legend-value', text: `${format(item.value)} · ${Math.round((item.value / total) * 100)}%` }))));
    return figure('donut', caption, options, h('div', { class: 'donut-row' }, chart, legend), dataTable(caption, items, options, format));
}

/**
 * A single horizontal gauge (e.g. load against capacity, a score out of 100) as an HTML meter
 * with a visible text: accessible as is. Returns the wrapper.
 */
export function meter(value, max, { label, text, tone, low, high, optimum } = {}) {
    const id = uid('meter');
    return h('div', { class: `gauge${tone ? ` gauge-${tone}` : ''}` },
        label ? h('label', { for: id, class: 'visually-hidden', text: label }) : null,
        h('meter', { id, min: 0, max, value: Math.min(value, max), low, high, optimum }),
        h('span', { class: 'gauge-text', text: text === undefined ? `${value} / ${max}` : text }));
}
