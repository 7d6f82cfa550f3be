package org.dutychain.config;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * Reads in this process follow a store switch as sessions do (issue 10): a read begun
 * before the switch keeps the old store to its end and holds off its retirement, every
 * read begun after it gets the new store.
 */
class SwitchableDriverTests {

	@Test
	void aReadInProcessKeepsItsStoreToTheEndAndHoldsOffItsRetirement() throws Exception {
		GraphDatabaseService oldStore = mock(GraphDatabaseService.class);
		GraphDatabaseService newStore = mock(GraphDatabaseService.class);
		SwitchableDriver driver = new SwitchableDriver(mock(Driver.class), oldStore);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<GraphDatabaseService> running = CompletableFuture
			.supplyAsync(() -> driver.inDatabase((database) -> {
				reading.countDown();
				await(finish);
				return database;
			}));
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

		SwitchableDriver.Target old = driver.switchTo(mock(Driver.class), newStore);
		GraphDatabaseService afterSwitch = driver.inDatabase((database) -> database);
		assertThat(afterSwitch).isSameAs(newStore);
		assertThat(SwitchableDriver.awaitIdle(old, Duration.ofMillis(100))).as("the old store while a read runs")
			.isFalse();

		finish.countDown();
		assertThat(running.get(10, TimeUnit.SECONDS)).isSameAs(oldStore);
		assertThat(SwitchableDriver.awaitIdle(old, Duration.ofSeconds(10))).isTrue();
		assertThat(SwitchableDriver.awaitIdle(driver.target(), Duration.ZERO)).as("the new store after its read")
			.isTrue();
	}

	@Test
	void aFailedReadIsNoLongerCounted() throws Exception {
		SwitchableDriver driver = new SwitchableDriver(mock(Driver.class), mock(GraphDatabaseService.class));
		assertThatThrownBy(() -> driver.inDatabase((database) -> {
			throw new IllegalStateException("failed read");
		})).hasMessage("failed read");
		assertThat(SwitchableDriver.awaitIdle(driver.target(), Duration.ZERO)).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
