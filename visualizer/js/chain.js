// Chain view: the hierarchy as a collapsible ECharts tree (SVG), loaded lazily from /api/units/{id}/tree, laid out so
// that it stays readable at any size: one column per level with a header, a row per visible leaf (the drawing grows
// and scrolls instead of overprinting), names shortened with the full name in the tooltip, big sibling groups shown a
// page at a time behind a "+N 个单位" node, orphans grouped under 无上级组织. An overview mode draws the whole
// hierarchy as a treemap coloured by the worst finding. Every name goes into labels and tooltips escaped.
import { api } from './api.js';
import { t, label, severity } from './i18n.js';
import { el, escapeHtml, escapeRich } from './dom.js';

const SEVERITY_COLOR = { HIGH: '#c23531', MEDIUM: '#e98f36', LOW: '#d9b300', NONE: '#3a9b5d' };
const FOUR_LEVELS = 4;
const MAX_OPEN_ROOTS = 12;
const TOP_KINDS = new Set(['ORGAN_WORK_COMMITTEE', 'PARTY_COMMITTEE', 'LEADING_PARTY_GROUP', 'DISCIPLINE_WORK_COMMITTEE',
	'DISCIPLINE_COMMISSION']);
const COLUMN = 270; // px per level
const ROW = 24; // px per visible leaf
const NAME_CHARS = 12; // longer names are shortened (full name in the tooltip)
const PAGE = 20; // children shown per page of a big sibling group
const OVERVIEW_DEPTH = 8; // levels per tree request when the overview loads everything (the API allows up to 8)
const BIG_GROUP = 25; // more visible children than this → paged
const ORPHANS = '__orphans__';
const TOP = '__top__';

