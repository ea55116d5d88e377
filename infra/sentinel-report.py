#!/usr/bin/env python3
"""The Sentinel rules in force and the last minute's traffic per resource of running services,
read from their Sentinel command ports (what a Sentinel dashboard reads): `./douyin sentinel`.

Usage: sentinel-report.py NAME=[HOST:]PORT ...

Read-only commands only. Never `getRules?type=system` (nor `metric`, `systemStatus`): their first
call loads Sentinel's SystemRuleManager, whose class start runs a task reading the OS load every
second for the rest of the JVM's life, which SlotChainWithoutSystemRules keeps away. No system rule
can apply anyway: our slot chain has no system slot.
"""
import json
import sys
import urllib.error
import urllib.request

TIMEOUT_S = 3

AUTHORITY_STRATEGIES = {0: "whitelist", 1: "blacklist"}


class NotAnswering(Exception):
    pass


def fetch(address, command):
    """The command's answer as JSON; [] for an empty answer; a str (the answer) if it is not JSON."""
    try:
        with urllib.request.urlopen(f"http://{address}/{command}", timeout=TIMEOUT_S) as answer:
            text = answer.read().decode("utf-8", "replace").strip()
    except urllib.error.HTTPError as error:  # an unknown command, a failed one: Sentinel answers 400/500
        return error.read().decode("utf-8", "replace").strip() or f"HTTP {error.code}"
    except (OSError, ValueError) as error:
        raise NotAnswering(str(getattr(error, "reason", error))) from error
    if not text or text == "null":
        return []
    try:
        return json.loads(text)
    except ValueError:
        return text


def num(value):
    """3.0 -> 3, 0.5 -> 0.5, None -> ?"""
    if value is None:
        return "?"
    return f"{value:g}" if isinstance(value, float) else str(value)


def seconds(ms):
    return num(ms / 1000) if isinstance(ms, (int, float)) else "?"


def from_app(rule):
    app = rule.get("limitApp")
    return "" if app in (None, "", "default") else f", from {app}"


def cap(rule, per_seconds=1):
    """qps rules: '<= 50000/s' (or '<= 5 per 60 s'); thread rules: '<= 8 threads'."""
    grade, limit = rule.get("grade"), num(rule.get("count"))
    if grade == 0:
        return f"<= {limit} threads"
    if grade == 1:
        return f"<= {limit}/s" if per_seconds == 1 else f"<= {limit} per {num(per_seconds)} s"
    return f"grade {grade}?"


def flow(rule):
    text = cap(rule)
    behaviour = rule.get("controlBehavior", 0)
    if behaviour in (1, 3):
        text += f", warm-up {num(rule.get('warmUpPeriodSec'))} s"
    if behaviour in (2, 3):
        text += f", queued up to {num(rule.get('maxQueueingTimeMs'))} ms"
    strategy = rule.get("strategy", 0)
    if strategy == 1:
        text += f", counted on {rule.get('refResource')}"
    elif strategy == 2:
        text += f", entered via {rule.get('refResource')}"
    if rule.get("clusterMode"):
        text += ", cluster"
    return text + from_app(rule)


def degrade(rule):
    window = f"of >= {num(rule.get('minRequestAmount'))} calls in {seconds(rule.get('statIntervalMs'))} s"
    opens = f"open {num(rule.get('timeWindow'))} s"
    grade = rule.get("grade")
    if grade == 0:
        ratio = rule.get("slowRatioThreshold")
        share = num(ratio * 100) if isinstance(ratio, (int, float)) else "?"
        what = f"slow (> {num(rule.get('count'))} ms) > {share} %"
    elif grade == 1:
        count = rule.get("count")
        what = f"errors > {num(count * 100) if isinstance(count, (int, float)) else '?'} %"
    elif grade == 2:
        what = f"errors > {num(rule.get('count'))}"
    else:
        what = f"grade {grade}?"
    return f"{what} {window}: {opens}{from_app(rule)}"


def param_flow(rule):
    text = f"arg {num(rule.get('paramIdx'))}: each value {cap(rule, rule.get('durationInSec', 1))}"
    if rule.get("burstCount"):
        text += f" (+{num(rule.get('burstCount'))} burst)"
    items = rule.get("paramFlowItemList") or []
    if items:
        text += ", except " + ", ".join(f"{item.get('object')} <= {num(item.get('count'))}" for item in items)
    if rule.get("clusterMode"):
        text += ", cluster"
    return text + from_app(rule)


