package dev.provisioner.transport.jsch;

import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Where JSch's session thread writes one stream of a command: every byte is kept, and complete
 * lines go to the listener, masked, as they arrive. Writing straight into memory (instead of JSch's
 * bounded pipes) means neither stream can stall the other, however much a command prints.
 */
final class LineSink extends OutputStream {
    /** A line longer than this is handed to the listener in pieces rather than buffered without end. */
    private static final int MAX_LINE = 64 * 1024;

    private final OutputListener.Stream stream;
    private final OutputListener listener;
    private final SecretMasker masker;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);

    LineSink(OutputListener.Stream stream, OutputListener listener, SecretMasker masker) {
        this.stream = stream;
        this.listener = listener;
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        all.write(b, off, len);
        if (listener == OutputListener.NONE) {
            return;
        }
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
        if (line.size() >= MAX_LINE) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            listener.line(stream, masker.mask(text));
        } catch (RuntimeException e) {
            // A failing listener must not break the SSH session thread that calls it.
        }
    }

    /** Called by JSch when the remote side closes the stream: the last partial line goes out. */
    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        closed.countDown();
    }

    CountDownLatch closed() {
        return closed;
    }

    synchronized byte[] bytes() {
        return all.toByteArray();
    }
}
