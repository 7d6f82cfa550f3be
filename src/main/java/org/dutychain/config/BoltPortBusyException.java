package org.dutychain.config;

/** {@code dutychain.bolt-port} is taken by another process: start fails, no fallback. */
public class BoltPortBusyException extends IllegalStateException {

	private final int port;

	public BoltPortBusyException(int port) {
		super("Bolt port " + port
				+ " on 127.0.0.1 is busy (dutychain.bolt-port): stop the other process or choose another port");
		this.port = port;
	}

	public int port() {
		return this.port;
	}

}
