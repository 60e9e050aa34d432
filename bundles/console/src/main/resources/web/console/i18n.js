// The shell's translations (en, zh) and the language choice, remembered in localStorage.

const STORAGE_KEY = 'rapport.lang';

const en = {
    'nav.skip': 'Skip to content', 'nav.menu': 'Menu', 'nav.label': 'Main navigation', 'nav.logout': 'Sign out',
    'nav.loggedOut': 'You are signed out.', 'lang.label': 'Language',
    'login.title': 'Sign in', 'login.intro': 'Rapport client-care console', 'login.username': 'Username',
    'login.password': 'Password', 'login.submit': 'Sign in', 'login.missing': 'Enter your username and password.',
    'login.wrong': 'Wrong username or password.', 'login.locked': 'Too many failed attempts. Try again in {seconds} seconds.',
    'session.expired': 'Your session has ended. Please sign in again.',
    'page.failed': 'This page could not be shown: {message}', 'page.missing.title': 'Page not found',
    'page.missing': 'There is no page "{id}", or you may not open it. It may belong to a bundle that was stopped.',
    'group.overview': 'Overview', 'group.system': 'System', 'group.clients': 'Clients', 'group.care': 'Care', 'group.compliance': 'Compliance', 'group.other': 'More',
    'role.admin': 'Administrator', 'role.manager': 'Account manager', 'role.agent': 'Service agent', 'role.auditor': 'Auditor',
    'state.ACTIVE': 'Active', 'state.RESOLVED': 'Resolved', 'state.INSTALLED': 'Installed', 'state.STARTING': 'Starting',
    'state.STOPPING': 'Stopping', 'state.UNINSTALLED': 'Uninstalled',
    'common.cancel': 'Cancel', 'common.create': 'Create', 'common.save': 'Save', 'common.loading': 'Loading…',
    'chart.data': 'Show data', 'chart.category': 'Category', 'chart.value': 'Value', 'chart.empty': 'No data yet.',
    'dashboard.welcome': 'Welcome, {name}.', 'dashboard.empty': 'No dashboard cards are available to you yet.',
    'health.status': 'Status', 'health.UP': 'Up', 'health.DOWN': 'Down', 'health.DEGRADED': 'Degraded',
    'health.uptime': 'Uptime', 'health.uptime.value': '{days} d {hours} h {minutes} min', 'health.components': 'Components',
    'health.problems': 'Problems', 'health.noProblems': 'No problems reported.', 'health.bundles': 'Bundles by state ({total})',
    'health.unreachable': 'The health endpoint could not be reached.',
    'bundles.install.title': 'Install or update a bundle', 'bundles.file': 'Bundle jar',
    'bundles.file.hint': 'A jar with an OSGi manifest. A bundle with the same symbolic name as a deployed one replaces it.',
    'bundles.file.missing': 'Choose a jar file first.', 'bundles.upload': 'Upload and start',
    'bundles.uploading': 'Uploading {name}…', 'bundles.installed.ok': '{name} {version} is installed and active.',
    'bundles.upload.failed': 'Upload refused: {message}', 'bundles.installed': 'Installed bundles',
    'bundles.filter': 'Filter bundles', 'bundles.filter.placeholder': 'Filter by name, id or state',
    'bundles.caption': 'Installed bundles', 'bundles.summary': '{total} bundles, {active} active; {shown} shown',
    'bundles.col.id': 'ID', 'bundles.col.name': 'Symbolic name', 'bundles.col.version': 'Version', 'bundles.col.state': 'State',
    'bundles.col.actions': 'Actions', 'bundles.start': 'Start', 'bundles.stop': 'Stop', 'bundles.uninstall': 'Uninstall',
    'bundles.started': '{name} started.', 'bundles.stopped': '{name} stopped.', 'bundles.uninstalled': '{name} uninstalled.',
    'bundles.uninstall.confirm': 'Uninstall {name}? Its features disappear at once.', 'bundles.deployed': 'deployed',
    'bundles.protected': 'protected', 'bundles.protected.hint': 'The server and this console need this bundle.',
    'config.intro': 'Every configurable component. Saving writes DATA/config/<pid>.cfg.json, which is applied at once.',
    'config.filter': 'Filter components', 'config.filter.placeholder': 'Filter by name, PID or bundle',
    'config.factory': 'several instances', 'config.instance.new': 'New instance name',
    'config.instance.invalid': 'Use letters, digits, dot, dash or underscore.',
    'config.instance.pick': 'Pick an instance or create one from the list.', 'config.back': '← All components',
    'config.multi': 'One value per line.', 'config.secret.unchanged': '(unchanged)', 'config.saved': 'Saved to {file}; applied within seconds.',
    'config.reset': 'Reset to defaults', 'config.reset.confirm': 'Remove the override file of {key}?', 'config.resetDone': 'The override file was removed.',
    'users.title': 'Staff accounts', 'users.create': 'New user', 'users.col.username': 'Username', 'users.col.displayName': 'Display name', 'users.col.email': 'Email',
    'users.email.hint': 'Their own address, for internal messages such as a campaign test send to themself. Empty: none.',
    'users.col.roles': 'Roles', 'users.col.status': 'Status', 'users.col.lastLogin': 'Last sign-in', 'users.col.actions': 'Actions',
    'users.enabled': 'Enabled', 'users.disabled': 'Disabled', 'users.enable': 'Enable', 'users.disable': 'Disable',
    'users.edit': 'Edit', 'users.resetPassword': 'Reset password', 'users.password': 'Password', 'users.newPassword': 'New password',
    'users.password.hint': 'At least 12 characters; a passphrase is best.', 'users.created': 'User {name} created.',
    'users.saved': 'User {name} saved.', 'users.passwordReset': 'The password of {name} was reset.',
    'users.enabledMsg': '{name} can sign in again.', 'users.disabledMsg': '{name} can no longer sign in.',
    'tokens.title': 'API tokens', 'tokens.create': 'New token', 'tokens.col.name': 'Name', 'tokens.col.user': 'User',
    'tokens.col.scopes': 'Scopes', 'tokens.col.created': 'Created', 'tokens.col.lastUsed': 'Last used', 'tokens.col.expires': 'Expires',
    'tokens.none': 'No API tokens.', 'tokens.never': 'Never', 'tokens.revoke': 'Revoke', 'tokens.revoked': 'Token {name} revoked.',
    'tokens.revoke.confirm': 'Revoke token {name}? Programs using it stop working at once.',
    'tokens.scopes.hint': 'Comma separated, e.g. system, console; * for all.', 'tokens.roles': 'Roles (empty: all of yours)',
    'tokens.expiresInDays': 'Expires in (days)', 'tokens.expires.hint': 'Leave empty for a token that does not expire.',
    'tokens.createdOnce': 'Token {name} created. Copy it now: it is shown only once.', 'tokens.value': 'New token',
    'tokens.copy': 'Copy', 'tokens.copied': 'Token copied.', 'tokens.copyManually': 'Select the token and copy it.', 'tokens.hide': 'Done',
};

