package dev.provisioner.transport.sshj;

import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Drains one output stream of a command to its end, keeping every byte and, when someone listens,
 * handing each complete line (masked) to the listener as it arrives. stdout and stderr each get a
 * pump on its own thread, so a command that fills one stream never blocks on the other.
 */
final class StreamPump implements Callable<byte[]> {
    /** A line longer than this is delivered in pieces, so binary output cannot grow a line without end. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final OutputListener.Stream stream;
    private final OutputListener listener;
    private final SecretMasker masker;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    StreamPump(InputStream in, OutputListener.Stream stream, OutputListener listener, SecretMasker masker) {
        this.in = in;
        this.stream = stream;
        this.listener = listener;
        this.masker = masker;
    }

    @Override
    public byte[] call() throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            captured.write(buf, 0, n);
            if (listener != OutputListener.NONE) {
                split(buf, n);
            }
        }
        if (line.size() > 0) {
            emit();
        }
        return captured.toByteArray();
    }

    private void split(byte[] buf, int n) {
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                line.write(buf, from, i - from);
                emit();
                from = i + 1;
            }
        }
        line.write(buf, from, n - from);
        if (line.size() > MAX_LINE) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        listener.line(stream, masker.mask(text));
    }
}
