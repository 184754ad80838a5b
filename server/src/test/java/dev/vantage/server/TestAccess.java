package dev.vantage.server;

import dev.vantage.server.store.Store;

/** Lets tests in other packages look at a server's store, which the public API keeps to itself. */
public final class TestAccess {
    private TestAccess() {
    }

    public static Store store(VantageServer server) {
        return server.services().store();
    }
}
