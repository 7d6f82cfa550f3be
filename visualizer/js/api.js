// The one door to the server: every request goes to /api/**; problem details become Error objects with the RFC 7807
// fields (title, detail, status, errors) so views can show them.

export class ApiError extends Error {
	constructor(problem, status) {
		super(problem.detail || problem.title || `HTTP ${status}`);
		this.status = status;
		this.problem = problem;
	}
}

async function request(method, path, params, body) {
	const url = new URL(path, window.location.origin);
	Object.entries(params || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v); });
	const response = await fetch(url, { method, body, headers: { Accept: 'application/json, application/problem+json' } });
	const text = await response.text();
	const data = text ? JSON.parse(text) : null;
	if (!response.ok) {
		throw new ApiError(data || { title: response.statusText }, response.status);
	}
	return data;
}

let asOf = null;
export function setAsOf(date) { asOf = date || null; }
export function currentAsOf() { return asOf; }

const withDate = (params) => ({ asOf, ...params });

export const api = {
	dataset: () => request('GET', '/api/dataset'),
	labels: () => request('GET', '/api/labels'),
	unitIndex: () => request('GET', '/api/units/index'),
	roots: () => request('GET', '/api/roots', withDate({})),
	search: (query) => request('GET', '/api/units', { query, limit: 20 }),
	leaders: (id) => request('GET', `/api/units/${encodeURIComponent(id)}/leaders`),
	unit: (id) => request('GET', `/api/units/${encodeURIComponent(id)}`, withDate({})),
	tree: (id, depth) => request('GET', `/api/units/${encodeURIComponent(id)}/tree`, withDate({ depth })),
	coverage: (scope) => request('GET', '/api/coverage', withDate({ scope })),
	pressure: (scope) => request('GET', '/api/pressure', withDate({ scope })),
	analyses: () => request('GET', '/api/analyses'),
	audit: (scope) => request('POST', '/api/audit', withDate({ scope })),
	accountability: (unit, domain) => request('GET', '/api/accountability', withDate({ unit, domain })),
	issueAccountability: (id) => request('GET', `/api/issues/${encodeURIComponent(id)}/accountability`, withDate({})),
	upload: (file) => {
		const form = new FormData();
		form.append('file', file);
		return request('POST', '/api/imports', {}, form);
	},
	reportUrl: (format, scope) => {
		const url = new URL('/api/reports/audit', window.location.origin);
		url.searchParams.set('format', format);
		if (scope) url.searchParams.set('scope', scope);
		if (asOf) url.searchParams.set('asOf', asOf);
		return url.toString();
	},
};
