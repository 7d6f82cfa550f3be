// Who is accountable: the ordered chain (design.md "Accountability resolution") as a table and as a path drawn by
// distance from the unit; gaps (nobody in the post) in red.
import { t, code, msg } from './i18n.js';
import { fillTable } from './dom.js';

export class AccountabilityView {

	constructor() {
		this.chart = echarts.init(document.getElementById('acc-tree'));
	}

	render(chain) {
		const entries = chain.entries || [];
		fillTable(document.getElementById('acc-table'),
			[t('acc.rank'), t('acc.responsibility'), t('findings.unit'), t('acc.post'), t('acc.person'), t('acc.rule')],
			entries.map((e) => ({ e, cells: [String(e.rank), code(e.responsibility), e.unitName || e.unitId,
				e.postTitle || '—', e.personName || (e.gap ? t('acc.nobody') : '—'), msg(e.ruleZh, e.ruleEn) || e.rule] })),
			(r) => ({ class: r.e.gap ? 'gap' : '', 'data-testid': 'acc-row', 'data-unit': r.e.unitId,
				'data-responsibility': r.e.responsibility }));
		this.draw(entries);
	}

	draw(entries) {
		const units = new Map();
		entries.forEach((e) => {
			const u = units.get(e.unitId) || { id: e.unitId, name: e.unitName || e.unitId, distance: e.distance ?? 0, gap: false, via: e.via };
			u.gap = u.gap || e.gap;
			units.set(e.unitId, u);
		});
		const byDistance = new Map();
		[...units.values()].forEach((u) => { (byDistance.get(u.distance) || byDistance.set(u.distance, []).get(u.distance)).push(u); });
		const nodes = [];
		[...byDistance.entries()].forEach(([d, us]) => us.forEach((u, i) => nodes.push({
			id: u.id, name: u.name, x: (i - (us.length - 1) / 2) * 220, y: -d * 110, symbolSize: 22,
			itemStyle: { color: u.gap ? '#c23531' : '#3a9b5d' }, label: { show: true, position: 'right' },
		})));
		const links = [];
		[...byDistance.keys()].sort((a, b) => a - b).forEach((d) => {
			const upper = byDistance.get(d + 1) || [];
			(byDistance.get(d) || []).forEach((u) => upper.forEach((v) => links.push({ source: u.id, target: v.id,
				lineStyle: { type: v.via === 'DUAL' ? 'dashed' : 'solid', width: 2 } })));
		});
		this.chart.setOption({
			series: [{ type: 'graph', layout: 'none', roam: true, data: nodes, links, edgeSymbol: ['none', 'arrow'],
				lineStyle: { color: '#b8242a' }, label: { fontSize: 13 } }],
		}, true);
	}

	resize() { this.chart.resize(); }

}