const zh = {
    'nav.skip': '跳到主要内容', 'nav.menu': '菜单', 'nav.label': '主导航', 'nav.logout': '退出登录',
    'nav.loggedOut': '您已退出登录。', 'lang.label': '语言',
    'login.title': '登录', 'login.intro': 'Rapport 客户关怀控制台', 'login.username': '用户名',
    'login.password': '密码', 'login.submit': '登录', 'login.missing': '请输入用户名和密码。',
    'login.wrong': '用户名或密码错误。', 'login.locked': '失败次数过多，请在 {seconds} 秒后重试。',
    'session.expired': '会话已结束，请重新登录。',
    'page.failed': '无法显示此页面：{message}', 'page.missing.title': '找不到页面',
    'page.missing': '页面“{id}”不存在，或您无权打开。它可能属于已停止的模块。',
    'group.overview': '概览', 'group.system': '系统', 'group.clients': '客户', 'group.care': '关怀', 'group.compliance': '合规', 'group.other': '更多',
    'role.admin': '管理员', 'role.manager': '客户经理', 'role.agent': '服务专员', 'role.auditor': '审计员',
    'state.ACTIVE': '运行中', 'state.RESOLVED': '已解析', 'state.INSTALLED': '已安装', 'state.STARTING': '启动中',
    'state.STOPPING': '停止中', 'state.UNINSTALLED': '已卸载',
    'common.cancel': '取消', 'common.create': '创建', 'common.save': '保存', 'common.loading': '加载中…',
    'chart.data': '显示数据', 'chart.category': '类别', 'chart.value': '数值', 'chart.empty': '暂无数据。',
    'dashboard.welcome': '欢迎，{name}。', 'dashboard.empty': '暂无可查看的仪表盘卡片。',
    'health.status': '状态', 'health.UP': '正常', 'health.DOWN': '故障', 'health.DEGRADED': '降级',
    'health.uptime': '运行时间', 'health.uptime.value': '{days} 天 {hours} 小时 {minutes} 分', 'health.components': '组件数',
    'health.problems': '问题', 'health.noProblems': '未报告任何问题。', 'health.bundles': '模块状态（共 {total} 个）',
    'health.unreachable': '无法访问健康检查接口。',
    'bundles.install.title': '安装或更新模块', 'bundles.file': '模块 jar 文件',
    'bundles.file.hint': '带 OSGi 清单的 jar。与已部署模块符号名相同时将替换该模块。',
    'bundles.file.missing': '请先选择 jar 文件。', 'bundles.upload': '上传并启动',
    'bundles.uploading': '正在上传 {name}…', 'bundles.installed.ok': '{name} {version} 已安装并运行。',
    'bundles.upload.failed': '上传被拒绝：{message}', 'bundles.installed': '已安装的模块',
    'bundles.filter': '筛选模块', 'bundles.filter.placeholder': '按名称、ID 或状态筛选',
    'bundles.caption': '已安装的模块', 'bundles.summary': '共 {total} 个模块，{active} 个运行中；显示 {shown} 个',
    'bundles.col.id': 'ID', 'bundles.col.name': '符号名', 'bundles.col.version': '版本', 'bundles.col.state': '状态',
    'bundles.col.actions': '操作', 'bundles.start': '启动', 'bundles.stop': '停止', 'bundles.uninstall': '卸载',
    'bundles.started': '{name} 已启动。', 'bundles.stopped': '{name} 已停止。', 'bundles.uninstalled': '{name} 已卸载。',
    'bundles.uninstall.confirm': '卸载 {name}？其功能将立即消失。', 'bundles.deployed': '已部署',
    'bundles.protected': '受保护', 'bundles.protected.hint': '服务器和控制台需要此模块。',
    'config.intro': '所有可配置组件。保存会写入 DATA/config/<pid>.cfg.json 并立即生效。',
    'config.filter': '筛选组件', 'config.filter.placeholder': '按名称、PID 或模块筛选',
    'config.factory': '多实例', 'config.instance.new': '新实例名称',
    'config.instance.invalid': '只能使用字母、数字、点、连字符或下划线。',
    'config.instance.pick': '请从列表中选择或创建一个实例。', 'config.back': '← 所有组件',
    'config.multi': '每行一个值。', 'config.secret.unchanged': '（未更改）', 'config.saved': '已保存到 {file}，几秒内生效。',
    'config.reset': '恢复默认', 'config.reset.confirm': '删除 {key} 的覆盖文件？', 'config.resetDone': '覆盖文件已删除。',
    'users.title': '员工账号', 'users.create': '新建用户', 'users.col.username': '用户名', 'users.col.displayName': '显示名称', 'users.col.email': '邮箱',
    'users.email.hint': '本人的邮箱，用于内部消息（如活动测试发送给自己）。留空：无。',
    'users.col.roles': '角色', 'users.col.status': '状态', 'users.col.lastLogin': '最近登录', 'users.col.actions': '操作',
    'users.enabled': '已启用', 'users.disabled': '已停用', 'users.enable': '启用', 'users.disable': '停用',
    'users.edit': '编辑', 'users.resetPassword': '重置密码', 'users.password': '密码', 'users.newPassword': '新密码',
    'users.password.hint': '至少 12 个字符，建议使用短语。', 'users.created': '用户 {name} 已创建。',
    'users.saved': '用户 {name} 已保存。', 'users.passwordReset': '{name} 的密码已重置。',
    'users.enabledMsg': '{name} 可以重新登录。', 'users.disabledMsg': '{name} 已无法登录。',
    'tokens.title': 'API 令牌', 'tokens.create': '新建令牌', 'tokens.col.name': '名称', 'tokens.col.user': '用户',
    'tokens.col.scopes': '范围', 'tokens.col.created': '创建时间', 'tokens.col.lastUsed': '最近使用', 'tokens.col.expires': '过期时间',
    'tokens.none': '没有 API 令牌。', 'tokens.never': '永不过期', 'tokens.revoke': '吊销', 'tokens.revoked': '令牌 {name} 已吊销。',
    'tokens.revoke.confirm': '吊销令牌 {name}？使用它的程序将立即失效。',
    'tokens.scopes.hint': '以逗号分隔，例如 system, console；* 表示全部。', 'tokens.roles': '角色（留空：您的全部角色）',
    'tokens.expiresInDays': '有效期（天）', 'tokens.expires.hint': '留空则永不过期。',
    'tokens.createdOnce': '令牌 {name} 已创建。请立即复制：它只显示这一次。', 'tokens.value': '新令牌',
    'tokens.copy': '复制', 'tokens.copied': '令牌已复制。', 'tokens.copyManually': '请选中令牌后手动复制。', 'tokens.hide': '完成',
};

