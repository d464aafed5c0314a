package dev.provisioner.facts;

import dev.provisioner.transport.Command;

import java.util.Map;

/**
 * Builds the one POSIX shell script that reports a host's facts. Its output is line oriented and
 * tab separated (see {@link FactsParser}); paths and names are quoted, so nothing from a query is
 * ever shell syntax.
 *
 * <p>The script starts few processes, because on a converged host it is the whole cost of a run and
 * many hosts share the machine's cores: all regular files are hashed by one {@code sha256sum} and
 * described by one {@code stat} (split on newlines, which a managed path cannot contain; each
 * output line is matched to its path, and a file whose line does not match, say a name that
 * sha256sum escapes, is hashed on its own), units are read as described below, and
 * content that must travel is sent as text lines, read by the shell's own {@code read} when the files total at
 * most 8 KiB (the managed {@code /etc/hosts} and the manifest of a converged host: no process at all) and by
 * one {@code awk} for all files otherwise (Base64, one process per file, only for files over 64 KiB and when
 * the text does not match the checksum). Files under /proc and /sys always go through {@code awk}: the shell's
 * {@code read} seeks back after every line, which makes the kernel render such a file again each time.
 *
 * <p>Files under {@code /proc} and {@code /sys} (kernel interfaces: text, generated on every read, some
 * expensive, such as {@code /proc/mounts}) are not hashed on the host: their content always travels,
 * as text lines in the text script, once, and the parser computes their checksum.
 *
 * <p>A file whose checksum was computed before is not hashed again while it is the same file: the
 * checksum is kept in {@value #STATE_DIR}/{@value #SUMS_CACHE} with the file's inode, size and
 * change time in nanoseconds (the change time moves on every write, chmod or rename and cannot be set
 * back), and is taken from there while all three match ({@code stat} runs anyway, for the modes). A
 * file that changed within the second before the list is written is not kept (a change in the same
 * clock tick would not move the change time), so it is hashed again next time. The list is written in
 * the query's order and read alongside it, line by line; a file found elsewhere in it (the query
 * changed) is looked up in the whole list. It is rewritten in place, with no temporary file and rename (a process):
 * a list cut short by a killed script, or read while another run rewrites it, only lacks lines, and a line is used
 * only when its key and path match whole, so the worst case is a file hashed again. The time comes from bash's
 * {@code EPOCHSECONDS} ({@code date} elsewhere).
 *
 * <p>A unit is reported {@code active} and {@code enabled} without asking systemd when the file system shows
 * both, with shell tests only: systemd keeps the link {@value #SYSTEMD_RUN}{@code /units/invocation:<unit>}
 * exactly while the unit has a running invocation (it removes it when the unit stops, fails or waits to be
 * restarted), and {@code systemctl enable} links the unit into a {@code .wants} or {@code .requires}
 * directory under {@value #SYSTEMD_ETC}; a unit masked there or under {@value #SYSTEMD_RUN}{@code /system}
 * is never reported this way. A service that has no running invocation, no unit file, alias or drop-in directory
 * in any directory systemd loads units from (the control, transient, generator, runtime, {@value #SYSTEMD_ETC}
 * and package directories) and is wanted or required by nothing is reported {@code inactive} and
 * {@code not-found}, as {@code systemctl show} reports it: the units a preflight asks about so as to warn when
 * they run (time daemons, firewalls) are mostly not installed. Every other unit (stopped, disabled, static,
 * masked, an alias, a template instance, a host whose systemd keeps no such links) is read by one
 * {@code systemctl show} for all of them, which costs a host 30 to 50 ms of CPU (process start, connection to
 * systemd), so a converged host does not start it.
 *
 * <p>The script notes in {@code CH} whether a file queried with the checksum the run wants ({@code diff}) is there
 * with another one: the run will rewrite it, so an apply's facts script takes the run lock in the same exchange
 * (see {@code engine.HostSession}). A missing file does not count: the files of a phase that cannot run (its
 * release files are missing) stay missing run after run, and a converged host would pay for the lock every time.
 *
 * <p>On apt hosts the installed packages come from a list kept in {@value #STATE_DIR}/{@value #DPKG_CACHE}:
 * it is valid while {@code /var/lib/dpkg/status} is the same file (inode, through a hard link made when
 * the list was read: dpkg replaces the file on every change) with the same modification time (recorded
 * before reading: an edit in place changes it). Otherwise, one {@code dpkg-query} of every package
 * refreshes it. A converged host then reads the kept list with shell builtins instead of running
 * {@code dpkg-query}, which reads dpkg's whole database (about 90 ms of host CPU on the lab image). Where the list cannot be kept
 * (no state directory yet, another file system) the script asks {@code dpkg-query} for the queried
 * packages as before.
 */
