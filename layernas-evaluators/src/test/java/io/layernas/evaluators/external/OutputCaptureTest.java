package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    private static final long HUNDREDS_OF_MEGABYTES = 300L << 20;

    @Test
    void aHeadCaptureKeepsTheFirstBytesReadsTheRestAndSaysOnceThatTheLimitPassed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OutputCapture capture = OutputCapture.upTo(new Counting(HUNDREDS_OF_MEGABYTES), 1 << 20,
                calls::incrementAndGet, "test-head");
        capture.await(60_000);
        assertThat(capture.total()).as("read to the end, so the writer never blocks").isEqualTo(HUNDREDS_OF_MEGABYTES);
        assertThat(capture.exceeded()).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(capture.keptBytes()).isEqualTo(1 << 20);
        assertThat(capture.text()).hasSize(1 << 20).startsWith("0123456789012");
    }

    @Test
    void aHeadCaptureUnderItsLimitKeepsEverything() throws Exception {
        OutputCapture capture = OutputCapture.upTo(new Counting(12_345), 1 << 20, () -> { }, "test-small");
        capture.await(60_000);
        assertThat(capture.exceeded()).isFalse();
        assertThat(capture.text()).hasSize(12_345).endsWith("01234");
    }

    @Test
    void aTailCaptureKeepsOnlyTheLastBytes() throws Exception {
        OutputCapture capture = OutputCapture.tail(new Counting(HUNDREDS_OF_MEGABYTES + 3), 4096, "test-tail");
        capture.await(60_000);
        assertThat(capture.total()).isEqualTo(HUNDREDS_OF_MEGABYTES + 3);
        assertThat(capture.keptBytes()).isEqualTo(4096);
        String expectedEnd = digitsEndingAt(HUNDREDS_OF_MEGABYTES + 3, 4096);
        assertThat(capture.text()).isEqualTo(expectedEnd);
        assertThat(capture.exceeded()).as("a tail is never exceeded").isFalse();
    }

    /** The digits byte {@code i} of a {@link Counting} stream holds is {@code i % 10}. */
    private static String digitsEndingAt(long end, int count) {
        StringBuilder text = new StringBuilder(count);
        for (long i = end - count; i < end; i++) {
            text.append((char) ('0' + i % 10));
        }
        return text.toString();
    }

    /** A stream of {@code length} digits, byte {@code i} being {@code i % 10}, made as it is read. */
    private static final class Counting extends InputStream {
        private final long length;
        private long position;

        Counting(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? '0' + (int) (position++ % 10) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ('0' + (position++ % 10));
            }
            return n;
        }
    }
}
