// Who is accountable: the ordered chain (design.md "Accountability resolution") as a table, a heading restating the
// question, and a diagram drawn top-down along the real leadership edges (each unit linked to the chain units that lead
// it); gaps (nobody in the post) in red. Everything is re-rendered from the last result on a language change.
import { t, label, msg } from './i18n.js';
import { el, fillTable, escapeHtml, escapeRich } from './dom.js';
import { api } from './api.js';
import { unitCell, unitName } from './units.js';

const EDGE_STYLE = { PRIMARY: 'solid', DUAL: 'dashed', DISCIPLINE_SUPERVISION: 'dotted', GUIDANCE: 'dotted' };

export class AccountabilityView {

	constructor() {
		this.chart = echarts.init(document.getElementById('acc-tree'), null, { renderer: 'svg' });
		this.last = null;
	}

	/** chain: the API result; question: {mode, unitId, domain, issue} as asked. */
	async render(chain, question) {
		this.last = { chain, question };
		this.edges = await this.realEdges(chain.entries || []);
		this.redraw();
	}

	redraw() {
		if (!this.last) return;
		const { chain, question } = this.last;
		const entries = chain.entries || [];
		const gaps = entries.filter((e) => e.gap).length;
		const date = t('acc.asOf', chain.asOf || '');
		const heading = question.mode === 'issue'
			? t('acc.headingIssue', chain.issueId || question.issue, unitName(chain.unitId), label('domain', chain.domain), date)
			: t('acc.headingUnit', unitName(chain.unitId || question.unitId), label('domain', chain.domain || question.domain), date);
		document.getElementById('acc-heading').textContent = `${heading}${gaps ? ` — ${t('acc.gaps', gaps)}` : ''}`;
		fillTable(document.getElementById('acc-table'),
			[t('acc.rank'), t('acc.responsibility'), t('findings.unit'), t('acc.post'), t('acc.person'), t('acc.rule')],
			entries.map((e) => ({ e, cells: [String(e.rank), label('responsibility', e.responsibility), unitCell(e.unitId, e.unitName),
				e.postTitle || '—', e.personName || (e.gap ? t('acc.nobody') : '—'), msg(e.ruleZh, e.ruleEn) || label('accountabilityRule', e.rule)] })),
			(r) => ({ class: r.e.gap ? 'gap' : '', 'data-testid': 'acc-row', 'data-unit': r.e.unitId,
				'data-responsibility': r.e.responsibility }),
			t('common.none'));
		this.draw(entries);
	}

	/** The leadership edges between the chain's units, from each unit's leaders (GET /api/units/{id}). */
	async realEdges(entries) {
		const ids = [...new Set(entries.map((e) => e.unitId))];
		const inChain = new Set(ids);
		const edges = [];
		await Promise.all(ids.map(async (id) => {
			try {
				const leaders = await api.leaders(id);
				Object.entries(leaders || {}).forEach(([kind, leaders]) => leaders.forEach((l) => {
					if (inChain.has(l.id)) edges.push({ from: l.id, to: id, kind });
				}));
			}
			catch (e) { /* a unit that vanished: no edges */ }
		}));
		return edges;
	}

	draw(entries) {
		const units = new Map();
		entries.forEach((e) => {
			const u = units.get(e.unitId) || { id: e.unitId, name: e.unitName || unitName(e.unitId), distance: e.distance ?? 0, gap: false, held: 0 };
			u.gap = u.gap || e.gap;
			if (!e.gap) u.held += 1;
			u.distance = Math.min(u.distance, e.distance ?? 0);
			units.set(e.unitId, u);
		});
		const edges = this.edges || [];
		// rows top-down: the farthest leader at the top, the problem's unit at the bottom; supervisors sit beside
		const max = Math.max(0, ...[...units.values()].map((u) => u.distance));
		const rows = new Map();
		[...units.values()].forEach((u) => { (rows.get(u.distance) || rows.set(u.distance, []).get(u.distance)).push(u); });
		const box = document.getElementById('acc-tree');
		const width = Math.max(300, box.clientWidth);
		const height = Math.max(box.clientHeight - 70, (max + 1) * 90 + 40);
		const gap = Math.min(140, (height - 80) / Math.max(1, max));
		const nodes = [];
		[...rows.entries()].forEach(([d, us]) => {
			us.sort((a, b) => a.id.localeCompare(b.id));
			const step = width / (us.length + 1);
			us.forEach((u, i) => nodes.push({
				id: u.id, name: u.name, x: step * (i + 1), y: (max - d) * gap + 30, symbolSize: 18, category: u.gap ? 1 : 0,
				label: { show: true, position: 'bottom', width: Math.max(80, step - 12), overflow: 'break', fontSize: 12,
					formatter: escapeRich(u.name) },
				tip: `${escapeHtml(u.name)} (${escapeHtml(u.id)})`,
			}));
		});
		const links = edges.filter((e) => units.has(e.from) && units.has(e.to)).map((e) => ({
			source: e.from, target: e.to, lineStyle: { type: EDGE_STYLE[e.kind] || 'solid', width: 2 },
			tip: `${escapeHtml(unitName(e.from))} → ${escapeHtml(unitName(e.to))}（${escapeHtml(label('leadKind', e.kind))}）`,
		}));
		// two invisible corner nodes make the drawing's box the chart's box, so nothing is stretched or cut off
		nodes.push({ id: '__a', name: '', x: 0, y: 0, symbolSize: 0, label: { show: false }, tooltip: { show: false } },
			{ id: '__b', name: '', x: width, y: height, symbolSize: 0, label: { show: false }, tooltip: { show: false } });
		this.chart.setOption({
			tooltip: { formatter: (p) => (p.data && p.data.tip) || '' },
			legend: [{ data: [t('acc.legendHeld'), t('acc.legendGap')], top: 0, selectedMode: false }],
			series: [{ type: 'graph', layout: 'none', roam: true, data: nodes, links, edgeSymbol: ['none', 'arrow'],
				categories: [{ name: t('acc.legendHeld'), itemStyle: { color: '#3a9b5d' } },
					{ name: t('acc.legendGap'), itemStyle: { color: '#c23531' } }],
				edgeSymbolSize: 8, lineStyle: { color: '#b8242a' }, top: 30, bottom: 40, left: 10, right: 10 }],
		}, true);
	}

	resize() { this.chart.resize(); }

}
