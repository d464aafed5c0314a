package dev.provisioner.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real facts script with the local POSIX shell (the machine running the tests is a Debian
 * host too), so the script's syntax, dpkg-query format and parsing are proven without SSH.
 */
class FactsScriptLocalTest {
    @TempDir
    Path dir;

    @Test
    void theScriptRunsAndParsesOnThisMachine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.exists(Path.of("/usr/bin/sha256sum")));
        Path same = Files.writeString(dir.resolve("same.conf"), "a\n");
        Path differs = Files.writeString(dir.resolve("differs.conf"), "old\n");
        String sameSha = "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7"; // sha256("a\n")
        FactsQuery q = new FactsQuery(Set.of("coreutils", "no-such-package-xyz"),
                Map.of(same.toString(), FileProbe.diffAgainst(sameSha), differs.toString(), FileProbe.diffAgainst("0"),
                        dir.resolve("absent").toString(), FileProbe.metadata()),
                Set.of("no-such-unit-xyz.service"));
        Process p = new ProcessBuilder("sh", "-c", FactsScript.text(q)).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        HostFacts f = FactsParser.parse("local", out, q);
        assertThat(f.architecture()).isNotBlank();
        assertThat(f.osId()).isNotBlank();
        if (f.packageManager() == PackageManager.APT) {
            assertThat(f.installed("coreutils")).as(out).isTrue();
        }
        assertThat(f.installed("no-such-package-xyz")).isFalse();
        assertThat(f.file(same.toString()).sha256()).isEqualTo(sameSha);
        assertThat(f.file(same.toString()).content()).as("content only travels when it differs").isEmpty();
        assertThat(f.file(differs.toString()).text()).contains("old\n");
        assertThat(f.file(dir.resolve("absent").toString()).exists()).isFalse();
        assertThat(f.unit("no-such-unit-xyz.service").isActive()).isFalse();
    }

    @Test
    void candidatesReportWhatAnInstallWouldBringOnlyForPackagesNotInstalled() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-cache")) && Files.isExecutable(Path.of("/usr/bin/dpkg-query")));
        // etcd-server: in Debian's index, not installed on a machine that runs the tests (checked below).
        // Two groups of alternatives: the first has an installed package (coreutils), so none of it is looked up.
        FactsQuery q = FactsQuery.candidates("coreutils", "etcd-client")
                .and(FactsQuery.candidates("etcd-server", "no-such-package-xyz"));
        assertThat(q.packages()).as("candidates are asked about as packages too").containsExactly("coreutils", "etcd-client",
                "etcd-server", "no-such-package-xyz");
        Process p = new ProcessBuilder("sh", "-c", FactsScript.text(q)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        HostFacts f = FactsParser.parse("local", out, q);
        assertThat(f.installed("coreutils")).as(out).isTrue();
        assertThat(f.candidateVersion("coreutils")).as("installed: no candidate reported").isEmpty();
        assertThat(f.candidateVersion("no-such-package-xyz")).isEmpty();
        Process policy = new ProcessBuilder("apt-cache", "policy", "etcd-server").start();
        String text = new String(policy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        policy.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+Candidate: (\\S+)$").matcher(text);
        assumeTrue(!f.installed("etcd-server") && m.find() && !m.group(1).equals("(none)"), "etcd-server is installed or not in the index here");
        assertThat(f.candidateVersion("etcd-server")).as(out).contains(m.group(1));
        assumeTrue(!f.installed("etcd-client"), "etcd-client is installed here");
        assertThat(f.candidateVersion("etcd-client")).as("its group has coreutils installed: not looked up; " + out).isEmpty();
    }

    @Test
    void awkwardNamesAreReportedExactlyAsTheBatchedHashingWouldMissThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.exists(Path.of("/usr/bin/sha256sum")));
        // sha256sum escapes a backslash in a name (the line then starts with '\' and no longer ends
        // with the path), so that file takes the one-by-one path; spaces and glob characters do not.
        Path spaced = Files.writeString(dir.resolve("with space.conf"), "a\n");
        Path backslash = Files.writeString(dir.resolve("back\\slash.conf"), "a\n");
        Path glob = Files.writeString(dir.resolve("star*.conf"), "a\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        String sha = "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7"; // sha256("a\n")
        FactsQuery q = new FactsQuery(Set.of(),
                Map.of(spaced.toString(), FileProbe.diffAgainst(sha), backslash.toString(), FileProbe.content(),
                        glob.toString(), FileProbe.metadata(), sub.toString(), FileProbe.metadata()),
                Set.of("no-such-unit-a.service", "no-such-unit-b.service"));
        Process p = new ProcessBuilder("sh", "-c", FactsScript.text(q)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        HostFacts f = FactsParser.parse("local", out, q);
        for (Path file : new Path[] {spaced, backslash, glob}) {
            assertThat(f.file(file.toString()).sha256()).as(out).isEqualTo(sha);
            assertThat(f.file(file.toString()).mode()).isEqualTo(mode(file));
        }
        assertThat(f.file(backslash.toString()).text()).contains("a\n");
        assertThat(f.file(spaced.toString()).content()).isEmpty();
        assertThat(f.file(sub.toString()).exists()).isFalse();
        assertThat(out).contains("file\t" + sub + "\tnot-a-file");
        assertThat(out.lines().filter(l -> l.startsWith("unit\t"))).hasSize(2);
        assertThat(f.unit("no-such-unit-b.service").isActive()).isFalse();
    }

    @Test
    void contentTravelsAsTextLinesCheckedAgainstItsChecksumAndAsBase64Otherwise() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.exists(Path.of("/usr/bin/sha256sum")));
        byte[] awkward = "tab\there, back\\slash, \r\n\n  spaces  \n\\t %s $0 \"quoted\"\n".getBytes(StandardCharsets.UTF_8);
        Path text = Files.write(dir.resolve("awkward.conf"), awkward);
        Path empty = Files.write(dir.resolve("empty.conf"), new byte[0]);
        Path newline = Files.writeString(dir.resolve("newline.conf"), "\n");
        byte[] large = new byte[70_000];
        java.util.Arrays.fill(large, (byte) 'x');
        large[69_999] = '\n';
        Path big = Files.write(dir.resolve("big.conf"), large);
        FactsQuery q = new FactsQuery(Set.of(), Map.of(text.toString(), FileProbe.content(), empty.toString(), FileProbe.content(),
                newline.toString(), FileProbe.content(), big.toString(), FileProbe.content()), Set.of());
        for (String shell : new String[] {"sh", "bash"}) {
            String out = run(shell, FactsScript.text(q));
            HostFacts f = FactsParser.parse("local", out, q);
            assertThat(f.file(text.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).isEqualTo(awkward));
            assertThat(f.file(empty.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).isEmpty());
            assertThat(f.file(newline.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).containsExactly('\n'));
            assertThat(f.file(big.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).isEqualTo(large));
            assertThat(out).as("small files as text lines, a file over 64 KiB as Base64")
                    .contains("text\t" + text + "\t  spaces  \n").contains("textend\t" + text + "\t\n")
                    .contains("content\t" + big + "\t").doesNotContain("content\t" + text);
        }

        // Over 8 KiB of text in all: one awk prints it instead of the shell's read loop; the same bytes arrive.
        byte[] nine = ("line with\ttab and \\ backslash\n".repeat(300)).getBytes(StandardCharsets.UTF_8);
        Path nineKib = Files.write(dir.resolve("nine.conf"), nine);
        FactsQuery both = new FactsQuery(Set.of(), Map.of(text.toString(), FileProbe.content(), nineKib.toString(), FileProbe.content()),
                Set.of());
        assertThat(nine.length).isGreaterThan(8192);
        for (String shell : new String[] {"sh", "bash"}) {
            HostFacts f = FactsParser.parse("local", run(shell, FactsScript.text(both)), both);
            assertThat(f.file(text.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).isEqualTo(awkward));
            assertThat(f.file(nineKib.toString()).content()).as(shell).hasValueSatisfying(b -> assertThat(b).isEqualTo(nine));
        }
    }

    /** What an apply's facts script takes the run lock for (engine.HostSession): a file the run will rewrite. */
    @Test
    void aFileThatIsThereWithAnotherChecksumThanTheRunWantsIsNotedAsAChange() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/bin/sha256sum")));
        Path same = Files.writeString(dir.resolve("same.conf"), "a\n");
        Path other = Files.writeString(dir.resolve("other.conf"), "b\n");
        Path missing = dir.resolve("missing.conf");
        Path sub = Files.createDirectories(dir.resolve("a-directory"));
        String a = sha256("a\n");
        List<Map.Entry<String, Map<String, FileProbe>>> cases = List.of(
                Map.entry("", Map.of(same.toString(), FileProbe.diffAgainst(a), other.toString(), FileProbe.metadata(),
                        missing.toString(), FileProbe.metadata(), sub.toString(), FileProbe.content())),
                Map.entry("1", Map.of(same.toString(), FileProbe.diffAgainst(a), other.toString(), FileProbe.diffAgainst(a))),
                // Missing, or not a file: a phase that cannot run (no release files) leaves its files so run after run.
                Map.entry("", Map.of(same.toString(), FileProbe.diffAgainst(a), missing.toString(), FileProbe.diffAgainst(a))),
                Map.entry("", Map.of(sub.toString(), FileProbe.diffAgainst(a))));
        for (var c : cases) {
            FactsQuery q = new FactsQuery(Set.of(), c.getValue(), Set.of());
            for (String shell : new String[] {"sh", "bash"}) {
                String out = run(shell, FactsScript.text(q) + "printf 'CH=%s\\n' \"$CH\"\n");
                assertThat(out).as(shell + " " + c.getValue()).endsWith("end\nCH=" + c.getKey() + "\n");
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void kernelFilesAreNotHashedOnTheHostTheirTextTravelsOnceAndTheParserHashesIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/ostype")));
        String ostype = Files.readString(Path.of("/proc/sys/kernel/ostype"));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(ostype.getBytes(StandardCharsets.UTF_8)));
        FactsQuery q = new FactsQuery(Set.of(), Map.of("/proc/sys/kernel/ostype", FileProbe.diffAgainst(sha)), Set.of());
        for (String script : new String[] {FactsScript.text(q), FactsScript.base64Text(q)}) {
            String out = run("sh", script);
            FileState f = FactsParser.parse("local", out, q).file("/proc/sys/kernel/ostype");
            assertThat(f.sha256()).isEqualTo(sha);
            assertThat(f.text()).contains(ostype);
            assertThat(out).contains("file\t/proc/sys/kernel/ostype\tpresent\t-\t");
        }
        assertThat(FactsScript.text(q)).doesNotContain("sha256sum -- $R");
    }

    @Test
    void bytesALineCannotCarryAreDetectedAndTheBase64ScriptCarriesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.exists(Path.of("/usr/bin/base64")));
        byte[] binary = {'a', 0, 'b', '\n', (byte) 0xff, (byte) 0xfe, '\n'};
        byte[] unterminated = "no newline at the end".getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(binary, unterminated)) {
            Path file = Files.write(dir.resolve("file.bin"), bytes);
            FactsQuery q = FactsQuery.file(file.toString(), FileProbe.content());
            for (String shell : new String[] {"sh", "bash"}) {
                String out = run(shell, FactsScript.text(q));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> FactsParser.parse("local", out, q)).as(shell)
                        .isInstanceOf(FactsTextMismatchException.class).hasMessageContaining(file.toString());
            }
            HostFacts f = FactsParser.parse("local", run("sh", FactsScript.base64Text(q)), q);
            assertThat(f.file(file.toString()).content()).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        }
    }

    @Test
    void theInstalledPackageListIsKeptUntilDpkgsStatusFileIsReplacedOrTouched() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")) && Files.isReadable(Path.of(FactsScript.DPKG_STATUS)));
        Path state = Files.createDirectory(dir.resolve("state"));
        Path status = dir.resolve("status");
        Files.copy(Path.of(FactsScript.DPKG_STATUS), status);
        Path list = state.resolve(FactsScript.DPKG_CACHE);
        FactsQuery q = FactsQuery.packages("coreutils", "no-such-package-xyz");
        String script = FactsScript.text(q, true, true, state.toString(), status.toString());
        String readOnly = FactsScript.text(q, true, false, state.toString(), status.toString());
        // plan's script (read-only) does not make the list
        assertThat(FactsParser.parse("local", run("sh", readOnly), q).installed("coreutils")).isTrue();
        assertThat(state.toFile().list()).isEmpty();
        String version = FactsParser.parse("local", run("sh", script), q).packageVersion("coreutils").orElseThrow();
        assertThat(list).exists();
        assertThat(Files.readString(list)).contains("pkg\tcoreutils\t" + version + "\n");

        // The kept list is what the script reads while the status file is the same: a planted version shows.
        plant(list, status);
        assertThat(FactsParser.parse("local", run("sh", script), q).packageVersion("coreutils")).contains("999-planted");
        assertThat(FactsParser.parse("local", run("sh", readOnly), q).packageVersion("coreutils")).as("plan reads a valid list")
                .contains("999-planted");
        assertThat(FactsParser.parse("local", run("bash", script), q).installed("no-such-package-xyz")).isFalse();

        // dpkg replaces the file on every change (a new inode, even with the same time): the list is read again.
        Path next = dir.resolve("status.new");
        Files.copy(status, next);
        exec("touch", "-r", status.toString(), next.toString());
        Files.move(next, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(FactsParser.parse("local", run("sh", script), q).packageVersion("coreutils")).contains(version);

        // An edit in place changes the modification time: read again.
        plant(list, status);
        exec("touch", "-d", "2001-02-03 04:05:06", status.toString());
        assertThat(FactsParser.parse("local", run("sh", script), q).packageVersion("coreutils")).contains(version);
        assertThat(state.toFile().list()).containsExactlyInAnyOrder(FactsScript.DPKG_CACHE, FactsScript.DPKG_CACHE + ".status");
    }

    @Test
    void aChecksumIsKeptWhileTheFileKeepsItsInodeSizeAndChangeTime() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/bin/sha256sum")) && Files.exists(Path.of("/usr/bin/stat")));
        Path state = Files.createDirectory(dir.resolve("state"));
        Path a = Files.writeString(dir.resolve("a.conf"), "a\n");
        Path b = Files.writeString(dir.resolve("b.conf"), "b\n");
        String shaA = "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7"; // sha256("a\n")
        // metadata probes: no content travels, so a planted checksum is reported as it is (content would be checked against it)
        FactsQuery q = new FactsQuery(Set.of(), Map.of(a.toString(), FileProbe.metadata(), b.toString(), FileProbe.metadata()), Set.of());
        String keeping = FactsScript.text(q, true, true, state.toString(), "/nonexistent/status");
        String readOnly = FactsScript.text(q, true, false, state.toString(), "/nonexistent/status");
        Path sums = state.resolve(FactsScript.SUMS_CACHE);

        // Files changed within the last second are not kept (a change in the same clock tick would not show).
        assertThat(FactsParser.parse("local", run("sh", keeping), q).file(a.toString()).sha256()).isEqualTo(shaA);
        assertThat(sums).satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(Files.readString(f)).doesNotContain(a.toString()));
        Thread.sleep(2100);
        run("sh", readOnly);
        assertThat(sums).as("plan keeps nothing").satisfiesAnyOf(f -> assertThat(f).doesNotExist(),
                f -> assertThat(Files.readString(f)).doesNotContain(a.toString()));
        run("bash", keeping); // bash takes the time from EPOCHSECONDS, dash from date
        assertThat(Files.readString(sums)).contains("  " + a + "\n").contains("  " + b + "\n");

        // While the file is the same, the kept checksum is what the script reports (planted here: no hashing).
        String planted = "0".repeat(64);
        Files.writeString(sums, Files.readString(sums).replace(shaA + "  " + a, planted + "  " + a));
        assertThat(FactsParser.parse("local", run("sh", keeping), q).file(a.toString()).sha256()).isEqualTo(planted);
        assertThat(FactsParser.parse("local", run("bash", readOnly), q).file(a.toString()).sha256()).isEqualTo(planted);

        // A write moves the change time: hashed again, and the changed file is not kept in the same second.
        Files.writeString(a, "A\n");
        HostFacts f = FactsParser.parse("local", run("sh", keeping), q);
        assertThat(f.file(a.toString()).sha256()).isNotEqualTo(planted).isNotEqualTo(shaA);
        assertThat(Files.readString(sums)).doesNotContain("  " + a + "\n").contains("  " + b + "\n");
        run("bash", keeping);
        assertThat(Files.readString(sums)).as("bash: not kept in the same second either").doesNotContain("  " + a + "\n")
                .contains("  " + b + "\n");
        // chmod moves it too
        Thread.sleep(2100);
        run("sh", keeping);
        Files.writeString(sums, Files.readString(sums).replaceAll("[0-9a-f]{64}  " + java.util.regex.Pattern.quote(b.toString()), planted + "  " + b));
        assertThat(FactsParser.parse("local", run("sh", keeping), q).file(b.toString()).sha256()).isEqualTo(planted);
        // Another query (files added before and after): the kept line is found wherever it is in the list.
        for (String name : new String[] {"0-first.conf", "z-last.conf"}) {
            Path extra = Files.writeString(dir.resolve(name), "extra\n");
            Map<String, FileProbe> files = new java.util.TreeMap<>(Map.of(extra.toString(), FileProbe.metadata(),
                    a.toString(), FileProbe.metadata(), b.toString(), FileProbe.metadata()));
            FactsQuery other = new FactsQuery(Set.of(), files, Set.of());
            HostFacts seen = FactsParser.parse("local", run("sh", FactsScript.text(other, true, false, state.toString(), "/nonexistent/status")), other);
            assertThat(seen.file(b.toString()).sha256()).as(name).isEqualTo(planted);
            assertThat(seen.file(extra.toString()).sha256()).as(name).isEqualTo(java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("extra\n".getBytes(StandardCharsets.UTF_8))));
        }
        exec("chmod", "0600", b.toString());
        assertThat(FactsParser.parse("local", run("sh", keeping), q).file(b.toString()).sha256()).isNotEqualTo(planted);
    }

    @Test
    void aUnitThatTheFileSystemShowsRunningAndEnabledIsNotAskedOfSystemctl() throws Exception {
        // No systemd runs where unit tests do: systemd's directories are laid out by hand, and systemctl is a
        // stand-in on PATH that records whom it was asked about (the real pair is compared in UnitProbeLabTest).
        Path run = Files.createDirectories(dir.resolve("run/systemd"));
        Path etc = Files.createDirectories(dir.resolve("etc/systemd/system"));
        Files.createDirectories(run.resolve("units"));
        Files.createDirectories(run.resolve("system"));
        Files.createDirectories(etc.resolve("multi-user.target.wants"));
        Files.createDirectories(etc.resolve("sockets.target.requires"));
        for (String u : new String[] {"running.service", "plain.service", "socketed.socket", "masked.service", "runtime-masked.service",
                "disabled.service"}) {
            Files.createSymbolicLink(run.resolve("units/invocation:" + u), Path.of("0123456789abcdef0123456789abcdef"));
        }
        for (String u : new String[] {"running.service", "plain.service", "masked.service", "runtime-masked.service", "stopped.service"}) {
            Files.createSymbolicLink(etc.resolve("multi-user.target.wants/" + u), Path.of("/lib/systemd/system/" + u));
        }
        Files.createSymbolicLink(etc.resolve("sockets.target.requires/socketed.socket"), Path.of("/lib/systemd/system/socketed.socket"));
        Files.createSymbolicLink(etc.resolve("masked.service"), Path.of("/dev/null"));
        Files.createSymbolicLink(run.resolve("system/runtime-masked.service"), Path.of("/dev/null"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path asked = dir.resolve("asked");
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + asked + "\n"
                + "shift 5\nfor u in \"$@\"; do printf 'ActiveState=inactive\\nUnitFileState=disabled\\n\\n'; done\n");
        exec("chmod", "0755", bin.resolve("systemctl").toString());
        Path lib = Files.createDirectories(dir.resolve("lib/systemd/system"));
        Files.writeString(lib.resolve("installed.service"), "[Service]\nExecStart=/bin/true\n");
        Files.createDirectories(run.resolve("generator.late"));
        Files.writeString(run.resolve("generator.late/sysv.service"), "[Service]\nExecStart=/etc/init.d/sysv start\n");
        Files.createDirectories(etc.resolve("dropin-only.service.d"));
        FactsQuery q = FactsQuery.units("running.service", "plain", "socketed.socket", "masked.service", "runtime-masked.service",
                "disabled.service", "stopped.service", "absent.service", "absent-too", "installed.service", "sysv.service",
                "dropin-only.service", "templ@one.service", "absent.socket");
        String script = FactsScript.text(q, true, false, dir.resolve("state").toString(), "/nonexistent/status",
                run.toString(), etc.toString(), lib.toString());
        for (String shell : new String[] {"sh", "bash"}) {
            Files.deleteIfExists(asked);
            ProcessBuilder pb = new ProcessBuilder(shell, "-c", script);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            HostFacts f = FactsParser.parse("local", out, q);
            for (String u : new String[] {"running.service", "plain", "socketed.socket"}) {
                assertThat(f.unit(u)).as(shell + " " + u).isEqualTo(new UnitState(u, "active", "enabled"));
            }
            for (String u : new String[] {"masked.service", "runtime-masked.service", "disabled.service", "stopped.service",
                    "installed.service", "sysv.service", "dropin-only.service", "templ@one.service", "absent.socket"}) {
                assertThat(f.unit(u)).as(shell + " " + u + " comes from systemctl").isEqualTo(new UnitState(u, "inactive", "disabled"));
            }
            for (String u : new String[] {"absent.service", "absent-too"}) {
                assertThat(f.unit(u)).as(shell + " " + u + ": no unit file anywhere").isEqualTo(new UnitState(u, "inactive", "not-found"));
            }
            assertThat(Files.readAllLines(asked)).as(shell + ": one systemctl, for the units the file system cannot vouch for")
                    .containsExactly("show -p ActiveState -p UnitFileState absent.socket disabled.service dropin-only.service"
                            + " installed.service masked.service runtime-masked.service stopped.service sysv.service templ@one.service");
        }
        // Nothing to ask: no systemctl at all.
        Files.deleteIfExists(asked);
        FactsQuery converged = FactsQuery.units("running.service", "socketed.socket");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", FactsScript.text(converged, true, false, dir.resolve("state").toString(),
                "/nonexistent/status", run.toString(), etc.toString()));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(FactsParser.parse("local", out, converged).unit("socketed.socket").isActive()).isTrue();
        assertThat(asked).doesNotExist();
    }

    @Test
    void theSocketTablesAreReadOnlyWhenAPortHasNoneOfItsUnitsRunning() throws Exception {
        // No systemd runs where unit tests do: its directories are laid out by hand (running.service runs and is
        // enabled, as the file system shows) and systemctl is a stand-in that says "activating" of every unit it is
        // asked about (starting.service, which has a unit file and no running invocation).
        Path run = Files.createDirectories(dir.resolve("run/systemd/units"));
        Path etc = Files.createDirectories(dir.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(run.resolve("invocation:running.service"), Path.of("0123456789abcdef0123456789abcdef"));
        Files.createSymbolicLink(etc.resolve("running.service"), Path.of("/lib/systemd/system/running.service"));
        Path lib = Files.createDirectories(dir.resolve("lib/systemd/system"));
        Files.writeString(lib.resolve("starting.service"), "[Service]\nExecStart=/bin/true\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\nshift 5\n"
                + "for u in \"$@\"; do printf 'ActiveState=activating\\nUnitFileState=enabled\\n\\n'; done\n");
        exec("chmod", "0755", bin.resolve("systemctl").toString());
        FactsQuery served = FactsQuery.port("2379/tcp", Set.of("running.service"))
                .and(FactsQuery.port("6443/tcp", Set.of("starting.service")))
                .and(FactsQuery.port("5000/tcp", Set.of("absent.service", "running.service")));
        FactsQuery open = served.and(FactsQuery.port("10250/tcp", Set.of("absent.service")));
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String tcp = "listen=tcp " + String.format("%04X", server.getLocalPort());
            for (String shell : new String[] {"sh", "bash"}) {
                for (FactsQuery q : List.of(served, open, FactsQuery.EMPTY)) {
                    ProcessBuilder pb = new ProcessBuilder(shell, "-c", FactsScript.text(q, true, false, dir.resolve("state").toString(),
                            "/nonexistent/status", run.getParent().toString(), etc.getParent().toString(), lib.toString()));
                    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
                    Process p = pb.start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(p.waitFor()).isZero();
                    List<String> system = FactsParser.parse("local", out, q).system();
                    if (q == open) {
                        assertThat(system).as(shell + ": a port none of whose units runs").contains(tcp).doesNotContain("listening=unprobed");
                    } else {
                        assertThat(system).as(shell + ": every port has a unit running, or no port was asked about")
                                .contains("listening=unprobed").noneMatch(l -> l.startsWith("listen="));
                    }
                }
            }
        }
    }

    @Test
    void aPortQueryAsksAboutItsUnitsAndJoinsAnotherQuerysUnitsForTheSamePort() {
        FactsQuery q = FactsQuery.port("5000/tcp", Set.of("registry.service")).and(FactsQuery.port("5000/tcp", Set.of("docker-registry.service")));
        assertThat(q.ports()).containsExactly(java.util.Map.entry("5000/tcp", Set.of("docker-registry.service", "registry.service")));
        assertThat(q.units()).containsExactly("docker-registry.service", "registry.service");
        for (String bad : new String[] {"2379", "0/tcp", "65536/tcp", "2379/sctp", "02379/tcp", "x/tcp"}) {
            assertThatThrownBy(() -> FactsQuery.port(bad, Set.of("etcd.service"))).as(bad).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> FactsQuery.port("2379/tcp", Set.of())).hasMessageContaining("2379/tcp");
    }

    /** Rewrites the kept list with a version no package has, keeping the modification time that makes it valid. */
    @Test
    void aListeningSocketOfThisMachineIsInTheSystemProbeWithItsPortInHex() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.DatagramSocket udp = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            String tcp = "listen=tcp " + String.format("%04X", server.getLocalPort());
            String datagram = "listen=udp " + String.format("%04X", udp.getLocalPort());
            for (String shell : new String[] {"sh", "bash"}) {
                HostFacts f = FactsParser.parse("local", run(shell, FactsScript.text(UNSERVED)), UNSERVED);
                assertThat(f.system()).as(shell).contains(tcp, datagram).doesNotContain("listening=unprobed");
            }
        }
    }

    @Test
    void bashReadsSmallTextsAndTheSocketTablesWithoutStartingAwk() throws Exception {
        // PATH holds stat and sha256sum only (the file probe's two processes): no awk to fall back on.
        Path bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : new String[] {"stat", "sha256sum"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        byte[] hosts = "127.0.0.1\tlocalhost\n# BEGIN provisioner managed block\n10.0.0.1 master\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("hosts"), hosts);
        FactsQuery q = FactsQuery.file(file.toString(), FileProbe.content()).and(UNSERVED);
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder p = new ProcessBuilder("/bin/bash", "-c", FactsScript.text(q)).redirectErrorStream(true);
            p.environment().put("PATH", bin.toString());
            Process run = p.start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as(out).isZero();
            HostFacts f = FactsParser.parse("local", out, q);
            assertThat(f.file(file.toString()).content()).as(out).hasValueSatisfying(b -> assertThat(b).isEqualTo(hosts));
            assertThat(f.system()).as(out).contains("listen=tcp " + String.format("%04X", server.getLocalPort()));
            assertThat(out).doesNotContain("awk");
        }
    }

    @Test
    void aBusySocketTableGoesToAwkAndReportsTheSameSocketsAsTheShellsOwnReading() throws Exception {
        // bash reads a table of up to 256 sockets with mapfile and builtins, a larger one with awk, and dash always with
        // awk: 300 listening sockets make this machine's TCP table a busy one.
        List<java.net.ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                sockets.add(new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            List<String> ours = sockets.stream().map(s -> "listen=tcp " + String.format("%04X", s.getLocalPort())).toList();
            for (String shell : new String[] {"sh", "bash"}) {
                HostFacts f = FactsParser.parse("local", run(shell, FactsScript.text(UNSERVED)), UNSERVED);
                assertThat(f.system()).as(shell).containsAll(ours);
            }
        } finally {
            for (java.net.ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static void plant(Path list, Path status) throws Exception {
        Files.writeString(list, Files.readString(list).replaceAll("(?m)^pkg\tcoreutils\t.*$", "pkg\tcoreutils\t999-planted"));
        exec("touch", "-r", status.toString(), list.toString());
    }

    private static void exec(String... command) throws Exception {
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    /** A port none of whose units exists here: the facts script reads the socket tables. */
    private static final FactsQuery UNSERVED = FactsQuery.port("1/tcp", Set.of("provisioner-test-absent.service"));

    private static String run(String shell, String script) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static int mode(Path file) throws java.io.IOException {
        return (Integer) Files.getAttribute(file, "unix:mode") & 07777;
    }
}
