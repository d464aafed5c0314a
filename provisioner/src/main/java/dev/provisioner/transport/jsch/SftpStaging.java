package dev.provisioner.transport.jsch;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SftpProgressMonitor;

import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;
import dev.provisioner.transport.UploadScript;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Writes a batch of files into a fresh private staging directory ({@link UploadScript#stagingDir()},
 * mode 0700, files 0600) over ONE SFTP channel. Moving them into place is the job of
 * {@link UploadScript#finish}; on failure the staging directory is removed again.
 */
final class SftpStaging {
    private final String host;
    private final SecretMasker masker;
    private final int openTimeoutMillis;

    SftpStaging(String host, SecretMasker masker, Duration openTimeout) {
        this.host = host;
        this.masker = masker;
        this.openTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, openTimeout.toMillis()));
    }

    /**
     * Stages every upload in order ({@link UploadScript#stagedPath} index i) and returns the
     * directory. Bytes are added to {@code stats} as they are sent, so progress is visible.
     */
    String stage(Session session, List<Upload> uploads, TransportStats stats) {
        String dir = UploadScript.stagingDir();
        ChannelSftp sftp = null;
        boolean created = false;
        int written = 0;
        try {
            sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(openTimeoutMillis);
            sftp.mkdir(dir);
            created = true;
            // 0700 before any byte is written: nobody else can open the files inside, whatever the umask.
            sftp.chmod(0700, dir);
            for (int i = 0; i < uploads.size(); i++) {
                String staged = UploadScript.stagedPath(dir, i);
                try (InputStream in = uploads.get(i).open()) {
                    sftp.put(in, staged, new Progress(stats), ChannelSftp.OVERWRITE);
                }
                written++;
                sftp.chmod(0600, staged);
            }
            return dir;
        } catch (JSchException | SftpException | IOException e) {
            if (created) {
                cleanUp(sftp, dir, written + 1);
            }
            String what = written < uploads.size() ? uploads.get(written).remotePath() : dir;
            throw new TransportException(host, masker.mask("SFTP upload of " + what + " failed (staging in " + dir
                    + "): " + e.getMessage()), e);
        } finally {
            if (sftp != null) {
                sftp.disconnect();
            }
        }
    }

    private static void cleanUp(ChannelSftp sftp, String dir, int files) {
        for (int i = 0; i < files; i++) {
            try {
                sftp.rm(UploadScript.stagedPath(dir, i));
            } catch (SftpException ignored) {
                // not written yet
            }
        }
        try {
            sftp.rmdir(dir);
        } catch (SftpException ignored) {
            // /tmp is cleaned eventually; the directory is private (0700)
        }
    }

    /** Counts bytes into the connection's stats while SFTP writes them. */
    private record Progress(TransportStats stats) implements SftpProgressMonitor {
        @Override
        public void init(int op, String src, String dest, long max) {
            // nothing to prepare
        }

        @Override
        public boolean count(long bytes) {
            stats.sent(bytes);
            return true;
        }

        @Override
        public void end() {
            // totals are already counted
        }
    }
}
