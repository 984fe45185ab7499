# inc-plan.t - inc-plan check, show and its usage errors (the generated
# pages are in manpages.t).  Fixtures in tests/cmd/inc-plan/: tiny.yaml,
# a small complete plan with hostile texts, and broken copies of it.
. tests/lib.sh
D=tests/cmd/inc-plan
plan 69

# check
check_out 'check: the embedded plan is valid, silently' 'exit 0' \
    'inc-plan check 2>&1; echo "exit $?"'
check_out 'check: the shipped plan file is valid, silently' 'exit 0' \
    'inc-plan check share/inc/plan.yaml 2>&1; echo "exit $?"'
check_out 'check: tiny.yaml is valid, silently' 'exit 0' \
    "inc-plan check $D/tiny.yaml 2>&1; echo \"exit \$?\""
check 'check -v: one summary line naming the counts' \
    'out=$(inc-plan check -v share/inc/plan.yaml) &&
     [ $(echo "$out" | wc -l) -eq 1 ] &&
     echo "$out" | grep -q "7 categories, 33 subtypes, .* 5 obligations, 6 procedures, 29 steps"'
check 'check --verbose is -v' \
    'inc-plan check --verbose $D/tiny.yaml | grep -q "^$D/tiny.yaml: 1 categories"'

check_status 2 'check: unknown key exits 2' "inc-plan check $D/unknown-key.yaml"
check_out 'check: unknown key named at file:line:column, no prefix' \
    "$D/unknown-key.yaml:14:9: unknown key \"keyword\" in subtype" \
    "inc-plan check $D/unknown-key.yaml 2>&1"
check_status 2 'check: YAML syntax error exits 2' "inc-plan check $D/syntax.yaml"
check_out 'check: YAML syntax error at file:line:column' \
    "$D/syntax.yaml:5:38: did not find expected ',' or ']'" \
    "inc-plan check $D/syntax.yaml 2>&1"
check_status 2 'check: several problems exit 2' "inc-plan check $D/several.yaml"
check_out 'check: every problem reported, one line each, in file order' \
    $D/several.err "inc-plan check $D/several.yaml 2>&1 >/dev/null"
check 'check: problems go to standard error, nothing to standard output' \
    "[ -z \"\$(inc-plan check $D/several.yaml 2>/dev/null)\" ]"
check_out 'check: a missing file is named' \
    "$D/nonexistent.yaml: No such file or directory
exit 2" "inc-plan check $D/nonexistent.yaml 2>&1; echo \"exit \$?\""
check_out 'check without FILE checks $INC_PLAN' \
    "$D/unknown-key.yaml:14:9: unknown key \"keyword\" in subtype" \
    "INC_PLAN=$D/unknown-key.yaml inc-plan check 2>&1"
check_out 'check without FILE checks --plan before $INC_PLAN' 'exit 0' \
    "INC_PLAN=$D/several.yaml inc-plan --plan $D/tiny.yaml check; echo \"exit \$?\""
check_out 'check FILE wins over --plan' \
    "$D/syntax.yaml:5:38: did not find expected ',' or ']'" \
    "inc-plan --plan $D/tiny.yaml check $D/syntax.yaml 2>&1"
check_out 'check -: the plan on standard input' \
    "(stdin):14:9: unknown key \"keyword\" in subtype
exit 2" "inc-plan check - <$D/unknown-key.yaml 2>&1; echo \"exit \$?\""
check_out 'check -: a valid plan on standard input' 'exit 0' \
    'inc-plan check - <share/inc/plan.yaml 2>&1; echo "exit $?"'
check_status 2 'show: a broken plan in force is an error' \
    "INC_PLAN=$D/several.yaml inc-plan show"
check 'show: a broken plan in force is reported with the prefix' \
    "INC_PLAN=$D/unknown-key.yaml inc-plan show 2>&1 >/dev/null |
     grep -qx 'inc-plan: $D/unknown-key.yaml:14:9: unknown key \"keyword\" in subtype'"

# show, text
inc-plan show --format json >"$T/plan.json"
inc-plan --lang en show >"$T/en.txt"
inc-plan --lang zh show >"$T/zh.txt"
check 'show: text names every person of every unit, in both languages' \
    'jq -r ".organisation.units[].members[].name" "$T/plan.json" >"$T/names" &&
     [ -s "$T/names" ] && while read -r n; do
	grep -q "$n" "$T/en.txt" && grep -q "$n" "$T/zh.txt" || exit 1
     done <"$T/names"'
check 'show: text carries every unit phone, with the duty phones' \
    'jq -r ".organisation.units[].phones[]" "$T/plan.json" >"$T/phones" &&
     [ $(wc -l <"$T/phones") -ge 2 ] && while read -r p; do
	grep -q "Duty phones: .*$p" "$T/en.txt" &&
	grep -q "值班电话: .*$p" "$T/zh.txt" || exit 1
     done <"$T/phones"'