const dictionaries = { en, zh };
const listeners = [];

function initial() {
    let stored = null;
    try {
        stored = localStorage.getItem(STORAGE_KEY);
    } catch (e) {
        stored = null;
    }
    if (stored === 'zh' || stored === 'en') {
        return stored;
    }
    return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current = initial();

export function lang() {
    return current;
}

export function setLang(value) {
    if (value !== 'zh' && value !== 'en') {
        return;
    }
    current = value;
    try {
        localStorage.setItem(STORAGE_KEY, value);
    } catch (e) {
        // private mode: the choice lasts for this page only
    }
    listeners.forEach((listener) => listener(value));
}

export function onLangChange(listener) {
    listeners.push(listener);
}

/**
 * The text for key in the current language with {name} placeholders filled in. A key missing in
 * Chinese falls back to English; a key missing in both gives `fallback` when one was passed
 * (even null), else the key itself.
 */
export function t(key, params = {}, fallback) {
    let text = dictionaries[current][key] ?? en[key];
    if (text === undefined) {
        return arguments.length >= 3 ? fallback : key;
    }
    for (const [name, value] of Object.entries(params || {})) {
        text = text.split(`{${name}}`).join(String(value));
    }
    return text;
}

/**
 * A translator for a feature module's own texts, so that a bundle's page carries its translations
 * with it: dictionaries is {en: {...}, zh: {...}}; language is ctx.lang. Missing in Chinese falls
 * back to English, missing in both to the shell's translations, then to the key. {name}
 * placeholders are filled from params.
 */
export function translator(dictionaries, language) {
    const own = dictionaries[language] || {};
    const english = dictionaries.en || {};
    return (key, params = {}) => {
        let text = own[key] ?? english[key];
        if (text === undefined) {
            return t(key, params);
        }
        for (const [name, value] of Object.entries(params || {})) {
            text = text.split(`{${name}}`).join(String(value));
        }
        return text;
    };
}
