// dutychain page: tabs, the shared state (asOf, selected unit, cached audit) and the views.
import { api, setAsOf, currentAsOf } from './api.js';
import { t, label, msg, apply, language, setLanguage, setLabels } from './i18n.js';
import { ChainView } from './chain.js';
import { renderPanel, showFindings } from './panel.js';
import { AccountabilityView } from './accountability.js';
import { renderPressure, renderCoverage } from './charts.js';
import { FindingsView } from './findings.js';
import { setupImport } from './importer.js';
import { el, showMessage, showInfo, clearMessage } from './dom.js';
import { setUnits, findUnits, resolveUnit, unitName } from './units.js';
import { TrendView, firstRecords, dateWarning } from './trend.js';
import { ledgerView } from './ledger.js';

const DOMAINS = ['POLITICAL', 'THEORY', 'ORGANIZATION', 'MEMBER_EDUCATION', 'DISCIPLINE', 'MASS_ORGS', 'SUPERVISION_CHECK', 'SUPPORT'];
const POLL_MS = 2000;

const state = { dataset: null, audit: null, auditFor: null, selected: null, view: 'chain', warning: null };

/** The whole-dataset audit at the current asOf, fetched once per date and shared by the analysis views. */
async function audit() {
	const key = `${state.dataset && state.dataset.generation}|${currentAsOf() || ''}`;
	if (!state.audit || state.auditFor !== key) {
		const pending = api.audit();
		// a job (no request held open while the audit runs): meanwhile the bar under the tabs says how far it is
		api.auditStatus().then(watchAudit).catch(() => {});
		state.audit = await pending;
		state.auditFor = key;
	}
	return state.audit;
}

let auditPoll = null;
/**
 * Where the views' audit stands (an answer's `audit`, or GET /api/audit/status): while it is computing a bar under the
 * tabs says 审计计算中（进度 n%） and the page asks again every POLL_MS; once it is ready the numbers that were shown
 * without it — the tree's finding counts, the panel's findings — are read again.
 */
function watchAudit(status) {
	if (!status) return;
	const box = document.getElementById('audit-status');
	box.dataset.state = status.state;
	if (status.state === 'ready') { box.hidden = true; return; }
	box.hidden = false;
	box.querySelector('progress').value = status.percent || 0;
	box.querySelector('span').textContent = msg(status.messageZh, status.messageEn);
	if (status.state !== 'computing' || auditPoll) return;
	auditPoll = setInterval(async () => {
		let now;
		try { now = await api.auditStatus(); }
		catch (e) { return; }
		watchAudit(now);
		if (now.state === 'computing') return;
		clearInterval(auditPoll);
		auditPoll = null;
		if (now.state === 'ready') auditReady();
	}, POLL_MS);
}

/** The views' audit finished: the tree's counts (now, or when the tree is shown next) and the selected unit's findings. */
async function auditReady() {
	try {
		if (state.view === 'chain') await chain.refreshFindings();
		else state.countsStale = true; // a hidden chart is not redrawn
		const unitId = state.selected;
		if (unitId) {
			const data = await api.unit(unitId);
			if (state.selected === unitId) showFindings(document.getElementById('panel'), data);
		}
	}
	catch (e) {
		showMessage(e.message);
	}
}

const chain = new ChainView(document.getElementById('tree'), {
	onSelect: (unitId) => selectUnit(unitId),
});
const accountability = new AccountabilityView();
const showUnit = (unitId) => { switchView('chain'); chain.focus(unitId); selectUnit(unitId); };
const findings = new FindingsView({ onUnit: showUnit });
const trend = new TrendView({ onUnit: showUnit, selected: () => state.selected || (chain.roots && chain.roots[0] && chain.roots[0].id),
	datasetAsOf: () => document.getElementById('asof').value || (state.dataset && state.dataset.asOf) });

