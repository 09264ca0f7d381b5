"""M/M/1 in SimPy 3, for stroom's benchmark suite (bench/cases/mm1-simpy.ts runs it).

Written as the SimPy documentation writes queueing models: a source process that
starts one generator process per customer, and a Resource of capacity 1 that the
customer requests, holds for its service time and releases.

Usage: python3 bench/simpy_mm1.py <events> [--warmup HOURS] [--seed N]

<events> sets the run length as in the JavaScript cases: horizon = events / (2 * lambda)
hours after the warm-up. Events are counted as the engine counts them, one per arrival
and one per departure (2 per customer), not as SimPy's internal event objects (a
customer costs SimPy several: process start, request, timeout, release), so
events/sec here measures the same simulated work as in the other implementations.

Prints one JSON line: events, seconds (env.run only, by time.perf_counter), events_per_sec,
mean_wait, customers, simpy_version. Exits 3 with {"error": "missing"} if SimPy is absent.
"""

import json
import random
import sys
import time

LAMBDA = 0.9
MU = 1.0


def main():
    try:
        import simpy
    except ImportError:
        print(json.dumps({"error": "missing"}))
        sys.exit(3)

    args = sys.argv[1:]
    if not args:
        sys.exit("usage: simpy_mm1.py <events> [--warmup HOURS] [--seed N]")
    target_events = float(args[0])
    warmup = 10000.0
    seed = 1
    i = 1
    while i < len(args):
        if args[i] == "--warmup":
            warmup = float(args[i + 1])
        elif args[i] == "--seed":
            seed = int(args[i + 1])
        else:
            sys.exit("unknown argument " + args[i])
        i += 2
    horizon = target_events / (2 * LAMBDA)

    # One generator per source of randomness, like the JavaScript cases' named streams.
    arrivals = random.Random("%d/arrivals" % seed)
    service = random.Random("%d/service" % seed)

    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    # Mutable counters shared by the processes: [events, wait sum, customers counted].
    stats = [0, 0.0, 0]

    def customer(env, arrived):
        with server.request() as req:
            yield req
            if arrived >= warmup:
                stats[1] += env.now - arrived
                stats[2] += 1
            yield env.timeout(service.expovariate(MU))
        stats[0] += 1  # departure

    def source(env):
        while True:
            yield env.timeout(arrivals.expovariate(LAMBDA))
            stats[0] += 1  # arrival
            env.process(customer(env, env.now))

    env.process(source(env))
    t0 = time.perf_counter()
    env.run(until=warmup + horizon)
    seconds = time.perf_counter() - t0

    events, wait_sum, customers = stats
    print(json.dumps({
        "events": events,
        "seconds": seconds,
        "events_per_sec": events / seconds,
        "mean_wait": wait_sum / customers if customers else None,
        "customers": customers,
        "simpy_version": getattr(simpy, "__version__", "unknown"),
        "python_version": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
