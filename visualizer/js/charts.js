// Pressure view (上热中温下冷: pressure by level, cold share, 中梗阻 units) and coverage view (level × domain heatmap of
// list-coverage's matrix, with the blank list of a clicked cell).
import { t, label, findingTitle, msg } from './i18n.js';
import { el, fillTable, severityBadge } from './dom.js';
import { unitCell } from './units.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];

let pressureChart;
let coverageChart;
let lastCell = null;

export function renderPressure(audit, onUnit) {
	pressureChart = pressureChart || echarts.init(document.getElementById('pressure-chart'), null, { renderer: 'svg' });
	const levels = audit.levels || [];
	pressureChart.setOption({
		tooltip: { trigger: 'axis' },
		legend: { data: [t('pressure.mean'), t('pressure.median'), t('pressure.cold')] },
		xAxis: { type: 'category', data: levels.map((l) => t('pressure.level', l.level)) },
		yAxis: [{ type: 'value', name: t('pressure.axis') }, { type: 'value', name: t('pressure.cold'), max: 1 }],
		series: [
			{ name: t('pressure.mean'), type: 'bar', data: levels.map((l) => round(l.pressureMean)), itemStyle: { color: '#c23531' },
				markLine: { symbol: 'none', silent: true, data: [{ yAxis: 1, label: { formatter: '1.0' } }], lineStyle: { color: '#3a9b5d', type: 'dashed' } } },
			{ name: t('pressure.median'), type: 'bar', data: levels.map((l) => round(l.pressureMedian)), itemStyle: { color: '#e98f36' } },
			{ name: t('pressure.cold'), type: 'line', yAxisIndex: 1, data: levels.map((l) => round(l.coldShare)), itemStyle: { color: '#4285f4' } },
		],
	}, true);
	pressureChart.resize();
	const blocked = (audit.findings || []).filter((f) => f.code === 'MIDDLE_BLOCKAGE' || f.code === 'LEVEL_DECAY');
	fillTable(document.getElementById('blockage-table'),
		[t('findings.severity'), t('findings.code'), t('findings.unit'), t('findings.message')],
		blocked.map((f) => ({ f, cells: [severityBadge(f.severity), findingTitle(f.code), unitCell(f.unitId), msg(f.messageZh, f.messageEn)] })),
		(r) => ({ 'data-testid': 'blockage-row', class: r.f.unitId ? 'clickable' : '', onclick: () => r.f.unitId && onUnit && onUnit(r.f.unitId) }),
		t('common.none'));
}

function listCoverage(audit) {
	const a = (audit.analyses || []).find((x) => x.id === 'list-coverage');
	return (a && a.metrics) || {};
}

export function renderCoverage(audit, onUnit) {
	coverageChart = coverageChart || echarts.init(document.getElementById('coverage-chart'), null, { renderer: 'svg' });
	const metrics = listCoverage(audit);
	const rows = metrics.coverage || [];
	const data = [];
	rows.forEach((l, y) => DOMAINS.forEach((d, x) => data.push([x, y, (l.domains || {})[d] ?? 0])));
	const excluded = metrics.excluded || {};
	const levelName = (l) => `${t('pressure.level', l.level)}（${l.units}）`;
	coverageChart.setOption({
		tooltip: { formatter: (p) => {
			const l = rows[p.value[1]];
			return `${label('domain', DOMAINS[p.value[0]])} · ${t('pressure.level', l.level)}：${Math.round(p.value[2] * 100)}%`
				+ `<br>${t('coverage.owing')} ${l.units}，${t('coverage.left')} ${l.excluded ?? excluded[l.level] ?? 0}`;
		} },
		grid: { left: 110, right: 30, top: 20, bottom: 100 },
		xAxis: { type: 'category', data: DOMAINS.map((d) => label('domain', d)), axisLabel: { rotate: 20 } },
		yAxis: { type: 'category', inverse: true, data: rows.map(levelName) },
		// steps, not a gradient: green only at 100 % (no finding says a list is missing), cells show floored percentages
		visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, itemGap: 14,
			text: [t('coverage.scaleTitle')], showLabel: true,
			pieces: [
				{ gte: 1, label: t('coverage.scaleFull'), color: '#3a9b5d' },
				{ gte: 0.9, lt: 1, label: '90–99%', color: '#a8d08d' },
				{ gte: 0.7, lt: 0.9, label: '70–89%', color: '#f5d76e' },
				{ gte: 0.5, lt: 0.7, label: '50–69%', color: '#e98f36' },
				{ lt: 0.5, label: t('coverage.scaleLow'), color: '#c23531' },
			] },
		series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${Math.floor(p.value[2] * 100)}%` } }],
	}, true);
	coverageChart.resize();
	coverageChart.off('click');
	coverageChart.on('click', (p) => {
		lastCell = [rows[p.value[1]].level, DOMAINS[p.value[0]]];
		showBlanks(audit, ...lastCell, onUnit);
	});
	if (!lastCell || !rows.some((r) => r.level === lastCell[0])) {
		// open the worst cell's blank list right away; the caption says how to pick another
		const worst = [...(metrics.blanks || [])].sort((a, b) => (b.missing || 0) - (a.missing || 0))[0];
		lastCell = worst && worst.missing ? [worst.level, worst.domain] : null;
	}
	if (lastCell) showBlanks(audit, ...lastCell, onUnit);
	else {
		document.getElementById('blank-title').textContent = t('coverage.none');
		document.getElementById('blank-table').replaceChildren();
	}
}

export function showBlanks(audit, level, domain, onUnit) {
	const cell = (listCoverage(audit).blanks || []).find((b) => b.level === level && b.domain === domain) || {};
	const units = cell.units || (cell.unitIds || []).map((id) => ({ id, codes: [] }));
	const more = (cell.missing || 0) - units.length;
	document.getElementById('blank-title').textContent = `${t('coverage.blanks')}：${t('pressure.level', level)} · ${label('domain', domain)}`
		+ `（${cell.missing || 0}）${more > 0 ? `，${t('coverage.more', more)}` : ''}`;
	fillTable(document.getElementById('blank-table'), [t('findings.unit'), t('coverage.kind'), t('coverage.reason')],
		units.map((u) => ({ u, cells: [el('a', { href: `#unit=${encodeURIComponent(u.id)}`, 'data-testid': 'blank-unit-link',
			onclick: (e) => { e.preventDefault(); onUnit && onUnit(u.id); } }, unitCell(u.id, u.name)),
			label('unitKind', u.kind), el('span', { class: 'blank-codes' }, (u.codes || []).map((c) => el('span', { class: 'badge', 'data-code': c }, findingTitle(c))))] })),
		(r) => ({ 'data-testid': 'blank-row', 'data-unit': r.u.id }), t('coverage.none'));
}

const round = (x) => (x === null || x === undefined ? 0 : Math.round(x * 100) / 100);
