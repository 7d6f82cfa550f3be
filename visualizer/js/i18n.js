// Labels: Chinese first, English by toggle. UI strings live in ../i18n/*.js; every code the API sends (unit kinds,
// domains, severities, finding codes, grades …) is labelled from GET /api/labels, the one table the Java enums serve.
import zh from '../i18n/zh-CN.js';
import en from '../i18n/en.js';

const tables = { zh, en };
let lang = localStorage.getItem('dutychain.lang') || 'zh';
let labels = { groups: {}, grades: {}, findings: {}, analyses: {} };
let flat = {};

export function language() { return lang; }

export function setLanguage(next) {
	lang = next;
	localStorage.setItem('dutychain.lang', next);
	apply(document);
}

/** Loads the code labels once (GET /api/labels). */
export function setLabels(data) {
	labels = { groups: {}, grades: {}, findings: {}, analyses: {}, ...(data || {}) };
	flat = {};
	Object.values(labels.groups).forEach((g) => Object.entries(g).forEach(([k, v]) => { if (!flat[k]) flat[k] = v; }));
	// grade codes (POOR, FAIRLY_GOOD …) only for codes that slip into messages; one letter grades stay as they are
	Object.values(labels.grades).forEach((g) => Object.entries(g).forEach(([k, v]) => { if (!flat[k] && k.length > 1) flat[k] = v; }));
}

const pick = (entry, fallback) => (entry ? (lang === 'zh' ? entry.zh : entry.en) || entry.zh || fallback : fallback);

/** A label, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
	const value = tables[lang][key] ?? zh[key] ?? key;
	// a function as the replacement: an argument's own $& or $' stays as it is
	return args.reduce((s, a, i) => s.replaceAll(`{${i}}`, () => String(a)), value);
}

/** A code of an enumeration (group: unitKind, domain, severity, responsibility …) in the current language. */
export function label(group, value) {
	if (value == null || value === '') return '';
	return pick((labels.groups[group] || {})[value] || flat[value], value);
}

/** Any code, looked up across the enumerations (prefer label(group, value) when the group is known). */
export function code(value) {
	if (value == null) return '';
	return pick(flat[value], value);
}

/** A finding code's title (NO_TEAM_LIST → 无班子责任清单). */
export function findingTitle(value) { return pick(labels.findings[value], value || ''); }

/** An analysis id's title (list-coverage → 清单覆盖). */
export function analysisTitle(id) { return pick(labels.analyses[id], id || ''); }

/** Severity HIGH/MEDIUM/LOW as 高/中/低. */
export function severity(value) { return label('severity', value); }

/** A grade of a grading scheme (ANNUAL PASS → 合格). */
export function grade(scheme, value) { return pick((labels.grades[scheme] || {})[value], value || ''); }

const CODE_TOKEN = /\b[A-Z][A-Z_]{3,}\b/g;

/** Replaces codes that slipped into a text (阶段RECTIFY → 阶段整改) by their labels. */
export function localize(text) {
	if (!text) return '';
	return String(text).replace(CODE_TOKEN, (token) => (flat[token] ? pick(flat[token], token)
		: (labels.findings[token] ? pick(labels.findings[token], token) : token)));
}

/** The message of a finding or rule in the current language, codes in it shown by their labels. */
export function msg(zhText, enText) {
	return localize(lang === 'zh' ? (zhText || enText || '') : (enText || zhText || ''));
}

export function apply(root) {
	root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
	root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
	root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
	document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
