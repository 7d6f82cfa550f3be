package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Kind of work record, evidence of pressure (工作记录类型). */
public enum ActivityKind implements Labeled {

	MEETING("会议部署", "Meeting", List.of("会议")), STUDY("学习", "Study", List.of()), TALK("谈心谈话", "Talk", List.of("谈话")),
	ADMONITION("约谈", "Admonition", List.of()), CHECK("督促检查", "Check", List.of("检查")),
	REPORT("述职报告", "Report", List.of("述职", "报告")), DUTY_REVIEW("清单检查", "Duty-list review", List.of()),
	TRAINING("培训", "Training", List.of()), OTHER("其他", "Other", List.of());

	private final Label label;

	ActivityKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
