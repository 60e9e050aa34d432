// CSV import of clients (#/import, #/import/{jobId}): choose a file and its character set, upload
// it, then follow the background job: a progress bar, the counts and the rows that were refused.
import { h, replace, message, uid, when } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { withLabels, number } from './common.js';

const TEXT = withLabels({
    en: {
        'upload.title': 'Import clients from a CSV file', 'file': 'CSV file',
        'file.hint': 'One client per row with a header row (company name, registration number, contact, email, phone, …). Duplicates are merged or flagged.',
        'charset': 'Character set', 'charset.auto': 'Detect automatically', 'charset.hint': 'Files saved by Excel in China are often GBK.',
        'upload': 'Upload and import', 'file.missing': 'Choose a CSV file first.', 'uploading': 'Uploading {name}…',
        'started': 'The import of {name} has started.', 'back': '← Clients',
        'job.title': 'Import progress', 'progress': 'Progress of the import', 'progress.text': '{percent}% of the file read · {rows} rows',
        'progress.unknown': '{rows} rows so far', 'onDuplicate': 'When a row matches an existing client',
        'onDuplicate.merge': 'Merge into the existing client (fill empty fields, add the contact)',
        'onDuplicate.skip': 'Skip the row and report it', 'onDuplicate.create': 'Create a new client anyway (flagged as a possible duplicate)', 'state.queued': 'Waiting to start', 'state.running': 'Importing',
        'state.succeeded': 'Finished', 'state.failed': 'Failed', 'state.cancelled': 'Cancelled', 'state.interrupted': 'Interrupted by a server restart',
        'cancel': 'Cancel import', 'cancel.requested': 'Cancelling…', 'done': 'Import finished: {summary}.', 'failed': 'The import failed: {message}',
        'counts': 'Results', 'count.rows': 'Rows read', 'count.warnings': 'Warnings', 'count.imported': 'Imported', 'count.created': 'Created', 'count.updated': 'Updated', 'count.merged': 'Merged into existing clients',
        'count.duplicates': 'Possible duplicates flagged', 'count.rejected': 'Rejected', 'count.skipped': 'Skipped', 'count.contacts': 'Contacts',
        'errors': 'Rows with problems', 'errors.none': 'No row had a problem.', 'errors.more': 'Showing the first {shown} of {total} problems.',
        'col.row': 'Row', 'col.field': 'Field', 'col.message': 'Problem', 'recent': 'Recent imports', 'recent.none': 'No imports yet.',
        'open': 'Show', 'open.label': 'Show the import of {name}', 'view.clients': 'Open the client list',
    },
    zh: {
        'upload.title': '从 CSV 文件导入客户', 'file': 'CSV 文件',
        'file.hint': '每行一个客户，首行为表头（公司名称、注册号、联系人、邮箱、电话等）。重复客户将被合并或标记。',
        'charset': '字符编码', 'charset.auto': '自动识别', 'charset.hint': '国内 Excel 保存的文件通常为 GBK 编码。',
        'upload': '上传并导入', 'file.missing': '请先选择 CSV 文件。', 'uploading': '正在上传 {name}…',
        'started': '{name} 的导入已开始。', 'back': '← 客户',
        'job.title': '导入进度', 'progress': '导入进度', 'progress.text': '已读取文件的 {percent}% · {rows} 行',
        'progress.unknown': '已处理 {rows} 行', 'onDuplicate': '某行与已有客户匹配时',
        'onDuplicate.merge': '合并到已有客户（补全空字段，添加联系人）',
        'onDuplicate.skip': '跳过该行并报告', 'onDuplicate.create': '仍然新建客户（标记为疑似重复）', 'state.queued': '等待开始', 'state.running': '正在导入',
        'state.succeeded': '已完成', 'state.failed': '失败', 'state.cancelled': '已取消', 'state.interrupted': '因服务器重启而中断',
        'cancel': '取消导入', 'cancel.requested': '正在取消…', 'done': '导入完成：{summary}。', 'failed': '导入失败：{message}',
        'counts': '结果', 'count.rows': '已读取行数', 'count.warnings': '警告', 'count.imported': '已导入', 'count.created': '新建', 'count.updated': '更新', 'count.merged': '合并到已有客户',
        'count.duplicates': '标记为疑似重复', 'count.rejected': '被拒绝', 'count.skipped': '跳过', 'count.contacts': '联系人',
        'errors': '有问题的行', 'errors.none': '没有出问题的行。', 'errors.more': '显示前 {shown} 个问题，共 {total} 个。',
        'col.row': '行', 'col.field': '字段', 'col.message': '问题', 'recent': '最近的导入', 'recent.none': '暂无导入记录。',
        'open': '查看', 'open.label': '查看 {name} 的导入', 'view.clients': '打开客户列表',
    },
});