/** work(item) for every item, `size` requests at a time (the server is not flooded by a big tree). */
async function inBatches(items, size, work) {
	for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const shorten = (name) => (name && name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : (name || ''));

export class ChainView {

	constructor(container, { onSelect }) {
		this.container = container;
		this.scroller = container.parentElement;
		this.headers = document.getElementById('level-headers');
		this.legend = document.getElementById('legend');
		this.onSelect = onSelect;
		this.chart = echarts.init(container, null, { renderer: 'svg' });
		this.overviewChart = null;
		this.nodes = new Map();
		this.roots = [];
		this.orphans = [];
		this.fourLevels = false;
		this.extraEdges = false;
		this.colorMode = 'severity';
		this.mode = 'tree';
		this.highlighted = new Set();
		this.selected = null;
		this.extra = [];
		this.pressureRange = [0, 1];
		this.chart.on('click', (p) => this.clicked(p));
		this.setupPan();
	}

	/** Drag with the mouse to pan the scrolled drawing. */
	setupPan() {
		let start = null;
		this.scroller.addEventListener('mousedown', (e) => {
			if (e.button !== 0) return;
			start = { x: e.clientX, y: e.clientY, left: this.scroller.scrollLeft, top: this.scroller.scrollTop, moved: false };
		});
		window.addEventListener('mousemove', (e) => {
			if (!start) return;
			const dx = e.clientX - start.x;
			const dy = e.clientY - start.y;
			if (Math.abs(dx) + Math.abs(dy) > 4) start.moved = true;
			if (start.moved) {
				this.scroller.scrollLeft = start.left - dx;
				this.scroller.scrollTop = start.top - dy;
			}
		});
		window.addEventListener('mouseup', () => { start = null; });
	}

	async load() {
		this.nodes.clear();
		this.extra = [];
		const roots = (await api.roots()).map((r) => this.adopt(r));
		this.orphans = roots.filter((r) => !TOP_KINDS.has(r.kind));
		this.roots = roots.filter((r) => TOP_KINDS.has(r.kind));
		const depth = this.fourLevels ? FOUR_LEVELS - 1 : 1;
		// a big dataset has many tops: open only the largest ones, the rest on click
		const opened = [...this.roots].filter((r) => r.childCount > 0)
			.sort((a, b) => b.childCount - a.childCount || a.id.localeCompare(b.id)).slice(0, MAX_OPEN_ROOTS);
		await Promise.all(opened.map((r) => this.expand(r, depth)));
		this.roots.forEach((r) => { if (!opened.includes(r)) r.open = false; });
		this.orphanGroup = this.orphanGroup || { open: false, shown: PAGE };
		this.pressureRange = this.range();
		if (this.mode === 'overview') await this.renderOverview();
		else this.render();
	}

	/** Open unless the user closed it; by default levels above the preset's depth are open. */
	isOpen(node) {
		return node.open ?? (node.level < (this.fourLevels ? FOUR_LEVELS : 2));
	}

	adopt(data) {
		const existing = this.nodes.get(data.id);
		const node = existing || { id: data.id, children: null, shown: PAGE };
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
		const tree = await api.tree(node.id, Math.max(1, Math.min(OVERVIEW_DEPTH, depth)));
		this.audit = tree.audit; // where the audit behind the finding counts stands
		this.merge(node, tree.root, depth);
		(tree.extraEdges || []).forEach((e) => {
			if (!this.extra.some((x) => x.fromId === e.fromId && x.toId === e.toId && x.kind === e.kind)) this.extra.push(e);
		});
	}

	/**
	 * The audit behind the finding counts finished: the tops and every loaded subtree are read again as deep as they
	 * were loaded, so the counts are the audit's; what is open or closed stays.
	 */
	async refreshFindings() {
		const depthOf = (node, seen) => {
			if (seen.has(node.id) || !Array.isArray(node.children) || !node.children.length) return 0;
			seen.add(node.id);
			return 1 + Math.max(...node.children.map((l) => depthOf(l.node, seen)));
		};
		(await api.roots()).forEach((r) => this.adopt(r));
		const loaded = [...this.roots, ...this.orphans].filter((n) => Array.isArray(n.children) && n.children.length);
		await inBatches(loaded, 4, (n) => this.expand(n, depthOf(n, new Set())));
		this.pressureRange = this.range();
		if (this.mode === 'overview') await this.renderOverview();
		else this.render();
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

	/**
	 * Loads every unit below the tops (for the overview): one request of OVERVIEW_DEPTH levels per top (the generated
	 * demo: 3 requests instead of ~40 of three levels each), then deeper rounds only where the hierarchy goes deeper.
	 */
	async loadAll() {
		const tops = [...this.roots, ...this.orphans].filter((n) => n.childCount > 0 && !n.loadedAll);
		await inBatches(tops, 4, async (n) => { await this.expand(n, OVERVIEW_DEPTH); n.loadedAll = true; });
		const pending = () => [...this.nodes.values()].filter((n) => n.children === null && n.childCount > 0);
		for (let round = 0; round < 20 && pending().length; round++) {
			await inBatches(pending(), 8, (n) => this.expand(n, OVERVIEW_DEPTH));
		}
	}

	async clicked(params) {
		const d = params.data || {};
		if (d.more) {
			const owner = d.more === ORPHANS ? this.orphanGroup : this.nodes.get(d.more);
			owner.shown = (owner.shown || PAGE) + PAGE;
			this.render();
			return;
		}
		if (d.group === ORPHANS) { this.orphanGroup.open = !this.orphanGroup.open; this.render(); return; }
		const id = d.unitId;
		if (!id) return;
		const node = this.nodes.get(id);
		this.select(id);
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

	select(unitId) { this.selected = unitId; }

	/** Opens the path to a unit (loading it if it is not in the tree yet), selects and highlights it. */
	async focus(unitId) {
		if (!this.nodes.has(unitId) || this.nodes.get(unitId).children === null) {
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
		this.selected = unitId;
		this.openPathTo(unitId);
		this.highlight([unitId]);
		this.scrollTo(unitId);
	}

	openPathTo(unitId) {
		const seen = new Set();
		const walk = (node, path) => {
			if (node.id === unitId) {
				path.forEach((p) => {
					p.open = true;
					const i = this.visible(p).findIndex((c) => c.node.id === (path[path.indexOf(p) + 1] || node).id);
					if (i >= (p.shown || PAGE)) p.shown = i + 1;
				});
				return true;
			}
			if (seen.has(node.id)) return false;
			seen.add(node.id);
			return this.visible(node).some((c) => walk(c.node, [...path, node]));
		};
		if (this.roots.some((r) => walk(r, []))) return;
		const orphanAt = this.orphans.findIndex((o) => walk(o, []));
		if (orphanAt >= 0) {
			this.orphanGroup.open = true;
			if (orphanAt >= this.orphanGroup.shown) this.orphanGroup.shown = orphanAt + 1;
		}
	}

	/** The links drawn under a node: PRIMARY always, DUAL only with the extra-edges switch. */
	visible(node) {
		return (node.children || []).filter((c) => c.edgeKind !== 'DUAL' || this.extraEdges);
	}

	highlight(ids) {
		this.highlighted = new Set(ids);
		ids.forEach((id) => this.openPathTo(id));
		if (this.mode === 'tree') this.render();
	}

	setFourLevels(on) { this.fourLevels = on; this.load(); }

	setExtraEdges(on) {
		this.extraEdges = on;
		const list = document.getElementById('extra-edge-list');
		list.hidden = !on;
		list.replaceChildren(...this.extra.map((e) => el('li', { 'data-testid': 'extra-edge' },
			`${e.fromName || e.fromId} → ${e.toName || e.toId}（${label('leadKind', e.kind)}）`)));
		this.render();
	}

	setColorMode(mode) { this.colorMode = mode; if (this.mode === 'overview') this.renderOverview(); else this.render(); }

	async setMode(mode) {
		this.mode = mode;
		document.getElementById('tree-scroll').hidden = mode !== 'tree';
		document.getElementById('overview').hidden = mode !== 'overview';
		if (mode === 'overview') await this.renderOverview();
		else this.render();
	}

	/** The real range of the pressures loaded (5th to 95th percentile), so the colours spread over it. */
	range() {
		const values = [...this.nodes.values()].map((n) => n.pressure).filter((p) => typeof p === 'number').sort((a, b) => a - b);
		if (!values.length) return [0, 1];
		const lo = values[Math.floor(values.length * 0.05)];
		const hi = values[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
		return hi > lo ? [lo, hi] : [lo, lo + 1];
	}

	pressureColor(p) {
		if (p === null || p === undefined) return '#8a8f98';
		const [lo, hi] = this.pressureRange;
		const x = Math.max(0, Math.min(1, (p - lo) / (hi - lo)));
		// cold (blue) → warm (orange) → hot (red)
		const stops = [[0, [66, 133, 244]], [0.5, [233, 143, 54]], [1, [194, 53, 49]]];
		const [a, b] = x <= 0.5 ? [stops[0], stops[1]] : [stops[1], stops[2]];
		const f = (x - a[0]) / (b[0] - a[0]);
		const c = a[1].map((v, i) => Math.round(v + (b[1][i] - v) * f));
		return `rgb(${c.join(',')})`;
	}

	color(node) {
		if (this.colorMode === 'pressure') return this.pressureColor(node.pressure);
		return SEVERITY_COLOR[node.worst || 'NONE'];
	}

	/** The visible children of a node as links, a big group cut to its page plus a "+N" node. */
	page(links, shown, owner) {
		if (links.length <= BIG_GROUP) return { links, more: null };
		const n = Math.max(PAGE, shown || PAGE);
		if (n >= links.length) return { links, more: null };
		return { links: links.slice(0, n), more: { owner, rest: links.length - n, total: links.length } };
	}

	moreNode(more) {
		return {
			name: t('chain.more', more.rest), more: more.owner, value: '',
			label: { formatter: `{m|${escapeRich(t('chain.more', more.rest))}}`, rich: { m: { color: '#3366cc', fontSize: 13 } } },
			symbol: 'roundRect', symbolSize: [14, 10], itemStyle: { color: '#fff', borderColor: '#3366cc' },
			tooltipText: t('chain.morePage', Math.min(PAGE, more.rest), more.total), children: [],
		};
	}

	toData(node, edgeKind, path = new Set()) {
		const f = node.findings || {};
		const counts = ['HIGH', 'MEDIUM', 'LOW'].filter((s) => f[s]).map((s) => `${severity(s)}${f[s]}`).join(' ');
		const dual = edgeKind === 'DUAL';
		const below = new Set(path).add(node.id);
		const hl = this.highlighted.has(node.id);
		const sel = this.selected === node.id;
		const open = this.isOpen(node);
		const links = open ? this.visible(node).filter((c) => !below.has(c.node.id)) : [];
		const { links: shown, more } = this.page(links, node.shown, node.id);
		const name = escapeRich(shorten(node.name));
		const closedMark = !open && node.childCount > 0 ? ` {k|▸${node.childCount}}` : '';
		return {
			name: node.name, unitId: node.id, value: node.id,
			collapsed: !open,
			label: {
				formatter: `${sel ? '{s|' : '{n|'}${name}}${counts ? ` {c|${counts}}` : ''}${closedMark}`,
				rich: {
					n: { fontSize: 13, color: '#1f2329', fontWeight: hl ? 'bold' : 'normal' },
					s: { fontSize: 13, color: '#fff', backgroundColor: '#1f2329', padding: [2, 4], borderRadius: 3, fontWeight: 'bold' },
					c: { color: '#c23531', fontSize: 11 }, k: { color: '#8a8f98', fontSize: 11 },
				},
			},
			symbolSize: sel || hl ? 16 : 10,
			itemStyle: { color: this.color(node), borderColor: sel ? '#1f2329' : (hl ? '#1f2329' : (dual ? '#7a5cff' : '#fff')),
				borderWidth: sel ? 4 : (hl ? 3 : (dual ? 2 : 1)), borderType: dual ? 'dashed' : 'solid' },
			lineStyle: dual && this.extraEdges ? { type: 'dashed', color: '#7a5cff' } : undefined,
			tooltipData: node,
			children: [...shown.map((c) => this.toData(c.node, c.edgeKind, below)), ...(more ? [this.moreNode(more)] : [])],
		};
	}

	orphanData() {
		const open = this.orphanGroup.open;
		const { links, more } = this.page(open ? this.orphans.map((o) => ({ node: o })) : [], this.orphanGroup.shown, ORPHANS);
		const title = `${t('chain.orphans')}（${this.orphans.length}）`;
		return {
			name: title, group: ORPHANS, value: '', collapsed: !open,
			label: { formatter: `{o|${escapeRich(title)}}`, rich: { o: { fontSize: 13, color: '#c23531', fontWeight: 'bold' } } },
			symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#c23531' },
			tooltipText: title,
			children: [...links.map((c) => this.toData(c.node, 'PRIMARY')), ...(more ? [this.moreNode(more)] : [])],
		};
	}

	/** Units drawn now (open paths only), for the page and its tests. */
	drawnUnits() {
		const drawn = new Set();
		const walk = (node, path) => {
			drawn.add(node.id);
			if (!this.isOpen(node) || path.has(node.id)) return;
			const below = new Set(path).add(node.id);
			const links = this.visible(node).filter((c) => !below.has(c.node.id));
			this.page(links, node.shown, node.id).links.forEach((c) => walk(c.node, below));
		};
		this.roots.forEach((r) => walk(r, new Set()));
		if (this.orphanGroup && this.orphanGroup.open) {
			this.page(this.orphans.map((o) => ({ node: o })), this.orphanGroup.shown, ORPHANS).links
				.forEach((c) => walk(c.node, new Set()));
		}
		return drawn.size;
	}

	/** Depth and leaf-slot count of the data tree, to size the drawing. */
	static measure(data) {
		let slots = 0;
		let depth = 0;
		const walk = (d, level, parentKey) => {
			depth = Math.max(depth, level);
			const kids = d.collapsed ? [] : (d.children || []);
			if (!kids.length) { slots += 1; return; }
			kids.forEach((k) => walk(k, level + 1, d));
			slots += 1; // the gap ECharts leaves between cousin groups
		};
		walk(data, 0, null);
		return { slots, depth };
	}

	render() {
		if (!this.orphanGroup) return;
		this.container.dataset.units = String(this.drawnUnits());
		this.container.dataset.loaded = String(this.nodes.size);
		const tops = this.roots.map((r) => this.toData(r));
		if (this.orphans.length) tops.push(this.orphanData());
		const single = tops.length === 1 && !this.orphans.length;
		const data = single ? tops[0] : {
			name: t('chain.root'), group: TOP, value: '', children: tops, itemStyle: { color: '#8a8f98' },
			label: { formatter: `{r|${escapeRich(t('chain.root'))}}`, rich: { r: { fontSize: 13, color: '#8a8f98' } } },
			tooltipText: t('chain.root'),
		};
		const { slots, depth } = ChainView.measure(data);
		const width = Math.max(this.scroller.clientWidth - 4, (depth + 1) * COLUMN + 40);
		const height = Math.max(this.scroller.clientHeight - 40, slots * ROW + 40);
		this.container.style.width = `${width}px`;
		this.container.style.height = `${height}px`;
		this.chart.resize({ width, height });
		const left = 20;
		const right = width - left - depth * COLUMN;
		// a fresh drawing each time: ECharts' tree diffing fails on nodes that move between collapsed groups
		this.chart.clear();
		this.chart.setOption({
			tooltip: { trigger: 'item', confine: true, formatter: (p) => this.tooltip(p.data) },
			series: [{
				type: 'tree', data: [data], orient: 'LR', roam: false, expandAndCollapse: false,
				initialTreeDepth: -1, top: 20, bottom: 20, left, right: Math.max(COLUMN, right), symbol: 'circle', symbolSize: 10,
				label: { position: 'right', verticalAlign: 'middle', align: 'left', distance: 6,
					fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif' },
				leaves: { label: { position: 'right', align: 'left' } },
				animation: false,
			}],
		}, true);
		this.drawHeaders(single ? 1 : 0, depth, left, width - Math.max(COLUMN, right));
		this.drawLegend();
	}

	/** Column headers 第1级, 第2级 … over the levels drawn. */
	drawHeaders(firstLevel, depth, left, right) {
		const step = depth > 0 ? (right - left) / depth : 0;
		this.headers.style.width = this.container.style.width;
		this.headers.replaceChildren(...Array.from({ length: depth + 1 }, (_, d) => {
			const level = d + firstLevel;
			const text = level === 0 ? '' : t('chain.levelHeader', level);
			return el('span', { class: 'level-header', style: `left:${Math.round(left + d * step)}px`, 'data-testid': 'level-header' }, text);
		}));
	}

	drawLegend() {
		const dot = (color, text, ring) => el('span', {}, el('i', { style: `background:${color}${ring ? ';border:3px solid #1f2329' : ''}` }), text);
		const items = [];
		if (this.colorMode === 'pressure') {
			const [lo, hi] = this.pressureRange;
			items.push(el('span', {}, `${t('chain.pressureLow')} ${lo.toFixed(2)} `,
				el('b', { class: 'ramp' }), ` ${hi.toFixed(2)} ${t('chain.pressureHigh')}`));
		}
		else {
			['HIGH', 'MEDIUM', 'LOW'].forEach((s) => items.push(dot(SEVERITY_COLOR[s], severity(s))));
			items.push(dot(SEVERITY_COLOR.NONE, t('chain.noFindings')));
		}
		items.push(dot('#fff', t('chain.selected'), true));
		this.legend.replaceChildren(...items);
	}

	tooltip(data) {
		if (!data) return '';
		if (!data.tooltipData) return escapeHtml(data.tooltipText || data.name || '');
		const node = data.tooltipData;
		const f = node.findings || {};
		const lines = [`<b>${escapeHtml(node.name)}</b> (${escapeHtml(node.id)})`,
			`${escapeHtml(label('unitKind', node.kind))} · ${escapeHtml(t('panel.level'))} ${escapeHtml(node.level ?? '—')}`];
		if (node.members !== undefined && node.members !== null) lines.push(`${escapeHtml(t('panel.members'))} ${escapeHtml(node.members)}`);
		if (node.secretary) lines.push(`${escapeHtml(t('panel.secretary'))}：${escapeHtml(node.secretary)}`);
		if (node.pressure !== undefined && node.pressure !== null) lines.push(`${escapeHtml(t('chain.pressure'))} ${Number(node.pressure).toFixed(2)}`);
		lines.push(['HIGH', 'MEDIUM', 'LOW'].map((s) => `${escapeHtml(severity(s))} ${Number(f[s] || 0)}`).join(' / '));
		return lines.join('<br>');
	}

	/** Scrolls the drawing so that a unit is in view. */
	scrollTo(unitId) {
		if (this.mode !== 'tree') return;
		const data = this.chart.getModel().getSeriesByIndex(0).getData();
		for (let i = 0; i < data.count(); i++) {
			const item = data.getRawDataItem(i);
			if (item && item.unitId === unitId) {
				const layout = data.getItemLayout(i);
				if (layout) {
					this.scroller.scrollTop = Math.max(0, layout.y - this.scroller.clientHeight / 2);
					this.scroller.scrollLeft = Math.max(0, layout.x - this.scroller.clientWidth / 3);
				}
				return;
			}
		}
	}

	/** The overview: every unit as a treemap rectangle (area = units below it), coloured by the worst finding. */
	async renderOverview() {
		const box = document.getElementById('overview');
		this.overviewChart = this.overviewChart || echarts.init(box);
		this.overviewChart.showLoading({ text: t('common.loading') });
		await this.loadAll();
		this.pressureRange = this.range();
		this.overviewChart.hideLoading();
		const toItem = (node, seen) => {
			const below = new Set(seen).add(node.id);
			const children = (node.children || []).filter((c) => c.edgeKind !== 'DUAL' && !below.has(c.node.id))
				.map((c) => toItem(c.node, below));
			const value = 1 + children.reduce((s, c) => s + c.value, 0);
			return { name: node.name, unitId: node.id, value, children: children.length ? children : undefined,
				itemStyle: { color: this.color(node) }, tooltipData: node };
		};
		const tops = this.roots.map((r) => toItem(r, new Set()));
		if (this.orphans.length) {
			const items = this.orphans.map((o) => toItem(o, new Set()));
			tops.push({ name: t('chain.orphans'), value: items.reduce((s, c) => s + c.value, 0), children: items,
				itemStyle: { color: '#c23531' } });
		}
		this.overviewChart.setOption({
			tooltip: { confine: true, formatter: (p) => this.tooltip(p.data) },
			series: [{
				type: 'treemap', name: t('chain.root'), data: tops, leafDepth: 2, roam: false, top: 10, bottom: 40,
				left: 10, right: 10,
				breadcrumb: { show: true, bottom: 5 },
				label: { show: true, formatter: (p) => escapeRich(p.name), fontSize: 12, overflow: 'truncate' },
				upperLabel: { show: true, height: 20, formatter: (p) => escapeRich(p.name), color: '#1f2329' },
				levels: [{ itemStyle: { borderColor: '#555', borderWidth: 2, gapWidth: 2 } },
					{ itemStyle: { borderColor: '#ddd', borderWidth: 1, gapWidth: 1 } }],
			}],
		}, true);
		this.overviewChart.off('click');
		this.overviewChart.on('click', (p) => { if (p.data && p.data.unitId) { this.select(p.data.unitId); this.onSelect(p.data.unitId); } });
		this.overviewChart.resize();
		this.drawLegend();
	}

	resize() {
		if (this.mode === 'overview' && this.overviewChart) this.overviewChart.resize();
		else this.render();
	}

}
