// Unit panel: posts and holders (vacancies as gaps), the lists the unit owes by domain with blanks (a unit without
// posts owes none), personal lists headed by post and holder, first secretaries, assistance, gradings, open issues and
// the unit's findings — every code through its label.
import { t, label, msg, grade, findingTitle } from './i18n.js';
import { el, severityBadge } from './dom.js';
import { currentAsOf } from './api.js';
import { ledgerApi, rightsAt, personInput, personOf, refusal, edited, openNewIssue } from './ledger.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];

const list = (items, render, testid) => (items && items.length)
	? el('ul', { 'data-testid': testid }, items.map((i) => el('li', {}, render(i))))
	: el('p', { class: 'hint', 'data-testid': testid }, t('panel.none'));

/** Duties grouped by domain: a DomainList {byDomain, blank}, a {DOMAIN: [duty]} map or a [duty] list. */
function byDomain(duties) {
	if (!duties) return {};
	if (duties.byDomain) return duties.byDomain;
	if (!Array.isArray(duties)) return duties;
	return duties.reduce((m, d) => { (m[d.domain] = m[d.domain] || []).push(d); return m; }, {});
}

function domainGrid(duties, wanted, testid, exclude) {
	const grouped = byDomain(duties);
	const domains = (wanted && wanted.length ? (wanted.includes('ALL') ? DOMAINS : wanted) : DOMAINS);
	return el('div', { class: 'domains', 'data-testid': testid }, domains.flatMap((d) => {
		const items = (grouped[d] || []).filter((x) => !exclude || !exclude.has(x.id));
		return [el('span', {}, label('domain', d)), items.length
			? el('span', {}, items.map((x) => x.text || x.id).join('；'))
			: el('span', { class: 'blank', 'data-testid': 'blank-domain' }, t('panel.blank'))];
	}));
}

const holdersOf = (p) => ((p.holders && p.holders.length) ? p.holders : (p.holder ? [p.holder] : []));

export function renderPanel(panel, data) {
	const unit = data.unit || data;
	const posts = data.posts || [];
	const parts = [
		el('h2', { 'data-testid': 'panel-name' }, unit.name),
		el('div', { class: 'meta' }, `${label('unitKind', unit.kind)} · ${t('panel.level')} ${unit.level ?? '—'}`
			+ (unit.sector ? ` · ${label('sector', unit.sector)}` : '')
			+ (unit.members != null ? ` · ${t('panel.members')} ${unit.members}` : ''), ' ', el('small', { class: 'id' }, unit.id)),
	];
	const leaders = Object.entries(data.leaders || {}).flatMap(([kind, us]) => us.map((u) => ({ ...u, edge: kind })));
	if (leaders.length) {
		parts.push(el('div', { class: 'meta', 'data-testid': 'panel-leaders' }, `${t('panel.leaders')}：`
			+ leaders.map((l) => `${l.name || l.id}（${label('leadKind', l.edge)}）`).join('、')));
	}
	parts.push(el('h3', {}, t('panel.posts')));
	if (posts.length) {
		parts.push(el('table', { 'data-testid': 'panel-posts' }, el('tbody', {}, posts.map((p) => {
			const holders = holdersOf(p);
			const holderName = holders.length ? holders.map((h) => h.name || h.personId).join('、') : t('panel.vacant');
			return el('tr', { class: holders.length ? '' : 'gap', 'data-testid': 'post-row', 'data-post': p.postId || p.id },
				el('td', {}, p.title || p.kindName || label('postKind', p.kind)), el('td', {}, label('responsibility', p.responsibility)),
				el('td', { 'data-testid': 'post-holder' }, holderName), el('td', { class: 'post-actions', 'data-role': 'post-actions' }));
		}))));
		parts.push(el('div', { class: 'ledger-form', 'data-testid': 'appoint-form-box' }));
		parts.push(el('h3', {}, t('panel.teamList')));
		parts.push(domainGrid(data.teamList || data.teamDuties, null, 'panel-team-list'));
		parts.push(el('h3', {}, t('panel.drafts')));
		parts.push(el('div', { 'data-testid': 'panel-drafts' }, el('p', { class: 'hint' }, t('common.loading'))));
		const personal = data.personalLists || [];
		if (personal.length) {
			parts.push(el('h3', {}, t('panel.personalLists')));
			const byPost = new Map(posts.map((p) => [p.postId, p]));
			personal.forEach((pl) => {
				const post = byPost.get(pl.postId) || {};
				const holders = holdersOf(post).map((h) => h.name || h.personId);
				const title = pl.title || post.title || pl.postTitle || pl.postId;
				parts.push(el('div', { class: 'meta', 'data-testid': 'personal-list-title' }, holders.length
					? `${title} · ${holders.join('、')}` : `${title} · ${t('panel.vacant')}`));
				parts.push(domainGrid(pl.list || pl.duties, pl.domains, 'panel-personal-list'));
			});
		}
	}
	else {
		parts.push(el('p', { class: 'hint', 'data-testid': 'panel-no-lists' }, t('panel.noPosts')));
	}
	parts.push(el('h3', {}, t('panel.firstSecretaries')));
	parts.push(list(data.firstSecretaries, (f) => `${f.name || f.personId}（${label('firstSecretaryKind', f.kind)}）${f.since || ''}${f.current ? '' : ` · ${t('panel.ended')}`}`, 'panel-first-secretaries'));
	parts.push(el('h3', {}, t('panel.assistance')));
	parts.push(list(data.assistance, (a) => `${a.assistantName || a.assistantId}：${label('assistanceLevel', a.level)}${a.until ? ` · ${t('panel.until', a.until)}` : ''}`, 'panel-assistance'));
	parts.push(el('h3', {}, t('panel.gradings')));
	const gradings = Array.isArray(data.gradings) ? data.gradings : Object.values(data.gradings || {}).flat();
	parts.push(list(gradings, (g) => `${g.year} ${label('gradingScheme', g.scheme)} ${grade(g.scheme, g.grade)}${g.personName ? `（${g.personName}）` : ''}`, 'panel-gradings'));
	parts.push(el('h3', {}, t('panel.issues')));
	parts.push(list(data.openIssues || data.issues, (i) => el('span', {}, `${i.title}（${label('domain', i.domain)}，${label('issueStatus', i.status)}）`, ' ', el('small', { class: 'id' }, i.id)), 'panel-issues'));
	parts.push(el('h3', {}, t('panel.findings')));
	parts.push(findingsSection(data, unit));
	parts.splice(2, 0, el('div', { class: 'actions', 'data-testid': 'panel-actions' },
		el('a', { class: 'button', href: noticeUrl(unit.id, 'pdf'), target: '_blank', 'data-testid': 'notice-pdf' }, t('panel.noticePdf')),
		el('a', { class: 'button', href: noticeUrl(unit.id, 'xlsx'), 'data-testid': 'notice-xlsx' }, t('panel.noticeXlsx')),
		el('button', { type: 'button', class: 'edit-only', hidden: true, 'data-testid': 'panel-new-issue', onclick: () => openNewIssue({ unitId: unit.id }) },
			t('panel.newIssue'))));
	panel.replaceChildren(...parts);
	panel.dataset.render = String(Number(panel.dataset.render || 0) + 1);
	editing(panel, unit, posts, data.teamList || data.teamDuties);
}

