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
 * sha256sum escapes, is hashed on its own), all units are read by one {@code systemctl show}, and
 * only content that must travel is base64-encoded.
 */
public final class FactsScript {
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
            P=
            pkgs() {
              case $pm in
                apt) P=$(dpkg-query -W -f='${db:Status-Status}\\t${Package}\\t${Version}\\n' "$@" 2>/dev/null \\
                       | while IFS="$(printf '\\t')" read -r st name ver; do
                           [ "$st" = installed ] && printf 'pkg\\t%s\\t%s\\n' "$name" "$ver"; done) ;;
                dnf|yum) P=$(rpm -q --qf 'pkg\\t%{NAME}\\t%{VERSION}-%{RELEASE}\\n' "$@" 2>/dev/null | grep '^pkg') ;;
              esac
              [ -z "$P" ] || printf '%s\\n' "$P"
              return 0
            }
            cands() {
              m=; T=$(printf '\\t')
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
            R=; D=
            c() {
              if [ -f "$1" ]; then R="$R$1
            "; D="$D$2 $3
            "
              elif [ -e "$1" ]; then printf 'file\\t%s\\tnot-a-file\\n' "$1"
              else printf 'file\\t%s\\tabsent\\n' "$1"; fi
            }
            one() {
              printf 'file\\t%s\\tpresent\\t%s\\t%s\\n' "$1" "$4" "$5"
              if [ "$3" = content ] || { [ "$3" = diff ] && [ "$4" != "$2" ]; }; then
                printf 'content\\t%s\\t' "$1"; base64 -w0 < "$1"; printf '\\n'
              fi
            }
            flush() {
              [ -n "$R" ] || return 0
              old=$IFS; IFS='
            '; set -f
              sums=$(sha256sum -- $R 2>/dev/null); metas=$(stat -c '%a:%U:%G %n' -- $R 2>/dev/null)
              exec 3<<EOF3
            $sums
            EOF3
              exec 4<<EOF4
            $metas
            EOF4
              exec 5<<EOF5
            $D
            EOF5
              for p in $R; do
                IFS=' ' read -r want detail <&5
                IFS= read -r s <&3; IFS= read -r m <&4
                case $s in *"  $p") sum=${s%% *}; sum=${sum#\\\\} ;; *) sum=$(sha256sum < "$p" | cut -d' ' -f1) ;; esac
                case $m in *" $p") meta=${m%% *} ;; *) meta=$(stat -c '%a:%U:%G' "$p") ;; esac
                one "$p" "$want" "$detail" "$sum" "$meta"
              done
              IFS=$old; set +f
              exec 3<&- 4<&- 5<&-
            }
            us() {
              out=$(systemctl show -p ActiveState -p UnitFileState "$@" 2>/dev/null)
              exec 3<<EOF3
            $out
            EOF3
              for u in "$@"; do
                a=; e=
                while IFS= read -r l <&3 && [ -n "$l" ]; do
                  case $l in ActiveState=*) a=${l#ActiveState=} ;; UnitFileState=*) e=${l#UnitFileState=} ;; esac
                done
                printf 'unit\\t%s\\t%s\\t%s\\n' "$u" "${a:-unknown}" "${e:-not-found}"
              done
              exec 3<&-
            }
            """;

    /**
     * The system probe for the preflight checks ({@code sys} lines): shell builtins reading /proc and /sys only,
     * no process started. Listening sockets come from /proc/net (TCP state 0A, unconnected UDP 07), port in hex;
     * whose they are is told by the units the preflight asks about, not by a process table.
     */
    private static final String SYSTEM = """
            h=; { read -r h < /proc/sys/kernel/hostname; } 2>/dev/null; printf 'sys\\thostname=%s\\n' "$h"
            e=; { read -r e < /etc/hostname; } 2>/dev/null; printf 'sys\\tetchostname=%s\\n' "$e"
            while read -r k v rest; do case $k in MemTotal:) printf 'sys\\tmemKiB=%s\\n' "$v" ;; SwapTotal:) printf 'sys\\tswapKiB=%s\\n' "$v" ;; esac; done < /proc/meminfo
            n=; { read -r n < /sys/devices/system/cpu/online; } 2>/dev/null; printf 'sys\\tcpus=%s\\n' "$n"
            if [ -f /sys/fs/cgroup/cgroup.controllers ]; then printf 'sys\\tcgroup=2\\n'; else printf 'sys\\tcgroup=1\\n'; fi
            if [ -e /run/systemd/timesync/synchronized ]; then printf 'sys\\ttimesync=yes\\n'; fi
            if [ -e /.dockerenv ] || [ -e /run/.containerenv ]; then printf 'sys\\tcontainer=yes\\n'; fi
            for t in tcp tcp6 udp udp6; do
              [ -r /proc/net/$t ] || continue
              case $t in tcp*) w=0A ;; *) w=07 ;; esac
              while read -r n l r st rest; do
                if [ "$st" = "$w" ]; then printf 'sys\\tlisten=%s %s\\n' "${t%6}" "${l##*:}"; fi
              done < /proc/net/$t
            done
            """;

    private FactsScript() {
    }

    /** The script text for {@code query}. */
    public static String text(FactsQuery query) {
        StringBuilder s = new StringBuilder(PRELUDE);
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
        s.append(SYSTEM);
        s.append("printf 'end\\n'\n");
        return s.toString();
    }

    /** The script as a root command (managed files may be private to root). */
    public static Command command(FactsQuery query) {
        return new Command(Command.shell(text(query)).line(), true, null, null, "gather facts");
    }
}
