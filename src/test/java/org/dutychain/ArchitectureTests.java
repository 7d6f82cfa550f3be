package org.dutychain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules Modulith cannot express, stated as sentences. */
@AnalyzeClasses(packages = "org.dutychain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule jgraphtStaysInsideAnalysis = noClasses().that()
		.resideOutsideOfPackage("org.dutychain.analysis..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.jgrapht..")
		.because("graph algorithms are an implementation detail of analysis");

	@ArchTest
	static final ArchRule controllersRunNoQueries = noClasses().that()
		.resideInAPackage("org.dutychain.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.neo4j..", "org.springframework.data.neo4j..")
		.because("controllers call module services; Cypher lives in cypher/ and repositories");

	@ArchTest
	static final ArchRule onlyConfigTalksToTheDriverDirectly = noClasses().that()
		.resideOutsideOfPackages("org.dutychain.config..", "org.dutychain.ingest..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.neo4j.driver..")
		.because("every module reads and writes through Neo4jGraph; only the import streams batches itself");

}
