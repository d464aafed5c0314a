package dev.provisioner.facts;

import dev.provisioner.transport.Command;

import java.util.Map;

/**
 * Builds the one POSIX shell script that reports a host's facts. Its output is line oriented and
 * tab separated (see {@link FactsParser}); paths and names are quoted, so nothing from a query is
 * ever shell syntax.
 */
public final class FactsScript {
    private static final String PRELUDE = """
            LC_ALL=C; export LC_ALL
            ID=unknown; VERSION_ID=; ID_LIKE=
            [ -r /etc/os-release ] && . /etc/os-release
            printf 'os\\t%s\\t%s\\t%s\\n' "$ID" "$VERSION_ID" "$ID_LIKE"
            printf 'arch\\t%s\\n' "$(uname -m)"
            if command -v apt-get >/dev/null 2>&1; then pm=apt
            elif command -v dnf >/dev/null 2>&1; then pm=dnf
            elif command -v yum >/dev/null 2>&1; then pm=yum
            else pm=unknown; fi
            printf 'pm\\t%s\\n' "$pm"
            pkgs() {
              case $pm in
                apt) dpkg-query -W -f='${db:Status-Status}\\t${Package}\\t${Version}\\n' "$@" 2>/dev/null \\
                       | while IFS="$(printf '\\t')" read -r st name ver; do
                           [ "$st" = installed ] && printf 'pkg\\t%s\\t%s\\n' "$name" "$ver"; done ;;
                dnf|yum) rpm -q --qf 'pkg\\t%{NAME}\\t%{VERSION}-%{RELEASE}\\n' "$@" 2>/dev/null | grep '^pkg' ;;
              esac
              return 0
            }
            f() {
              if [ -f "$1" ]; then
                sum=$(sha256sum < "$1" | cut -d' ' -f1)
                printf 'file\\t%s\\tpresent\\t%s\\t%s\\n' "$1" "$sum" "$(stat -c '%a:%U:%G' "$1")"
                if [ "$3" = content ] || { [ "$3" = diff ] && [ "$sum" != "$2" ]; }; then
                  printf 'content\\t%s\\t' "$1"; base64 -w0 < "$1"; printf '\\n'
                fi
              elif [ -e "$1" ]; then printf 'file\\t%s\\tnot-a-file\\n' "$1"
              else printf 'file\\t%s\\tabsent\\n' "$1"; fi
            }
            u() {
              a=$(systemctl is-active "$1" 2>/dev/null); e=$(systemctl is-enabled "$1" 2>/dev/null)
              printf 'unit\\t%s\\t%s\\t%s\\n' "$1" "${a:-unknown}" "${e:-not-found}"
            }
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
        for (Map.Entry<String, FileProbe> e : query.files().entrySet()) {
            String detail = switch (e.getValue().detail()) {
                case METADATA -> "meta";
                case CONTENT_IF_DIFFERENT -> "diff";
                case CONTENT -> "content";
            };
            s.append("f ").append(Command.quote(e.getKey())).append(' ')
             .append(Command.quote(e.getValue().expectedSha256().isEmpty() ? "-" : e.getValue().expectedSha256()))
             .append(' ').append(detail).append('\n');
        }
        query.units().forEach(u -> s.append("u ").append(Command.quote(u)).append('\n'));
        s.append("printf 'end\\n'\n");
        return s.toString();
    }

    /** The script as a root command (managed files may be private to root). */
    public static Command command(FactsQuery query) {
        return new Command(Command.shell(text(query)).line(), true, null, null, "gather facts");
    }
}
