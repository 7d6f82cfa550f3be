// 趋势对比 (issue 12) and snapshots in the page (issue 13 §7): save a snapshot with a label, list the snapshots,
// compare two evaluation dates, two snapshots or a snapshot with the current data — findings new / closed / 规则调整 per
// code, per level (with the coverage and pressure changes) and per department — and a unit's grade trajectory across
// years beside its children's. Kept apart from app.js, which only calls show() and reset().
import { t, label, findingTitle, grade, msg, language } from './i18n.js';
import { el, fillTable, severityBadge, showMessage, clearMessage } from './dom.js';
import { unitCell, findUnits, resolveUnit, unitName } from './units.js';
import { request, viaJob } from './api.js';

const ITEM_PAGE = 50;
const KINDS = ['added', 'resolved', 'ruleChanged'];
const DEPARTMENTS_CHARTED = 15;

/** A request to /api/**; with `progress` answered by a job whose progress it is told (see api.js). */
const call = (method, path, params, progress) => (progress ? viaJob(method, path, params, progress) : request(method, path, params));

export function firstRecords() { return call('GET', '/api/dataset/first-records'); }

/** The warning for a date before the first records of some kind, or null: "所选日期 … 早于数据集中最早的记录（活动 2023-02-02）…". */
export function dateWarning(date, records) {
	if (!date || !records) return null;
	const later = records.filter((r) => r.date && date < r.date)
		.map((r) => `${language() === 'zh' ? r.labelZh : r.labelEn} ${r.date}`);
	return later.length ? t('trend.dateBeforeData', date, later.join(language() === 'zh' ? '、' : ', ')) : null;
}

const sign = (x, digits) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
const percent = (x) => `${sign(Math.round(x * 1000) / 10, 0)}%`;

export class TrendView {

	constructor({ onUnit, selected, datasetAsOf }) {
		this.onUnit = onUnit;
		this.selected = selected;
		this.datasetAsOf = datasetAsOf;
		this.root = document.getElementById('view-trend');
		this.built = false;
		this.result = null;
		this.snapshots = [];
		this.records = null;
		this.me = null;
		this.filter = { kind: 'added', code: '', department: null, shown: ITEM_PAGE };
		this.history = null;
		this.gradeRequest = 0;
		this.chart = null;
		this.gradeChart = null;
	}

	/** After an import: snapshots stay (system data), the comparison and grade history go. */
	reset() {
		this.result = null;
		this.history = null;
		this.gradeRequest += 1; // an answer about the previous dataset is no longer wanted
		this.records = null;
		if (this.built) {
			document.getElementById('trend-from-date').value = '';
			document.getElementById('trend-to-date').value = '';
			this.drawResult();
			this.drawGrades();
		}
	}

	async show() {
		if (!this.built) this.build();
		if (!this.me) {
			try { this.me = await call('GET', '/api/me'); } catch (e) { this.me = {}; }
		}
		const viewer = this.me.role === 'VIEWER';
		document.getElementById('snapshot-box').hidden = viewer;
		document.getElementById('trend-mode-snapshots').closest('label').hidden = viewer;
		if (!this.records) this.records = await firstRecords();
		const asOf = this.datasetAsOf();
		const from = document.getElementById('trend-from-date');
		const to = document.getElementById('trend-to-date');
		if (!to.value && asOf) to.value = asOf;
		if (!from.value && asOf) from.value = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
		if (!viewer) await this.loadSnapshots();
		this.mode(this.currentMode());
		this.drawResult();
		const unitInput = document.getElementById('grade-unit');
		if (!this.history && !unitInput.value) {
			const start = this.selected();
			// a unit chosen meanwhile wins: its own request draws
			if (start) { unitInput.value = `${unitName(start)}（${start}）`; if (!(await this.loadGrades(start))) return; }
		}
		this.drawGrades();
	}

