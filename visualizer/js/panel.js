// Unit panel: posts and holders (vacancies as gaps), the lists the unit owes by domain with blanks (a unit without
// posts owes none), personal lists headed by post and holder, first secretaries, assistance, gradings, open issues and
// the unit's findings — every code through its label.
import { t, label, msg, grade, findingTitle } from './i18n.js';
import { el, severityBadge } from './dom.js';

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

function domainGrid(duties, wanted, testid) {
	const grouped = byDomain(duties);
	const domains = (wanted && wanted.length ? (wanted.includes('ALL') ? DOMAINS : wanted) : DOMAINS);
	return el('div', { class: 'domains', 'data-testid': testid }, domains.flatMap((d) => {
		const items = grouped[d] || [];
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
				el('td', { 'data-testid': 'post-holder' }, holderName));
		}))));
		parts.push(el('h3', {}, t('panel.teamList')));
		parts.push(domainGrid(data.teamList || data.teamDuties, null, 'panel-team-list'));
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
	parts.push(list(data.findings, (f) => el('span', {}, severityBadge(f.severity), ' ', el('b', {}, findingTitle(f.code)), '：', msg(f.messageZh, f.messageEn)), 'panel-findings'));
	panel.replaceChildren(...parts);
}
