package org.dutychain.ingest.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fictitious Chinese names of people, departments, counties, townships and villages
 * (人名、单位名).
 */
final class Names {

	/**
	 * Common surnames, the first ones repeated so they come up more often, as they do.
	 */
	private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红志新春海燕晨德颖宇浩凯鹏飞雪梅林琳斌俊峰波辉亮婷宁欣然佳慧云龙文博晓东阳光鑫荣庆祥福宏达振兴家瑞丹璐倩旭";

	/** Provincial departments: name, short id. */
	static final List<String[]> DEPARTMENTS = List.of(new String[] { "省发展和改革委员会", "fgw" },
			new String[] { "省教育厅", "jyt" }, new String[] { "省科学技术厅", "kjt" }, new String[] { "省工业和信息化厅", "gxt" },
			new String[] { "省民族宗教事务委员会", "mzw" }, new String[] { "省民政厅", "mzt" }, new String[] { "省司法厅", "sft" },
			new String[] { "省财政厅", "czt" }, new String[] { "省人力资源和社会保障厅", "rst" }, new String[] { "省自然资源厅", "zrt" },
			new String[] { "省生态环境厅", "stt" }, new String[] { "省住房和城乡建设厅", "zjt" }, new String[] { "省交通运输厅", "jtt" },
			new String[] { "省水利厅", "slt" }, new String[] { "省农业农村厅", "nyt" }, new String[] { "省商务厅", "swt" },
			new String[] { "省文化和旅游厅", "wlt" }, new String[] { "省卫生健康委员会", "wjw" }, new String[] { "省退役军人事务厅", "tyt" },
			new String[] { "省应急管理厅", "yjt" }, new String[] { "省审计厅", "sjt" }, new String[] { "省市场监督管理局", "scj" },
			new String[] { "省统计局", "tjj" }, new String[] { "省医疗保障局", "ybj" }, new String[] { "省林业和草原局", "lcj" },
			new String[] { "省体育局", "tyj" }, new String[] { "省广播电视局", "gdj" }, new String[] { "省机关事务管理局", "jgj" },
			new String[] { "省信访局", "xfj" }, new String[] { "省粮食和物资储备局", "lsj" }, new String[] { "省地方金融管理局", "jrj" },
			new String[] { "省乡村振兴局", "xzj" });

	/** Divisions of a department, each with its own branch (处室党支部). */
	static final List<String> DIVISIONS = List.of("办公室", "人事处", "政策法规处", "规划财务处", "综合处", "监督检查处", "科技处", "宣传教育处",
			"行政审批处", "机关服务中心", "信息中心", "研究室", "督查室", "对外合作处", "安全生产处", "审计处", "统计处", "机要处", "预算处", "法规处", "改革处",
			"项目管理处", "执法监督处", "培训中心", "档案室", "直属机关第一", "直属机关第二", "后勤服务中心");

	/** Groups a general branch is formed for (党总支). */
	static final List<String> GENERAL_BRANCHES = List.of("离退休干部", "直属单位", "机关服务中心", "执法总队", "事业单位");

	static final List<String> COUNTY_STEMS = List.of("漠北", "塔源", "兴安", "呼中", "松岭", "新林", "加格", "阿木", "古莲", "图强", "劲涛",
			"韩家", "白银", "十八", "金山", "宏伟", "绣峰", "翠岗", "前哨", "永庆", "长缨", "碧水", "岭峰", "红旗");

	static final List<String> TOWNSHIPS = List.of("北极镇", "兴安镇", "图强镇", "西林吉镇", "劲涛镇", "古莲镇", "阿木尔镇", "漠河乡", "白银纳乡",
			"十八站乡", "韩家园镇", "塔河镇", "瓦拉干镇", "盘古镇", "依西肯乡", "开库康乡", "蒙克山乡", "岭峰镇", "新林镇", "塔源镇");

	static final List<String> VILLAGES = List.of("北极村", "洛古河村", "北红村", "喜庆村", "北陲村", "前进村", "胜利村", "红旗村", "东风村", "团结村",
			"新建村", "永安村", "长胜村", "和平村", "幸福村", "光明村", "富民村", "兴隆村", "太平村", "龙江村", "双河村", "三合村", "河西村", "山口村", "古驿村",
			"白桦村", "松林村", "东升村", "向阳村", "民主村");

	static final List<String> COMMUNITIES = List.of("前进社区", "西街社区", "新华社区", "北苑社区", "兴安社区", "林海社区", "站前社区", "育才社区",
			"建设社区", "友谊社区");

	static final List<String> COUNTY_ORGANS = List.of("县委办公室", "县政府办公室", "县委组织部", "县财政局", "县教育局", "县农业农村局", "县卫生健康局",
			"县林业和草原局", "县民政局", "县交通运输局", "县市场监督管理局", "县自然资源局", "县人力资源和社会保障局", "县应急管理局");

	private Names() {
	}

	static String person(SplittableRandom random) {
		StringBuilder name = new StringBuilder();
		name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		if (random.nextInt(10) < 6) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	/**
	 * The i-th element of a list, with a numeral suffix once the list is used up (第二…).
	 */
	static String nth(List<String> names, int i) {
		String base = names.get(i % names.size());
		int round = i / names.size();
		return (round == 0) ? base : base + "（" + (round + 1) + "）";
	}

}
