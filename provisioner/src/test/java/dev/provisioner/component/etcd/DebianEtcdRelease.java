package dev.provisioner.component.etcd;

import dev.provisioner.testsupport.LabHost;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A real etcd release archive made from Debian's etcd 3.5 packages (trixie, the newest etcd the mirror
 * has; 3.5 is the first release line with etcdutl, which the catalogue's etcd layout requires), laid
 * out like upstream's {@code etcd-v<version>-linux-amd64.tar.gz}. Fetched inside a lab host with a
 * private apt state (the host's own apt configuration stays untouched) and copied out to the controller
 * (from /var/tmp: Docker's archive API does not see the tmpfs on /tmp).
 *
 * @param version the upstream version, e.g. {@code 3.5.16}
 * @param archive the archive on the controller, listed in {@code SHA256SUMS} beside it
 */
record DebianEtcdRelease(String version, Path archive) {
    private static final String SCRIPT = """
            set -e
            d=/var/tmp/etcd-release; rm -rf $d; mkdir -p $d/lists/partial $d/archives/partial $d/x
            uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | grep -oE 'https?://[^ ]+/debian' | head -n 1)
            echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > $d/sources.list
            o="-q -o Dir::Etc::SourceList=$d/sources.list -o Dir::Etc::SourceParts=$d/none -o Dir::State::Lists=$d/lists -o Dir::Cache::Archives=$d/archives -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o APT::Sandbox::User=root"
            apt-get $o update >/dev/null
            cd $d && apt-get $o download etcd-server etcd-client >/dev/null
            for f in $d/*.deb; do dpkg-deb -x "$f" $d/x; done
            v=$(dpkg-deb -f $d/etcd-server_*.deb Version | sed 's/-[^-]*$//; s/^[0-9]*://')
            top=etcd-v$v-linux-amd64
            mkdir -p $d/$top && cp $d/x/usr/bin/etcd $d/x/usr/bin/etcdctl $d/x/usr/bin/etcdutl $d/$top/
            tar -C $d -czf $d/release.tar.gz $top
            echo $v
            """;

    static DebianEtcdRelease fetch(LabHost host, Path dir) throws IOException {
        String version = host.execOk(SCRIPT).strip();
        Path archive = dir.resolve(ReleaseArchive.fileName(version));
        try (InputStream raw = DockerClientFactory.instance().client()
                .copyArchiveFromContainerCmd(host.containerId(), "/var/tmp/etcd-release/release.tar.gz").exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e = tar.getNextEntry();
            if (e == null) {
                throw new IOException("docker returned an empty archive");
            }
            Files.copy(tar, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        host.execOk("rm -rf /var/tmp/etcd-release");
        Files.writeString(dir.resolve("SHA256SUMS"), ReleaseArchive.sha256(Files.readAllBytes(archive)) + "  "
                + archive.getFileName() + "\n");
        return new DebianEtcdRelease(version, archive);
    }
}
