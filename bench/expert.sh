# The expert script: the benchmark's workload (bench/templates, the Workload plan) as a shell
# expert would write it for one host, the reference for first converge and "one value changed".
# bench/run sends it over ONE fresh OpenSSH connection per host to ONE bash (`ssh HOST bash -s`),
# after a prelude the driver writes (ExpertPayload):
#
#   want     associative array: path -> desired content of the 6 config files and 2 unit files
#   block    the managed block of /etc/hosts (BEGIN/END lines included, newline-terminated)
#
# What makes it the floor for this workload:
#   - files are read and compared with builtins (`read -d ''` keeps every byte, trailing newlines
#     too) and written with printf redirection, in place: no process per file;
#   - /etc/hosts is merged line by line in bash (the block replaced, every other line kept);
#   - ONE `systemctl show` for both units; `enable --no-reload` only for units not enabled yet
#     (a plain `enable` reloads systemd, which costs a host about half a second of CPU), then ONE
#     `daemon-reload`, only when a unit file changed; ONE `restart` for the units whose files
#     changed or that are not running (a restart starts a stopped unit).
# It prints one line: written=N reloaded=0|1 enabled=N restarted=N, which the driver checks against the
# scenario, so a broken reference can never pass for a fast one.
#
# Test hooks (unset on lab hosts): BENCH_ROOT, a directory standing in for /; BENCH_SYSTEMCTL, the
# systemctl command (bench's ExpertScriptTest uses a stand-in, as no systemd runs in unit tests).
set -u
root=${BENCH_ROOT:-}
systemctl=${BENCH_SYSTEMCTL:-systemctl}
written=()

# put PATH CONTENT: writes CONTENT to PATH unless it is already there (builtins only).
put() {
  local f=$root$1 cur=
  if [[ -f $f ]]; then
    IFS= read -r -d '' cur <"$f" || true
    [[ $cur == "$2" ]] && return 0
  fi
  printf '%s' "$2" >"$f" || { echo "cannot write $1" >&2; exit 1; }
  written+=("$1")
}

# /etc/hosts: replace the managed block (or append it), keep every other line; in place, as Docker
# bind-mounts the file.
hosts=
IFS= read -r -d '' hosts <"$root/etc/hosts" || true
merged= inside=0 replaced=0
while IFS= read -r line; do
  if ((inside)); then
    [[ $line == '# END provisioner managed block'* ]] && inside=0 replaced=1
    continue
  fi
  if ((!replaced)) && [[ $line == '# BEGIN provisioner managed block'* ]]; then
    inside=1
    merged+=$block
    continue
  fi
  merged+=$line$'\n'
done <<<"${hosts%$'\n'}"
[[ -z $hosts ]] && merged=
((inside)) && merged=$hosts   # a BEGIN without END: keep the file as it was and append
((replaced)) || merged+=$block
put /etc/hosts "$merged"

[[ -d $root/etc/bench ]] || mkdir -p "$root/etc/bench"
for f in /etc/bench/a.env /etc/bench/b.env /etc/bench/app.yaml /etc/bench/app.json /etc/logrotate.d/bench \
         /etc/sysctl.d/90-bench.conf /etc/systemd/system/bench-a.service /etc/systemd/system/bench-b.service; do
  put "$f" "${want[$f]}"
done

# Which unit a changed file restarts (the Workload's RestartOnChange sets).
changed=" ${written[*]-} "
units=(bench-a.service bench-b.service)
declare -A trigger=(
  [bench-a.service]="/etc/systemd/system/bench-a.service /etc/bench/a.env /etc/bench/app.yaml /etc/bench/app.json"
  [bench-b.service]="/etc/systemd/system/bench-b.service /etc/bench/b.env")
# One systemctl for both units: blocks separated by an empty line, in the order asked.
i=0
declare -a active=() enabled=()
while IFS='=' read -r key value; do
  case $key in
    '') ((i++)) ;;
    ActiveState) active[i]=$value ;;
    UnitFileState) enabled[i]=$value ;;
  esac
done < <($systemctl show -p ActiveState -p UnitFileState "${units[@]}")

enable=() restart=()
for i in "${!units[@]}"; do
  u=${units[i]}
  [[ ${enabled[i]-} == enabled ]] || enable+=("$u")
  hit=0
  for f in ${trigger[$u]}; do [[ $changed == *" $f "* ]] && hit=1; done
  if ((hit)) || [[ ${active[i]-} != active ]]; then
    restart+=("$u")
  fi
done
((${#enable[@]})) && { $systemctl enable --no-reload "${enable[@]}" >/dev/null 2>&1 || exit 1; }
reloaded=0
if [[ $changed == *" /etc/systemd/system/bench-"* ]]; then
  $systemctl daemon-reload || exit 1
  reloaded=1
fi
((${#restart[@]})) && { $systemctl restart "${restart[@]}" || exit 1; }
echo "written=${#written[@]} reloaded=$reloaded enabled=${#enable[@]} restarted=${#restart[@]}"
