#!/usr/bin/env python3
"""Aggregates JFR execution samples: top frames (self time), and the nearest frame of a package (where a sample's
time is spent, counted once per sample) plus inclusive counts of that package's methods.

    jfr print --events jdk.ExecutionSample --stack-depth 64 rec.jfr > samples.txt
    bench/jfr-top.py samples.txt [package-prefix] [only-under-frame]

package-prefix defaults to org.trialgraph.criteria.; only-under-frame (a substring of a frame, default
"EligibilityEngine.parse") keeps the samples whose stack contains it.
"""
import collections
import re
import sys

path = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else "org.trialgraph.criteria."
under = sys.argv[3] if len(sys.argv) > 3 else "EligibilityEngine.parse"

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
samples = []
stack = None
with open(path, encoding="utf-8") as f:
    for line in f:
        if line.startswith("jdk.ExecutionSample"):
            stack = []
        elif stack is not None and line.startswith("  ]"):
            samples.append(stack)
            stack = None
        elif stack is not None:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))

total = len(samples)
kept = [s for s in samples if any(under in fr for fr in s)]
n = len(kept)
print(f"samples: {total}, under {under}: {n}")


def show(title, counter, limit):
    print(f"\n{title}")
    for name, c in counter.most_common(limit):
        print(f"  {c:6d} {100.0 * c / n:5.1f} %  {name}")


show("top frames (self)", collections.Counter(s[0] for s in kept if s), 25)
nearest = collections.Counter()
inclusive = collections.Counter()
for s in kept:
    own = [fr for fr in s if fr.startswith(prefix)]
    if own:
        nearest[own[0][len(prefix):]] += 1
    for fr in set(own):
        inclusive[fr[len(prefix):]] += 1
show(f"nearest {prefix} frame (time spent in it or in what it calls outside the package)", nearest, 30)
show(f"inclusive {prefix} methods", inclusive, 40)
