package org.dutychain.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import org.dutychain.security.UserAccount;
import org.dutychain.security.UserProblemException;
import org.dutychain.security.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code user add NAME --role R --scope U1,U2 | user reset-password NAME | user list}:
 * users of the persistent database, offline (the server must not be running on the same
 * data folder). Without {@code --password-stdin} a random password is generated and
 * printed once on stdout.
 */
@Command(name = "user",
		description = "Users of the persistent database (offline): add NAME --role R --scope U1,U2, reset-password NAME, list.")
final class UserCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "add|reset-password|list", description = "what to do")
	String action;

	@Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "the username (add, reset-password)")
	String username;

	@Option(names = "--role", paramLabel = "ROLE", description = "add: ADMIN, EDITOR, AUDITOR or VIEWER")
	String role;

	@Option(names = "--scope", split = ",", paramLabel = "UNIT", description = "add: scope unit ids, comma-separated")
	List<String> scopes = new ArrayList<>();

	@Option(names = "--person", paramLabel = "ID", description = "add: the user's person id in the dataset")
	String personId;

	@Option(names = "--password-stdin", description = "read the password from the first line of stdin")
	boolean passwordStdin;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Override
	public Integer call() throws Exception {
		PrintStream err = DutychainCli.stderr();
		if (!List.of("add", "reset-password", "list").contains(this.action)) {
			err.println("user: unknown action '" + this.action + "' (add, reset-password or list)");
			return DutychainCli.INVALID;
		}
		if (!"list".equals(this.action) && (this.username == null || this.username.isBlank())) {
			err.println("user " + this.action + ": give the username");
			return DutychainCli.INVALID;
		}
		String password = null;
		boolean generated = false;
		if (!"list".equals(this.action)) {
			if (this.passwordStdin) {
				password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			else {
				byte[] bytes = new byte[15];
				new SecureRandom().nextBytes(bytes);
				password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
				generated = true;
			}
		}
		try (ConfigurableApplicationContext context = SpringRunner.persistent(this.root.application, this.dataDir)) {
			Users users = context.getBean(Users.class);
			PrintStream out = DutychainCli.stdout();
			switch (this.action) {
				case "add" -> {
					UserAccount user = users
						.create(new Users.UserRequest(this.username, password, this.role, this.scopes, this.personId));
					err.println("Created user " + user.username() + " (" + user.role() + " " + user.role().zh() + ")");
				}
				case "reset-password" -> {
					users.update(this.username, new Users.UserRequest(null, password, null, null, null));
					err.println("New password set for " + this.username);
				}
				default -> {
					for (UserAccount u : users.list()) {
						out.println(u.username() + "\t" + u.role() + "\t" + String.join(",", u.scopes()));
					}
				}
			}
			if (generated) {
				out.println(password);
			}
			return DutychainCli.OK;
		}
		catch (UserProblemException ex) {
			err.println("user " + this.action + ": " + ex.detailZh() + " · " + ex.detailEn());
			return DutychainCli.INVALID;
		}
	}

}
