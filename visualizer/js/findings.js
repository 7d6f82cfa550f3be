// Findings table: every finding of the scope, dense, sortable and paged, with filters; titles and unit names instead of
// codes and ids; a row leads to its unit on the tree; "查看规则" shows the rule's basis in Chinese, then its Cypher.
import { t, msg, findingTitle, analysisTitle, severity, language } from './i18n.js';
import { el, fillTable, severityBadge, showMessage } from './dom.js';
import { unitName, unitCell } from './units.js';
import { api } from './api.js';

const PAGE_SIZE = 50;
const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/**
 * A report link: the report is written by a job, its percentage shown on the link, then opened (HTML, in the tab opened
 * at the click, so no popup blocker stops it) or saved (XLSX). The link's href stays the plain request; where the
 * browser gave no tab the written report is linked and the next click opens it.
 */
function reportByJob(link, format) {
	link.addEventListener('click', async (event) => {
		if (link.dataset.written) { // the report written when no tab could be opened: the link opens it now
			delete link.dataset.written;
			setTimeout(() => { link.href = api.reportUrl(format); }, 0);
			return;
		}
		event.preventDefault();
		if (link.dataset.busy) return;
		link.dataset.busy = 'true';
		const tab = format === 'html' ? window.open('', '_blank') : null;
		try {
			const file = await api.report(format, (job) => { link.textContent = t('findings.reportProgress', job.percent ?? 0); });
			if (tab) tab.location.href = file.href;
			else if (format === 'html') {
				link.href = file.href;
				link.dataset.written = 'true';
				showMessage(t('findings.reportWritten'), true);
			}
			else window.location.assign(file.href);
		}
		catch (e) {
			if (tab) tab.close();
			showMessage(e.message);
		}
		finally {
			link.textContent = t(format === 'html' ? 'findings.reportHtml' : 'findings.reportXlsx');
			delete link.dataset.busy;
		}
	});
}

export class FindingsView {

	constructor({ onUnit }) {
		this.onUnit = onUnit;
		this.filters = { analysis: '', code: '', severity: '', level: '' };
		this.sort = { key: 'severity', dir: 1 };
		this.pageNo = 0;
		['analysis', 'code', 'severity', 'level'].forEach((k) => {
			document.getElementById(`f-${k}`).addEventListener('change', (e) => { this.filters[k] = e.target.value; this.pageNo = 0; this.draw(); });
		});
		document.getElementById('f-prev').addEventListener('click', () => { this.pageNo = Math.max(0, this.pageNo - 1); this.draw(); });
		document.getElementById('f-next').addEventListener('click', () => { this.pageNo += 1; this.draw(); });
		['html', 'xlsx'].forEach((format) => reportByJob(document.getElementById(`report-${format}`), format));
	}

