#!/usr/bin/env python3
"""Where the CPU went in a JFR recording (bench/run-recommendation.sh profile): execution samples by thread, by the
innermost frame that belongs to a known part of the request (JWT, PostgreSQL client, Redis client, ALS scoring,
item-CF, the engine's rules, JSON, HTTP/Netty, ...), and the hottest methods by self time.

    python3 bench/jfr-top.py recording.jfr [top-N]

Uses the JDK's own `jfr print` (no other tool needed); only the execution samples of the JVM's Java threads are
counted, so the figures are shares of the service's sampled Java CPU, not of the machine.
"""
import collections
import re
import subprocess
import sys

# First match wins, from the innermost frame outwards: the order says which part a frame "belongs" to.
PARTS = [
    ("ALS scoring", re.compile(r"io\.lodestar\.recommendation\.als\.")),
    ("item-CF scoring", re.compile(r"io\.lodestar\.recommendation\.itemcf\.")),
    ("association / sequence", re.compile(r"io\.lodestar\.recommendation\.(association|sequence)\.")),
    ("popularity", re.compile(r"io\.lodestar\.recommendation\.popularity\.")),
    ("candidates + rules (engine)", re.compile(r"io\.lodestar\.recommendation\.serving\.(Candidates|RecommendationEngine)")),
    ("customer state (history weighting)", re.compile(r"io\.lodestar\.recommendation\.(serving\.CustomerState|interaction\.InteractionWeighting)")),
    ("row mapping (interactions)", re.compile(r"io\.lodestar\.recommendation\.interaction\.InteractionRepository")),
    ("JSON (Jackson)", re.compile(r"com\.fasterxml\.jackson\.")),
    ("JWT verification", re.compile(r"(io\.smallrye\.jwt|org\.jose4j|sun\.security|java\.security|javax\.crypto)")),
    ("PostgreSQL client", re.compile(r"io\.vertx\.pgclient|io\.vertx\.sqlclient")),
    ("Redis client", re.compile(r"io\.vertx\.redis|io\.quarkus\.redis")),
    ("UUID / random", re.compile(r"java\.util\.UUID|java\.security\.SecureRandom")),
    ("metrics", re.compile(r"io\.micrometer")),
    ("REST layer (RESTEasy Reactive)", re.compile(r"org\.jboss\.resteasy|io\.quarkus\.resteasy")),
    ("security (Quarkus)", re.compile(r"io\.quarkus\.security|io\.quarkus\.smallrye\.jwt|io\.quarkus\.vertx\.http\.runtime\.security")),
    ("Mutiny / Vert.x plumbing", re.compile(r"io\.smallrye\.mutiny|io\.vertx\.core|io\.smallrye\.context")),
    ("HTTP / Netty", re.compile(r"io\.netty|io\.vertx\.core\.http")),
    ("GC / JVM (Java frames)", re.compile(r"^(jdk\.internal|java\.lang\.ref)")),
]


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif s.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', s)
            thread = m.group(1) if m else "?"
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
        elif in_stack and s and s != "...":
            frames.append(re.sub(r"\s+line:.*$", "", s))
        elif s == "}" and thread is not None:
            yield thread, frames
            thread = None


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    by_thread, by_part, by_self, inclusive = (collections.Counter() for _ in range(4))
    total = 0
    for thread, frames in samples(path):
        total += 1
        by_thread[re.sub(r"-\d+$", "-N", thread)] += 1
        if frames:
            by_self[frames[0]] += 1
        part = "other"
        for frame in frames:
            hit = next((name for name, rx in PARTS if rx.search(frame)), None)
            if hit:
                part = hit
                break
        by_part[part] += 1
        seen = set()
        for frame in frames:
            for name, rx in PARTS[:8]:
                if name not in seen and rx.search(frame):
                    seen.add(name)
        for name in seen:
            inclusive[name] += 1
    if total == 0:
        print("no execution samples in", path)
        return
    print(f"{path}: {total} execution samples")
    print("\nby thread:")
    for name, n in by_thread.most_common(8):
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print("\nby part (innermost known frame):")
    for name, n in by_part.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print("\ninclusive (a sample counts for every part on its stack):")
    for name, n in inclusive.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print(f"\ntop {top} methods by self samples:")
    for name, n in by_self.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