public final class FactsScript {
    /**
     * Where the installed-package list is kept between runs ({@value #DPKG_CACHE}, with a hard link to the
     * dpkg status file it was read from): the run lock's directory, which {@code reset} removes.
     */
    static final String STATE_DIR = "/var/lib/provisioner";
    static final String DPKG_STATUS = "/var/lib/dpkg/status";
    static final String DPKG_CACHE = "facts-dpkg";
    static final String SUMS_CACHE = "facts-sums";
    /**
     * Marks the facts script's temporary files in {@value #STATE_DIR} ({@code facts-dpkg.tmp-<pid>} and so on):
     * the lists are kept by runs that do not hold the run lock, so each writes its own and renames it.
     */
    public static final String TEMP_MARK = ".tmp-";
    /** systemd's runtime directory: {@code units/invocation:<unit>} while a unit has a running invocation. */
    static final String SYSTEMD_RUN = "/run/systemd";
    /** Where {@code systemctl enable} links units into the {@code .wants}/{@code .requires} of their targets. */
    static final String SYSTEMD_ETC = "/etc/systemd/system";
    /** Where packages put unit files (besides {@value #SYSTEMD_ETC} and the runtime directories under {@value #SYSTEMD_RUN}). */
    static final String SYSTEMD_LIB = "/usr/local/lib/systemd/system /usr/lib/systemd/system /lib/systemd/system";
    private static final String PRELUDE = """
            LC_ALL=C; export LC_ALL
            ID=unknown; VERSION_ID=; ID_LIKE=
            OSR=/etc/os-release; [ -r "$OSR" ] || OSR=/usr/lib/os-release
            [ -r "$OSR" ] && . "$OSR"
            printf 'os\\t%s\\t%s\\t%s\\n' "$ID" "$VERSION_ID" "$ID_LIKE"
            a=; { read -r a < /proc/sys/kernel/arch; } 2>/dev/null; [ -n "$a" ] || a=$(uname -m)
            printf 'arch\\t%s\\n' "$a"
            if command -v apt-get >/dev/null 2>&1; then pm=apt
            elif command -v dnf >/dev/null 2>&1; then pm=dnf
            elif command -v yum >/dev/null 2>&1; then pm=yum
            else pm=unknown; fi
            printf 'pm\\t%s\\n' "$pm"
            T='\t'; NL='
            '
            P=
            pkgs() {
              case $pm in
                apt) dpkgs "$@" ;;
                dnf|yum) P=$(rpm -q --qf 'pkg\\t%{NAME}\\t%{VERSION}-%{RELEASE}\\n' "$@" 2>/dev/null | grep '^pkg') ;;
              esac
              [ -z "$P" ] || printf '%s\\n' "$P"
              return 0
            }
            dpkgs() {
              C=$PD/facts-dpkg; S=$DS; ok=
              if { [ -s "$C" ] && [ "$S" -ef "$C.status" ] && ! [ "$S" -nt "$C" ] && ! [ "$S" -ot "$C" ]; } 2>/dev/null; then
                ok=1
              fi
              [ -n "$ok" ] || [ "$KEEP" != 1 ] || keep
              if [ -n "$ok" ]; then
                Q=" $* "; P=
                while IFS= read -r l || [ -n "$l" ]; do
                  n=${l#pkg"$T"}; n=${n%%"$T"*}
                  case $Q in *" $n "*) P="$P$l$NL" ;; esac
                  l=
                done < "$C"
                P=${P%"$NL"}
              else
                P=$(dpkg-query -W -f='${db:Status-Status}\\tpkg\\t${Package}\\t${Version}\\n' "$@" 2>/dev/null | sed -n "s/^installed$T//p")
              fi
            }
            cands() {
              m=
              for n in "$@"; do
                case "$P" in *"pkg${T}$n${T}"*) return 0 ;; *) m="$m $n" ;; esac
              done
              [ -n "$m" ] || return 0
              case $pm in
                apt) apt-cache policy $m 2>/dev/null | while read -r k v rest; do
                       case $k in Candidate:) [ "$v" = "(none)" ] || printf 'cand\\t%s\\t%s\\n' "$n" "$v" ;; *:) [ -n "$v" ] || n=${k%:} ;; esac
                     done ;;
                dnf|yum) $pm -q -C repoquery --latest-limit 1 --qf 'cand\\t%{name}\\t%{version}-%{release}\\n' $m 2>/dev/null | grep '^cand' ;;
              esac
              return 0
            }
            R=; D=; H=; UD=; WL=; CH=; UA=' '; LN=
            c() {
              if [ -f "$1" ]; then R="$R$1
            "; D="$D$2 $3
            "
                case $1 in /proc/*|/sys/*) ;; *) H="$H$1
            " ;; esac
              elif [ -e "$1" ]; then printf 'file\\t%s\\tnot-a-file\\n' "$1"
              else printf 'file\\t%s\\tabsent\\n' "$1"; fi
            }
            one() {
              printf 'file\\t%s\\tpresent\\t%s\\t%s\\n' "$1" "$4" "$5"
              df=; if [ "$3" = diff ] && [ "$4" != "$2" ]; then df=1; CH=1; fi
              if [ "$4" = - ] || [ "$3" = content ] || [ -n "$df" ]; then
                if [ "$TX" = 1 ] && [ -n "$6" ] && [ "$6" -le 65536 ] 2>/dev/null; then
                  X="$X$1$NL"; XS=$((XS + $6))
                else
                  printf 'content\\t%s\\t' "$1"; base64 -w0 < "$1"; printf '\\n'
                fi
              fi
            }
            texts() {
              [ -n "$X" ] || return 0
              case $NL$X in
                *"$NL/proc/"*|*"$NL/sys/"*) ;;
                *) if [ "$XS" -le 8192 ] 2>/dev/null; then
                     B=
                     for p in $X; do
                       { while IFS= read -r l || [ -n "$l" ]; do B="${B}text$T$p$T$l$NL"; l=; done < "$p"; } 2>/dev/null ||
                         { printf 'textfail\\n'; return 0; }
                       B="${B}textend$T$p$T$NL"
                     done
                     printf '%s' "$B"
                     return 0
                   fi ;;
              esac
              if awk '{ print "text\t" FILENAME "\t" $0 }' $X; then
                for p in $X; do printf 'textend\\t%s\\t\\n' "$p"; done
              else
                printf 'textfail\\n'
              fi
            }
            flush() {
              [ -n "$R" ] || return 0
              old=$IFS; IFS=$NL; set -f
              metas=$(stat -c '%a:%U:%G %s %i:%s:%.9Z %n' -- $R 2>/dev/null)
              W=$NL; Y=$PD/facts-sums
              if [ -f "$Y" ]; then while IFS= read -r l; do W="$W$l$NL"; done < "$Y"; fi
              M=$metas$NL; V=${W#"$NL"}
              w=${V%%"$NL"*}; V=${V#*"$NL"}
              K=; H=
              for p in $R; do
                m=${M%%"$NL"*}; M=${M#*"$NL"}
                k=
                case $p in
                  /proc/*|/sys/*) k=- ;;
                  *) case $m in *" $p") f=${m#* }; f=${f#* }; f=${f%% *}
                       case $f in *:*:[0-9]*.[0-9]*)
                         case $w in
                           "$f "*"  $p") k=${w#"$f "}; k=${k%%  *}; w=${V%%"$NL"*}; V=${V#*"$NL"} ;;
                           *) case $W in *"$NL$f "*) r=${W#*"$NL$f "}; k=${r%%  *}; case $r in "$k  $p$NL"*) ;; *) k= ;; esac ;; esac ;;
                         esac ;;
                       esac ;;
                     esac ;;
                esac
                K="$K$k$NL"
                [ -n "$k" ] || H="$H$p$NL"
              done
              sums=; [ -z "$H" ] || sums=$(sha256sum -- $H 2>/dev/null)
              A=$sums$NL; M=$metas$NL; B=$D; E=$K
              N=; Z=; X=; XS=0
              for p in $R; do
                l=${B%%"$NL"*}; B=${B#*"$NL"}
                want=${l%% *}; case $l in *" "*) detail=${l#* } ;; *) detail= ;; esac
                m=${M%%"$NL"*}; M=${M#*"$NL"}; k=${E%%"$NL"*}; E=${E#*"$NL"}
                if [ -n "$k" ]; then sum=$k
                else
                  s=${A%%"$NL"*}; A=${A#*"$NL"}; N=1
                  case $s in *"  $p") sum=${s%% *}; sum=${sum#\\\\} ;; *) sum=$(sha256sum < "$p" | cut -d' ' -f1) ;; esac
                fi
                case $m in
                  *" $p") meta=${m%% *}; size=${m#* }; size=${size%% *}; f=${m#* }; f=${f#* }; f=${f%% *} ;;
                  *) meta=$(stat -c '%a:%U:%G' "$p"); size=; f= ;;
                esac
                case $sum in ''|-) ;; *) [ -z "$f" ] || Z="$Z$f $sum  $p$NL" ;; esac
                one "$p" "$want" "$detail" "$sum" "$meta" "$size"
              done
              texts
              if [ -n "$N" ] && [ "$KEEP" = 1 ] && [ -d "$PD" ]; then keepsums; fi
              IFS=$old; set +f
            }
            ud() {
              [ -z "$UD" ] || return 0
              UD=-
              for d in "$SDE.control" "$SDR/system.control" "$SDR/transient" "$SDR/generator.early" "$SDE" "$SDE.attached" \
                  "$SDR/system" "$SDR/system.attached" "$SDR/generator" $SDL "$SDR/generator.late"; do
                if [ -d "$d" ]; then UD="$UD$NL$d"; fi
              done
            }
            wl() {
              [ -z "$WL" ] || return 0
              WL=' '
              for w in "$SDE"/*.wants/* "$SDE"/*.requires/*; do
                if [ -L "$w" ]; then WL="$WL${w##*/} "; fi
              done
            }
            nf() {
              case $1 in *@*) return 1 ;; *.service) ;; *) return 1 ;; esac
              ud; wl
              case $WL in *" $1 "*) return 1 ;; esac
              old=$IFS; IFS=$NL
              for d in $UD; do
                if [ "$d" != - ] && { [ -e "$d/$1" ] || [ -L "$d/$1" ] || [ -e "$d/$1.d" ]; }; then IFS=$old; return 1; fi
              done
              IFS=$old
              return 0
            }
            us() {
              S=
              for u in "$@"; do
                case $u in *.*) f=$u ;; *) f=$u.service ;; esac
                e=
                if [ -L "$SDR/units/invocation:$f" ] && ! [ "$SDE/$f" -ef /dev/null ] && ! [ "$SDR/system/$f" -ef /dev/null ]; then
                  wl
                  case $WL in *" $f "*) e=1 ;; esac
                fi
                if [ -z "$e" ] && ! [ -L "$SDR/units/invocation:$f" ] && nf "$f"; then e=n; fi
                case $e in
                  1) printf 'unit\t%s\tactive\tenabled\n' "$u"; UA="$UA$u " ;;
                  n) printf 'unit\t%s\tinactive\tnot-found\n' "$u" ;;
                  *) S="$S$u$NL" ;;
                esac
              done
              [ -n "$S" ] || return 0
              old=$IFS; IFS=$NL; set -f
              set -- $S
              IFS=$old; set +f
              out=$(systemctl show -p ActiveState -p UnitFileState "$@" 2>/dev/null)
              O=$out$NL
              for u in "$@"; do
                a=; e=
                while [ -n "$O" ]; do
                  l=${O%%"$NL"*}; O=${O#*"$NL"}
                  [ -n "$l" ] || break
                  case $l in ActiveState=*) a=${l#ActiveState=} ;; UnitFileState=*) e=${l#UnitFileState=} ;; esac
                done
                printf 'unit\t%s\t%s\t%s\n' "$u" "${a:-unknown}" "${e:-not-found}"
                case $a in active|activating|reloading|deactivating) UA="$UA$u " ;; esac
              done
            }
            lo() {
              for u in "$@"; do case $UA in *" $u "*) return 0 ;; esac; done
              LN=1
            }
            """;

