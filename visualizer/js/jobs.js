// 任务: the jobs the signed-in user started (an ADMIN's list: everyone's), newest first (GET /api/jobs) — what each is
// about in words (a unit by its name, a report by its format), how far it is, and a report's file behind a link, so a
// report started a while ago, or in a tab since closed, is still one click away. Kept apart from app.js: one <script>
// line in index.html hooks it in. The list carries no audit documents; a job's own result stays with the view that
// started it.
import { t, msg, language } from './i18n.js';
import { el, fillTable, showMessage } from './dom.js';
import { request } from './api.js';
import { unitName } from './units.js';

const dialog = document.getElementById('jobs-dialog');
const table = document.getElementById('jobs-table');
let timer = null;
let shown = '';

/** What a job is about: format or file, snapshot, scope by name, dates. */
function about(job) {
	const a = job.about || {};
	const parts = [];
	if (a.format) parts.push(t(`jobs.format.${a.format}`));
	if (a.file) parts.push(a.file);
	if (a.label) parts.push(t('jobs.label', a.label));
	if (a.snapshot) parts.push(t('jobs.fromSnapshot', a.snapshot));
	if (job.kind !== 'import') parts.push(a.scope ? a.scope.split(',').map(unitName).join('、') : t('jobs.allUnits'));
	if (a.from && a.to) parts.push(t('jobs.dates', a.from, a.to));
	else if (a.asOf) parts.push(t('jobs.asOf', a.asOf));
	return parts.join(' · ');
}

function stateCell(job) {
	if (job.state === 'running') {
		return el('span', {}, el('progress', { max: 100, value: job.percent ?? 0, 'aria-label': t('jobs.state') }), ' ',
			job.phase === 'queued' ? t('jobs.queued') : t('jobs.running', job.percent ?? 0));
	}
	if (job.state === 'failed') {
		const p = job.problem || {};
		return el('span', { class: 'gap', 'data-code': p.code }, msg(p.detail, p.detailEn) || t('common.error'));
	}
	return t('jobs.succeeded');
}

function resultCell(job) {
	const file = job.result;
	if (file && file.href) {
		const inline = /html|json/.test(file.mediaType || '');
		return el('a', { href: file.href, 'data-testid': 'job-file', target: inline ? '_blank' : null, download: inline ? null : file.fileName },
			inline ? t('jobs.open') : t('jobs.download'), ' ', el('small', { class: 'id' }, file.fileName));
	}
	if (job.state === 'succeeded' && !job.hasResult) return el('small', {}, t('jobs.dropped'));
	return '—';
}

const when = (instant) => (instant ? new Date(instant).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB') : '');

async function refresh() {
	clearTimeout(timer);
	let jobs;
	try {
		jobs = await request('GET', '/api/jobs');
	}
	catch (e) {
		shown = '';
		fillTable(table, [], [], null, t('common.error'));
		showMessage(e.message);
		return;
	}
	// redrawn only when something changed: a link keeps its keyboard focus while no job makes progress
	const now = JSON.stringify([language(), jobs]);
	if (now !== shown) {
		shown = now;
		fillTable(table, [t('jobs.kind'), t('jobs.about'), t('jobs.owner'), t('jobs.started'), t('jobs.state'), t('jobs.result')],
			jobs.map((job) => ({ job, cells: [t(`jobs.kind.${job.kind}`), about(job), job.owner, when(job.createdAt), stateCell(job), resultCell(job)] })),
			(row) => ({ 'data-testid': 'job-row', 'data-kind': row.job.kind, 'data-state': row.job.state }), t('jobs.none'));
	}
	// followed while the list is open and something still runs
	if (dialog.open && jobs.some((job) => job.state === 'running')) timer = setTimeout(refresh, 1000);
}

document.getElementById('jobs-open').addEventListener('click', async () => {
	// never the rows of the last opening (another language, states since changed) while the list loads
	shown = '';
	fillTable(table, [], [], null, t('common.loading'));
	dialog.showModal();
	await refresh();
});
dialog.addEventListener('close', () => clearTimeout(timer));
