package org.dutychain.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.dutychain.security.AccessScope;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs (作业): {@code GET /api/jobs/{id}} and {@code GET /api/jobs}. A job is visible to
 * the user who started it and to ADMINs; to anyone else it does not exist (404, so that
 * job ids say nothing).
 */
@RestController
class JobController {

	/** The request header asking for a job instead of waiting (RFC 7240). */
	static final String PREFER = "Prefer";

	private final Jobs jobs;

	private final AccessScope access;

	JobController(Jobs jobs, AccessScope access) {
		this.jobs = jobs;
		this.access = access;
	}

	/** A job: phase, rows, percentage, and the result or the problem. */
	@GetMapping("/api/jobs/{id}")
	Jobs.JobView job(@PathVariable String id) {
		AccessScope.Caller caller = this.access.caller();
		return this.jobs.find(id, caller).orElseThrow(() -> new UnknownJobException(id));
	}

	/**
	 * The file a finished job wrote (a report), as the request itself would have answered
	 * it; 404 when the job is not the caller's, wrote no file or has not finished.
	 */
	@GetMapping("/api/jobs/{id}/file")
	ResponseEntity<Resource> file(@PathVariable String id) {
		Jobs.JobFile file = this.jobs.file(id, this.access.caller()).orElseThrow(() -> new UnknownJobException(id));
		// a file resource: ranges are served (PDF viewers, resumed downloads); a file
		// dropped with its job between here and the read fails that one download
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ReportController.disposition(file.fileName(), file.inline()))
			.body(new FileSystemResource(file.path()));
	}

	/** The caller's jobs (an ADMIN's: everyone's), newest first. */
	@GetMapping("/api/jobs")
	List<Jobs.JobView> jobs() {
		AccessScope.Caller caller = this.access.caller();
		return this.jobs.list(caller);
	}

	/**
	 * Whether a {@code Prefer} header asks for {@code respond-async}: the request is then
	 * answered with a job ({@link #accepted}).
	 */
	static boolean respondAsync(String prefer) {
		if (prefer == null) {
			return false;
		}
		for (String preference : prefer.split(",")) {
			String token = preference.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			if (token.equals("respond-async")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * 202 Accepted with the job, {@code Location: /api/jobs/{id}} and
	 * {@code Preference-Applied: respond-async}.
	 */
	static ResponseEntity<Object> accepted(Jobs.JobView job) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/jobs/" + job.id()))
			.header("Preference-Applied", "respond-async")
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(job);
	}

	/** No job with this id that the caller may see (404). */
	static final class UnknownJobException extends RuntimeException {

		private final String jobId;

		UnknownJobException(String jobId) {
			super("unknown job " + jobId);
			this.jobId = jobId;
		}

		String jobId() {
			return this.jobId;
		}

	}

}
