// Small DOM helpers shared by the views. Data (names, messages) always goes in as text: el() appends strings as text
// nodes and escapeHtml() guards the few places (chart tooltips) that take HTML.
import { severity } from './i18n.js';

/** Creates an element: el('td', {class: 'gap', 'data-testid': 'x'}, child, 'text' …). */
export function el(tag, attrs, ...children) {
	const node = document.createElement(tag);
	Object.entries(attrs || {}).forEach(([k, v]) => {
		if (v === undefined || v === null || v === false) return;
		if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
		else node.setAttribute(k, v === true ? '' : v);
	});
	children.flat().forEach((c) => { if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c)); });
	return node;
}

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an HTML string (ECharts tooltips and labels with rich text). */
export function escapeHtml(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Text made safe for an ECharts rich-text label (its markup is {style|text}). */
export function escapeRich(value) {
	return String(value ?? '').replace(/[{}|]/g, (c) => ({ '{': '｛', '}': '｝', '|': '｜' })[c]);
}

/** Fills a table: header labels and rows of cells (strings or nodes); rowAttrs(row) gives attributes per row. */
export function fillTable(table, headers, rows, rowAttrs, empty) {
	const head = el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h))));
	const body = el('tbody', {}, rows.map((r, i) => el('tr', rowAttrs ? rowAttrs(r, i) : {}, r.cells.map((c) => el('td', {}, c)))));
	if (!rows.length && empty) body.append(el('tr', { class: 'empty' }, el('td', { colspan: headers.length, 'data-testid': 'empty' }, empty)));
	table.replaceChildren(head, body);
}

export function showMessage(text, ok) {
	const box = document.getElementById('message');
	box.textContent = text;
	box.classList.toggle('ok', !!ok);
	box.classList.remove('info');
	box.hidden = false;
}

export function showInfo(text) {
	showMessage(text, false);
	document.getElementById('message').classList.add('info');
}

export function clearMessage() {
	document.getElementById('message').hidden = true;
}

export function severityBadge(value) {
	return el('span', { class: `sev ${value}`, 'data-severity': value }, severity(value));
}

/** A unit as "name" with the id secondary (small, grey). */
export function unitLabel(name, id) {
	if (!name) return el('span', {}, id || '—');
	return el('span', {}, name, ' ', el('small', { class: 'id' }, id));
}
