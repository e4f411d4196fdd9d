package io.layernas.evaluators.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A command started in a session of its own ({@code setsid} from util-linux), so that it and
 * everything it starts, double-forked grandchildren included, can be killed together: on a
 * timeout, when the command has exited (helpers it left behind), and when the JVM shuts down on
 * SIGTERM or SIGINT (a shutdown hook kills every session still running). A process that starts a
 * session of its own ({@code setsid}, a daemon) leaves ours and is out of reach. Linux only: the
 * session of a process is read from {@code /proc/PID/stat}. Thread-safe.
 */
final class CommandSession {
    /** The program that starts a command in a new session. */
    static final String SETSID = "setsid";
    private static final Set<CommandSession> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CommandSession::killAll, "layernas-command-sessions"));
    }

    private final Process process;

    private CommandSession(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code builder}'s command as the leader of a new session. The builder's command is
     * prefixed with {@code setsid --wait}, which makes the new session without a fork (the JVM's
     * child never leads a process group), so the session id is the process's pid.
     */
    static CommandSession start(ProcessBuilder builder) throws IOException {
        List<String> command = new ArrayList<>(List.of(SETSID, "--wait"));
        command.addAll(builder.command());
        synchronized (RUNNING) {
            if (shuttingDown) {
                throw new IOException("the JVM is shutting down");
            }
            CommandSession session = new CommandSession(builder.command(command).start());
            RUNNING.add(session);
            return session;
        }
    }

    /** The process ({@code setsid}, which became the command by exec). */
    Process process() {
        return process;
    }

    /** True once the JVM began shutting down: a command killed now did not fail on its own. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    /** Kills every process of the session, the command first, and waits until none is left (at most ~10 s). */
    void kill() {
        long session = process.pid();
        for (int round = 0; round < 500; round++) {
            List<ProcessHandle> members = members(session);
            if (members.isEmpty() && !process.isAlive()) {
                break;
            }
            process.destroyForcibly();
            members.forEach(ProcessHandle::destroyForcibly);
            sleep(20);
        }
        RUNNING.remove(this);
    }

    /** Kills every process of session (or process group) {@code session}, which this JVM did not start. */
    static void killSession(long session) {
        for (int round = 0; round < 500; round++) {
            List<ProcessHandle> members = members(session);
            if (members.isEmpty()) {
                return;
            }
            members.forEach(ProcessHandle::destroyForcibly);
            sleep(20);
        }
    }

    /** Processes in session {@code session} or its process group, and the command's descendants. */
    static List<ProcessHandle> members(long session) {
        List<ProcessHandle> members = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(handle -> {
            long[] ids = sessionAndGroup(handle.pid());
            if (ids != null && (ids[0] == session || ids[1] == session) && handle.isAlive()) {
                members.add(handle);
            }
        });
        ProcessHandle.of(session).ifPresent(leader -> leader.descendants().forEach(members::add));
        return members;
    }

    /** {@code [session, process group]} of a process from {@code /proc/PID/stat}, or null when it is gone. */
    static long[] sessionAndGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z")) {
                return null;
            }
            return new long[] {Long.parseLong(fields[3]), Long.parseLong(fields[2])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void killAll() {
        synchronized (RUNNING) {
            shuttingDown = true;
        }
        List.copyOf(RUNNING).forEach(CommandSession::kill);
        RequestDirectories.releaseAll();
    }

    /** Waits for the command; false when {@code seconds} passed first. */
    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Blocks this thread until the JVM halts: used once a shutdown killed the command. */
    static void awaitHalt() {
        while (true) {
            sleep(1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session of process {@code pid}, while it runs. */
    static Optional<Long> sessionOf(long pid) {
        long[] ids = sessionAndGroup(pid);
        return ids == null ? Optional.empty() : Optional.of(ids[0]);
    }
}
