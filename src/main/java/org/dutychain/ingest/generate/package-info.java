/**
 * The synthetic dataset generator (合成数据):
 * {@link org.dutychain.ingest.generate.ProvinceGenerator}. A named interface so that the
 * command line may create one without a Spring context
 * ({@code allowedDependencies = "ingest :: generate"}).
 */
@org.springframework.modulith.NamedInterface("generate")
package org.dutychain.ingest.generate;
