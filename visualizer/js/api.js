// The one door to the server: every request goes to /api/**; problem details become Error objects with the RFC 7807
// fields (title, detail, status, errors) so views can show them.

import { language } from './i18n.js';

export class ApiError extends Error {
	constructor(problem, status) {
		super(problem.detail || problem.title || `HTTP ${status}`);
		this.status = status;
		this.problem = problem;
	}
}

// Session cookie + CSRF token (the XSRF-TOKEN cookie sent back as a header); X-Requested-With: no Basic dialog on 401.
function authHeaders(headers) {
	const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
	return { ...headers, 'X-Requested-With': 'fetch', ...(m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {}) };
}

/** A request to /api/**: params as query, body a FormData or a JSON string; a problem detail becomes an ApiError. */
export async function request(method, path, params, body) {
	return (await send(method, path, params, body, {})).data;
}

/**
 * A request answered by a job (Prefer: respond-async, RFC 7240): the 202's job is polled every half second until it
 * ends, `progress(job)` told of each state (phase, percent); its result is returned as the request's own answer would
 * be, and a failed job becomes an ApiError with its problem. A long audit never holds one request open (a proxy in
 * front of the server may cut those off). When every job slot is taken (429) `busy()` answers instead.
 */
export async function viaJob(method, path, params, progress = () => {}, busy = () => request(method, path, params)) {
	let started;
	try {
		started = await send(method, path, params, undefined, { Prefer: 'respond-async' });
	}
	catch (e) {
		// every job slot taken (429): `busy` answers instead — by default the request itself, without a job
		if (e.status === 429) return busy();
		throw e;
	}
	if (started.status !== 202) return started.data;
	let job = started.data;
	while (job.state === 'running') {
		progress(job);
		await new Promise((resolve) => setTimeout(resolve, 500));
		job = await request('GET', `/api/jobs/${encodeURIComponent(job.id)}`);
	}
	if (job.state !== 'succeeded') {
		const problem = job.problem || { title: job.state };
		// a job's problem comes in both languages
		throw new ApiError(language() === 'zh' ? problem : { ...problem, detail: problem.detailEn || problem.detail }, 500);
	}
	// kept for the newest jobs only: dropped when many others finished right after it
	if (job.result === null || job.result === undefined) throw new ApiError({ title: 'Result dropped', detail: job.note }, 410);
	progress(job);
	return job.result;
}

async function send(method, path, params, body, headers) {
	const url = new URL(path, window.location.origin);
	Object.entries(params || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v); });
	const json = typeof body === 'string' ? { 'Content-Type': 'application/json' } : {};
	const response = await fetch(url, { method, body, headers: authHeaders({ Accept: 'application/json, application/problem+json', ...json, ...headers }) });
	if (response.status === 401) { window.location.assign('/login.html'); }
	const text = await response.text();
	const data = text ? JSON.parse(text) : null;
	if (!response.ok) {
		throw new ApiError(data || { title: response.statusText }, response.status);
	}
	return { status: response.status, data };
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
	// as a job: progress(job) is told how far it is
	audit: (scope, progress) => viaJob('POST', '/api/audit', withDate({ scope }), progress),
	// where the views' audit stands (ready, or computing with its percentage); starts it, never waits for it
	auditStatus: () => request('GET', '/api/audit/status', withDate({})),
	accountability: (unit, domain) => request('GET', '/api/accountability', withDate({ unit, domain })),
	issueAccountability: (id) => request('GET', `/api/issues/${encodeURIComponent(id)}/accountability`, withDate({})),
	// confirmations: { overwriteEdits, confirmScopes } after the server's 409 asked for them
	upload: (file, confirmations = {}) => {
		const form = new FormData();
		form.append('file', file);
		for (const [name, value] of Object.entries(confirmations)) if (value) form.append(name, 'true');
		return request('POST', '/api/imports', {}, form);
	},
	job: (id) => request('GET', `/api/jobs/${encodeURIComponent(id)}`),
	// the report of every unit the user may see, written by a job: its file's { fileName, href }
	// (every job slot taken: the plain report URL, opened or saved by the browser itself)
	report: (format, progress) => viaJob('GET', '/api/reports/audit', withDate({ format }), progress,
		() => ({ href: api.reportUrl(format) })),
	reportUrl: (format, scope) => {
		const url = new URL('/api/reports/audit', window.location.origin);
		url.searchParams.set('format', format);
		if (scope) url.searchParams.set('scope', scope);
		if (asOf) url.searchParams.set('asOf', asOf);
		return url.toString();
	},
};
