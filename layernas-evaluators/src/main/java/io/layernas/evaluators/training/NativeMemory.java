package io.layernas.evaluators.training;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Map;

/**
 * Keeps the native memory that PyTorch's CPU tensors free inside the process, so that the next training
 * step reuses it instead of the kernel mapping and zeroing fresh pages.
 *
 * <p>Why: libtorch allocates every tensor with {@code posix_memalign} and frees it when its {@code NDManager}
 * closes, so each step allocates and frees its activations and gradients (tens of MB). A JVM's threads are
 * not the process's first thread, so glibc serves them from per-thread arenas: heaps of at most 64 MB that
 * glibc unmaps as soon as their top is free ({@code heap_trim}), and big chunks go to {@code mmap} until
 * glibc's dynamic threshold has grown. Measured (docs/training.md, "The op-by-op profile"): about 2,600 minor
 * page faults per step of the {@code mobilenet-mini} baseline against none for the same step in Python,
 * whose main thread allocates from the main arena; every kernel that writes a fresh tensor paid for them.
 * The fix is two of glibc's tunables, set with {@code mallopt} before the engine starts:
 * {@code M_MMAP_THRESHOLD} 32 MiB (glibc's maximum: smaller chunks come from the arenas) and
 * {@code M_TRIM_THRESHOLD} 1 GiB (heaps are not unmapped or trimmed while less than that is free at their
 * top). The price: the process keeps the native memory of its largest training until it exits, instead of
 * handing it back between trainings.
 *
 * <p>Left alone: a C library other than glibc (no {@code mallopt}), an environment that sets glibc's own
 * {@code MALLOC_*_} tunables, and the system property {@value #PROPERTY}{@code =system}.
 */
final class NativeMemory {
    /** {@code keep} (the default) or {@code system}: leave glibc's allocator as it is. */
    static final String PROPERTY = "layernas.djl-train.malloc";
    /** {@code M_TRIM_THRESHOLD} of glibc's {@code malloc.h}. */
    private static final int M_TRIM_THRESHOLD = -1;
    /** {@code M_MMAP_THRESHOLD} of glibc's {@code malloc.h}. */
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;
    private static final List<String> GLIBC_TUNABLES = List.of("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_",
            "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_", "GLIBC_TUNABLES");
    private static String state;

    private NativeMemory() {
    }

    /** Sets the tunables once per process (see the class comment); returns what was done, for reports. */
    static synchronized String keepFreedMemory() {
        if (state == null) {
            state = configure(System.getProperty(PROPERTY, "keep"), System.getenv());
        }
        return state;
    }

    /** Applies {@code mode} (the value of {@value #PROPERTY}) unless {@code environment} sets glibc's tunables. */
    static String configure(String mode, Map<String, String> environment) {
        if (mode.equals("system")) {
            return "glibc's defaults (" + PROPERTY + "=system)";
        }
        if (!mode.equals("keep")) {
            throw new IllegalArgumentException("system property " + PROPERTY + " (" + mode
                    + ") must be keep (the default) or system");
        }
        for (String variable : GLIBC_TUNABLES) {
            if (environment.containsKey(variable)) {
                return "as the environment's " + variable + " says";
            }
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean set = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
            return set ? "mallopt: mmap threshold 32 MiB, trim threshold 1 GiB" : "mallopt refused: glibc's defaults";
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "no mallopt (" + e.getMessage() + "): the C library's defaults";
        }
    }
}
