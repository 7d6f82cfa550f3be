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

	DatasetController(Datasets datasets) {
		this.datasets = datasets;
	}

	/**
	 * @param counts nodes per label of the active generation (Unit → 426 …); empty when nothing is imported
	 */
	record DatasetResponse(String name, LocalDate asOf, long generation, ZonedDateTime importedAt, boolean present,
			Map<String, Long> counts) {
	}

	@GetMapping("/api/dataset")
	DatasetResponse dataset() {
		DatasetInfo info = this.datasets.active();
		Map<String, Long> counts = info.present() ? this.datasets.counts(info.generation()) : Map.of();
		return new DatasetResponse(info.name(), info.asOf(), info.generation(), info.importedAt(), info.present(), counts);
	}

}