check 'show: the duty phones of the source, 0759-2733796 and 0759-2733063' \
    'grep -q "0759-2733796, 0759-2733063" "$T/en.txt"'
check 'show: every step starts its own line with its number' \
    'for n in 1 2 3 4 5 6 7; do grep -q "^    $n\. " "$T/en.txt" || exit 1; done &&
     [ $(grep -c "^    [0-9]\. " "$T/en.txt") -eq 29 ]'
check 'show: each step text of the plan is in the text (en)' \
    'jq -r ".procedures[].steps[].text.en" "$T/plan.json" |
     cut -d" " -f1-4 | while read -r w; do
	tr -s " \n" "  " <"$T/en.txt" | grep -qF "$w" || exit 1; done'
check 'show: every subtype id with its name' \
    'jq -r ".categories[].subtypes[] | .id + \" \" + .name.en" "$T/plan.json" |
     while read -r l; do tr -s " \n" "  " <"$T/en.txt" | grep -qF " $l" || exit 1; done'
check 'show --lang en: English labels' \
    'grep -q "^== Obligations" "$T/en.txt" && grep -q "^== Procedures" "$T/en.txt" &&
     ! grep -q "报告义务" "$T/en.txt"'
check 'show --lang zh: Chinese labels' \
    'grep -q "^== 报告义务" "$T/zh.txt" && grep -q "^== 应急处置程序" "$T/zh.txt" &&
     ! grep -q "^== Obligations" "$T/zh.txt"'
check 'show: --lang defaults from $LANG' \
    'LANG=zh_CN.UTF-8 inc-plan show | grep -q "^== 报告义务" &&
     LANG=en_US.UTF-8 inc-plan show | grep -q "^== Obligations"'
check_status 2 'show: --lang must be zh or en' 'inc-plan --lang fr show'
check 'show: the level matrix, aligned' \
    'grep -A4 "^== Grading" "$T/en.txt" | grep -q "^  critical           I        II       III           IV$"'
check_out 'show: tiny.yaml as text, in English' $D/tiny.en.txt \
    "inc-plan --plan $D/tiny.yaml --lang en show"
check_out 'show: tiny.yaml as text, in Chinese (CJK columns aligned)' \
    $D/tiny.zh.txt "inc-plan --plan $D/tiny.yaml --lang zh show"
check_out 'show: the window of every rule (or the default), its threshold, key and group, in English' \
    $D/grouping.en.txt "inc-plan --plan $D/grouping.yaml --lang en show |
    awk '/^== /{p=/^== Detection/} p'"
check_out 'show: the window of every rule (or the default), its threshold, key and group, in Chinese' \
    $D/grouping.zh.txt "inc-plan --plan $D/grouping.yaml --lang zh show |
    awk '/^== /{p=/^== 检测规则/} p'"
check 'show: the shipped sshd failures at 5 within 10m, the port scan at 10 ports in 1m' \
    'inc-plan --lang en show >$T/g.txt &&
     grep -A5 "^  sshd-failed-password " $T/g.txt | grep -qx "      window: 10m; threshold: 5; by: host, address (default); group: ssh-login-failures" &&
     grep -A5 "^  firewall-block " $T/g.txt | grep -qx "      window: 1m; threshold: 10 distinct port; by: host, address"'
check 'show: text carries no terminal control from the plan' \
    "! inc-plan --plan $D/tiny.yaml show | grep -q \"\$(printf '\\033')\""
check 'show: --now is accepted' \
    'inc-plan --now 2026-11-24T09:00:00+08:00 show >/dev/null'

# show, JSON
check 'show --format json: valid for jq' 'jq -e . "$T/plan.json" >/dev/null'
check 'show --format json: valid for python3 -m json.tool' \
    'python3 -m json.tool "$T/plan.json" >/dev/null'
check_out 'json: 7 categories, 33 subtypes (一(五)1)' '7 33' \
    'jq -r "[(.categories | length), ([.categories[].subtypes[]] | length)] | join(\" \")" "$T/plan.json"'
check_out 'json: 12 matrix cells, the table of DESIGN' \
    'I II III IV II III IV IV III IV IV IV' \
    'jq -r "[.grading.matrix | (.critical, .important, .general) | (.extreme, .serious, .considerable, .minor)] | join(\" \")" "$T/plan.json"'
check_out 'json: social impact to level' 'I II III IV' \
    'jq -r "[.grading.impact | (.extreme, .major, .considerable, .general)] | join(\" \")" "$T/plan.json"'
