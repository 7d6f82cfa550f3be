package org.dutychain.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dutychain.report.ImportTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code template --out F}: the empty import workbook. */
@Command(name = "template", description = "Write the empty import workbook (.xlsx).")
final class TemplateCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Option(names = "--out", required = true, paramLabel = "F", description = "the .xlsx file to write")
	Path out;

	@Override
	public Integer call() throws Exception {
		PrintStream err = DutychainCli.stderr();
		try (ConfigurableApplicationContext context = SpringRunner.ephemeral(this.root.application)) {
			ImportTemplate template = context.getBeanProvider(ImportTemplate.class).getIfAvailable();
			if (template == null) {
				err.println("template: the import template is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			Path parent = this.out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (OutputStream o = Files.newOutputStream(this.out)) {
				template.write(o);
			}
			err.println("Wrote " + this.out);
			return DutychainCli.OK;
		}
	}

}