    /**
     * Refreshes the kept package list and the kept checksums (apply only: plan changes nothing, not even these
     * lists). An apply may read its facts without the run lock, so two runs may keep at once: each writes its own
     * temporary file ({@value #TEMP_MARK}{@code <pid>}) and renames it; entries are checked before use either way.
     */
    private static final String KEEP_LIST = """
            keepsums() {
              now=${EPOCHSECONDS:-}; [ -n "$now" ] || now=$(date +%s) || return 0
              for e in $W; do
                q=${e#*  }
                case "$NL$R" in *"$NL$q$NL"*) ;; *) Z="$Z$e$NL" ;; esac
              done
              V=
              for e in $Z; do
                c=${e#*:}; c=${c#*:}; c=${c%%.*}
                if [ "$c" -lt $((now - 1)) ] 2>/dev/null; then V="$V$e$NL"; fi
              done
              { printf '%s' "$V" > "$Y"; } 2>/dev/null || :
            }
            keep() {
              if [ -d "$PD" ] && [ -f "$S" ] && ln -f "$S" "$C.status.tmp-$$" 2>/dev/null && touch -r "$S" "$C.stamp.tmp-$$" 2>/dev/null; then
                dpkg-query -W -f='${db:Status-Status}\\tpkg\\t${Package}\\t${Version}\\n' 2>/dev/null | sed -n "s/^installed$T//p" > "$C.tmp-$$"
                [ -s "$C.tmp-$$" ] && touch -r "$C.stamp.tmp-$$" "$C.tmp-$$" && mv -f "$C.status.tmp-$$" "$C.status" && mv -f "$C.tmp-$$" "$C" && ok=1
                rm -f "$C.stamp.tmp-$$" "$C.tmp-$$" "$C.status.tmp-$$" 2>/dev/null
              fi
            }
            """;

