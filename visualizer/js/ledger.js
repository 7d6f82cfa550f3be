// 整改台账 (issue 12): the issues of the user's scope with the filters 全部 / 逾期 / 即将到期 / 待验收, a unit and a status
// filter, and an issue panel — unit, description, due, status, measures (owner post + holder or （空缺）, due, status,
// evidence), the accountability chain, the history (change records) and a button for each legal transition, shown only
// when the server says the signed-in user may do it (GET /api/rights). The server enforces anyway: a refusal shows its
// message (409 illegal or a version conflict, 422 a missing field) and a conflict reloads the current state.
import { request, currentAsOf } from './api.js';
import { t, label, msg } from './i18n.js';
import { el, fillTable, clearMessage } from './dom.js';
import { unitCell, unitName, findUnits, resolveUnit } from './units.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];
const SOURCES = ['INSPECTION', 'SELF_CHECK', 'ASSESSMENT', 'SUPERVISION', 'COMPLAINT', 'OTHER'];
const STATUSES = ['OPEN', 'RECTIFYING', 'CLOSED'];
const FILTERS = ['all', 'overdue', 'dueSoon', 'toVerify'];
const DUE_SOON_DAYS = 30;

const json = (body) => JSON.stringify(body || {});
const enc = encodeURIComponent;

/** The ledger's and the edits' requests (through the one door, api.js). */
export const ledgerApi = {
	me: () => request('GET', '/api/me'),
	rights: (unit) => request('GET', '/api/rights', { unit }),
	issues: (scope, filter) => request('GET', '/api/issues', { scope, filter, asOf: currentAsOf(), days: DUE_SOON_DAYS }),
	issue: (id) => request('GET', `/api/issues/${enc(id)}`),
	createIssue: (body) => request('POST', '/api/issues', {}, json(body)),
	addMeasure: (id, body) => request('POST', `/api/issues/${enc(id)}/measures`, {}, json(body)),
	verifyIssue: (id, body) => request('POST', `/api/issues/${enc(id)}/verify`, {}, json(body)),
	lookBack: (id, body) => request('POST', `/api/issues/${enc(id)}/look-back`, {}, json(body)),
	transition: (id, action, body) => request('POST', `/api/measures/${enc(id)}/${action}`, {}, json(body)),
	chain: (id) => request('GET', `/api/issues/${enc(id)}/accountability`),
	changes: (entity, id) => request('GET', '/api/changes', { entity, id, limit: 100 }),
	people: (query) => request('GET', '/api/people', { query, limit: 20 }),
	drafts: (unitId) => request('GET', `/api/units/${enc(unitId)}/drafts`),
	confirmDuty: (id) => request('POST', `/api/duties/${enc(id)}/confirm`),
	appoint: (postId, body) => request('POST', `/api/posts/${enc(postId)}/appointments`, {}, json(body)),
	endAppointment: (postId, body) => request('POST', `/api/posts/${enc(postId)}/appointments/end`, {}, json(body)),
};

/** A refusal in the current language: the problem's Chinese detail, or its English message, codes through labels. */
export function refusal(e) {
	const p = (e && e.problem) || {};
	return msg(p.detail || (e && e.message), p.messageEn || p.detail || (e && e.message));
}

/** Tells the page that the data changed (app.js drops its cached audit and reloads the selected unit). */
export function edited(unitId) {
	window.dispatchEvent(new CustomEvent('dutychain:edited', { detail: { unitId } }));
}

let me = null;
/** The signed-in user (role, scopes, personId), asked once. */
export async function currentUser() {
	if (!me) me = ledgerApi.me().catch(() => ({ role: 'VIEWER', scopes: [] }));
	return me;
}

const rightsCache = new Map();
/** What the caller may do at a unit: {edit, verify}, asked of the server once per unit. */
export async function rightsAt(unitId) {
	if (!unitId) return { edit: false, verify: false };
	if (!rightsCache.has(unitId)) rightsCache.set(unitId, ledgerApi.rights(unitId).catch(() => ({ edit: false, verify: false })));
	return rightsCache.get(unitId);
}

