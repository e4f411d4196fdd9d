package io.layernas.store;

import io.layernas.api.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An exclusive lock on a run directory, held while a process writes it ({@code run}, {@code compare}).
 * It is an operating-system lock on the file {@code .layernas.lock} in the directory, so the system
 * releases it when the process ends in any way, {@code kill -9} included: no stale lock is left. The
 * file names the holder (process id, command, start time) for the error a second process gets. The
 * file is never deleted (deleting a lock file lets two processes lock two different files).
 *
 * <p>A process holds a directory at most once: a second lock in the same JVM fails the same way.
 */
public final class RunDirectoryLock implements AutoCloseable {
    /** The lock file's name in a run directory. */
    public static final String FILE = ".layernas.lock";
    private static final Set<Path> HELD = new HashSet<>();
    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private RunDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory} (created if needed) for {@code command}, e.g. {@code "layernas run"}.
     *
     * @throws ConfigurationException when another process, or this one, holds it
     */
    public static RunDirectoryLock acquire(Path directory, String command) {
        Path key = directory.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.contains(key)) {
                throw busy(directory, "this process (pid " + ProcessHandle.current().pid() + ")");
            }
            RunDirectoryLock lock = tryLock(directory, command);
            HELD.add(key);
            return lock;
        }
    }

    private static RunDirectoryLock tryLock(Path directory, String command) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(readAll(channel), StandardCharsets.UTF_8).strip();
                channel.close();
                throw busy(directory, holder.isEmpty() ? "another process" : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " (" + command + ", since "
                    + Instant.now() + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunDirectoryLock(directory, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the run directory " + directory + " (" + file + "): "
                    + e.getMessage() + ". Check that it is a writable directory.", e);
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static ConfigurationException busy(Path directory, String holder) {
        return new ConfigurationException("the run directory " + directory + " is in use by " + holder + ". Two"
                + " processes in one directory would evaluate the same trials and overwrite each other's files."
                + " Wait for it to end (or stop it), or choose another output directory.");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already failing; the first error says why.
        }
    }

    /** Releases the lock (the process ending releases it too). */
    @Override
    public void close() {
        synchronized (HELD) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // The channel is closed next, which releases it as well.
            }
            closeQuietly(channel);
            HELD.remove(directory.toAbsolutePath().normalize());
        }
    }
}