async function selectUnit(unitId) {
	state.selected = unitId;
	chain.select(unitId);
	const accUnit = document.getElementById('acc-unit');
	if (!accUnit.value) accUnit.value = unitName(unitId);
	const panel = document.getElementById('panel');
	panel.replaceChildren(el('p', { class: 'hint' }, t('common.loading')));
	try {
		const data = await api.unit(unitId);
		if (state.selected !== unitId) return; // another unit was chosen meanwhile
		renderPanel(panel, data);
		watchAudit(data.audit);
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
	if (state.warning) showInfo(state.warning);
	try {
		if (view === 'chain') {
			chain.resize();
			if (state.countsStale) { state.countsStale = false; await chain.refreshFindings(); }
		}
		if (view === 'accountability') { accountability.resize(); accountability.redraw(); }
		if (view === 'pressure') renderPressure(await audit(), showUnit);
		if (view === 'coverage') renderCoverage(await audit(), showUnit);
		if (view === 'findings') findings.render(await audit(), await analyses());
		if (view === 'trend') await trend.show();
		if (view === 'ledger') await ledgerView().show();
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

function showDataset() {
	const box = document.querySelector('[data-testid=dataset-name]');
	if (!state.dataset || !state.dataset.present) { box.textContent = t('app.loadingDemo'); return; }
	box.textContent = `${t('app.dataset')}${language() === 'zh' ? '：' : ': '}${state.dataset.name || '—'}`;
	// once edited in the tool the default date is today; the imported one stays one click away
	const imported = document.getElementById('asof-imported');
	const edited = state.dataset.revision > 0 && state.dataset.asOf && state.dataset.defaultAsOf !== state.dataset.asOf;
	imported.hidden = !edited;
	if (edited) imported.textContent = t('app.importedAsOf', state.dataset.asOf);
}

/** The date the server uses when the page sends none: the picker shows it. */
function defaultDate(dataset) {
	return dataset.defaultAsOf || dataset.asOf;
}

/** Warns when the chosen date lies before the dataset's first records, or (milder) before its as_of. */
function checkDate() {
	const chosen = currentAsOf();
	const asOf = state.dataset && state.dataset.asOf;
	state.warning = dateWarning(chosen, state.firstRecords)
		|| (chosen && asOf && chosen < asOf ? t('app.dateBefore', chosen, asOf) : null);
	if (state.warning) showInfo(state.warning);
	document.getElementById('asof').classList.toggle('warn', !!state.warning);
}

/**
 * Reloads every view from the server. newDataset: after an import (or the demo's first load) the date picker takes the
 * new dataset's as_of and every cached answer is dropped.
 */
async function reloadAll(newDataset) {
	state.audit = null;
	state.countsStale = false; // the tree is read again below
	try {
		const dataset = await api.dataset();
		if (!dataset.present) { state.dataset = dataset; showDataset(); waitForData(); return; }
		const changed = newDataset || !state.dataset || state.dataset.generation !== dataset.generation;
		state.dataset = dataset;
		showDataset();
		const asOfInput = document.getElementById('asof');
		if (changed) {
			analysesCache = null;
			setUnits(await api.unitIndex());
			if (defaultDate(dataset)) asOfInput.value = defaultDate(dataset);
			setAsOf(null);
			state.selected = null;
			state.firstRecords = null;
			trend.reset();
			ledgerView().reset();
			document.getElementById('panel').replaceChildren(el('p', { class: 'hint' }, t('panel.hint')));
		}
		else if ((!asOfInput.value || !currentAsOf()) && defaultDate(dataset)) asOfInput.value = defaultDate(dataset);
		if (!state.firstRecords) state.firstRecords = await firstRecords().catch(() => null);
		checkDate();
		await chain.load();
		watchAudit(chain.audit);
		if (state.view !== 'chain') await switchView(state.view);
	}
	catch (e) {
		showMessage(e.message);
	}
}

let polling = null;
/** First start: the server loads the demo in the background; poll GET /api/dataset and refresh when it is there. */
function waitForData() {
	if (polling) return;
	showInfo(t('app.loadingDemo'));
	const started = Date.now();
	polling = setInterval(async () => {
		try {
			const dataset = await api.dataset();
			if (dataset.present) {
				clearInterval(polling);
				polling = null;
				clearMessage();
				await reloadAll(true);
			}
			else if (Date.now() - started > 5 * 60 * 1000) {
				clearInterval(polling);
				polling = null;
				showInfo(t('app.noData'));
			}
		}
		catch (e) { /* server still starting */ }
	}, POLL_MS);
}

/** A datalist filled with the units matching the input, as "name（id）". */
function unitSuggestions(input, list, onExact) {
	let timer = null;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			const units = findUnits(input.value);
			list.replaceChildren(...units.map((u) => el('option', { value: `${u.name}（${u.id}）` }, label('unitKind', u.kind))));
			if (onExact) {
				const exact = units.find((u) => u.id === input.value.trim() || u.name === input.value.trim()
					|| `${u.name}（${u.id}）` === input.value.trim());
				if (exact) onExact(exact);
			}
		}, 150);
	});
}

