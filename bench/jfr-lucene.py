#!/usr/bin/env python3
"""JFR execution samples in Lucene, under Neo4j's trigram text index and under its full-text indexes, by thread
(docs/BENCHMARKS.md, "criteria(search:) from a word index"). Usage: jfr print --events jdk.ExecutionSample
--stack-depth 200 rec.jfr > samples.txt; bench/jfr-lucene.py samples.txt"""
import re, sys, collections
samples = []; stack = None; thread = None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("jdk.ExecutionSample"):
        stack, thread = [], None
    elif stack is not None and line.startswith("}"):
        samples.append((thread, stack)); stack = None
    elif stack is not None:
        m = re.search(r'sampledThread = "([^"]*)"', line)
        if m: thread = re.sub(r"[-#]?\d+$", "", m.group(1)); continue
        m = re.match(r"^\s+([\w$.<>]+)\(", line)
        if m: stack.append(m.group(1))
total = len(samples)
for label, pred in [("lucene", lambda s: any("org.apache.lucene" in f for f in s)),
                    ("trigram", lambda s: any(".trigram." in f or "Trigram" in f for f in s)),
                    ("fulltext", lambda s: any("impl.fulltext" in f for f in s))]:
    c = collections.Counter(t for t, s in samples if pred(s))
    print(label, sum(c.values()), dict(c.most_common(6)))
print("index population threads, all:", sum(1 for t, s in samples if t and "IndexPopulation" in t))