/**
 * The unit's findings — or, while the audit behind them is still computing (or failed), where it stands: 审计计算中
 * （进度 n%） with a bar, never an empty list that would read as "no findings".
 */
function findingsSection(data, unit) {
	const audit = data.audit;
	if (audit && audit.state !== 'ready') {
		return el('p', { class: 'hint audit-pending', 'data-testid': 'panel-findings-pending', 'data-state': audit.state },
			el('progress', { max: 100, value: audit.percent || 0 }), ' ', msg(audit.messageZh, audit.messageEn));
	}
	return list(data.findings, (f) => el('span', { 'data-testid': 'panel-finding', 'data-code': f.code, 'data-post': f.postId || null }, severityBadge(f.severity), ' ', el('b', {}, findingTitle(f.code)), '：', msg(f.messageZh, f.messageEn),
		' ', el('button', { type: 'button', class: 'link edit-only', hidden: true, 'data-testid': 'finding-new-issue',
			onclick: () => openNewIssue({ unitId: f.unitId || unit.id, title: msg(f.messageZh, f.messageEn), severity: f.severity }) },
		t('panel.newIssue'))), 'panel-findings');
}

/**
 * The audit finished: the findings of a panel that showed it computing are put in place (the rest of the panel, and
 * any form being filled in, stays); any other panel is left as it is.
 */
export function showFindings(panel, data) {
	const pending = panel.querySelector('[data-testid=panel-findings-pending]');
	if (!pending) return;
	const section = findingsSection(data, data.unit || data);
	// 登记问题 beside each finding for a user who may edit the unit (the panel's own button shows it)
	if (panel.querySelector('[data-testid=panel-new-issue]:not([hidden])')) section.querySelectorAll('.edit-only').forEach((b) => { b.hidden = false; });
	pending.replaceWith(section);
}

/** 督办通知 of the unit's subtree (PDF or XLSX) at the page's date. */
function noticeUrl(unitId, format) {
	const url = new URL(`/api/units/${encodeURIComponent(unitId)}/notice`, window.location.origin);
	url.searchParams.set('format', format);
	if (currentAsOf()) url.searchParams.set('asOf', currentAsOf());
	return url.toString();
}

/**
 * The panel's edits, shown when the server says the user may edit the unit: 任命 / 免职 per post, 认领 of the DRAFT
 * duties (待认领) that 一键分解 derived from an upper duty, 登记问题. After an edit the unit is shown again (its
 * findings come from an audit keyed on the dataset's revision).
 */