const CHARSETS = [['', 'charset.auto'], ['UTF-8', 'UTF-8'], ['GBK', 'GBK']];
const FINISHED = ['succeeded', 'failed', 'cancelled', 'interrupted'];

/** The file name sent percent-encoded in X-File-Name (headers carry only Latin-1), for display. */
function fileName(title) {
    try {
        return title ? decodeURIComponent(title) : title;
    } catch (e) {
        return title;
    }
}

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }

    const fileId = uid('csv');
    const charsetId = uid('charset');
    const fileInput = h('input', { id: fileId, type: 'file', name: 'file', accept: '.csv,text/csv', required: true,
        'aria-describedby': `${fileId}-hint` });
    const charset = h('select', { id: charsetId, name: 'charset', 'aria-describedby': `${charsetId}-hint` },
        CHARSETS.map(([value, key]) => h('option', { value, text: tr(key) })));
    const dupId = uid('dup');
    const onDuplicate = h('select', { id: dupId, name: 'onDuplicate' },
        ['merge', 'skip', 'create'].map((value) => h('option', { value, text: tr(`onDuplicate.${value}`) })));
    const uploadButton = h('button', { type: 'submit', class: 'btn btn-primary', text: tr('upload') });
    const form = h('form', { class: 'toolbar-card import-form', 'aria-labelledby': `${fileId}-title`, novalidate: true },
        h('h2', { id: `${fileId}-title`, class: 'section-title', text: tr('upload.title') }),
        h('div', { class: 'upload-row' },
            h('div', { class: 'field grow' }, h('label', { for: fileId, text: tr('file') }), fileInput,
                h('p', { id: `${fileId}-hint`, class: 'hint', text: tr('file.hint') })),
            h('div', { class: 'field' }, h('label', { for: charsetId, text: tr('charset') }), charset,
                h('p', { id: `${charsetId}-hint`, class: 'hint', text: tr('charset.hint') }))),
        h('div', { class: 'upload-row' },
            h('div', { class: 'field grow' }, h('label', { for: dupId, text: tr('onDuplicate') }), onDuplicate),
            uploadButton));
    const jobPanel = h('section', { class: 'panel', 'aria-labelledby': 'import-job-title', hidden: true });
    const recentList = h('div');
    replace(container, h('a', { class: 'back-link', href: '#/clients', text: tr('back') }), status, form, jobPanel,
        h('section', { class: 'panel', 'aria-labelledby': 'import-recent-title' },
            h('h2', { id: 'import-recent-title', class: 'section-title', text: tr('recent') }), recentList));

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const file = fileInput.files[0];
        if (!file) {
            show('error', tr('file.missing'));
            fileInput.setAttribute('aria-invalid', 'true');
            fileInput.focus();
            return;
        }
        fileInput.removeAttribute('aria-invalid');
        uploadButton.disabled = true;
        replace(status, message('info', tr('uploading', { name: file.name })));
        try {
            const query = new URLSearchParams();
            if (charset.value) {
                query.set('charset', charset.value);
            }
            if (onDuplicate.value !== 'merge') {
                query.set('onDuplicate', onDuplicate.value);
            }
            const job = await api(`/api/v1/clients/import${query.toString() ? `?${query}` : ''}`,
                { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv', 'X-File-Name': encodeURIComponent(file.name) } });
            show('success', tr('started', { name: file.name }));
            history.replaceState(null, '', `#/import/${encodeURIComponent(job.id)}`);
            form.reset();
            watch(job.id);
        } catch (e) {
            show('error', e.message);
        } finally {
            uploadButton.disabled = false;
        }
    });

    let watching = 0;
    async function watch(jobId) {
        const token = ++watching;
        jobPanel.hidden = false;
        const bar = h('progress', { id: 'import-progress', max: 1, 'aria-labelledby': 'import-progress-label' });
        const progressText = h('p', { class: 'progress-text', role: 'status', 'aria-live': 'polite' });
        const stateLine = h('p', { class: 'import-state' });
        const cancel = h('button', { type: 'button', class: 'btn btn-small btn-danger', text: tr('cancel'), onClick: async () => {
            cancel.disabled = true;
            cancel.textContent = tr('cancel.requested');
            try {
                await api(`/api/v1/jobs/${encodeURIComponent(jobId)}/cancel`, { method: 'POST' });
            } catch (e) {
                show('error', e.message);
            }
        } });
        const results = h('div', { class: 'import-results' });
        replace(jobPanel, h('div', { class: 'panel-head' }, h('h2', { id: 'import-job-title', class: 'section-title', text: tr('job.title') }), cancel),
            stateLine,
            h('div', { class: 'progress-block' }, h('span', { id: 'import-progress-label', class: 'visually-hidden', text: tr('progress') }), bar, progressText),
            results);
        let delay = 500;
        for (;;) {
            if (token !== watching || !container.isConnected) {
                return;
            }
            let job;
            try {
                job = await api(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
            } catch (e) {
                show('error', e.message);
                cancel.hidden = true;
                return;
            }
            drawJob(job, bar, progressText, stateLine, results);
            if (FINISHED.includes(job.state)) {
                cancel.hidden = true;
                bar.value = job.state === 'succeeded' ? 1 : bar.value;
                const summary = countsSummary(job.counts || {});
                if (job.state === 'succeeded') {
                    show('success', tr('done', { summary }));
                } else {
                    show('error', job.state === 'failed' ? tr('failed', { message: job.message || '' }) : tr(`state.${job.state}`));
                }
                loadRecent();
                return;
            }
            await new Promise((resolve) => setTimeout(resolve, delay));
            delay = Math.min(2000, delay + 250);
        }
    }

    function countLabel(name) {
        const key = `count.${name}`;
        const text = tr(key);
        return text === key ? name : text;
    }

    function countsSummary(counts) {
        return Object.entries(counts).map(([name, n]) => `${countLabel(name)} ${number(n, lang)}`).join(', ') || '0';
    }

    function drawJob(job, bar, progressText, stateLine, results) {
        stateLine.replaceChildren(h('span', { class: `badge ${job.state === 'succeeded' ? 'badge-ok' : job.state === 'failed' ? 'badge-danger'
            : job.state === 'running' ? 'badge-info' : ''}`, 'data-state': job.state, text: tr(`state.${job.state}`) }),
        job.title ? h('span', { class: 'muted', text: ` ${fileName(job.title)}` }) : null,
        job.createdAt ? h('span', { class: 'muted small', text: ` · ${when(job.createdAt, lang)}` }) : null);
        const rows = number((job.counts || {}).rows || 0, lang);
        if (job.total > 0) {
            const progress = typeof job.progress === 'number' ? job.progress : (job.done || 0) / job.total;
            bar.value = progress;
            progressText.textContent = tr('progress.text', { rows, percent: Math.floor(progress * 100) });
        } else {
            bar.removeAttribute('value');
            progressText.textContent = tr('progress.unknown', { rows });
        }
        const counts = Object.entries(job.counts || {});
        const errors = job.errors || [];
        const errorCount = job.errorCount ?? errors.length;
        replace(results,
            counts.length ? [h('h3', { class: 'sub-title', text: tr('counts') }),
                h('dl', { class: 'figures import-counts' }, counts.map(([name, n]) => h('div', { class: 'figure', 'data-count': name },
                    h('dt', { text: countLabel(name) }), h('dd', { text: number(n, lang) }))))] : null,
            FINISHED.includes(job.state) || errors.length ? [h('h3', { class: 'sub-title', text: tr('errors') }),
                errors.length ? [errorCount > errors.length ? h('p', { class: 'small muted', text: tr('errors.more', { shown: errors.length, total: errorCount }) }) : null,
                    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table all-cols import-errors' },
                        h('caption', { class: 'visually-hidden', text: tr('errors') }),
                        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num', text: tr('col.row') }),
                            h('th', { scope: 'col', text: tr('col.field') }), h('th', { scope: 'col', text: tr('col.message') }))),
                        h('tbody', {}, errors.map((e) => h('tr', {}, h('td', { class: 'num', text: e.item }),
                            h('td', { class: 'mono', text: e.field || '—' }), h('td', { class: 'wrap', text: e.message })))))),
                ] : h('p', { class: 'ok-line', text: tr('errors.none') })] : null,
            job.state === 'succeeded' ? h('p', {}, h('a', { href: '#/clients', text: tr('view.clients') })) : null);
    }

    async function loadRecent() {
        try {
            const jobs = ((await api('/api/v1/jobs?limit=50')).items || []).filter((j) => j.type === 'clients.import').slice(0, 10);
            replace(recentList, jobs.length ? h('ul', { class: 'plain-list' }, jobs.map((j) => h('li', { class: 'item-head' },
                h('span', {}, h('strong', { text: fileName(j.title) || j.id }), h('span', { class: 'muted small', text: ` · ${when(j.createdAt, lang)} · ${tr(`state.${j.state}`)}` }),
                    j.counts ? h('span', { class: 'muted small', text: ` · ${countsSummary(j.counts)}` }) : null),
                h('a', { class: 'btn btn-small btn-secondary', href: `#/import/${encodeURIComponent(j.id)}`, text: tr('open'),
                    'aria-label': tr('open.label', { name: fileName(j.title) || j.id }) }))))
                : h('p', { class: 'muted', text: tr('recent.none') }));
        } catch (e) {
            replace(recentList, message('error', e.message));
        }
    }

    loadRecent();
    if (ctx.params[0]) {
        watch(ctx.params[0]);
    }
}
