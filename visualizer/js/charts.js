// Pressure view (上热中温下冷: pressure by level, cold share, 中梗阻 units) and coverage view (level × domain heatmap).
import { t, code, msg } from './i18n.js';
import { fillTable, severityBadge } from './dom.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];

let pressureChart;
let coverageChart;

export function renderPressure(audit) {
	pressureChart = pressureChart || echarts.init(document.getElementById('pressure-chart'));
	const levels = audit.levels || [];
	pressureChart.setOption({
		tooltip: { trigger: 'axis' },
		legend: { data: [t('pressure.mean'), t('pressure.median'), t('pressure.cold')] },
		xAxis: { type: 'category', data: levels.map((l) => t('pressure.level', l.level)) },
		yAxis: [{ type: 'value', name: '压力' }, { type: 'value', name: t('pressure.cold'), max: 1 }],
		series: [
			{ name: t('pressure.mean'), type: 'bar', data: levels.map((l) => round(l.pressureMean)), itemStyle: { color: '#c23531' } },
			{ name: t('pressure.median'), type: 'bar', data: levels.map((l) => round(l.pressureMedian)), itemStyle: { color: '#e98f36' } },
			{ name: t('pressure.cold'), type: 'line', yAxisIndex: 1, data: levels.map((l) => round(l.coldShare)), itemStyle: { color: '#4285f4' } },
		],
	}, true);
	pressureChart.resize();
	const blocked = (audit.findings || []).filter((f) => f.code === 'MIDDLE_BLOCKAGE' || f.code === 'LEVEL_DECAY');
	fillTable(document.getElementById('blockage-table'), [t('findings.severity'), t('findings.unit'), t('findings.message')],
		blocked.map((f) => ({ cells: [severityBadge(f.severity), f.unitId, msg(f.messageZh, f.messageEn)] })),
		() => ({ 'data-testid': 'blockage-row' }));
}

export function renderCoverage(audit) {
	coverageChart = coverageChart || echarts.init(document.getElementById('coverage-chart'));
	const levels = audit.levels || [];
	const data = [];
	levels.forEach((l, y) => DOMAINS.forEach((d, x) => data.push([x, y, round((l.coverage || {})[d] ?? 0)])));
	coverageChart.setOption({
		tooltip: { formatter: (p) => `${code(DOMAINS[p.value[0]])} · ${t('pressure.level', levels[p.value[1]].level)}：${Math.round(p.value[2] * 100)}%` },
		grid: { left: 80, right: 30, top: 30, bottom: 90 },
		xAxis: { type: 'category', data: DOMAINS.map(code), axisLabel: { rotate: 30 } },
		yAxis: { type: 'category', data: levels.map((l) => t('pressure.level', l.level)) },
		visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#c23531', '#f5d76e', '#3a9b5d'] } },
		series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${Math.round(p.value[2] * 100)}%` } }],
	}, true);
	coverageChart.resize();
	coverageChart.off('click');
	coverageChart.on('click', (p) => showBlanks(audit, levels[p.value[1]].level, DOMAINS[p.value[0]]));
}

function showBlanks(audit, level, domain) {
	const coverage = (audit.analyses || []).find((a) => a.id === 'list-coverage');
	const blanks = ((coverage && coverage.metrics && coverage.metrics.blanks) || [])
		.filter((b) => b.level === level && b.domain === domain).flatMap((b) => b.unitIds || []);
	fillTable(document.getElementById('blank-table'), [t('coverage.blanks'), `${t('pressure.level', level)} · ${code(domain)}`],
		blanks.map((id) => ({ cells: [id, ''] })), () => ({ 'data-testid': 'blank-row' }));
}

const round = (x) => (x === null || x === undefined ? 0 : Math.round(x * 100) / 100);
