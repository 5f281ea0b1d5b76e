package org.preemptlab.io.swf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a (gzip) stream on a thread of its own, a few blocks ahead of the reader, so that inflating
 * and parsing run on two cores at once (a 3 MB trace inflates to 19 MB: about as long as parsing it).
 * What the source throws (a truncated or corrupt stream) is thrown by {@link #read} at the point the
 * reader reaches, with its type and message. {@link #close} stops the thread and waits for it, so the
 * source (and the stream under it) is never read after close; it closes the source.
 */
final class BackgroundInflater extends InputStream {

    private static final int BLOCK = 1 << 18;
    private static final Block END = new Block(new byte[0], 0, null);

    /** A block read from the source; {@code error} instead of data when the source threw. */
    private record Block(byte[] data, int length, IOException error) {}

    private final InputStream source;
    private final BlockingQueue<Block> blocks = new ArrayBlockingQueue<>(4);
    /** Blocks read to the end, for the thread to fill again (no 19 MB of garbage for a 19 MB trace). */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    /** Set by close: the thread stops after its current block. No interrupt: it would close a file channel under it. */
    private volatile boolean closed;
    private Block current;
    private int pos;
    private boolean done;

    BackgroundInflater(InputStream source, String name) {
        this.source = source;
        this.thread = new Thread(this::pump, "swf-inflate " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump() {
        try {
            while (!closed) {
                byte[] b = free.poll();
                if (b == null) b = new byte[BLOCK];
                int n = 0;
                boolean end = false;
                try {
                    while (n < BLOCK) {
                        int r = source.read(b, n, BLOCK - n);
                        if (r < 0) {
                            end = true;
                            break;
                        }
                        n += r;
                    }
                } catch (IOException | RuntimeException | Error e) {
                    // the bytes before the error first: the reader's message names the last line it got
                    if (n > 0) blocks.put(new Block(b, n, null));
                    blocks.put(new Block(null, 0, e instanceof IOException io ? io : new IOException(e.toString(), e)));
                    return;
                }
                if (n > 0) blocks.put(new Block(b, n, null));
                if (end) {
                    blocks.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The block being read, or null at the end of the stream. */
    private Block block() throws IOException {
        if (done) return null;
        if (current != null && pos < current.length()) return current;
        if (current != null) free.offer(current.data());
        try {
            current = blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        pos = 0;
        if (current.error() != null) {
            done = true;
            IOException e = current.error();
            current = null;
            throw e;
        }
        if (current == END) {
            done = true;
            current = null;
            return null;
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        Block b = block();
        return b == null ? -1 : b.data()[pos++] & 0xff;
    }

    @Override
    public int read(byte[] to, int off, int len) throws IOException {
        if (len == 0) return 0;
        Block b = block();
        if (b == null) return -1;
        int n = Math.min(len, b.length() - pos);
        System.arraycopy(b.data(), pos, to, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        done = true;
        closed = true;
        blocks.clear(); // a thread waiting to hand over a block gets room, then sees closed
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            blocks.clear();
        }
        if (interrupted) Thread.currentThread().interrupt();
        source.close();
    }
}
