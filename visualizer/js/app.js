// dutychain page: tabs, the shared state (asOf, selected unit, cached audit) and the views.
import { api, setAsOf, currentAsOf } from './api.js';
import { t, code, msg, apply, language, setLanguage } from './i18n.js';
import { ChainView } from './chain.js';
import { renderPanel } from './panel.js';
import { AccountabilityView } from './accountability.js';
import { renderPressure, renderCoverage } from './charts.js';
import { FindingsView } from './findings.js';
import { setupImport } from './importer.js';
import { el, showMessage, clearMessage } from './dom.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];

const state = { dataset: null, audit: null, auditFor: null, selected: null, view: 'chain' };

/** The whole-dataset audit at the current asOf, fetched once per date and shared by the analysis views. */
async function audit() {
	const key = currentAsOf() || '';
	if (!state.audit || state.auditFor !== key) {
		state.audit = await api.audit();
		state.auditFor = key;
	}
	return state.audit;
}

const chain = new ChainView(document.getElementById('tree'), {
	onSelect: (unitId) => selectUnit(unitId),
});
const accountability = new AccountabilityView();
const findings = new FindingsView({
	onUnit: (unitId) => { switchView('chain'); chain.focus(unitId); selectUnit(unitId); },
});

async function selectUnit(unitId) {
	state.selected = unitId;
	document.getElementById('acc-unit').value = unitId;
	const panel = document.getElementById('panel');
	panel.replaceChildren(el('p', { class: 'hint' }, t('common.loading')));
	try {
		renderPanel(panel, await api.unit(unitId));
	}
	catch (e) {
		panel.replaceChildren(el('p', { class: 'gap' }, e.message));
	}
}

async function switchView(view) {
	state.view = view;
	document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
	document.querySelectorAll('.view').forEach((v) => v.classList.toggle('active', v.id === `view-${view}`));
	clearMessage();
	try {
		if (view === 'chain') chain.resize();
		if (view === 'accountability') accountability.resize();
		if (view === 'pressure') renderPressure(await audit());
		if (view === 'coverage') renderCoverage(await audit());
		if (view === 'findings') findings.render(await audit(), await analyses());
	}
	catch (e) {
		showMessage(e.message);
	}
}

let analysesCache = null;
async function analyses() {
	if (!analysesCache) analysesCache = await api.analyses();
	return analysesCache;
}

async function reloadAll() {
	state.audit = null;
	try {
		state.dataset = await api.dataset();
		const name = state.dataset.name || '—';
		document.querySelector('[data-testid=dataset-name]').textContent = `${t('app.dataset')}：${name}`;
		const asOfInput = document.getElementById('asof');
		if (!asOfInput.value && state.dataset.asOf) asOfInput.value = state.dataset.asOf;
		await chain.load();
		if (state.view !== 'chain') await switchView(state.view);
	}
	catch (e) {
		showMessage(e.message);
	}
}

function setupSearch() {
	const input = document.getElementById('unit-search');
	const list = document.getElementById('unit-search-results');
	let timer = null;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(async () => {
			const q = input.value.trim();
			if (q.length < 1) return;
			const units = await api.search(q);
			list.replaceChildren(...units.map((u) => el('option', { value: u.id }, `${u.name}（${code(u.kind)}）`)));
			const exact = units.find((u) => u.id === q || u.name === q);
			if (exact) { chain.focus(exact.id); selectUnit(exact.id); }
		}, 250);
	});
	input.addEventListener('change', () => {
		const q = input.value.trim();
		if (q) { chain.focus(q); selectUnit(q); }
	});
}

function setup() {
	apply(document);
	document.getElementById('lang').textContent = language() === 'zh' ? 'EN' : '中文';
	document.getElementById('lang').addEventListener('click', () => {
		setLanguage(language() === 'zh' ? 'en' : 'zh');
		document.getElementById('lang').textContent = language() === 'zh' ? 'EN' : '中文';
		chain.render();
		switchView(state.view);
		if (state.selected) selectUnit(state.selected);
	});
	document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => switchView(b.dataset.view)));
	document.getElementById('asof').addEventListener('change', (e) => {
		setAsOf(e.target.value);
		reloadAll();
	});
	document.getElementById('four-levels').addEventListener('change', (e) => chain.setFourLevels(e.target.checked));
	document.getElementById('extra-edges').addEventListener('change', (e) => chain.setExtraEdges(e.target.checked));
	document.getElementById('heat-mode').addEventListener('change', (e) => chain.setColorMode(e.target.value));
	const domain = document.getElementById('acc-domain');
	domain.replaceChildren(...DOMAINS.map((d) => el('option', { value: d }, code(d))));
	document.getElementById('acc-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		clearMessage();
		try {
			const issue = document.getElementById('acc-issue').value.trim();
			const result = issue ? await api.issueAccountability(issue)
				: await api.accountability(document.getElementById('acc-unit').value.trim(), domain.value);
			accountability.render(result);
			chain.highlight(result.entries.map((e) => e.unitId));
		}
		catch (err) {
			showMessage(err.message);
		}
	});
	setupSearch();
	setupImport({ onImported: () => { analysesCache = null; reloadAll(); } });
	window.addEventListener('resize', () => { chain.resize(); accountability.resize(); });
	reloadAll();
}

setup();
export { msg };