/** A text input suggesting persons by name (datalist "name（id）"); personOf(input) gives the chosen id. */
export function personInput(attrs) {
	const listId = `people-${Math.random().toString(36).slice(2)}`;
	const list = el('datalist', { id: listId });
	const input = el('input', { ...attrs, list: listId, autocomplete: 'off', placeholder: t('ledger.personPlaceholder') });
	let timer = null;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(async () => {
			try {
				const people = await ledgerApi.people(input.value.trim());
				list.replaceChildren(...people.map((p) => el('option', { value: `${p.name}（${p.id}）` }, p.title || '')));
			}
			catch (e) { /* no suggestions */ }
		}, 200);
	});
	return el('span', { class: 'person-input' }, input, list);
}

/** The person id in a person field: "name（id）" as suggested, or the text itself (an id). */
export function personOf(text) {
	const v = (text || '').trim();
	const m = v.match(/[（(]([^（）()]+)[）)]\s*$/);
	return m ? m[1] : v;
}

const dateText = (v) => (v ? String(v).slice(0, 10) : '—');

/** Orders two ISO date-times (any number of fraction digits, any offset). */
function compareAt(a, b) {
	const split = (v) => {
		const m = String(v || '').match(/^(.*?T\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(.*)$/);
		return m ? [Date.parse(m[1] + (m[3] || '')) || 0, (m[2] || '').padEnd(9, '0')] : [0, ''];
	};
	const [sa, fa] = split(a);
	const [sb, fb] = split(b);
	return sa - sb || fa.localeCompare(fb);
}
const option = (value, text, selected) => el('option', { value, selected: selected ? true : null }, text);

/** A small labelled form field. */
function field(labelText, control) {
	return el('label', { class: 'field' }, el('span', {}, labelText), control);
}

export class LedgerView {

	constructor(section) {
		this.section = section;
		this.filter = 'all';
		this.unitFilter = null;
		this.statusFilter = '';
		this.rows = [];
		this.selected = null;
		this.built = false;
	}

	build() {
		this.filterBar = el('span', { class: 'segmented', role: 'radiogroup', 'data-testid': 'ledger-filters' });
		this.unitInput = el('input', { 'data-testid': 'ledger-unit', list: 'ledger-unit-results', autocomplete: 'off' });
		this.unitList = el('datalist', { id: 'ledger-unit-results' });
		this.statusSelect = el('select', { 'data-testid': 'ledger-status' });
		this.count = el('span', { 'data-testid': 'ledger-count' });
		this.newButton = el('button', { type: 'button', 'data-testid': 'ledger-new-issue', hidden: true, onclick: () => this.newIssue({}) });
		this.table = el('table', { class: 'dense', 'data-testid': 'ledger-table' });
		this.panel = el('aside', { class: 'panel ledger-panel', 'data-testid': 'issue-panel' });
		this.caption = el('p', { class: 'caption', 'data-testid': 'ledger-caption' });
		this.section.replaceChildren(
			el('div', { class: 'toolbar' }, this.filterBar,
				el('label', {}, el('span', { 'data-role': 'unit-label' }), ' ', this.unitInput), this.unitList,
				this.statusSelect, this.count, this.newButton),
			this.caption,
			el('div', { class: 'split ledger-split' }, el('div', { class: 'table-wrap' }, this.table), this.panel));
		let timer = null;
		this.unitInput.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				this.unitList.replaceChildren(...findUnits(this.unitInput.value).map((u) => el('option', { value: `${u.name}（${u.id}）` })));
			}, 150);
		});
		this.unitInput.addEventListener('change', () => {
			const text = this.unitInput.value.trim();
			const unit = text ? resolveUnit(text) : null;
			if (text && !unit) { this.showError(t('acc.unknownUnit', text)); return; }
			this.unitFilter = unit ? unit.id : null;
			if (unit) this.unitInput.value = `${unit.name}（${unit.id}）`;
			this.load();
		});
		this.statusSelect.addEventListener('change', () => { this.statusFilter = this.statusSelect.value; this.draw(); });
		this.built = true;
	}

	/** Labels of the toolbar in the current language (also after the language toggle). */
	labels() {
		this.filterBar.replaceChildren(...FILTERS.map((f) => el('button', {
			type: 'button', class: f === this.filter ? 'active' : '', 'data-testid': `ledger-filter-${f}`, 'data-filter': f,
			onclick: () => { this.filter = f; this.load(); },
		}, t(`ledger.filter.${f}`))));
		this.section.querySelector('[data-role=unit-label]').textContent = t('ledger.unitFilter');
		this.unitInput.placeholder = t('ledger.unitPlaceholder');
		this.statusSelect.replaceChildren(option('', `${t('ledger.status')}：${t('findings.all')}`),
			...STATUSES.map((s) => option(s, label('issueStatus', s), s === this.statusFilter)));
		this.newButton.textContent = t('ledger.newIssue');
		this.caption.textContent = t('ledger.caption', DUE_SOON_DAYS);
	}

	/** Shows the tab: builds it once, then reloads the list (and the open issue). */
	async show() {
		if (!this.built) this.build();
		this.labels();
		const user = await currentUser();
		this.newButton.hidden = !['ADMIN', 'EDITOR'].includes(user.role);
		if (this.selected) this.panel.dataset.loading = this.selected; // re-opened below, after the list
		await this.load();
		if (this.pendingNew) { const p = this.pendingNew; this.pendingNew = null; this.newIssue(p); }
		else if (this.selected) await this.open(this.selected);
		else this.panel.replaceChildren(el('p', { class: 'hint' }, t('ledger.hint')));
	}

	/** After an import: nothing selected, rights asked again. */
	reset() {
		this.selected = null;
		this.unitFilter = null;
		rightsCache.clear();
		if (this.built) this.unitInput.value = '';
	}

	async load() {
		this.table.dataset.loading = '1';
		try {
			const user = await currentUser();
			const restricted = user.role !== 'ADMIN' && (user.scopes || []).length;
			let rows;
			if (this.unitFilter || !restricted) {
				rows = await ledgerApi.issues(this.unitFilter, this.filter === 'all' ? null : this.filter);
			}
			else {
				// a scoped user: the issues of each scope unit's subtree
				const lists = await Promise.all(user.scopes.map((s) => ledgerApi.issues(s.id, this.filter === 'all' ? null : this.filter)));
				const seen = new Set();
				rows = lists.flat().filter((r) => !seen.has(r.id) && seen.add(r.id));
			}
			this.rows = rows;
			this.filterBar.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b.dataset.filter === this.filter));
			this.draw();
		}
		catch (e) {
			this.showError(refusal(e));
		}
		finally {
			delete this.table.dataset.loading;
		}
	}

	draw() {
		const rows = this.rows.filter((r) => !this.statusFilter || r.status === this.statusFilter);
		this.count.textContent = t('ledger.count', rows.length);
		const flags = (r) => [r.overdue ? el('span', { class: 'flag overdue', 'data-testid': 'flag-overdue' }, t('ledger.filter.overdue')) : null,
			r.dueSoon ? el('span', { class: 'flag due-soon' }, t('ledger.filter.dueSoon')) : null,
			r.toVerify ? el('span', { class: 'flag to-verify' }, t('ledger.filter.toVerify')) : null];
		fillTable(this.table, [t('ledger.issue'), t('findings.unit'), t('acc.domain'), t('ledger.severity'), t('ledger.status'),
			t('ledger.due'), t('ledger.measures'), t('ledger.foundOn'), t('ledger.source')],
		rows.map((r) => ({ r, cells: [el('span', { class: 'msg', title: r.title }, r.title, ' ', el('small', { class: 'id' }, r.id)),
			unitCell(r.unitId, r.unitName), label('domain', r.domain),
			r.severity ? el('span', { class: `sev ${r.severity}` }, label('issueSeverity', r.severity)) : '—',
			el('span', {}, el('span', { 'data-testid': 'issue-status', 'data-status': r.status }, label('issueStatus', r.status)), ' ', flags(r)),
			dateText(r.due), `${r.verifiedMeasures ?? 0} / ${r.measures ?? 0}`, dateText(r.foundOn), label('issueSource', r.source) || '—'] })),
		(x) => ({ class: `clickable${x.r.id === this.selected ? ' selected' : ''}`, 'data-testid': 'issue-row', 'data-issue': x.r.id,
			'data-status': x.r.status, onclick: () => this.open(x.r.id) }),
		t('ledger.noIssues'));
	}

	showError(text) {
		const box = this.panel.querySelector('[data-testid=ledger-error]');
		if (box) { box.textContent = text; box.hidden = false; }
		else this.panel.prepend(el('p', { class: 'message', 'data-testid': 'ledger-error' }, text));
	}

	/** Runs an edit: on success reloads list and issue; on refusal shows the server's message (and reloads on a conflict). */
	async act(work, unitId) {
		const button = this.panel.querySelector('[data-testid=form-submit]');
		if (button) button.disabled = true;
		try {
			await work();
			edited(unitId);
			await this.load();
			await this.open(this.selected);
			this.notice(t('ledger.saved'));
		}
		catch (e) {
			if (button) button.disabled = false;
			const text = refusal(e);
			if (e.status === 409 && e.problem && e.problem.code === 'VERSION_CONFLICT') {
				await this.load();
				await this.open(this.selected);
				this.showError(`${t('ledger.conflict')}${text}`);
			}
			else this.showError(text);
		}
	}

	notice(text) {
		this.panel.prepend(el('p', { class: 'message ok', 'data-testid': 'ledger-ok' }, text));
	}

	/** The issue panel. */
	async open(id) {
		if (!id) return;
		this.selected = id;
		this.panel.dataset.loading = id;
		try { await this.render(id); }
		finally { if (this.panel.dataset.loading === id) delete this.panel.dataset.loading; }
	}

	async render(id) {
		this.table.querySelectorAll('tr[data-issue]').forEach((tr) => tr.classList.toggle('selected', tr.dataset.issue === id));
		clearMessage();
		let issue;
		try { issue = await ledgerApi.issue(id); }
		catch (e) { this.panel.replaceChildren(el('p', { class: 'message', 'data-testid': 'ledger-error' }, refusal(e))); return; }
		const [rights, user, chain, history] = await Promise.all([rightsAt(issue.unitId), currentUser(),
			ledgerApi.chain(id).catch(() => null), this.history(issue)]);
		if (this.selected !== id) return;
		this.issue = issue;
		this.rights = rights;
		this.user = user;
		this.chainEntries = (chain && chain.entries) || [];
		const measures = issue.measures || [];
		const closed = issue.status === 'CLOSED';
		const allVerified = measures.every((m) => m.status === 'VERIFIED');
		const actions = [];
		if (rights.edit && !closed) actions.push(this.button('new-measure', t('ledger.newMeasure'), () => this.measureForm()));
		if (rights.verify && !closed && allVerified) actions.push(this.button('verify-issue', t('ledger.verifyIssue'), () => this.verifyIssueForm()));
		if (rights.edit && closed) actions.push(this.button('look-back', t('ledger.lookBack'), () => this.lookBackForm()));
		const facts = [[t('findings.unit'), unitCell(issue.unitId, issue.unitName)], [t('acc.domain'), label('domain', issue.domain)],
			[t('ledger.severity'), label('issueSeverity', issue.severity) || '—'], [t('ledger.source'), label('issueSource', issue.source) || '—'],
			[t('ledger.foundOn'), dateText(issue.foundOn)], [t('ledger.due'), dateText(issue.due)],
			[t('ledger.status'), el('b', { 'data-testid': 'issue-panel-status', 'data-status': issue.status }, label('issueStatus', issue.status))],
			[t('ledger.closedOn'), dateText(issue.closedOn)], [t('ledger.lookBackOn'), dateText(issue.lookBackOn)]];
		this.panel.replaceChildren(
			el('h2', { 'data-testid': 'issue-title' }, issue.title, ' ', el('small', { class: 'id' }, issue.id)),
			el('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
			el('div', { class: 'actions', 'data-testid': 'issue-actions' }, actions),
			el('div', { class: 'ledger-form', 'data-testid': 'ledger-form-box' }),
			el('h3', {}, t('ledger.measures')),
			this.measureTable(measures),
			el('h3', {}, t('ledger.chain')),
			this.chainTable(),
			el('h3', {}, t('ledger.history')),
			this.historyTable(history));
	}

	button(testid, text, onclick) {
		return el('button', { type: 'button', 'data-testid': testid, onclick }, text);
	}

	/** The holders of a post from the issue's accountability chain: names, （空缺）, or null when the chain does not name it. */
	holderOf(postId) {
		const entries = this.chainEntries.filter((e) => e.postId === postId);
		if (!entries.length) return null;
		const names = entries.filter((e) => !e.gap && e.personName).map((e) => e.personName);
		return names.length ? names.join('、') : t('ledger.vacant');
	}

	ownerText(m) {
		if (!m.ownerPostId) return t('ledger.noOwner');
		const holder = this.holderOf(m.ownerPostId);
		const post = m.ownerPostTitle || m.ownerPostId;
		return holder ? `${post} · ${holder}` : post;
	}

	measureTable(measures) {
		const table = el('table', { class: 'dense measures', 'data-testid': 'measure-table' });
		const r = this.rights;
		fillTable(table, [t('ledger.measure'), t('ledger.owner'), t('ledger.due'), t('ledger.status'), t('ledger.evidence'), t('ledger.actions')],
			measures.map((m) => {
				const buttons = [];
				if (r.edit && ['PLANNED', 'RETURNED'].includes(m.status)) buttons.push(this.button('measure-start', t('ledger.start'), () => this.transition(m, 'start')));
				if (r.edit && m.status === 'IN_PROGRESS') buttons.push(this.button('measure-submit', t('ledger.submit'), () => this.submitForm(m)));
				if (r.verify && m.status === 'SUBMITTED') {
					buttons.push(this.button('measure-verify', t('ledger.verify'), () => this.verifyForm(m)),
						this.button('measure-return', t('ledger.return'), () => this.returnForm(m)));
				}
				const evidence = [m.evidence || '—'];
				if (m.status === 'VERIFIED') evidence.push(el('div', { class: 'hint' }, t('ledger.verifiedBy', m.verifierName || m.verifiedBy || '—', dateText(m.verifiedOn))));
				if (m.returnReason && m.status !== 'VERIFIED') evidence.push(el('div', { class: 'gap' }, t('ledger.returnedFor', m.returnReason)));
				const owner = this.ownerText(m);
				return { m, cells: [el('span', {}, m.text, ' ', el('small', { class: 'id' }, m.id)),
					el('span', { class: owner.endsWith(t('ledger.vacant')) ? 'gap' : '' }, owner), dateText(m.due),
					el('span', { 'data-testid': 'measure-status', 'data-status': m.status }, label('measureStatus', m.status)),
					el('span', {}, evidence), el('span', { class: 'actions' }, buttons)] };
			}),
			(x) => ({ 'data-testid': 'measure-row', 'data-measure': x.m.id, 'data-status': x.m.status }),
			t('ledger.noMeasures'));
		return table;
	}

	chainTable() {
		const table = el('table', { class: 'dense', 'data-testid': 'issue-chain' });
		fillTable(table, [t('acc.rank'), t('acc.responsibility'), t('findings.unit'), t('acc.post'), t('acc.person')],
			this.chainEntries.map((e) => ({ e, cells: [String(e.rank), label('responsibility', e.responsibility), unitCell(e.unitId, e.unitName),
				e.postTitle || '—', e.personName || (e.gap ? t('acc.nobody') : '—')] })),
			(x) => ({ class: x.e.gap ? 'gap' : '', 'data-testid': 'chain-row' }), t('common.none'));
		return table;
	}

	/** Change records of the issue and its measures, newest first. */
	async history(issue) {
		const lists = await Promise.all([ledgerApi.changes('Issue', issue.id),
			...(issue.measures || []).map((m) => ledgerApi.changes('Measure', m.id))].map((p) => p.catch(() => [])));
		return lists.flat().sort((a, b) => compareAt(b.at, a.at) || (b.revision || 0) - (a.revision || 0));
	}

	historyTable(changes) {
		const table = el('table', { class: 'dense history', 'data-testid': 'issue-history' });
		fillTable(table, [t('ledger.at'), t('ledger.actor'), t('ledger.object'), t('ledger.action'), t('ledger.detail')],
			changes.map((c) => ({ c, cells: [String(c.at || '').replace('T', ' ').slice(0, 16), c.actor || '—',
				el('span', {}, t(`ledger.entity.${c.entity}`), ' ', el('small', { class: 'id' }, c.entityId)),
				t(`ledger.action.${c.action}`), this.changeText(c)] })),
			(x) => ({ 'data-testid': 'history-row', 'data-action': x.c.action }), t('ledger.noHistory'));
		return table;
	}

	/** What a change did, in words: status before → after, the evidence, the reason, the verifier, the due date. */
	changeText(c) {
		const before = c.before || {};
		const after = c.after || {};
		const group = c.entity === 'Measure' ? 'measureStatus' : 'issueStatus';
		const parts = [];
		if (after.status && before.status !== after.status) {
			parts.push(before.status ? `${label(group, before.status)} → ${label(group, after.status)}` : label(group, after.status));
		}
		if (c.action === 'CREATE') parts.push(after.text || after.title || '');
		if (after.evidence && after.evidence !== before.evidence) parts.push(t('ledger.evidenceIs', after.evidence));
		if (after.returnReason && after.returnReason !== before.returnReason) parts.push(t('ledger.reasonIs', after.returnReason));
		if (after.verifiedBy && c.action === 'VERIFY') parts.push(t('ledger.verifierIs', after.verifiedBy));
		if (after.due && after.due !== before.due && c.action !== 'CREATE') parts.push(t('ledger.dueIs', dateText(after.due)));
		return parts.filter(Boolean).join('；') || '—';
	}

	// ---- forms (one at a time, under the issue's buttons)

	form(testid, fields, submitText, onSubmit) {
		const box = this.panel.querySelector('[data-testid=ledger-form-box]');
		const form = el('form', { class: 'inline-form', 'data-testid': testid }, fields,
			el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'danger', 'data-testid': 'form-submit' }, submitText),
				el('button', { type: 'button', 'data-testid': 'form-cancel', onclick: () => box.replaceChildren() }, t('common.cancel'))));
		form.addEventListener('submit', (e) => { e.preventDefault(); onSubmit(form); });
		box.replaceChildren(form);
		const first = form.querySelector('input, textarea, select');
		if (first) first.focus();
		return form;
	}

	verifierField() {
		const box = personInput({ name: 'verifier', 'data-testid': 'form-verifier' });
		if (this.user && this.user.personId) box.querySelector('input').value = this.user.personId;
		return field(t('ledger.verifier'), box);
	}

	measureForm() {
		const owners = [...new Map(this.chainEntries.filter((e) => e.postId).map((e) => [e.postId, e])).values()];
		const select = el('select', { name: 'owner', 'data-testid': 'form-owner' },
			option('', t('ledger.defaultOwner')),
			...owners.map((e) => option(e.postId, `${e.unitName || unitName(e.unitId)} · ${e.postTitle || e.postId} · ${this.holderOf(e.postId)}`)));
		this.form('measure-form', [
			field(t('ledger.measure'), el('textarea', { name: 'text', rows: 2, required: true, 'data-testid': 'form-text' })),
			field(t('ledger.owner'), select),
			field(t('ledger.due'), el('input', { type: 'date', name: 'due', 'data-testid': 'form-due' }))],
		t('ledger.create'), (f) => this.act(() => ledgerApi.addMeasure(this.issue.id,
			{ text: f.text.value, ownerPostId: f.owner.value || null, due: f.due.value || null }), this.issue.unitId));
	}

	transition(m, action, body) {
		return this.act(() => ledgerApi.transition(m.id, action, { version: m.version, ...(body || {}) }), this.issue.unitId);
	}

	submitForm(m) {
		this.form('submit-form', [field(t('ledger.evidence'), el('textarea', { name: 'evidence', rows: 2, 'data-testid': 'form-evidence',
			placeholder: t('ledger.evidencePlaceholder') }, m.evidence || ''))],
		t('ledger.submit'), (f) => this.transition(m, 'submit', { evidence: f.evidence.value }));
	}

	verifyForm(m) {
		this.form('verify-form', [el('p', { class: 'hint' }, t('ledger.verifyHint', m.text)), this.verifierField()],
			t('ledger.verify'), (f) => this.transition(m, 'verify', { verifierId: personOf(f.verifier.value) || null }));
	}

	returnForm(m) {
		this.form('return-form', [field(t('ledger.reason'), el('textarea', { name: 'reason', rows: 2, 'data-testid': 'form-reason' }))],
			t('ledger.return'), (f) => this.transition(m, 'return', { reason: f.reason.value }));
	}

	verifyIssueForm() {
		this.form('verify-issue-form', [el('p', { class: 'hint' }, t('ledger.verifyIssueHint')), this.verifierField()],
			t('ledger.verifyIssue'), (f) => this.act(() => ledgerApi.verifyIssue(this.issue.id,
				{ version: this.issue.version, verifierId: personOf(f.verifier.value) || null }), this.issue.unitId));
	}

	lookBackForm() {
		this.form('look-back-form', [el('p', { class: 'hint' }, t('ledger.lookBackHint')),
			el('label', {}, el('input', { type: 'checkbox', name: 'reopen', 'data-testid': 'form-reopen' }), ' ', t('ledger.reopen'))],
		t('ledger.lookBack'), (f) => this.act(() => ledgerApi.lookBack(this.issue.id,
			{ version: this.issue.version, reopen: f.reopen.checked }), this.issue.unitId));
	}

	/**
	 * 登记问题: the new-issue form, prefilled from a unit or a finding ({unitId, title, severity, domain}); shown in the
	 * panel of this tab (the caller switches to it).
	 */
	newIssue(prefill) {
		if (!this.built) { this.pendingNew = prefill || {}; return; }
		const p = prefill || {};
		this.selected = null;
		delete this.panel.dataset.loading;
		this.panel.replaceChildren(el('h2', {}, t('ledger.newIssue')), el('div', { class: 'ledger-form', 'data-testid': 'ledger-form-box' }));
		const unitField = el('input', { name: 'unit', required: true, list: 'ledger-unit-results', autocomplete: 'off', 'data-testid': 'form-unit',
			value: p.unitId ? `${unitName(p.unitId)}（${p.unitId}）` : '' });
		this.form('issue-form', [
			field(t('findings.unit'), unitField),
			field(t('ledger.title'), el('textarea', { name: 'title', rows: 2, required: true, 'data-testid': 'form-title' }, p.title || '')),
			field(t('acc.domain'), el('select', { name: 'domain', 'data-testid': 'form-domain' }, DOMAINS.map((d) => option(d, label('domain', d), d === p.domain)))),
			field(t('ledger.severity'), el('select', { name: 'severity', 'data-testid': 'form-severity' },
				SEVERITIES.map((s) => option(s, label('issueSeverity', s), s === (p.severity || 'MEDIUM'))))),
			field(t('ledger.source'), el('select', { name: 'source', 'data-testid': 'form-source' },
				SOURCES.map((s) => option(s, label('issueSource', s), s === (p.source || 'SELF_CHECK'))))),
			field(t('ledger.due'), el('input', { type: 'date', name: 'due', 'data-testid': 'form-due' }))],
		t('ledger.create'), async (f) => {
			const unit = resolveUnit(f.unit.value);
			if (!unit) { this.showError(t('acc.unknownUnit', f.unit.value.trim())); return; }
			const button = f.querySelector('[data-testid=form-submit]');
			button.disabled = true;
			try {
				const created = await ledgerApi.createIssue({ unitId: unit.id, title: f.title.value, domain: f.domain.value,
					severity: f.severity.value, source: f.source.value, due: f.due.value || null });
				edited(unit.id);
				this.filter = 'all';
				await this.load();
				await this.open(created.id);
				this.notice(t('ledger.saved'));
			}
			catch (e) {
				button.disabled = false;
				this.showError(refusal(e));
			}
		});
	}

}

/** The ledger tab's view, made on first use (panel.js opens the new-issue form through it). */
let view = null;
export function ledgerView() {
	if (!view) view = new LedgerView(document.getElementById('view-ledger'));
	return view;
}

/** 登记问题 from a unit or a finding: switches to the ledger tab with the form prefilled. */
export function openNewIssue(prefill) {
	const v = ledgerView();
	v.pendingNew = prefill || {};
	document.querySelector('[data-testid=tab-ledger]').click();
}

