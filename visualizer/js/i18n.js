// Labels: Chinese first, English by toggle; the API sends codes and both messages.
import zh from '../i18n/zh-CN.js';
import en from '../i18n/en.js';

const tables = { zh, en };
let lang = localStorage.getItem('dutychain.lang') || 'zh';

export function language() { return lang; }

export function setLanguage(next) {
	lang = next;
	localStorage.setItem('dutychain.lang', next);
	apply(document);
}

/** A label, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
	const value = tables[lang][key] ?? zh[key] ?? key;
	return args.reduce((s, a, i) => s.replace(`{${i}}`, a), value);
}

/** A code (PRINCIPAL, HIGH, BRANCH …) as a label in the current language. */
export function code(value) {
	if (value == null) return '';
	return lang === 'zh' ? (zh.codes[value] ?? value) : value;
}

/** The message of a finding or rule in the current language, the other one as tooltip. */
export function msg(zhText, enText) {
	return lang === 'zh' ? (zhText || enText || '') : (enText || zhText || '');
}

export function apply(root) {
	root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
	root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
	document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
