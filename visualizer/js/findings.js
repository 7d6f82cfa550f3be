// Findings table: every finding of the scope with filters; a row leads to its unit on the tree; "show rule" opens the
// Cypher file behind the analysis.
import { t, code, msg } from './i18n.js';
import { el, fillTable, severityBadge } from './dom.js';
import { api } from './api.js';

export class FindingsView {

	constructor({ onUnit }) {
		this.onUnit = onUnit;
		this.filters = { analysis: '', code: '', severity: '', level: '' };
		['analysis', 'code', 'severity', 'level'].forEach((k) => {
			document.getElementById(`f-${k}`).addEventListener('change', (e) => { this.filters[k] = e.target.value; this.draw(); });
		});
	}

	render(audit, analyses) {
		this.audit = audit;
		this.analyses = analyses;
		const findings = audit.findings || [];
		const options = (id, values, label) => {
			const select = document.getElementById(id);
			const current = select.value;
			select.replaceChildren(el('option', { value: '' }, `${label}：${t('findings.all')}`),
				...[...new Set(values)].sort().map((v) => el('option', { value: v }, String(v))));
			select.value = current;
		};
		options('f-analysis', findings.map((f) => f.analysis), t('findings.analysis'));
		options('f-code', findings.map((f) => f.code), t('findings.code'));
		options('f-severity', findings.map((f) => f.severity), t('findings.severity'));
		options('f-level', findings.map((f) => String(f.level)), t('findings.level'));
		document.getElementById('report-html').href = api.reportUrl('html');
		document.getElementById('report-xlsx').href = api.reportUrl('xlsx');
		this.draw();
	}

	draw() {
		const f = this.filters;
		const rows = (this.audit.findings || []).filter((x) => (!f.analysis || x.analysis === f.analysis)
			&& (!f.code || x.code === f.code) && (!f.severity || x.severity === f.severity) && (!f.level || String(x.level) === f.level));
		document.getElementById('f-count').textContent = t('findings.count', rows.length);
		const shown = rows.slice(0, 2000);
		fillTable(document.getElementById('findings-table'),
			[t('findings.severity'), t('findings.code'), t('findings.level'), t('findings.unit'), t('findings.message'), t('findings.evidence'), t('findings.rule')],
			shown.map((x) => ({ x, cells: [severityBadge(x.severity), x.code, String(x.level), x.unitId || '—',
				msg(x.messageZh, x.messageEn), (x.evidence && x.evidence.paths && x.evidence.paths.length
					? x.evidence.paths.map((p) => p.join(' → ')).join('；') : (x.evidence ? x.evidence.nodeIds.join('、') : '')),
				el('button', { 'data-testid': 'show-rule', onclick: (e) => { e.stopPropagation(); this.showRule(x.analysis); } }, t('findings.showRule'))] })),
			(r) => ({ class: 'clickable', 'data-testid': 'finding-row', 'data-key': r.x.key, 'data-unit': r.x.unitId,
				title: r.x.messageEn, onclick: () => r.x.unitId && this.onUnit(r.x.unitId) }));
	}

	showRule(analysisId) {
		const a = (this.analyses || []).find((x) => x.id === analysisId) || {};
		document.getElementById('rule-title').textContent = a.title || analysisId;
		document.getElementById('rule-text').textContent = a.cypher || a.text || '';
		document.getElementById('rule-dialog').showModal();
	}

}
