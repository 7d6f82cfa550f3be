// Import: upload a zip or xlsx (202 + a job polled until it ends); a 422 problem lists every error (file, row, column, code, message) in a table.
import { api } from './api.js';
import { t, msg } from './i18n.js';
import { fillTable, showMessage } from './dom.js';

export function setupImport({ onImported }) {
	document.getElementById('import-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		const file = document.getElementById('import-file').files[0];
		const table = document.getElementById('import-errors');
		const result = document.getElementById('import-result');
		table.replaceChildren();
		result.textContent = '';
		if (!file) return;
		try {
			// 202: the upload is valid and written by a job; poll it until it ends
			let job = await api.upload(file);
			while (job.state === 'running') {
				result.textContent = `${job.phase} ${job.percent}%`;
				await new Promise((resolve) => setTimeout(resolve, 500));
				job = await api.job(job.id);
			}
			if (job.state !== 'succeeded') throw new Error((job.problem && job.problem.detail) || job.state);
			const imported = job.result;
			result.textContent = t('import.ok', `${imported.dataset || file.name}（${Object.entries(imported.counts || {}).map(([k, v]) => `${k} ${v}`).join('，')}）`);
			showMessage(result.textContent, true);
			onImported();
		}
		catch (err) {
			const errors = (err.problem && err.problem.errors) || [];
			result.textContent = errors.length ? t('import.failed', errors.length) : err.message;
			showMessage(result.textContent);
			fillTable(table, [t('import.file'), t('import.row'), t('import.column'), t('import.code'), t('import.message')],
				errors.map((x) => ({ cells: [x.file, String(x.row), x.column || '', x.code, msg(x.messageZh, x.message)] })),
				() => ({ 'data-testid': 'import-error-row' }));
		}
	});
}
