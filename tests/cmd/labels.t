#!/bin/sh
# labels.t - contacts as they are and one set of words: a unit without
# phones of its own is shown reached through the office (by name and
# number), never with the office's numbers as its own, in both languages
# and in every program that shows it; a plan may give the unit its own
# phones; notices and reports say a state with the same word; Chinese
# reports carry no English id where a Chinese name exists.
. tests/lib.sh
plan 19

NOW='--now 2026-11-25T00:05:00+08:00'
E=share/examples
OFFICE=区政府网络与信息安全应急领导小组办公室
inc-classify $NOW $E/incidents.rec | inc-checklist $NOW | inc-escalate $NOW \
    >"$T/inc.rec" 2>/dev/null
inc-escalate --notices $NOW --lang zh "$T/inc.rec" >"$T/zh.notices"
inc-escalate --notices $NOW --lang en "$T/inc.rec" >"$T/en.notices"
inc-report --lang zh $NOW "$T/inc.rec" >"$T/zh.report"
inc-report --lang zh $NOW --format markdown "$T/inc.rec" >"$T/zh.md"
inc-report --lang zh $NOW --incident inc-20261124-0002 "$T/inc.rec" \
    >"$T/zh.handling"
# The plan with a number for the police: a district that has one.
sed '/^    - id: police$/a\      phones: [0759-1234567]' share/inc/plan.yaml \
    >"$T/police.yaml"

check 'zh notice: the police reached through the office, by name and number' \
    "grep -qF '通知 区公安分局（预案未列其电话，经${OFFICE}联系，电话 0759-2733796、0759-2733063）' $T/zh.notices"
check 'en notice: the same' \
    "grep -qF 'tell District Public Security Bureau (no phone of its own in the plan: through Office of the District Government Network and Information Security Emergency Leading Group, phones 0759-2733796, 0759-2733063)' $T/en.notices"
# Each "tell" of a notice on a line of its own; the office's own excepted.
sed 's/；/\n/g' "$T/zh.notices" | grep '^通知 ' | grep -v "^通知 ${OFFICE}（" >"$T/zh.tell"
sed 's/; /\n/g' "$T/en.notices" | grep '^tell ' | grep -v '^tell Office of' >"$T/en.tell"
check 'no notice gives a unit the office numbers as its own' \
    "[ -s $T/zh.tell ] && [ -s $T/en.tell ] &&
     ! grep -E '^通知 [^（]*(（[^；）]*）)?，电话' $T/zh.tell &&
     ! grep -E '^tell [^(]*(\\([^;)]*\\))?, phones' $T/en.tell"
check 'the office itself keeps its own numbers' \
    "grep -qF '通知 ${OFFICE}（主任 陈钊），电话 0759-2733796、0759-2733063' $T/zh.notices"
check 'a unit with its head: the head, then how it is reached' \
    "grep -qF '通知 区政府网络与信息安全应急领导小组（组长 罗红霞；预案未列其电话，经${OFFICE}联系' $T/zh.notices"
check 'inc-plan show (zh): the police reached through the office' \
    "inc-plan show --lang zh | sed -n '/^  police  /,/^\$/p' | grep -qF '电话: 预案未列其电话，经 ${OFFICE}：'"
check 'inc-plan show (en): the same' \
    "inc-plan show --lang en | sed -n '/^  police  /,/^\$/p' | grep -qF 'Phones: none of its own in the plan; through Office'"
check 'a plan that gives the police a number: it is checked valid' \
    "inc-plan check $T/police.yaml"
check 'and the notices give that number, as the police own' \
    "inc-escalate --plan $T/police.yaml --notices $NOW --lang zh $T/inc.rec >$T/p.notices;
     grep -qF '通知 区公安分局，电话 0759-1234567；' $T/p.notices && ! grep -q '区公安分局（预案未列' $T/p.notices"
check 'and inc-plan show too' \
    "inc-plan --plan $T/police.yaml show --lang en | sed -n '/^  police  /,/^\$/p' | grep -qx '    Phones: 0759-1234567'"
check 'tsv: the phones column has the number that reaches the unit' \
    "inc-escalate --plan $T/police.yaml --notices --format tsv $NOW $T/inc.rec | awk -F'\\t' '\$2 == \"police-report\" {print \$9}' | sort -u | grep -qx 0759-1234567"

# One word for a state, in notices and reports.
check 'overdue: 逾期未报 in the notices and in the report' \
    "grep -q '逾期未报 ' $T/zh.notices && grep -q '  逾期未报  ' $T/zh.report"
check 'pending: 未到期 in the notices and in the handling report' \
    "grep -q '）未到期，' $T/zh.notices && grep -q '  未到期  ' $T/zh.handling"
check 'the old words are gone from the notices' \
    "! grep -qE '）(待办|逾期) ' $T/zh.notices"
check 'zh notice: the event a duty precedes in words, not its field' \
    "grep -qF '（在 事件关闭 之前）' $T/zh.notices && ! grep -q 'closed' $T/zh.notices"

# One word for the address of an incident made from alerts.
A=tests/cmd/escalate/alerts.rec
check 'address: 源地址 in the notices, the day report and the handling report' \
    "inc-escalate --notices $NOW --lang zh $A | grep -q '，源地址 203.0.113.5，' &&
     inc-report --lang zh --day 2026-11-24 $A | grep -q '  告警数  源地址  ' &&
     inc-report --lang zh $NOW --incident inc-20261124-5f3a9c2e71b4 $A | grep -qx '源地址: 203.0.113.5'"
check 'address: the same word in English' \
    "inc-escalate --notices $NOW --lang en $A | grep -q ' from 203.0.113.5, \|; address 198.51.100.23' &&
     inc-report --lang en --day 2026-11-24 $A | grep -q '  alerts  address  ' &&
     inc-report --lang en $NOW --incident inc-20261124-7e8f90a1b2c3 $A | grep -qx 'address: 198.51.100.23'"

# No English id where the plan has a Chinese name.
inc-plan show --format json | jq -r '.obligations[].id, .categories[].id, .systems[].id,
    .importance[].id, .loss[].id' >"$T/ids"
check 'zh day report (text and markdown): no obligation, category or system id' \
    "sed 's/portal slow.*//; s/portal front.*//; s/DDoS on the portal.*//' $T/zh.report $T/zh.md >$T/zh.both;
     ! grep -wF -f $T/ids $T/zh.both"
check 'zh handling report: none either (the procedure excepted)' \
    "! grep -wF -f $T/ids $T/zh.handling | grep -v '^标题\\|定级依据\\|(network-attack, 四(二))' | grep -q ."
