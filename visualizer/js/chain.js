// Chain view: the hierarchy as a collapsible ECharts tree, loaded lazily from /api/units/{id}/tree, coloured by the
// worst finding (or by pressure), with counts as badges and a tooltip per unit.
import { api } from './api.js';
import { t, code } from './i18n.js';
import { el } from './dom.js';

const SEVERITY_COLOR = { HIGH: '#c23531', MEDIUM: '#e98f36', LOW: '#d9b300', NONE: '#3a9b5d' };
const FOUR_LEVELS = 4;
const MAX_OPEN_ROOTS = 12;

function pressureColor(p) {
	if (p === null || p === undefined) return '#8a8f98';
	const x = Math.max(0, Math.min(1, p));
	// cold (blue) → warm (orange) → hot (red)
	const stops = [[0, [66, 133, 244]], [0.5, [233, 143, 54]], [1, [194, 53, 49]]];
	const [a, b] = x <= 0.5 ? [stops[0], stops[1]] : [stops[1], stops[2]];
	const f = (x - a[0]) / (b[0] - a[0]);
	const c = a[1].map((v, i) => Math.round(v + (b[1][i] - v) * f));
	return `rgb(${c.join(',')})`;
}

export class ChainView {

	constructor(container, { onSelect }) {
		this.container = container;
		this.onSelect = onSelect;
		this.chart = echarts.init(container, null, { renderer: 'canvas' });
		this.nodes = new Map();
		this.roots = [];
		this.fourLevels = false;
		this.extraEdges = false;
		this.colorMode = 'severity';
		this.highlighted = new Set();
		this.extra = [];
		this.chart.on('click', (p) => this.clicked(p));
	}

	async load() {
		this.nodes.clear();
		this.extra = [];
		const roots = await api.roots();
		this.roots = roots.map((r) => this.adopt(r));
		const depth = this.fourLevels ? FOUR_LEVELS - 1 : 1;
		// a big dataset has hundreds of tops (orphans among them): open only the largest ones, the rest on click
		const opened = [...this.roots].filter((r) => r.childCount > 0)
			.sort((a, b) => b.childCount - a.childCount || a.id.localeCompare(b.id)).slice(0, MAX_OPEN_ROOTS);
		await Promise.all(opened.map((r) => this.expand(r, depth)));
		this.roots.forEach((r) => { if (!opened.includes(r)) r.open = false; });
		this.render();
	}

	/** Open unless the user closed it; by default levels above the preset's depth are open. */
	isOpen(node) {
		return node.open ?? (node.level < (this.fourLevels ? FOUR_LEVELS : 2));
	}

	adopt(data) {
		const existing = this.nodes.get(data.id);
		const node = existing || { id: data.id, children: null };
		Object.assign(node, {
			name: data.name, kind: data.kind, level: data.level, childCount: data.childCount ?? 0,
			findings: data.findings || {}, worst: data.worst || null, pressure: data.pressure,
			members: data.members ?? node.members, secretary: data.secretary ?? node.secretary,
		});
		this.nodes.set(node.id, node);
		return node;
	}

	/** Loads `depth` levels below the node (one request) and opens them. */
	async expand(node, depth) {
		if (node.childCount === 0) { node.children = []; return; }
		const tree = await api.tree(node.id, Math.max(1, Math.min(3, depth)));
		this.merge(node, tree.root, depth);
		(tree.extraEdges || []).forEach((e) => {
			if (!this.extra.some((x) => x.fromId === e.fromId && x.toId === e.toId && x.kind === e.kind)) this.extra.push(e);
		});
	}

	/** Children are links {node, edgeKind}: a unit under two leaders (双重领导) is one node reached by two links. */
	merge(node, data, depth) {
		this.adopt(data);
		if (Array.isArray(data.children)) {
			node.children = data.children.map((c) => {
				const child = this.adopt(c);
				if (Array.isArray(c.children) && c.children.length) this.merge(child, c, depth - 1);
				return { node: child, edgeKind: c.edgeKind || 'PRIMARY' };
			});
		}
	}

	async clicked(params) {
		const id = params.data && params.data.unitId;
		if (!id) return;
		const node = this.nodes.get(id);
		this.onSelect(id);
		if (node.children === null && node.childCount > 0) {
			await this.expand(node, 1);
			node.open = true;
		}
		else if (this.visible(node).length) {
			node.open = !this.isOpen(node);
		}
		this.render();
	}

	/** Opens the path to a unit (loading it through search if it is not in the tree yet) and highlights it. */
	async focus(unitId) {
		if (!this.nodes.has(unitId)) {
			try {
				const unit = await api.unit(unitId);
				const chain = (unit.parents || []).map((p) => p.id);
				for (const id of chain) {
					const n = this.nodes.get(id);
					if (n && n.children === null) await this.expand(n, 1);
				}
			}
			catch (e) { /* unknown unit: the panel shows the error */ }
		}
		this.openPathTo(unitId);
		this.highlight([unitId]);
	}

