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

/** {@code template --out F}: the empty import workbook (no database is started). */
@Command(name = "template", mixinStandardHelpOptions = true, description = "Write the empty import workbook (.xlsx).")
final class TemplateCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Option(names = "--out", required = true, paramLabel = "F", description = "the .xlsx file to write")
	Path out;

	@Override
	public Integer call() throws Exception {
		PrintStream err = DutychainCli.stderr();
		Path parent = this.out.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (OutputStream o = Files.newOutputStream(this.out)) {
			ImportTemplate.standalone().write(o);
		}
		err.println("Wrote " + this.out);
		return DutychainCli.OK;
	}

}
