package org.dutychain.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active dataset (数据集). */
@RestController
class DatasetController {

	private final Datasets datasets;

	/**
	 * Counts of the last dataset asked for (generation and import time): they change only
	 * with a new import.
	 */
	private volatile CountsMemo counts = new CountsMemo(DatasetInfo.none(), Map.of());

	private record CountsMemo(DatasetInfo dataset, Map<String, Long> counts) {
	}

	DatasetController(Datasets datasets) {
		this.datasets = datasets;
	}

	/**
	 * @param asOf the evaluation date the dataset was imported with (导入时评估日期)
	 * @param defaultAsOf the date every view, report and notice uses when none is asked
	 * for: the imported one, or today (Asia/Shanghai) once the dataset has been edited in
	 * the tool
	 * @param revision edits made in the tool since the import
	 * @param counts nodes per label of the active generation (Unit → 426 …); empty when
	 * nothing is imported
	 */
	record DatasetResponse(String name, LocalDate asOf, LocalDate defaultAsOf, long revision, long generation,
			ZonedDateTime importedAt, boolean present, Map<String, Long> counts) {
	}

	@GetMapping("/api/dataset")
	DatasetResponse dataset() {
		DatasetInfo info = this.datasets.active();
		Map<String, Long> counts = info.present() ? counts(info) : Map.of();
		return new DatasetResponse(info.name(), info.asOf(), info.present() ? this.datasets.asOf(null) : null,
				info.revision(), info.generation(), info.importedAt(), info.present(), counts);
	}

	private Map<String, Long> counts(DatasetInfo dataset) {
		CountsMemo memo = this.counts;
		if (!memo.dataset().equals(dataset)) {
			memo = new CountsMemo(dataset, java.util.Collections
				.unmodifiableMap(new java.util.LinkedHashMap<>(this.datasets.counts(dataset.generation()))));
			this.counts = memo;
		}
		return memo.counts();
	}

}