	openPathTo(unitId) {
		const seen = new Set();
		const walk = (node, path) => {
			if (node.id === unitId) { path.forEach((p) => { p.open = true; }); return true; }
			if (seen.has(node.id)) return false;
			seen.add(node.id);
			return this.visible(node).some((c) => walk(c.node, [...path, node]));
		};
		this.roots.some((r) => walk(r, []));
	}

	/** The links drawn under a node: PRIMARY always, DUAL only with the extra-edges switch. */
	visible(node) {
		return (node.children || []).filter((c) => c.edgeKind !== 'DUAL' || this.extraEdges);
	}

	highlight(ids) {
		this.highlighted = new Set(ids);
		ids.forEach((id) => this.openPathTo(id));
		this.render();
	}

	setFourLevels(on) { this.fourLevels = on; this.load(); }

	setExtraEdges(on) {
		this.extraEdges = on;
		const list = document.getElementById('extra-edge-list');
		list.hidden = !on;
		list.replaceChildren(...this.extra.map((e) => el('li', { 'data-testid': 'extra-edge' },
			`${e.fromName || e.fromId} → ${e.toName || e.toId}（${code(e.kind)}）`)));
		this.render();
	}

	setColorMode(mode) { this.colorMode = mode; this.render(); }

	color(node) {
		if (this.colorMode === 'pressure') return pressureColor(node.pressure);
		return SEVERITY_COLOR[node.worst || 'NONE'];
	}

	toData(node, edgeKind, path = new Set()) {
		const f = node.findings || {};
		const counts = ['HIGH', 'MEDIUM', 'LOW'].filter((s) => f[s]).map((s) => `${code(s)}${f[s]}`).join(' ');
		const dual = edgeKind === 'DUAL';
		const below = new Set(path).add(node.id);
		const hl = this.highlighted.has(node.id);
		return {
			name: node.name, unitId: node.id, value: node.id,
			collapsed: !this.isOpen(node),
			label: { formatter: counts ? `${node.name}  {c|${counts}}` : node.name,
				rich: { c: { color: '#c23531', fontSize: 11 } }, fontWeight: hl ? 'bold' : 'normal' },
			symbolSize: hl ? 16 : 10,
			itemStyle: { color: this.color(node), borderColor: hl ? '#1f2329' : (dual ? '#7a5cff' : '#fff'),
				borderWidth: hl ? 3 : (dual ? 2 : 1), borderType: dual ? 'dashed' : 'solid' },
			lineStyle: dual && this.extraEdges ? { type: 'dashed', color: '#7a5cff' } : undefined,
			tooltipData: node,
			children: this.visible(node).filter((c) => !below.has(c.node.id)).map((c) => this.toData(c.node, c.edgeKind, below)),
		};
	}

	/** Units drawn now (open paths only), for the page and its tests. */
	drawnUnits() {
		const drawn = new Set();
		const walk = (node, path) => {
			drawn.add(node.id);
			if (!this.isOpen(node) || path.has(node.id)) return;
			const below = new Set(path).add(node.id);
			this.visible(node).forEach((c) => walk(c.node, below));
		};
		this.roots.forEach((r) => walk(r, new Set()));
		return drawn.size;
	}

	render() {
		this.container.dataset.units = String(this.drawnUnits());
		this.container.dataset.loaded = String(this.nodes.size);
		const data = this.roots.length === 1 ? this.toData(this.roots[0])
			: { name: '全部', unitId: null, children: this.roots.map((r) => this.toData(r)), itemStyle: { color: '#8a8f98' } };
		this.chart.setOption({
			tooltip: { trigger: 'item', formatter: (p) => this.tooltip(p.data && p.data.tooltipData) },
			series: [{
				type: 'tree', data: [data], orient: 'LR', roam: true, expandAndCollapse: false,
				initialTreeDepth: -1, top: '2%', bottom: '2%', left: '8%', right: '18%', symbolSize: 10,
				label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13,
					fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif' },
				leaves: { label: { position: 'right', align: 'left' } },
				animationDuration: 200, animationDurationUpdate: 300,
			}],
		}, true);
	}

	tooltip(node) {
		if (!node) return '';
		const f = node.findings || {};
		const lines = [`<b>${node.name}</b> (${node.id})`, `${code(node.kind)} · ${t('panel.level')} ${node.level ?? '—'}`];
		if (node.members !== undefined && node.members !== null) lines.push(`${t('panel.members')} ${node.members}`);
		if (node.secretary) lines.push(`${t('panel.secretary')}：${node.secretary}`);
		if (node.pressure !== undefined && node.pressure !== null) lines.push(`压力 ${Number(node.pressure).toFixed(2)}`);
		const counts = ['HIGH', 'MEDIUM', 'LOW'].map((s) => `${code(s)} ${f[s] || 0}`).join(' / ');
		lines.push(counts);
		return lines.join('<br>');
	}

	resize() { this.chart.resize(); }

}
