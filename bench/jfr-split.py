#!/usr/bin/env python3
"""Splits the JFR execution samples of an `import` by thread and, for the samples under the writer's transaction,
by what the database does (docs/BENCHMARKS.md, "Incremental import: CPU per study").

    jfr print --events jdk.ExecutionSample --stack-depth 200 rec.jfr > samples.txt
    bench/jfr-split.py samples.txt

A sample counts once, in the first category (in the order below) whose frame substring occurs in its stack.
"""
import collections
import re
import sys

THREAD = re.compile(r'sampledThread = "([^"]*)"')
FRAME = re.compile(r"^\s+([\w$.<>]+)\(")

# (category, substrings of a frame); checked in this order, the first match wins.
CATEGORIES = [
    ("criteria engine", ["org.trialgraph.criteria."]),
    ("JSON reading and mapping", ["org.trialgraph.ingest.StudyReader", "org.trialgraph.ingest.ApiV2StudyMapper"]),
    ("row building", ["org.trialgraph.ingest.TrialRows"]),
    ("commit: index updates", ["IndexUpdates", "IndexTransactionApplier", "org.apache.lucene", "IndexingService",
                               "indexUpdates", "IndexUpdateListener"]),
    ("commit: store apply, commands, log", ["KernelTransactionImplementation.commit", "TransactionCommitProcess",
                                            "createCommands", "TransactionRepresentationCommitProcess",
                                            "InternalTransactionCommitProcess"]),
    ("Cypher planning", ["org.neo4j.cypher.internal.compiler", "org.neo4j.cypher.internal.planner",
                         "CypherPlanner", "logical.plans"]),
    ("Cypher execution", ["org.neo4j.cypher.internal.runtime", "org.neo4j.cypher.internal.slotted",
                          "org.neo4j.cypher.internal.pipelined", "org.neo4j.codegen", "GeneratedQuery",
                          "org.neo4j.kernel.impl.newapi"]),
    ("Bolt and driver transport", ["io.netty", "org.neo4j.bolt", "org.neo4j.driver", "packstream"]),
    ("start-up (Spring, class loading)", ["org.springframework", "java.lang.ClassLoader", "jdk.internal.loader"]),
]

samples = []
thread = None
stack = None
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.startswith("jdk.ExecutionSample"):
            stack, thread = [], None
        elif stack is not None and line.startswith("}"):
            samples.append((thread, stack))
            stack = None
        elif stack is not None:
            m = THREAD.search(line)
            if m:
                thread = m.group(1)
                continue
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))

total = len(samples)
print(f"samples: {total}")
threads = collections.Counter(re.sub(r"[-#]?\d+$", "", t or "?") for t, _ in samples)
print("\nby thread (numbers at the end of names folded):")
for name, n in threads.most_common(15):
    print(f"  {100 * n / total:5.1f} %  {n:6d}  {name}")

categories = collections.Counter()
for _, stack in samples:
    joined = stack
    for name, needles in CATEGORIES:
        if any(needle in frame for frame in joined for needle in needles):
            categories[name] += 1
            break
    else:
        categories["other"] += 1
print("\nby category (all threads):")
for name, n in categories.most_common():
    print(f"  {100 * n / total:5.1f} %  {n:6d}  {name}")
