// Small DOM helpers shared by the views.

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

/** Fills a table: header labels and rows of cells (strings or nodes); rowAttrs(row) gives attributes per row. */
export function fillTable(table, headers, rows, rowAttrs) {
	const head = el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h))));
	const body = el('tbody', {}, rows.map((r, i) => el('tr', rowAttrs ? rowAttrs(r, i) : {}, r.cells.map((c) => el('td', {}, c)))));
	table.replaceChildren(head, body);
}

export function showMessage(text, ok) {
	const box = document.getElementById('message');
	box.textContent = text;
	box.classList.toggle('ok', !!ok);
	box.hidden = false;
}

export function clearMessage() {
	document.getElementById('message').hidden = true;
}

export function severityBadge(severity) {
	return el('span', { class: `sev ${severity}` }, severity);
}