    /**
     * The system probe for the preflight checks ({@code sys} lines): shell builtins reading /proc and /sys, and
     * the listening sockets from /proc/net (TCP state 0A, unconnected UDP 07), port in hex, read only when a port of
     * the query ({@link FactsQuery#ports()}) has none of its units running ({@code lo}, after the units are known;
     * otherwise the line {@code listening=unprobed}): reading a TCP table makes the kernel walk its whole hash table,
     * some 3 ms of a host's CPU per table on a machine with 24 GiB, however few sockets it holds. The shell's {@code read}
     * takes a line per call and seeks back after it, and each seek on a /proc/net table renders it again up to that
     * line, so a busy host's table (hundreds of connections) would cost the shell quadratic time. Bash reads each
     * table whole with {@code mapfile} (buffered, one pass) and matches the lines with builtins: no process, which
     * on a converged host is most of what the probe costs; a table of more than 256 sockets, and every table where
     * the shell is not bash (dash, when sudo runs the script through {@code sh}), go to one {@code awk}. Whose the
     * sockets are is told by the units the preflight asks about, not by a process table.
     */
    private static final String SYSTEM = """
            h=; { read -r h < /proc/sys/kernel/hostname; } 2>/dev/null; printf 'sys\\thostname=%s\\n' "$h"
            e=; { read -r e < /etc/hostname; } 2>/dev/null; printf 'sys\\tetchostname=%s\\n' "$e"
            while read -r k v rest; do case $k in MemTotal:) printf 'sys\\tmemKiB=%s\\n' "$v" ;; SwapTotal:) printf 'sys\\tswapKiB=%s\\n' "$v"; break ;; esac; done < /proc/meminfo
            n=; { read -r n < /sys/devices/system/cpu/online; } 2>/dev/null; printf 'sys\\tcpus=%s\\n' "$n"
            if [ -f /sys/fs/cgroup/cgroup.controllers ]; then printf 'sys\\tcgroup=2\\n'; else printf 'sys\\tcgroup=1\\n'; fi
            if [ -e /run/systemd/timesync/synchronized ]; then printf 'sys\\ttimesync=yes\\n'; fi
            if [ -e /.dockerenv ] || [ -e /run/.containerenv ]; then printf 'sys\\tcontainer=yes\\n'; fi
            lsa() { awk 'FNR > 1 { t = FILENAME; sub(/.*\\//, "", t); sub(/6$/, "", t)
              if ($4 == (t == "tcp" ? "0A" : "07")) { p = $2; sub(/.*:/, "", p); print "sys\tlisten=" t " " p } }' "$@"; }
            nt=; if [ -n "$LN" ]; then for t in tcp tcp6 udp udp6; do [ -r /proc/net/$t ] && nt="$nt /proc/net/$t"; done
            else printf 'sys\\tlistening=unprobed\\n'; fi
            if [ -n "$nt" ] && [ -n "${BASH_VERSION:-}" ]; then
              eval 'B=
              for f in $nt; do
                mapfile -t L < "$f" 2>/dev/null || { lsa "$f"; continue; }
                if [ "${#L[@]}" -gt 257 ]; then lsa "$f"; continue; fi
                t=${f##*/}; t=${t%6}; case $t in tcp) st=0A ;; *) st=07 ;; esac
                for l in "${L[@]}"; do
                  case $l in *" $st "*) set -f; set -- $l; set +f
                    [ "$4" != "$st" ] || B="${B}sys${T}listen=$t ${2##*:}$NL" ;;
                  esac
                done
              done
              printf "%s" "$B"'
            elif [ -n "$nt" ]; then lsa $nt; fi
            """;