def authority(rule):
    return f"{AUTHORITY_STRATEGIES.get(rule.get('strategy'), '?')}: {rule.get('limitApp')}"


RULE_KINDS = [  # kind, command, rendering
    ("flow", "getRules?type=flow", flow),
    ("param-flow", "getParamFlowRules", param_flow),
    ("degrade", "getRules?type=degrade", degrade),
    ("authority", "getRules?type=authority", authority),
]


def count(node, key):
    value = node.get(key)
    return value if isinstance(value, (int, float)) else 0


def report(name, address):
    """Prints the service's rules and resources; False if its command port does not answer."""
    try:
        nodes = fetch(address, "clusterNode")
    except NotAnswering:
        return False
    print(f"{name}  {address}")
    rules, notes, empty = [], [], []
    for order, (kind, command, render) in enumerate(RULE_KINDS):
        try:
            answer = fetch(address, command)
        except NotAnswering as reason:
            answer = f"no answer ({reason})"
        if isinstance(answer, str):
            notes.append(f"{kind} rules unreadable: {answer[:80]}")
        elif not answer:
            empty.append(kind)
        else:
            for rule in answer if isinstance(answer, list) else [answer]:
                if isinstance(rule, dict):
                    rules.append((order, kind, str(rule.get("resource", "?")), render(rule)))
    if isinstance(nodes, str):
        notes.append(f"resources unreadable: {nodes[:80]}")
    if not isinstance(nodes, list):
        nodes = []
    busy = sorted((n for n in nodes if isinstance(n, dict) and (count(n, "oneMinuteTotal") or count(n, "threadNum"))),
                  key=lambda n: str(n.get("resource")))
    width = max([len(resource) for _, _, resource, _ in rules] + [len(str(n.get("resource"))) for n in busy] + [24])

    for _, kind, resource, text in sorted(rules):
        print(f"  {kind:<12}{resource:<{width}}  {text}")
    print(f"  (no {', '.join(empty)} rules; system rules never apply: no system slot)" if empty
          else "  (system rules never apply: no system slot)")
    for note in notes:
        print(f"  ({note})")

    print(f"  {'last minute':<12}{'resource':<{width}}  {'pass':>8} {'block':>7} {'exc':>6} {'rt ms':>6} {'thr':>4}")
    for node in busy:
        print(f"  {'':<12}{str(node.get('resource')):<{width}}  {count(node, 'oneMinutePass'):>8} {count(node, 'oneMinuteBlock'):>7}"
              f" {count(node, 'oneMinuteException'):>6} {count(node, 'averageRt'):>6} {count(node, 'threadNum'):>4}")
    idle = len([n for n in nodes if isinstance(n, dict)]) - len(busy)
    if not busy:
        print(f"  {'':<12}(no traffic in the last minute; {idle} resource{'s' if idle != 1 else ''} known)")
    elif idle:
        print(f"  {'':<12}({idle} more resource{'s' if idle != 1 else ''} without traffic in the last minute)")
    print()
    return True


LEGEND = ("pass, block, exc: the last 60 s (exc: traced exceptions, among the passed); rt ms: average time\n"
          "of the entries completed in the last second (0: none); thr: entries in flight now. flow caps a\n"
          "resource's requests a second (or threads), param-flow those of each value of one argument (each\n"
          "client IP), degrade opens a circuit breaker for the time given.")


def main(targets):
    if not targets:
        sys.exit(__doc__)
    silent = []
    for target in targets:
        name, _, address = target.partition("=")
        address = address if ":" in address else f"127.0.0.1:{address}"
        if not report(name, address):
            silent.append(f"{name} ({address.rpartition(':')[2]})")
    if len(silent) == len(targets):
        sys.exit(f"No Sentinel command port answered ({', '.join(silent)}): is the system up? (./douyin status)")
    if silent:
        print(f"not answering, skipped: {', '.join(silent)}\n")
    print(LEGEND)


if __name__ == "__main__":
    main(sys.argv[1:])
