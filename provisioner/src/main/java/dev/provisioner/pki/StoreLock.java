package dev.provisioner.pki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on {@code <state>/pki/.lock}, so that two runs never mint two CAs at once. */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path lockFile) {
        try {
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            AtomicFiles.restrict(lockFile, AtomicFiles.KEY_MODE);
            try {
                return new StoreLock(ch, ch.lock());
            } catch (OverlappingFileLockException e) {
                ch.close();
                throw new PkiException(lockFile.getParent() + " is in use by another run in this process");
            }
        } catch (IOException e) {
            throw new PkiException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new PkiException("cannot release " + lock + ": " + e.getMessage(), e);
        }
    }
}