    private FactsScript() {
    }

    /**
     * The script text for {@code query}. Content that travels is sent as {@code text} lines, printed by the
     * shell's builtins (at most 8 KiB in all) or one {@code awk} for all files (no process per file), when the file
     * has at most 64 KiB; the parser
     * checks it against the file's checksum, and a host where that does not match (bytes a shell line
     * cannot carry: NUL, invalid UTF-8, a file that changed in between) is asked again with
     * {@link #base64Text(FactsQuery)}.
     */
    public static String text(FactsQuery query) {
        return text(query, true);
    }

    /** The script text for {@code query}, every content as Base64 (one {@code base64} process per file). */
    public static String base64Text(FactsQuery query) {
        return text(query, false);
    }

    /**
     * {@link #text(FactsQuery)} that also refreshes the kept package list and checksums when they are stale: the
     * first exchange of an {@code apply}.
     */
    public static String keepingText(FactsQuery query) {
        return text(query, true, true, STATE_DIR, DPKG_STATUS);
    }

    private static String text(FactsQuery query, boolean lines) {
        return text(query, lines, false, STATE_DIR, DPKG_STATUS);
    }

    /** The script with another state directory and dpkg status file (tests). */
    static String text(FactsQuery query, boolean lines, boolean keep, String stateDir, String dpkgStatus) {
        return text(query, lines, keep, stateDir, dpkgStatus, SYSTEMD_RUN, SYSTEMD_ETC, SYSTEMD_LIB);
    }