	render(audit, analyses) {
		this.audit = audit;
		this.analyses = analyses;
		const findings = audit.findings || [];
		const options = (id, values, text, name) => {
			const select = document.getElementById(id);
			const current = select.value;
			select.replaceChildren(el('option', { value: '' }, `${name}：${t('findings.all')}`),
				...[...new Set(values)].sort().map((v) => el('option', { value: v }, text(v))));
			select.value = current;
		};
		options('f-analysis', findings.map((f) => f.analysis), analysisTitle, t('findings.analysis'));
		options('f-code', findings.map((f) => f.code), findingTitle, t('findings.code'));
		options('f-severity', findings.map((f) => f.severity).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]), severity, t('findings.severity'));
		options('f-level', findings.map((f) => String(f.level)), (l) => t('pressure.level', l), t('findings.level'));
		['html', 'xlsx'].forEach((format) => {
			const link = document.getElementById(`report-${format}`);
			link.href = api.reportUrl(format);
			delete link.dataset.written; // a report written for the previous audit is not this one's
		});
		this.draw();
	}

	sortValue(x, key) {
		switch (key) {
			case 'severity': return SEVERITY_ORDER[x.severity] ?? 9;
			case 'code': return findingTitle(x.code);
			case 'level': return x.level;
			case 'unit': return unitName(x.unitId) || '';
			case 'message': return msg(x.messageZh, x.messageEn);
			default: return '';
		}
	}

	draw() {
		const f = this.filters;
		const rows = (this.audit.findings || []).filter((x) => (!f.analysis || x.analysis === f.analysis)
			&& (!f.code || x.code === f.code) && (!f.severity || x.severity === f.severity) && (!f.level || String(x.level) === f.level));
		const { key, dir } = this.sort;
		const collator = new Intl.Collator(language() === 'zh' ? 'zh-CN' : 'en');
		rows.sort((a, b) => {
			const va = this.sortValue(a, key);
			const vb = this.sortValue(b, key);
			const c = (typeof va === 'number' && typeof vb === 'number') ? va - vb : collator.compare(String(va), String(vb));
			return c * dir || (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) || a.key.localeCompare(b.key);
		});
		const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
		this.pageNo = Math.min(this.pageNo, pages - 1);
		document.getElementById('f-count').textContent = t('findings.count', rows.length);
		document.getElementById('f-page').textContent = t('findings.page', this.pageNo + 1, pages);
		document.getElementById('f-prev').disabled = this.pageNo === 0;
		document.getElementById('f-next').disabled = this.pageNo >= pages - 1;
		const shown = rows.slice(this.pageNo * PAGE_SIZE, (this.pageNo + 1) * PAGE_SIZE);
		const table = document.getElementById('findings-table');
		const columns = [['severity', t('findings.severity')], ['code', t('findings.code')], ['level', t('findings.level')],
			['unit', t('findings.unit')], ['message', t('findings.message')], [null, t('findings.rule')]];
		fillTable(table, columns.map((c) => c[1]),
			shown.map((x) => ({ x, cells: [severityBadge(x.severity), el('span', { 'data-code': x.code }, findingTitle(x.code)),
				String(x.level || '—'), unitCell(x.unitId), el('span', { class: 'msg', title: msg(x.messageZh, x.messageEn) }, msg(x.messageZh, x.messageEn)),
				el('button', { 'data-testid': 'show-rule', onclick: (e) => { e.stopPropagation(); this.showRule(x.analysis); } }, t('findings.showRule'))] })),
			(r) => ({ class: 'clickable', 'data-testid': 'finding-row', 'data-key': r.x.key, 'data-unit': r.x.unitId,
				'data-code': r.x.code, onclick: () => r.x.unitId && this.onUnit(r.x.unitId) }),
			t('common.none'));
		table.querySelectorAll('thead th').forEach((th, i) => {
			const k = columns[i][0];
			if (!k) return;
			th.classList.add('sortable');
			th.dataset.sort = k;
			th.dataset.testid = `sort-${k}`;
			if (k === key) th.classList.add(dir > 0 ? 'sorted-asc' : 'sorted-desc');
			th.addEventListener('click', () => {
				this.sort = { key: k, dir: this.sort.key === k ? -this.sort.dir : 1 };
				this.pageNo = 0;
				this.draw();
			});
		});
	}

	/** The rule's basis in Chinese (its header description and `basis:` lines), then the Cypher itself. */
	showRule(analysisId) {
		const a = (this.analyses || []).find((x) => x.id === analysisId) || {};
		document.getElementById('rule-title').textContent = analysisTitle(analysisId);
		const basis = [];
		const header = (a.cypher || '').split('\n').filter((l) => l.startsWith('//'));
		const basisLines = header.filter((l) => /^\/\/\s*basis:/i.test(l)).map((l) => l.replace(/^\/\/\s*basis:\s*/i, ''));
		if (basisLines.length) basis.push(...basisLines);
		else if (a.description) basis.push(a.description);
		const codes = (a.codes || []).map((c) => `· ${msg(c.titleZh, c.titleEn)}（${severity(c.severity)}）`);
		const box = document.getElementById('rule-basis');
		box.replaceChildren(el('b', {}, `${t('findings.basis')}：`), basis.join('\n'), el('br'), el('b', {}, `${t('findings.codes')}：`), el('br'), codes.join('\n'));
		document.getElementById('rule-text').textContent = a.cypher || a.text || '';
		document.getElementById('rule-dialog').showModal();
	}

}
