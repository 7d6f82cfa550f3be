package org.dutychain.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Metrics;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.types.TypeSystem;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The app's one {@link Driver} on the embedded database, whose target can be swapped
 * atomically (a store switch, issue 10): a session opened before the swap keeps its
 * target to the end, every session opened after it goes to the new one. Synchronous
 * sessions are counted per target, so the old target can be closed once the last of its
 * sessions has ended. The target also holds the store's database as this process sees it
 * ({@link GraphDatabaseService}): reads through its Java API ({@link #inDatabase}) follow
 * the same swap and are counted like sessions, so the old DBMS is never shut down under a
 * running read.
 */
final class SwitchableDriver implements Driver {

	/**
	 * One store: its driver, its database in this process, and the synchronous sessions
	 * and reads in this process open on it.
	 */
	static final class Target {

		final Driver driver;

		final GraphDatabaseService database;

		final AtomicInteger open = new AtomicInteger();

		Target(Driver driver, GraphDatabaseService database) {
			this.driver = driver;
			this.database = database;
		}

	}

	private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

	private volatile Target current;

	SwitchableDriver(Driver initial, GraphDatabaseService initialDatabase) {
		this.current = new Target(initial, initialDatabase);
	}

	/**
	 * Makes {@code next} (and {@code nextDatabase}, the same store in this process) the
	 * target of every session and read opened from now on.
	 */
	Target switchTo(Driver next, GraphDatabaseService nextDatabase) {
		this.swap.writeLock().lock();
		try {
			Target old = this.current;
			this.current = new Target(next, nextDatabase);
			return old;
		}
		finally {
			this.swap.writeLock().unlock();
		}
	}

	/**
	 * Runs {@code work} on the serving store's database in this process; counted on its
	 * target from before the database is handed out until {@code work} returns, exactly
	 * as a session is, so a switch meanwhile waits for it before shutting that store
	 * down.
	 */
	<T> T inDatabase(Function<GraphDatabaseService, T> work) {
		Target target = open(true);
		try {
			return work.apply(target.database);
		}
		finally {
			target.open.decrementAndGet();
		}
	}

	/** The current target, counted as open when {@code counted}. */
	private Target open(boolean counted) {
		this.swap.readLock().lock();
		try {
			Target target = this.current;
			if (counted) {
				target.open.incrementAndGet();
			}
			return target;
		}
		finally {
			this.swap.readLock().unlock();
		}
	}

	/**
	 * Waits until no session or read of {@code target} is open (at most {@code timeout});
	 * whether it got there.
	 */
	static boolean awaitIdle(Target target, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (target.open.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	Target target() {
		return this.current;
	}

	@Override
	public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig sessionConfig,
			AuthToken sessionAuthToken) {
		Target target = open(sessionClass == Session.class);
		if (sessionClass != Session.class) {
			return target.driver.session(sessionClass, sessionConfig, sessionAuthToken);
		}
		Session session;
		try {
			session = target.driver.session(Session.class, sessionConfig, sessionAuthToken);
		}
		catch (RuntimeException | Error ex) {
			target.open.decrementAndGet();
			throw ex;
		}
		return sessionClass.cast(counted(session, target));
	}

	/** The session, counting its close (once) on its target. */
	private static Session counted(Session session, Target target) {
		AtomicBoolean closed = new AtomicBoolean();
		InvocationHandler handler = (proxy, method, args) -> invoke(session, target, closed, method, args);
		return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
				handler);
	}

	private static Object invoke(Session session, Target target, AtomicBoolean closed, Method method, Object[] args)
			throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> args[0] == session;
				case "hashCode" -> System.identityHashCode(session);
				default -> "switchable(" + session + ")";
			};
		}
		try {
			return method.invoke(session, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		finally {
			if ("close".equals(method.getName()) && method.getParameterCount() == 0
					&& closed.compareAndSet(false, true)) {
				target.open.decrementAndGet();
			}
		}
	}

	@Override
	public ExecutableQuery executableQuery(String query) {
		return this.current.driver.executableQuery(query);
	}

	@Override
	public BookmarkManager executableQueryBookmarkManager() {
		return this.current.driver.executableQueryBookmarkManager();
	}

	@Override
	public boolean isEncrypted() {
		return this.current.driver.isEncrypted();
	}

	@Override
	public void close() {
		this.current.driver.close();
	}

	@Override
	public CompletionStage<Void> closeAsync() {
		return this.current.driver.closeAsync();
	}

	@Override
	public Metrics metrics() {
		return this.current.driver.metrics();
	}

	@Override
	public boolean isMetricsEnabled() {
		return this.current.driver.isMetricsEnabled();
	}

	@Override
	@SuppressWarnings("deprecation")
	public TypeSystem defaultTypeSystem() {
		return this.current.driver.defaultTypeSystem();
	}

	@Override
	public void verifyConnectivity() {
		this.current.driver.verifyConnectivity();
	}

	@Override
	public CompletionStage<Void> verifyConnectivityAsync() {
		return this.current.driver.verifyConnectivityAsync();
	}

	@Override
	public boolean verifyAuthentication(AuthToken authToken) {
		return this.current.driver.verifyAuthentication(authToken);
	}

	@Override
	public boolean supportsSessionAuth() {
		return this.current.driver.supportsSessionAuth();
	}

	@Override
	public boolean supportsMultiDb() {
		return this.current.driver.supportsMultiDb();
	}

	@Override
	public CompletionStage<Boolean> supportsMultiDbAsync() {
		return this.current.driver.supportsMultiDbAsync();
	}

}