    /** The script with other state, dpkg and systemd directories (tests: no systemd runs where unit tests do). */
    static String text(FactsQuery query, boolean lines, boolean keep, String stateDir, String dpkgStatus,
                       String systemdRun, String systemdEtc) {
        return text(query, lines, keep, stateDir, dpkgStatus, systemdRun, systemdEtc, SYSTEMD_LIB);
    }

    /** ... and other directories of packaged units (tests). */
    static String text(FactsQuery query, boolean lines, boolean keep, String stateDir, String dpkgStatus,
                       String systemdRun, String systemdEtc, String systemdLib) {
        StringBuilder s = new StringBuilder(lines ? "TX=1\n" : "TX=\n")
                .append("PD=").append(Command.quote(stateDir)).append('\n')
                .append("DS=").append(Command.quote(dpkgStatus)).append('\n')
                .append("SDR=").append(Command.quote(systemdRun)).append('\n')
                .append("SDE=").append(Command.quote(systemdEtc)).append('\n')
                .append("SDL=").append(Command.quote(systemdLib)).append('\n')
                .append(keep ? "KEEP=1\n" + KEEP_LIST : "KEEP=\n")
                .append(PRELUDE);
        if (!query.packages().isEmpty()) {
            s.append("pkgs");
            query.packages().forEach(p -> s.append(' ').append(Command.quote(p)));
            s.append('\n');
        }
        for (var group : query.candidates()) {
            s.append("cands");
            group.forEach(p -> s.append(' ').append(Command.quote(p)));
            s.append('\n');
        }
        for (Map.Entry<String, FileProbe> e : query.files().entrySet()) {
            String detail = switch (e.getValue().detail()) {
                case METADATA -> "meta";
                case CONTENT_IF_DIFFERENT -> "diff";
                case CONTENT -> "content";
            };
            s.append("c ").append(Command.quote(e.getKey())).append(' ')
             .append(Command.quote(e.getValue().expectedSha256().isEmpty() ? "-" : e.getValue().expectedSha256()))
             .append(' ').append(detail).append('\n');
        }
        if (!query.files().isEmpty()) {
            s.append("flush\n");
        }
        if (!query.units().isEmpty()) {
            s.append("us");
            query.units().forEach(u -> s.append(' ').append(Command.quote(u)));
            s.append('\n');
        }
        query.ports().values().forEach(owners -> {
            s.append("lo");
            owners.forEach(u -> s.append(' ').append(Command.quote(u)));
            s.append('\n');
        });
        s.append(SYSTEM);
        s.append("printf 'end\\n'\n");
        return s.toString();
    }

    /** The script as a root command (managed files may be private to root). */
    public static Command command(FactsQuery query) {
        return new Command(Command.shell(text(query)).line(), true, null, null, "gather facts");
    }

    /** {@link #base64Text(FactsQuery)} as a root command: the second asking, after {@link FactsTextMismatchException}. */
    public static Command base64Command(FactsQuery query) {
        return new Command(Command.shell(base64Text(query)).line(), true, null, null, "gather facts");
    }
}
