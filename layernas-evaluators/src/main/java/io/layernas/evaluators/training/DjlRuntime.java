package io.layernas.evaluators.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * Starts DJL's PyTorch engine once per process, offline: the native library is unpacked from the
 * {@code pytorch-native-cpu} jar into a cache directory, never downloaded. Thread-safe.
 *
 * <p>The cache directory is, in order: the {@code DJL_CACHE_DIR} system property or environment
 * variable when set, else the {@code cacheDir} setting, else {@code ~/.layernas/cache/djl}. The
 * intra-op thread count is process-wide in PyTorch, so the last evaluator created sets it.
 */
public final class DjlRuntime {
    private static final String ENGINE = "PyTorch";
    private static boolean started;

    private DjlRuntime() {
    }

    /** {@code ~/.layernas/cache/djl}, or {@code DJL_CACHE_DIR} when set. */
    public static Path defaultCacheDir() {
        String configured = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".layernas", "cache", "djl");
    }

    /**
     * Starts the engine (first call) and sets the intra-op threads; returns the engine name. The first call also
     * makes glibc keep the memory freed tensors leave ({@link NativeMemory}).
     */
    public static synchronized String start(Path cacheDir, int threads) {
        if (!started) {
            NativeMemory.keepFreedMemory();
            System.setProperty("ai.djl.offline", "true");
            setIfAbsent("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            Engine engine = Engine.getEngine(ENGINE);
            started = true;
            return engine.getEngineName() + " " + engine.getVersion();
        }
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        return ENGINE;
    }

    /** What the process's native allocator was told ({@link NativeMemory}), for reports. */
    public static String nativeMemory() {
        return NativeMemory.keepFreedMemory();
    }

    /** The engine's name, as {@link ai.djl.Model#newInstance} wants it. */
    static String engineName() {
        return ENGINE;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
