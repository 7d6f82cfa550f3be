// Signed-in user and logout in the top bar; for ADMIN a 用户与日志 tab: users (add, change role/scopes, delete) and
// the audit log. Kept apart from app.js: one <script> line in index.html hooks it in.
import { el, fillTable, showMessage } from './dom.js';
import { language } from './i18n.js';

const L = {
	zh: { tab: '用户与日志', users: '用户', log: '审计日志', logout: '退出', username: '用户名', password: '密码', role: '角色',
		scopes: '范围（单位编号，逗号分隔）', add: '添加用户', del: '删除', save: '保存', at: '时间', action: '操作', target: '对象',
		detail: '详情', address: '地址', confirm: '删除用户 {0}？', more: '更多' },
	en: { tab: 'Users & log', users: 'Users', log: 'Audit log', logout: 'Sign out', username: 'Username', password: 'Password', role: 'Role',
		scopes: 'Scopes (unit ids, comma-separated)', add: 'Add user', del: 'Delete', save: 'Save', at: 'At', action: 'Action', target: 'Target',
		detail: 'Detail', address: 'Address', confirm: 'Delete user {0}?', more: 'More' },
};
const ROLES = ['ADMIN', 'EDITOR', 'AUDITOR', 'VIEWER'];
const t = (k, ...a) => a.reduce((s, v, i) => s.replace(`{${i}}`, v), (L[language()] || L.zh)[k]);

async function call(method, path, body) {
	const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
	const headers = { Accept: 'application/json', 'X-Requested-With': 'fetch', ...(m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {}) };
	if (body) headers['Content-Type'] = 'application/json';
	const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
	if (r.status === 401) window.location.assign('/login.html');
	const text = await r.text();
	const data = text ? JSON.parse(text) : null;
	if (!r.ok) throw new Error((data && data.detail) || r.statusText);
	return data;
}

function userBar(me) {
	const bar = el('span', { class: 'user', 'data-testid': 'current-user' }, `${me.username}（${language() === 'zh' ? me.roleZh : me.roleEn}）`);
	const logout = el('button', { class: 'ghost', 'data-testid': 'logout', onclick: async () => {
		try { await call('POST', '/logout'); } finally { window.location.assign('/login.html?logout'); }
	} }, t('logout'));
	document.querySelector('.topbar').append(bar, logout);
}

function adminTab() {
	const tab = el('button', { role: 'tab', 'data-view': 'admin', 'data-testid': 'tab-admin' }, t('tab'));
	const view = el('section', { id: 'view-admin', class: 'view', 'data-testid': 'view-admin' },
		el('h3', {}, t('users')),
		el('form', { id: 'user-form', class: 'toolbar' },
			el('input', { name: 'username', placeholder: t('username'), required: true, 'data-testid': 'user-name' }),
			el('input', { name: 'password', type: 'password', placeholder: t('password'), required: true, autocomplete: 'new-password' }),
			el('select', { name: 'role' }, ROLES.map((r) => el('option', { value: r }, r))),
			el('input', { name: 'scopes', placeholder: t('scopes') }),
			el('button', { type: 'submit', 'data-testid': 'user-add' }, t('add'))),
		el('div', { class: 'table-wrap' }, el('table', { id: 'users-table', 'data-testid': 'users-table' })),
		el('h3', {}, t('log')),
		el('div', { class: 'table-wrap' }, el('table', { id: 'audit-log-table', 'data-testid': 'audit-log-table' })));
	document.querySelector('nav.tabs').append(tab);
	document.querySelector('main').append(view);
	tab.addEventListener('click', async () => {
		document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b === tab));
		document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v === view));
		await refresh();
	});
	view.querySelector('#user-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		const f = e.target;
		try {
			await call('POST', '/api/users', { username: f.username.value.trim(), password: f.password.value, role: f.role.value,
				scopes: f.scopes.value.split(',').map((s) => s.trim()).filter(Boolean) });
			f.reset();
			await refresh();
		}
		catch (err) { showMessage(err.message); }
	});
}

async function refresh() {
	try {
		const users = await call('GET', '/api/users');
		fillTable(document.getElementById('users-table'), [t('username'), t('role'), t('scopes'), ''],
			users.map((u) => ({ cells: [u.username, `${u.role} ${u.roleZh}`, (u.scopes || []).join(', '),
				el('button', { class: 'ghost', onclick: async () => {
					if (!window.confirm(t('confirm', u.username))) return;
					try { await call('DELETE', `/api/users/${encodeURIComponent(u.username)}`); await refresh(); }
					catch (err) { showMessage(err.message); }
				} }, t('del'))] })),
			() => ({ 'data-testid': 'user-row' }));
		const log = await call('GET', '/api/audit-log?size=100');
		fillTable(document.getElementById('audit-log-table'), [t('at'), t('username'), t('action'), t('target'), t('detail'), t('address')],
			log.entries.map((x) => ({ cells: [x.at, x.username, x.action, x.target || '', x.detail || '', x.clientAddress || ''] })),
			() => ({ 'data-testid': 'audit-log-row' }));
	}
	catch (err) { showMessage(err.message); }
}

call('GET', '/api/me').then((me) => {
	userBar(me);
	if (me.role === 'ADMIN') adminTab();
}).catch(() => {});
