// Import: upload a zip or xlsx after a confirm (an import replaces all data); the upload is validated, then written
// by a job polled until it ends (202); the button is disabled and a progress line runs while it works; a 422 problem
// lists every error (file, row, column, code, message) in a table.
import { api } from './api.js';
import { t, msg } from './i18n.js';
import { el, fillTable, showMessage, clearMessage } from './dom.js';

// the server's 409 problems that a cadre may confirm, and the upload flag each one needs
const CONFIRMABLE = { EDITS_WOULD_BE_LOST: 'overwriteEdits', SCOPES_WOULD_CHANGE: 'confirmScopes' };

function confirmReplace(datasetName) {
	return confirmText(t('import.confirm', datasetName || '—'));
}

function confirmText(text) {
	const dialog = document.getElementById('import-confirm');
	document.getElementById('import-confirm-text').textContent = text;
	return new Promise((resolve) => {
		dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
		dialog.returnValue = '';
		dialog.showModal();
	});
}

export function setupImport({ onImported, datasetName }) {
	const button = document.getElementById('import-submit');
	document.getElementById('import-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		if (button.disabled) return;
		const file = document.getElementById('import-file').files[0];
		const table = document.getElementById('import-errors');
		const result = document.getElementById('import-result');
		table.replaceChildren();
		result.replaceChildren();
		clearMessage();
		if (!file) { showMessage(t('import.noFile')); return; }
		if (!(await confirmReplace(datasetName()))) return;
		button.disabled = true;
		const started = Date.now();
		const status = el('span', { 'data-testid': 'import-progress' });
		let stage = ''; // the job's phase and percentage once it runs
		const tick = () => { status.textContent = t('import.running', file.name, Math.round((Date.now() - started) / 1000)) + stage; };
		tick();
		const timer = setInterval(tick, 1000);
		const bar = el('b');
		const track = el('span', { class: 'progress', 'data-testid': 'import-bar' }, bar);
		result.replaceChildren(track, ' ', status);
		try {
			// 202: the upload is valid and written by a job; poll it until it ends
			// an import that would overwrite edits made in the tool, or change users' scopes, is confirmed first
			const confirmations = {};
			let job;
			for (;;) {
				try {
					job = await api.upload(file, confirmations);
					break;
				}
				catch (err) {
					const flag = err.problem && CONFIRMABLE[err.problem.code];
					if (!flag || confirmations[flag]) throw err;
					if (!(await confirmText(msg(err.problem.detail, err.problem.messageEn)))) {
						result.replaceChildren(el('span', { 'data-testid': 'import-cancelled' }, t('import.cancelled')));
						return;
					}
					confirmations[flag] = true;
				}
			}
			// the upload was checked: from here the job says how far it is (phase and percentage of the whole)
			track.classList.add('determinate');
			while (job.state === 'running') {
				bar.style.width = `${job.percent ?? 0}%`;
				track.dataset.percent = String(job.percent ?? 0);
				stage = ` ${t('import.phase.' + (job.phase || 'queued'))} ${job.percent ?? 0}%`;
				tick();
				await new Promise((resolve) => setTimeout(resolve, 500));
				job = await api.job(job.id);
			}
			if (job.state !== 'succeeded') throw Object.assign(new Error((job.problem && msg(job.problem.detail, job.problem.detailEn)) || job.state), { problem: job.problem });
			const imported = job.result;
			const counts = imported.counts || {};
			const units = counts.units ?? counts.Unit ?? counts.unit;
			const text = t('import.ok', `${imported.dataset || file.name}${units != null ? `（${t('import.counts', units)}）` : ''}`);
			result.replaceChildren(el('span', { 'data-testid': 'import-ok' }, text));
			showMessage(text, true);
			await onImported(imported);
		}
		catch (err) {
			const errors = (err.problem && err.problem.errors) || [];
			const text = errors.length ? t('import.failed', errors.length) : `${t('common.error')}：${err.message}`;
			result.replaceChildren(el('span', { class: 'gap' }, text));
			showMessage(text);
			fillTable(table, [t('import.file'), t('import.row'), t('import.column'), t('import.code'), t('import.message')],
				errors.map((x) => ({ cells: [x.file, String(x.row ?? ''), x.column || '', el('code', { translate: 'no' }, x.code || ''), msg(x.messageZh, x.message)] })),
				() => ({ 'data-testid': 'import-error-row' }));
		}
		finally {
			clearInterval(timer);
			button.disabled = false;
		}
	});
}