	build() {
		this.built = true;
		const radio = (value, key, checked) => el('label', {}, el('input', { type: 'radio', name: 'trend-mode', value, id: `trend-mode-${value}`,
			'data-testid': `trend-mode-${value}`, checked }), ' ', el('span', { 'data-i18n': key }, t(key)));
		const labelled = (key, input) => el('label', {}, el('span', { 'data-i18n': key }, t(key)), ' ', input);
		this.root.replaceChildren(
			el('div', { id: 'snapshot-box', class: 'trend-box', 'data-testid': 'snapshot-box' },
				el('h3', { 'data-i18n': 'trend.snapshots' }, t('trend.snapshots')),
				el('form', { id: 'snapshot-form', class: 'toolbar', onsubmit: (e) => { e.preventDefault(); this.createSnapshot(); } },
					el('input', { id: 'snapshot-label', 'data-testid': 'snapshot-label', maxlength: 100, 'data-i18n-placeholder': 'trend.labelPlaceholder',
						placeholder: t('trend.labelPlaceholder') }),
					el('button', { type: 'submit', id: 'snapshot-create', 'data-testid': 'snapshot-create', 'data-i18n': 'trend.create' }, t('trend.create')),
					el('span', { class: 'hint', 'data-i18n': 'trend.snapshotHint' }, t('trend.snapshotHint'))),
				el('div', { class: 'table-wrap trend-snapshots' }, el('table', { id: 'snapshot-table', class: 'dense', 'data-testid': 'snapshot-table' }))),
			el('form', { id: 'trend-form', class: 'toolbar trend-form', 'data-testid': 'trend-form', onsubmit: (e) => { e.preventDefault(); this.compare(); } },
				el('span', { class: 'modes', role: 'radiogroup' }, radio('dates', 'trend.modeDates', true), radio('snapshots', 'trend.modeSnapshots', false)),
				el('span', { id: 'trend-date-fields', class: 'fields' },
					labelled('trend.from', el('input', { type: 'date', id: 'trend-from-date', 'data-testid': 'trend-from-date' })),
					labelled('trend.to', el('input', { type: 'date', id: 'trend-to-date', 'data-testid': 'trend-to-date' }))),
				el('span', { id: 'trend-snapshot-fields', class: 'fields', hidden: true },
					labelled('trend.from', el('select', { id: 'trend-from-snapshot', 'data-testid': 'trend-from-snapshot' })),
					labelled('trend.to', el('select', { id: 'trend-to-snapshot', 'data-testid': 'trend-to-snapshot' }))),
				el('button', { type: 'submit', id: 'trend-submit', 'data-testid': 'trend-submit', 'data-i18n': 'trend.compare' }, t('trend.compare'))),
			el('p', { id: 'trend-warning', class: 'trend-warning', 'data-testid': 'trend-date-warning', hidden: true }),
			el('h2', { id: 'trend-heading', class: 'question', 'data-testid': 'trend-heading' }),
			el('div', { id: 'trend-result', class: 'trend-result', 'data-testid': 'trend-result', hidden: true },
				el('div', { class: 'trend-grid' },
					el('div', {}, el('h3', { 'data-i18n': 'trend.byCode' }, t('trend.byCode')),
						el('div', { class: 'table-wrap trend-table' }, el('table', { id: 'trend-by-code', class: 'dense', 'data-testid': 'trend-by-code' }))),
					el('div', {}, el('h3', { 'data-i18n': 'trend.byDepartment' }, t('trend.byDepartment')),
						el('div', { id: 'trend-chart', class: 'trend-chart', 'data-testid': 'trend-chart' }),
						el('div', { class: 'table-wrap trend-table' }, el('table', { id: 'trend-by-department', class: 'dense', 'data-testid': 'trend-by-department' })))),
				el('h3', { 'data-i18n': 'trend.byLevel' }, t('trend.byLevel')),
				el('div', { class: 'table-wrap' }, el('table', { id: 'trend-by-level', class: 'dense trend-levels', 'data-testid': 'trend-by-level' })),
				el('h3', { id: 'trend-items-title', 'data-testid': 'trend-items-title' }),
				el('div', { class: 'toolbar' },
					el('select', { id: 'trend-kind', 'data-testid': 'trend-kind', onchange: (e) => { this.filter.kind = e.target.value; this.filter.shown = ITEM_PAGE; this.drawItems(); } }),
					el('button', { type: 'button', id: 'trend-clear', 'data-testid': 'trend-clear', 'data-i18n': 'trend.clearFilter',
						onclick: () => { this.filter.code = ''; this.filter.department = null; this.filter.shown = ITEM_PAGE; this.drawItems(); } }, t('trend.clearFilter'))),
				el('div', { class: 'table-wrap' }, el('table', { id: 'trend-items', class: 'dense', 'data-testid': 'trend-items' })),
				el('button', { type: 'button', id: 'trend-more', 'data-testid': 'trend-more', hidden: true,
					onclick: () => { this.filter.shown += ITEM_PAGE; this.drawItems(); } })),
			el('h3', { 'data-i18n': 'trend.grades' }, t('trend.grades')),
			el('form', { id: 'grade-form', class: 'toolbar', onsubmit: (e) => { e.preventDefault(); this.gradeUnit(); } },
				labelled('trend.gradeUnit', el('input', { id: 'grade-unit', 'data-testid': 'grade-unit', list: 'grade-unit-results', autocomplete: 'off',
					'data-i18n-placeholder': 'acc.unitPlaceholder', placeholder: t('acc.unitPlaceholder') })),
				el('datalist', { id: 'grade-unit-results' }),
				el('button', { type: 'submit', 'data-testid': 'grade-submit', 'data-i18n': 'trend.gradeShow' }, t('trend.gradeShow')),
				labelled('trend.scheme', el('select', { id: 'grade-scheme', 'data-testid': 'grade-scheme', onchange: () => this.drawGradeTable() }))),
			el('p', { id: 'grade-note', class: 'caption', 'data-testid': 'grade-note' }),
			el('div', { id: 'grade-chart', class: 'grade-chart', 'data-testid': 'grade-chart' }),
			el('div', { class: 'table-wrap' }, el('table', { id: 'grade-table', class: 'dense', 'data-testid': 'grade-table' })));
		this.root.querySelectorAll('input[name=trend-mode]').forEach((r) => r.addEventListener('change', () => this.mode(r.value)));
		const unitInput = document.getElementById('grade-unit');
		let timer = null;
		unitInput.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				document.getElementById('grade-unit-results').replaceChildren(...findUnits(unitInput.value)
					.map((u) => el('option', { value: `${u.name}（${u.id}）` }, label('unitKind', u.kind))));
			}, 150);
		});
		unitInput.addEventListener('change', () => { if (resolveUnit(unitInput.value)) this.gradeUnit(); });
		['trend-from-date', 'trend-to-date'].forEach((id) => document.getElementById(id).addEventListener('change', () => this.warnDates()));
	}

	currentMode() { return (this.root.querySelector('input[name=trend-mode]:checked') || {}).value || 'dates'; }

	mode(value) {
		document.getElementById('trend-date-fields').hidden = value !== 'dates';
		document.getElementById('trend-snapshot-fields').hidden = value !== 'snapshots';
		this.warnDates();
	}

	warnDates() {
		const box = document.getElementById('trend-warning');
		const dates = this.currentMode() === 'dates'
			? [document.getElementById('trend-from-date').value, document.getElementById('trend-to-date').value] : [];
		const warnings = dates.map((d) => dateWarning(d, this.records)).filter(Boolean);
		box.textContent = warnings[0] || '';
		box.hidden = !warnings.length;
	}

	async loadSnapshots() {
		try {
			this.snapshots = await call('GET', '/api/snapshots');
		}
		catch (e) {
			this.snapshots = [];
			if (e.status !== 403) showMessage(e.message);
		}
		this.drawSnapshots();
	}

	scopeName(scope) { return scope ? unitName(scope) : t('trend.allUnits'); }

	drawSnapshots() {
		const time = (s) => (s.createdAt ? s.createdAt.replace('T', ' ').slice(0, 16) : '');
		fillTable(document.getElementById('snapshot-table'),
			[t('trend.label'), t('app.asOf'), t('trend.scope'), t('trend.createdAt'), ''],
			this.snapshots.map((s) => ({ s, cells: [s.label, s.asOf || '', this.scopeName(s.scope), time(s),
				el('button', { type: 'button', 'data-testid': 'snapshot-diff-current', onclick: () => this.compareSnapshot(s.id, '') }, t('trend.againstCurrent'))] })),
			(r) => ({ 'data-testid': 'snapshot-row', 'data-snapshot': r.s.id }), t('trend.noSnapshots'));
		const option = (s) => el('option', { value: s.id }, `${s.label}（${s.asOf || ''}）`);
		['trend-from-snapshot', 'trend-to-snapshot'].forEach((id, i) => {
			const select = document.getElementById(id);
			const current = select.value;
			select.replaceChildren(...(i === 1 ? [el('option', { value: '' }, t('trend.currentData'))] : []), ...this.snapshots.map(option));
			if (current && [...select.options].some((o) => o.value === current)) select.value = current;
			else if (i === 0 && this.snapshots.length) select.value = this.snapshots[this.snapshots.length > 1 ? 1 : 0].id;
			else if (i === 1 && this.snapshots.length > 1) select.value = this.snapshots[0].id;
		});
	}

	async createSnapshot() {
		const button = document.getElementById('snapshot-create');
		const input = document.getElementById('snapshot-label');
		button.disabled = true;
		clearMessage();
		try {
			const created = await call('POST', '/api/snapshots', { label: input.value.trim(), asOf: this.datasetAsOf() },
				(job) => { button.textContent = t('trend.creating', job.percent ?? 0); });
			input.value = '';
			await this.loadSnapshots();
			showMessage(t('trend.created', created.label), true);
		}
		catch (e) {
			showMessage(e.message);
		}
		finally {
			button.disabled = false;
			button.textContent = t('trend.create');
		}
	}

	async compareSnapshot(from, to) {
		document.getElementById('trend-mode-snapshots').checked = true;
		this.mode('snapshots');
		document.getElementById('trend-from-snapshot').value = from;
		document.getElementById('trend-to-snapshot').value = to;
		await this.compare();
	}

	async compare() {
		const button = document.getElementById('trend-submit');
		const heading = document.getElementById('trend-heading');
		clearMessage();
		button.disabled = true;
		heading.textContent = t('trend.computing');
		// both audits run as a job: the heading says how far they are
		const progress = (job) => { heading.textContent = t('trend.progress', job.percent ?? 0); };
		try {
			if (this.currentMode() === 'dates') {
				const from = document.getElementById('trend-from-date').value;
				const to = document.getElementById('trend-to-date').value;
				if (!from || !to) { showMessage(t('trend.needDates')); heading.textContent = ''; return; }
				this.result = await call('GET', '/api/trend', { from, to }, progress);
			}
			else {
				const from = document.getElementById('trend-from-snapshot').value;
				const to = document.getElementById('trend-to-snapshot').value;
				if (!from) { showMessage(t('trend.needSnapshot')); heading.textContent = ''; return; }
				this.result = await call('GET', `/api/snapshots/${encodeURIComponent(from)}/trend`, { to, asOf: to ? null : this.datasetAsOf() }, progress);
				this.result.toCurrent = !to;
			}
			this.filter = { kind: 'added', code: '', department: null, shown: ITEM_PAGE };
			this.drawResult();
		}
		catch (e) {
			heading.textContent = '';
			showMessage(e.message);
		}
		finally {
			button.disabled = false;
		}
	}

	side(s, current) {
		if (s.id) return t('trend.sideSnapshot', s.label, s.asOf || '');
		return t(current ? 'trend.sideCurrent' : 'trend.sideDate', s.asOf || '');
	}

	drawResult() {
		const r = this.result;
		const box = document.getElementById('trend-result');
		const heading = document.getElementById('trend-heading');
		box.hidden = !r;
		if (!r) { heading.textContent = ''; return; }
		const scope = r.scope ? t('trend.inScope', unitName(r.scope)) : '';
		heading.textContent = t('trend.heading', this.side(r.from), this.side(r.to, r.toCurrent), scope)
			+ t('trend.totals', r.totals.added, r.totals.resolved, r.totals.ruleChanged, r.totals.unchanged);
		const counts = (c) => [el('span', { class: c.added ? 'up' : '' }, String(c.added)), el('span', { class: c.resolved ? 'down' : '' }, String(c.resolved)),
			String(c.ruleChanged), String(c.unchanged), sign(c.added - c.resolved, 0)];
		const countHeads = [t('trend.added'), t('trend.resolved'), t('trend.ruleChanged'), t('trend.unchanged'), t('trend.net')];
		fillTable(document.getElementById('trend-by-code'), [t('findings.severity'), t('findings.code'), ...countHeads],
			r.byCode.map((g) => ({ g, cells: [severityBadge(g.severity), findingTitle(g.key), ...counts(g.counts)] })),
			(row) => ({ 'data-testid': 'trend-code-row', 'data-code': row.g.key, class: 'clickable',
				onclick: () => { this.filter.code = row.g.key; this.filter.department = null; this.filter.shown = ITEM_PAGE; this.drawItems(); } }),
			t('common.none'));
		const departmentName = (g) => (g.key ? unitCell(g.key, g.name) : t('trend.noDepartment'));
		fillTable(document.getElementById('trend-by-department'), [t('trend.department'), ...countHeads],
			r.byDepartment.map((g) => ({ g, cells: [departmentName(g), ...counts(g.counts)] })),
			(row) => ({ 'data-testid': 'trend-department-row', 'data-department': row.g.key, class: 'clickable',
				onclick: () => { this.filter.department = row.g.key; this.filter.code = ''; this.filter.shown = ITEM_PAGE; this.drawItems(); } }),
			t('common.none'));
		const levelCounts = new Map(r.byLevel.map((g) => [Number(g.key), g.counts]));
		const levels = [...new Set([...r.levels.map((l) => l.level), ...levelCounts.keys()])].sort((a, b) => a - b);
		const zero = { added: 0, resolved: 0, ruleChanged: 0, unchanged: 0 };
		fillTable(document.getElementById('trend-by-level'),
			[t('findings.level'), ...countHeads, t('trend.units'), t('trend.pressureChange'), t('trend.coldChange'), t('trend.coverageChange')],
			levels.map((level) => {
				const d = r.levels.find((l) => l.level === level);
				const coverage = d ? Object.entries(d.coverage || {}).filter(([, v]) => Math.abs(v) >= 0.0005)
					.map(([domain, v]) => el('span', { class: `badge ${v < 0 ? 'down' : 'up'}` }, `${label('domain', domain)} ${percent(v)}`)) : [];
				return { level, cells: [level ? t('pressure.level', level) : t('trend.noLevel'), ...counts(levelCounts.get(level) || zero),
					d ? `${d.unitsBefore} → ${d.unitsAfter}` : '', d ? sign(d.pressureMeanDelta, 2) : '', d ? percent(d.coldShareDelta) : '',
					coverage.length ? el('span', {}, coverage) : t('trend.noChange')] };
			}),
			(row) => ({ 'data-testid': 'trend-level-row', 'data-level': row.level }), t('common.none'));
		this.drawChart();
		this.drawItems();
	}

	drawChart() {
		const r = this.result;
		const box = document.getElementById('trend-chart');
		const rows = r.byDepartment.filter((g) => g.counts.added || g.counts.resolved).slice(0, DEPARTMENTS_CHARTED).reverse();
		box.hidden = !rows.length;
		if (!rows.length) return;
		box.style.height = `${Math.max(160, rows.length * 26 + 70)}px`;
		this.chart = this.chart || echarts.init(box, null, { renderer: 'svg' });
		const names = rows.map((g) => (g.key ? (g.name || g.key) : t('trend.noDepartment')));
		this.chart.setOption({
			tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
			legend: { data: [t('trend.added'), t('trend.resolved')], top: 0 },
			grid: { left: 10, right: 30, top: 28, bottom: 10, containLabel: true },
			xAxis: { type: 'value', minInterval: 1 },
			yAxis: { type: 'category', data: names, axisLabel: { width: 170, overflow: 'truncate' } },
			series: [
				{ name: t('trend.added'), type: 'bar', data: rows.map((g) => g.counts.added), itemStyle: { color: '#c23531' } },
				{ name: t('trend.resolved'), type: 'bar', data: rows.map((g) => g.counts.resolved), itemStyle: { color: '#3a9b5d' } },
			],
		}, true);
		this.chart.resize();
	}

	drawItems() {
		const r = this.result;
		if (!r) return;
		const kindSelect = document.getElementById('trend-kind');
		kindSelect.replaceChildren(...KINDS.map((k) => el('option', { value: k }, `${t(`trend.${k}`)}（${r[k].length}）`)));
		kindSelect.value = this.filter.kind;
		const items = r[this.filter.kind].filter((i) => (!this.filter.code || i.code === this.filter.code)
			&& (this.filter.department === null || (i.departmentId || '') === this.filter.department));
		const filters = [];
		if (this.filter.code) filters.push(findingTitle(this.filter.code));
		if (this.filter.department !== null) filters.push(this.filter.department ? unitName(this.filter.department) : t('trend.noDepartment'));
		document.getElementById('trend-items-title').textContent = t('trend.itemsTitle', filters.length ? filters.join(' · ') : t('trend.allItems'), items.length);
		document.getElementById('trend-clear').hidden = !filters.length;
		const shown = items.slice(0, this.filter.shown);
		fillTable(document.getElementById('trend-items'),
			[t('trend.change'), t('findings.severity'), t('findings.code'), t('findings.unit'), t('trend.department'), t('findings.message')],
			shown.map((i) => ({ i, cells: [el('span', { class: `change ${this.filter.kind}` }, t(`trend.${this.filter.kind}`)), severityBadge(i.severity),
				findingTitle(i.code), i.unitId ? el('a', { href: `#unit=${encodeURIComponent(i.unitId)}`, 'data-testid': 'trend-unit-link',
					onclick: (e) => { e.preventDefault(); this.onUnit(i.unitId); } }, unitCell(i.unitId, i.unitName)) : '—',
				i.departmentId ? (i.departmentName || i.departmentId) : '—', el('span', { class: 'msg' }, msg(i.messageZh, i.messageEn))] })),
			(row) => ({ 'data-testid': 'trend-item', 'data-key': row.i.key }), t('common.none'));
		const more = document.getElementById('trend-more');
		more.hidden = items.length <= shown.length;
		more.textContent = t('trend.more', items.length - shown.length);
	}

	async gradeUnit() {
		const input = document.getElementById('grade-unit');
		const unit = resolveUnit(input.value);
		if (!unit) { showMessage(t('acc.unknownUnit', input.value.trim())); return; }
		input.value = `${unit.name}（${unit.id}）`;
		clearMessage();
		if (await this.loadGrades(unit.id)) this.drawGrades();
	}

	/**
	 * Reads a unit's grade history into this.history, unless another unit's was asked for
	 * meanwhile (an earlier answer may arrive later): false then, and nothing changes.
	 */
	async loadGrades(unitId) {
		const request = ++this.gradeRequest;
		let history = null;
		let error = null;
		try {
			history = await call('GET', `/api/units/${encodeURIComponent(unitId)}/grades`);
		}
		catch (e) {
			error = e;
		}
		if (request !== this.gradeRequest) return false;
		this.history = history;
		if (error) showMessage(error.message);
		return true;
	}

	drawGrades() {
		const h = this.history;
		const note = document.getElementById('grade-note');
		const schemeSelect = document.getElementById('grade-scheme');
		const chartBox = document.getElementById('grade-chart');
		if (!h) { note.textContent = ''; chartBox.hidden = true; document.getElementById('grade-table').replaceChildren(); return; }
		const current = schemeSelect.value;
		schemeSelect.replaceChildren(...h.schemes.map((s) => el('option', { value: s }, label('gradingScheme', s))));
		if (h.schemes.includes(current)) schemeSelect.value = current;
		else if (h.schemes.includes('ABCD')) schemeSelect.value = 'ABCD';
		const self = h.units.find((u) => u.selected);
		note.textContent = h.hidden ? t('trend.gradesHidden')
			: h.years.length ? t('trend.gradesNote', self.name, h.units.length - 1) : t('trend.noGrades', self.name);
		const ownSchemes = h.schemes.filter((s) => self.grades.some((g) => g.scheme === s));
		chartBox.hidden = !ownSchemes.length;
		if (ownSchemes.length) this.drawGradeChart(h, self, ownSchemes);
		this.drawGradeTable();
	}

	/** One small line chart per scheme the unit was graded in: years across, grades best at the top. */
	drawGradeChart(h, self, schemes) {
		const box = document.getElementById('grade-chart');
		const height = 150;
		box.style.height = `${schemes.length * height + 20}px`;
		this.gradeChart = this.gradeChart || echarts.init(box, null, { renderer: 'svg' });
		const years = h.years.map(String);
		const option = { tooltip: { trigger: 'axis' }, title: [], grid: [], xAxis: [], yAxis: [], series: [] };
		schemes.forEach((scheme, i) => {
			const scale = [...(h.scales[scheme] || [])].reverse();
			option.title.push({ text: label('gradingScheme', scheme), left: 10, top: i * height, textStyle: { fontSize: 13 } });
			option.grid.push({ left: 110, right: 30, top: i * height + 28, height: height - 60 });
			option.xAxis.push({ type: 'category', gridIndex: i, data: years, boundaryGap: false });
			option.yAxis.push({ type: 'category', gridIndex: i, data: scale, axisLabel: { formatter: (v) => grade(scheme, v) } });
			const byYear = new Map(self.grades.filter((g) => g.scheme === scheme).map((g) => [String(g.year), g.grade]));
			option.series.push({ name: label('gradingScheme', scheme), type: 'line', xAxisIndex: i, yAxisIndex: i, connectNulls: true,
				symbolSize: 9, data: years.map((y) => (byYear.has(y) ? byYear.get(y) : null)),
				label: { show: true, formatter: (p) => grade(scheme, p.value) },
				tooltip: { valueFormatter: (v) => grade(scheme, v) } });
		});
		this.gradeChart.setOption(option, true);
		this.gradeChart.resize();
	}

	/** The unit and its children: the chosen scheme's grade per year, and whether it got better or worse. */
	drawGradeTable() {
		const h = this.history;
		const table = document.getElementById('grade-table');
		if (!h) { table.replaceChildren(); return; }
		const scheme = document.getElementById('grade-scheme').value;
		const scale = h.scales[scheme] || [];
		const rank = (g) => scale.indexOf(g);
		fillTable(table, [t('findings.unit'), t('coverage.kind'), ...h.years.map(String), t('trend.direction')],
			h.units.map((u) => {
				const byYear = new Map(u.grades.filter((g) => g.scheme === scheme).map((g) => [g.year, g.grade]));
				const graded = h.years.filter((y) => byYear.has(y));
				let direction = '—';
				if (graded.length > 1) {
					const delta = rank(byYear.get(graded[graded.length - 1])) - rank(byYear.get(graded[0]));
					direction = delta < 0 ? el('span', { class: 'down' }, t('trend.better')) : delta > 0 ? el('span', { class: 'up' }, t('trend.worse')) : t('trend.same');
				}
				return { u, cells: [unitCell(u.id, u.name), label('unitKind', u.kind),
					...h.years.map((y) => (byYear.has(y) ? el('span', { class: `grade g${scheme === 'DESIGNATED_WEAK' ? 3 : Math.min(3, rank(byYear.get(y)))}` }, grade(scheme, byYear.get(y))) : '')), direction] };
			}),
			(row) => ({ 'data-testid': 'grade-row', 'data-unit': row.u.id, class: row.u.selected ? 'selected' : '' }), t('common.none'));
	}

	/** The language changed: redraw what was drawn from codes. */
	relabel() {
		if (!this.built) return;
		this.drawSnapshots();
		this.warnDates();
		this.drawResult();
		this.drawGrades();
	}

	resize() {
		if (this.chart) this.chart.resize();
		if (this.gradeChart) this.gradeChart.resize();
	}

}
