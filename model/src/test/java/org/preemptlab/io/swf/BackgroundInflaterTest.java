package org.preemptlab.io.swf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The background inflater hands over exactly the source's bytes, its errors, and stops on close. */
class BackgroundInflaterTest {

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) b[i] = (byte) ('0' + r.nextInt(12));
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void handsOverTheSameBytesAcrossBlocks() throws IOException {
        byte[] data = random((1 << 20) * 3 + 12_345); // a dozen 256 KB blocks and a partial one
        try (InputStream in = new BackgroundInflater(new GZIPInputStream(new ByteArrayInputStream(gzip(data))), "t")) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[10_000]; // not a divisor of the block size
            int n;
            int first = in.read();
            got.write(first);
            while ((n = in.read(buf, 0, buf.length)) > 0) got.write(buf, 0, n);
            assertEquals(-1, in.read());
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void aTruncatedStreamThrowsWhereTheReaderGetsTo() throws IOException {
        byte[] data = random(1 << 20);
        byte[] z = gzip(data);
        byte[] cut = Arrays.copyOf(z, z.length / 2);
        try (InputStream in = new BackgroundInflater(new GZIPInputStream(new ByteArrayInputStream(cut)), "t")) {
            byte[] buf = new byte[1 << 16];
            assertThrows(EOFException.class, () -> {
                while (in.read(buf, 0, buf.length) >= 0) {
                    // read to the error
                }
            });
        }
    }

    @Test
    void closeBeforeTheEndStopsTheThreadAndClosesTheSource() throws IOException, InterruptedException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        BackgroundInflater in = new BackgroundInflater(endless, "endless");
        assertEquals('x', in.read());
        in.close();
        assertTrue(closed.get());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("swf-inflate endless")),
                "the thread has ended");
    }
}
