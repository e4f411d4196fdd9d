package io.layernas.store;

import java.nio.file.Path;

/** A separate process that locks a run directory, says so, and waits to be killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunDirectoryLock.acquire(Path.of(args[0]), "lock holder");
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
