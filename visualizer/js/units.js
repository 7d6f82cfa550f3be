// The units of the active dataset by id (GET /api/units/index), so every view shows units by name with the id
// secondary, and name search for the forms.
import { el } from './dom.js';
import { label } from './i18n.js';

let byId = new Map();

export function setUnits(list) {
	byId = new Map((list || []).map((u) => [u.id, u]));
}

export function unit(id) { return byId.get(id); }

export function unitName(id) {
	const u = byId.get(id);
	return u ? u.name : id;
}

/** A table cell: the unit's name, its id small and grey, and its kind as tooltip. */
export function unitCell(id, name) {
	if (!id) return '—';
	const u = byId.get(id);
	const shown = name || (u && u.name);
	return el('span', { title: u ? `${label('unitKind', u.kind)} · ${id}` : id, 'data-unit': id },
		shown || id, shown ? el('small', { class: 'id' }, ` ${id}`) : null);
}

/** Units whose name or id contains the text, best first (exact, prefix, contains). */
export function findUnits(text, limit = 20) {
	const q = (text || '').trim().toLowerCase();
	if (!q) return [];
	const scored = [];
	byId.forEach((u) => {
		const name = (u.name || '').toLowerCase();
		const id = u.id.toLowerCase();
		let score = -1;
		if (name === q || id === q) score = 0;
		else if (name.startsWith(q)) score = 1;
		else if (name.includes(q) || id.includes(q)) score = 2;
		if (score >= 0) scored.push([score, u.level || 0, u]);
	});
	scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].name.localeCompare(b[2].name, 'zh'));
	return scored.slice(0, limit).map((s) => s[2]);
}

/** The unit the text names: an id, an exact name, "name（id）" as the lists show, or the single match. */
export function resolveUnit(text) {
	const v = (text || '').trim();
	if (!v) return null;
	if (byId.has(v)) return byId.get(v);
	const paren = v.match(/[（(]([^（）()]+)[）)]\s*$/);
	if (paren && byId.has(paren[1])) return byId.get(paren[1]);
	const exact = [...byId.values()].filter((u) => u.name === v);
	if (exact.length === 1) return exact[0];
	const found = findUnits(v, 2);
	return found.length === 1 ? found[0] : null;
}