check_out 'json: 5 obligations with their deadlines' \
    'initial-report 3600 police-report 3600 risk-assessment 7200 leaders-report 7200 handling-report closed' \
    'jq -r "[.obligations[] | .id, (.within_seconds // .before)] | map(tostring) | join(\" \")" "$T/plan.json"'
check_out 'json: leaders-report for levels I and II only' 'I II' \
    'jq -r ".obligations[] | select(.id == \"leaders-report\") | .levels | join(\" \")" "$T/plan.json"'
check_out 'json: 6 procedures, steps 5 5 7 3 4 5' \
    'system-failure 5 network-attack 5 virus-outbreak 7 machine-room-fire 3 machine-room-water 4 device-server-anomaly 5' \
    'jq -r "[.procedures[] | .id, (.steps | length)] | map(tostring) | join(\" \")" "$T/plan.json"'
check 'json: steps numbered 1..n, each with both texts' \
    '! jq -e ".procedures[] | .steps | to_entries[] | select(.value.n != .key + 1 or .value.text.zh == null or .value.text.en == null)" "$T/plan.json" >/dev/null'
check_out 'json: the leading group of 二(一), every member in order' \
    '罗红霞 李康养 颜荣生 戴红娣 宋晓燕 孙康荣 叶就 郭瑜 陈钊 朱阅峰 张雅娟' \
    'jq -r "[.organisation.units[] | select(.id == \"leading-group\") | .members[].name] | join(\" \")" "$T/plan.json"'
check_out 'json: the duty office and its phones' 'office 0759-2733796 0759-2733063' \
    'jq -r ".organisation.duty as \$d | [\$d, (.organisation.units[] | select(.id == \$d) | .phones[])] | join(\" \")" "$T/plan.json"'
check 'json: every person of the plan file' \
    'for n in $(grep -o "{name: [^,]*" share/inc/plan.yaml | cut -d" " -f2 | sort -u); do
	jq -e --arg n "$n" "[.organisation.units[].members[].name] | index(\$n)" "$T/plan.json" >/dev/null || exit 1
     done'
check 'json: every subtype but other/other has keywords' \
    'jq -r ".categories[] | .id as \$c | .subtypes[] | \"\(\$c) \(.id) \(.keywords | length)\"" "$T/plan.json" |
     while read -r c s k; do [ "$k" -gt 0 ] || [ "$c" = other ] || exit 1; done'
check_out 'json: tiny.yaml, every key' $D/tiny.json \
    "inc-plan --plan $D/tiny.yaml show --format json"
check_out 'json: the grouping of each rule and the default window' \
    $D/grouping.json "inc-plan --plan $D/grouping.yaml show --format json | jq .detection"
check 'json: hostile text escaped, parsed back the same' \
    "inc-plan --plan $D/tiny.yaml show --format json |
     jq -r '.procedures[0].steps[2].text.en' | grep -qxF \"'Quoted start, a back\\\\slash. A second sentence.\""
check 'a plan text with an escape to ESC (\\e) is refused, not shown' \
    "sed 's/A second sentence./& \\\\e[2J/' $D/tiny.yaml >$T/esc.yaml;
     inc-plan --plan $T/esc.yaml show >$T/o 2>$T/e; [ \$? -eq 2 ] && [ ! -s $T/o ] &&
     grep -q 'esc.yaml:62:[0-9]*: control character U+001B' $T/e"
check_status 2 'show: an unknown --format is an error' 'inc-plan show --format xml'

# usage
check_status 2 'no subcommand: usage, exit 2' 'inc-plan'
check 'no subcommand: usage on standard error' \
    'inc-plan 2>&1 >/dev/null | grep -q "^usage: inc-plan "'
check_status 2 'unknown subcommand' 'inc-plan frobnicate'
check_status 2 'extra argument to show' 'inc-plan show extra'
check_status 2 'two files to check' "inc-plan check $D/tiny.yaml $D/tiny.yaml"
check_status 2 'man without DIR' 'inc-plan man'
check_status 2 'an unknown option' 'inc-plan --frobnicate show'
check 'help: usage on standard output, exit 0' \
    'inc-plan --help | grep -q "^usage: inc-plan "'
check 'version' 'inc-plan --version | grep -q "^inc-plan [0-9]"'
check_status 2 'show > /dev/full: a write error exits 2' 'inc-plan show >/dev/full'
check 'show | head: a closed pipe ends quietly' \
    'inc-plan show 2>"$T/err" | head -n 1 >/dev/null && [ ! -s "$T/err" ]'
check_status 2 'show --format json > /dev/full exits 2' \
    'inc-plan show --format json >/dev/full'
check_status 2 'check -v > /dev/full exits 2' 'inc-plan check -v >/dev/full'