async function editing(panel, unit, posts, teamList) {
	const render = panel.dataset.render;
	const [rights, drafts] = await Promise.all([rightsAt(unit.id), ledgerApi.drafts(unit.id).catch(() => [])]);
	if (panel.dataset.render !== render) return; // another unit (or a newer view of it) is shown meanwhile
	const grid = panel.querySelector('[data-testid=panel-team-list]');
	if (grid && drafts.length && teamList) {
		// a draft counts for nothing until it is claimed: the team list shows confirmed duties only
		grid.replaceWith(domainGrid(teamList, null, 'panel-team-list', new Set(drafts.map((d) => d.id))));
	}
	const box = panel.querySelector('[data-testid=panel-drafts]');
	if (box) {
		box.replaceChildren(drafts.length
			? el('ul', {}, drafts.map((d) => el('li', { 'data-testid': 'draft-row', 'data-duty': d.id },
				el('b', {}, label('domain', d.domain)), '：', d.text, d.postTitle ? `（${d.postTitle}）` : '',
				d.fromUnitName ? el('span', { class: 'hint' }, ` ${t('panel.draftFrom', d.fromUnitName)}`) : '', ' ',
				rights.edit ? el('button', { type: 'button', 'data-testid': 'draft-claim', onclick: (e) => claim(e.target, d, unit, panel) }, t('panel.claim')) : '')))
			: el('p', { class: 'hint' }, t('panel.none')));
	}
	if (!rights.edit) return;
	panel.querySelectorAll('.edit-only').forEach((b) => { b.hidden = false; });
	const byId = new Map(posts.map((p) => [p.postId || p.id, p]));
	panel.querySelectorAll('[data-testid=post-row]').forEach((row) => {
		const post = byId.get(row.dataset.post);
		const cell = row.querySelector('[data-role=post-actions]');
		if (!post || !cell) return;
		cell.replaceChildren(el('button', { type: 'button', 'data-testid': 'post-appoint', onclick: () => appointForm(panel, unit, post) }, t('panel.appoint')),
			...holdersOf(post).map((h) => el('button', { type: 'button', 'data-testid': 'holder-end', 'data-person': h.personId,
				onclick: () => endForm(panel, unit, post, h) }, t('panel.endAppointment', h.name || h.personId))));
	});
}

async function claim(button, duty, unit, panel) {
	button.disabled = true;
	try {
		await ledgerApi.confirmDuty(duty.id);
		edited(unit.id);
	}
	catch (e) {
		button.disabled = false;
		formError(panel, refusal(e));
	}
}

function formError(panel, text) {
	const box = panel.querySelector('[data-testid=appoint-form-box]') || panel;
	box.prepend(el('p', { class: 'message', 'data-testid': 'panel-error' }, text));
}

function inlineForm(panel, testid, fields, submitText, onSubmit) {
	const box = panel.querySelector('[data-testid=appoint-form-box]');
	const form = el('form', { class: 'inline-form', 'data-testid': testid }, fields,
		el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'danger', 'data-testid': 'form-submit' }, submitText),
			el('button', { type: 'button', 'data-testid': 'form-cancel', onclick: () => box.replaceChildren() }, t('common.cancel'))));
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		const button = form.querySelector('[data-testid=form-submit]');
		button.disabled = true;
		try {
			await onSubmit(form);
			edited(form.dataset.unit);
		}
		catch (err) {
			button.disabled = false;
			form.querySelectorAll('.message').forEach((m) => m.remove());
			form.prepend(el('p', { class: 'message', 'data-testid': 'panel-error' }, refusal(err)));
		}
	});
	box.replaceChildren(form);
	box.scrollIntoView({ block: 'nearest' });
	return form;
}

const formField = (text, control) => el('label', { class: 'field' }, el('span', {}, text), control);

function appointForm(panel, unit, post) {
	const form = inlineForm(panel, 'appoint-form', [el('p', { class: 'hint' }, t('panel.appointTo', post.title || post.kindName || '')),
		formField(t('panel.person'), personInput({ name: 'person', required: true, 'data-testid': 'appoint-person' })),
		formField(t('panel.since'), el('input', { type: 'date', name: 'since', 'data-testid': 'appoint-since' })),
		formField(t('panel.untilDate'), el('input', { type: 'date', name: 'until', 'data-testid': 'appoint-until' }))],
	t('panel.appoint'), (f) => ledgerApi.appoint(post.postId || post.id,
		{ personId: personOf(f.person.value), since: f.since.value || null, until: f.until.value || null }));
	form.dataset.unit = unit.id;
}

function endForm(panel, unit, post, holder) {
	const form = inlineForm(panel, 'end-form', [el('p', { class: 'hint' }, t('panel.endOf', holder.name || holder.personId, post.title || post.kindName || '')),
		formField(t('panel.untilDate'), el('input', { type: 'date', name: 'until', 'data-testid': 'end-until' }))],
	t('panel.endShort'), (f) => ledgerApi.endAppointment(post.postId || post.id,
		{ personId: holder.personId, since: holder.since || null, until: f.until.value || null }));
	form.dataset.unit = unit.id;
}