function setupSearch() {
	const input = document.getElementById('unit-search');
	unitSuggestions(input, document.getElementById('unit-search-results'), (u) => showUnit(u.id));
	input.addEventListener('change', () => {
		const u = resolveUnit(input.value);
		if (u) showUnit(u.id);
	});
}

function accMode() {
	return document.querySelector('input[name=acc-mode]:checked').value;
}

function setupAccountability() {
	const domain = document.getElementById('acc-domain');
	const fillDomains = () => {
		const current = domain.value;
		domain.replaceChildren(...DOMAINS.map((d) => el('option', { value: d }, label('domain', d))));
		if (current) domain.value = current;
	};
	fillDomains();
	const unitInput = document.getElementById('acc-unit');
	unitSuggestions(unitInput, document.getElementById('acc-unit-results'));
	document.querySelectorAll('input[name=acc-mode]').forEach((r) => r.addEventListener('change', () => {
		const issue = accMode() === 'issue';
		document.getElementById('acc-unit-fields').hidden = issue;
		document.getElementById('acc-issue-fields').hidden = !issue;
	}));
	document.getElementById('acc-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		clearMessage();
		try {
			let result;
			let question;
			if (accMode() === 'issue') {
				const issue = document.getElementById('acc-issue').value.trim();
				if (!issue) { showMessage(t('acc.needIssue')); return; }
				question = { mode: 'issue', issue };
				result = await api.issueAccountability(issue);
			}
			else {
				const unit = resolveUnit(unitInput.value);
				if (!unit) { showMessage(t('acc.unknownUnit', unitInput.value.trim())); return; }
				unitInput.value = `${unit.name}（${unit.id}）`;
				question = { mode: 'unit', unitId: unit.id, domain: domain.value };
				result = await api.accountability(unit.id, domain.value);
			}
			await accountability.render(result, question);
			chain.highlight(result.entries.map((x) => x.unitId));
		}
		catch (err) {
			showMessage(err.message);
		}
	});
	return fillDomains;
}

function setup() {
	apply(document);
	document.getElementById('lang').textContent = language() === 'zh' ? 'EN' : '中文';
	let fillDomains = () => {};
	document.getElementById('lang').addEventListener('click', () => {
		setLanguage(language() === 'zh' ? 'en' : 'zh');
		document.getElementById('lang').textContent = language() === 'zh' ? 'EN' : '中文';
		showDataset();
		fillDomains();
		checkDate();
		if (chain.mode === 'overview') chain.renderOverview(); else chain.render();
		switchView(state.view);
		if (state.selected) selectUnit(state.selected);
	});
	document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => switchView(b.dataset.view)));
	document.getElementById('asof').addEventListener('change', (e) => {
		setAsOf(e.target.value);
		reloadAll(false);
	});
	document.getElementById('four-levels').addEventListener('change', (e) => chain.setFourLevels(e.target.checked));
	document.getElementById('extra-edges').addEventListener('change', (e) => chain.setExtraEdges(e.target.checked));
	document.getElementById('heat-mode').addEventListener('change', (e) => chain.setColorMode(e.target.value));
	document.getElementById('chain-mode').addEventListener('change', (e) => chain.setMode(e.target.value));
	fillDomains = setupAccountability();
	setupSearch();
	setupImport({
		datasetName: () => state.dataset && state.dataset.name,
		onImported: async () => { analysesCache = null; await reloadAll(true); },
	});
	window.addEventListener('resize', () => { chain.resize(); accountability.resize(); trend.resize(); });
	// an edit (ledger, appointment, 认领): the cached audit is stale and the selected unit is shown again
	window.addEventListener('dutychain:edited', async () => {
		state.audit = null;
		// the first edit moves the default date to today: the picker follows unless a date was chosen
		const dataset = await api.dataset().catch(() => null);
		if (dataset && dataset.present) {
			state.dataset = dataset;
			showDataset();
			if (!currentAsOf() && defaultDate(dataset)) document.getElementById('asof').value = defaultDate(dataset);
		}
		if (state.selected) selectUnit(state.selected);
	});
	document.getElementById('asof-imported').addEventListener('click', () => {
		const input = document.getElementById('asof');
		input.value = state.dataset.asOf;
		input.dispatchEvent(new Event('change'));
	});
	reloadAll(true);
}

async function start() {
	try {
		setLabels(await api.labels());
	}
	catch (e) {
		showMessage(e.message);
	}
	setup();
}

start();
export { msg };
