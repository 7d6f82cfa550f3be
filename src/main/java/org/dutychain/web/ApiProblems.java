package org.dutychain.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dutychain.accountability.UnknownIssueException;
import org.dutychain.analysis.UnknownAnalysisException;
import org.dutychain.config.DatabaseBusy;
import org.dutychain.ingest.ImportProblem;
import org.dutychain.ingest.InvalidDatasetException;
import org.dutychain.report.UnknownSnapshotException;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.security.UserProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 7807 problem (application/problem+json): a stable
 * {@code type} URI under {@code /problems/}, an English {@code title}, a Chinese
 * {@code detail}, and properties the client can act on ({@code unitId}, {@code issueId},
 * {@code analysisId}, {@code errors} of an import).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final URI UNKNOWN_UNIT = URI.create("/problems/unknown-unit");

	static final URI UNKNOWN_SNAPSHOT = URI.create("/problems/unknown-snapshot");

	static final URI UNKNOWN_ISSUE = URI.create("/problems/unknown-issue");

	static final URI UNKNOWN_ANALYSIS = URI.create("/problems/unknown-analysis");

	static final URI BAD_REQUEST = URI.create("/problems/bad-request");

	static final URI INVALID_DATASET = URI.create("/problems/invalid-dataset");

	static final URI NOT_AVAILABLE = URI.create("/problems/not-available");

	static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");

	static final URI FORBIDDEN = URI.create("/problems/forbidden");

	static final URI IMPORT_RUNNING = URI.create("/problems/import-running");

	static final URI UNKNOWN_JOB = URI.create("/problems/unknown-job");

	static final URI JOBS_BUSY = URI.create("/problems/jobs-busy");

	static final URI DATABASE_BUSY = URI.create("/problems/database-busy");

	/**
	 * Seconds a client is asked to wait before it tries again when the database is busy.
	 */
	static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler(Jobs.ImportRunningException.class)
	ProblemDetail importRunning(Jobs.ImportRunningException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, IMPORT_RUNNING, "Import running", "另一项导入正在进行，请待其完成后再试");
		problem.setProperty("code", "IMPORT_RUNNING");
		problem.setProperty("jobId", ex.jobId());
		return problem;
	}

	@ExceptionHandler(Jobs.JobsBusyException.class)
	ResponseEntity<ProblemDetail> jobsBusy(Jobs.JobsBusyException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, JOBS_BUSY, "Too many jobs",
				"已有 " + Jobs.ACTIVE_LIMIT + " 项作业在进行，请稍后再试");
		problem.setProperty("code", "JOBS_BUSY");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(JobController.UnknownJobException.class)
	ProblemDetail unknownJob(JobController.UnknownJobException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_JOB, "Unknown job",
				"没有编号为 " + ex.jobId() + " 的作业");
		problem.setProperty("jobId", ex.jobId());
		return problem;
	}

	@ExceptionHandler(UnknownUnitException.class)
	ProblemDetail unknownUnit(UnknownUnitException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_UNIT, "Unknown unit",
				"数据集中没有编号为 " + ex.unitId() + " 的单位");
		problem.setProperty("unitId", ex.unitId());
		return problem;
	}

	@ExceptionHandler(UnknownIssueException.class)
	ProblemDetail unknownIssue(UnknownIssueException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_ISSUE, "Unknown issue",
				"数据集中没有编号为 " + ex.issueId() + " 的问题");
		problem.setProperty("issueId", ex.issueId());
		return problem;
	}

	@ExceptionHandler(UnknownSnapshotException.class)
	ProblemDetail unknownSnapshot(UnknownSnapshotException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_SNAPSHOT, "Unknown snapshot",
				"快照不存在：" + ex.snapshotId());
		problem.setProperty("snapshotId", ex.snapshotId());
		return problem;
	}

	@ExceptionHandler(UnknownAnalysisException.class)
	ProblemDetail unknownAnalysis(UnknownAnalysisException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_ANALYSIS, "Unknown analysis",
				"没有编号为 " + ex.analysisId() + " 的分析");
		problem.setProperty("analysisId", ex.analysisId());
		return problem;
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "Bad request", ex.detailZh());
		problem.setProperty("parameter", ex.parameter());
		problem.setProperty("value", ex.value());
		return problem;
	}

	@ExceptionHandler(InvalidDatasetException.class)
	ProblemDetail invalidDataset(InvalidDatasetException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_DATASET, "Invalid dataset",
				"数据集有 " + ex.problems().size() + " 个问题，未导入任何数据");
		List<Map<String, Object>> errors = ex.problems().stream().map(ApiProblems::error).toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * A ledger edit that changed nothing: 409 (illegal transition, version conflict with
	 * the current state, import running), 422 (missing field), 403, 404.
	 */
	@ExceptionHandler(org.dutychain.ledger.EditRefusedException.class)
	ProblemDetail editRefused(org.dutychain.ledger.EditRefusedException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		ProblemDetail problem = problem(status,
				URI.create("/problems/" + ex.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-')),
				ex.getMessage(), ex.messageZh());
		problem.setProperty("code", ex.code());
		problem.setProperty("messageEn", ex.getMessage());
		if (ex.current() != null && ex.code().equals("VERSION_CONFLICT")) {
			problem.setProperty("current", ex.current());
		}
		else if (ex.current() != null) {
			ex.current().forEach(problem::setProperty);
		}
		return problem;
	}

	@ExceptionHandler(NotAvailableException.class)
	ProblemDetail notAvailable(NotAvailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, NOT_AVAILABLE, "Not available",
				"此版本尚未提供该功能：" + ex.feature());
		problem.setProperty("feature", ex.feature());
		return problem;
	}

	@ExceptionHandler(UserProblemException.class)
	ResponseEntity<ProblemDetail> userProblem(UserProblemException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		ProblemDetail problem = problem(status, URI.create("/problems/user-" + status.value()),
				status.getReasonPhrase(), ex.detailZh() + " · " + ex.detailEn());
		problem.setProperty("field", ex.field());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A role that may not do this (a method rule or {@code AccessScope.requireEditable}).
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", "当前角色无权执行此操作 · Your role may not do this");
	}

	/**
	 * The database could not take the request in time ({@link DatabaseBusy}: no pooled
	 * connection under overload, a transient failure past the retries, an unreachable
	 * external server). A 503 with {@code Retry-After} tells a client to back off; a 500
	 * would say something is broken.
	 */
	ResponseEntity<ProblemDetail> databaseBusy(RuntimeException ex) {
		log.warn("Database busy or unreachable: {}", ex.getClass().getName());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_BUSY, "Database busy",
				"数据库繁忙，请稍后重试 · The database is busy; please try again shortly");
		problem.setProperty("code", "DATABASE_BUSY");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Anything unexpected: a generic text and a correlation id that is logged with the
	 * exception; never the exception's message or stack trace. A busy database is not
	 * unexpected: {@link #databaseBusy}.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		if (DatabaseBusy.is(ex)) {
			return databaseBusy(ex);
		}
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(internalError(ex));
	}

	private static ProblemDetail internalError(RuntimeException ex) {
		String correlationId = java.util.UUID.randomUUID().toString();
		log.error("Request failed (correlation id {})", correlationId, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Internal error",
				"服务器内部错误，请将编号 " + correlationId + " 告知管理员 · Internal error; quote " + correlationId
						+ " to your administrator");
		problem.setProperty("correlationId", correlationId);
		return problem;
	}

	/**
	 * Spring MVC's own 400s (unparseable asOf, missing parameter or file part) get our
	 * type and a Chinese detail.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.getBody();
		}
		if (status.value() == 400 && body instanceof ProblemDetail problem) {
			problem.setType(BAD_REQUEST);
			problem.setTitle("Bad request");
			problem.setDetail(chineseDetail(ex));
			if (ex instanceof TypeMismatchException mismatch) {
				problem.setProperty("parameter", mismatch.getPropertyName());
				problem.setProperty("value", String.valueOf(mismatch.getValue()));
			}
			else if (ex instanceof MissingServletRequestParameterException missing) {
				problem.setProperty("parameter", missing.getParameterName());
			}
			else if (ex instanceof MissingServletRequestPartException missing) {
				problem.setProperty("parameter", missing.getRequestPartName());
			}
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	private static String chineseDetail(Exception ex) {
		if (ex instanceof TypeMismatchException mismatch) {
			return "参数 " + mismatch.getPropertyName() + " 的值“" + mismatch.getValue() + "”无效"
					+ ("asOf".equals(mismatch.getPropertyName()) ? "（日期格式应为 yyyy-MM-dd）" : "");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return "缺少参数 " + missing.getParameterName();
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return "缺少上传文件 " + missing.getRequestPartName();
		}
		return "请求无效 · Bad request";
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static Map<String, Object> error(ImportProblem p) {
		Map<String, Object> e = new java.util.LinkedHashMap<>();
		e.put("file", p.file());
		e.put("row", p.row());
		e.put("column", p.column());
		e.put("code", p.code());
		e.put("message", p.message());
		e.put("messageZh", p.messageZh());
		e.put("line", p.toString());
		return e;
	}

}
