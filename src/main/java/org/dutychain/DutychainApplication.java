package org.dutychain;

import org.dutychain.cli.CliRelaunch;
import org.dutychain.cli.DutychainCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * dutychain: a party organization hierarchy and its responsibility lists (党建责任链) as a
 * Neo4j graph, with analyses that find accountability gaps and pressure that fades toward
 * the lower levels.
 */
@SpringBootApplication
public class DutychainApplication {

	public static void main(String[] args) {
		// relaunched: never outlive the launching JVM
		CliRelaunch.stopWithParent();
		// a database command runs on the jar's trained CDS layout when there is one
		int relaunched = CliRelaunch.run(args);
		if (relaunched != CliRelaunch.NOT_RELAUNCHED) {
			System.exit(relaunched);
		}
		// A -D flag cannot live in a jar manifest: Netty reads this once, so set it
		// before anything loads Netty.
		System.setProperty("io.netty.tryReflectionSetAccessible", "true");
		int code = DutychainCli.runInOwnJvm(DutychainApplication.class, args);
		if (code != DutychainCli.KEEP_RUNNING) {
			System.exit(code);
		}
	}

}
