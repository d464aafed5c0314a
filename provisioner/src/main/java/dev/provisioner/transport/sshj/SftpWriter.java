package dev.provisioner.transport.sshj;

import dev.provisioner.transport.TransportStats;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;

/** Writes private (0700 directory, 0600 file) staging content over an open SFTP session, streaming. */
final class SftpWriter {
    /** SFTP writes sent before waiting for their acknowledgements. */
    private static final int IN_FLIGHT = 16;

    private final SFTPClient sftp;
    private final TransportStats stats;

    SftpWriter(SFTPClient sftp, TransportStats stats) {
        this.sftp = sftp;
        this.stats = stats;
    }

    void mkdirPrivate(String path) throws IOException {
        sftp.getSFTPEngine().makeDir(path, new FileAttributes.Builder().withPermissions(0700).build());
    }

    /** Creates {@code path} (which must not exist) with mode 0600 and streams {@code content} into it. */
    void writePrivate(String path, InputStream content) throws IOException {
        FileAttributes attrs = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), attrs);
             OutputStream out = file.new RemoteFileOutputStream(0, IN_FLIGHT)) {
            int chunk = sftp.getSFTPEngine().getSubsystem().getRemoteMaxPacketSize() - file.getOutgoingPacketOverhead();
            byte[] buf = new byte[Math.max(1024, Math.min(chunk, 64 * 1024))];
            int n;
            while ((n = content.read(buf)) >= 0) {
                out.write(buf, 0, n);
                stats.sent(n);
            }
        }
    }

    void removeQuietly(String path) {
        try {
            sftp.rm(path);
        } catch (IOException | RuntimeException ignored) {
            // best effort: a left-over private file in /tmp is harmless and removed on reboot
        }
    }
}
