#!/usr/bin/env python3
"""Two builds of the portal, timed in turns by one client, for changes smaller than the machine's drift.

A change worth a tenth of a millisecond is lost between two measurements taken minutes apart: on a shared 2-core
machine the same code measures ±0.02 of the lookup ratio from one run to the next (docs/performance.md). Here the
old build and the new one run at once, and every request to one is followed by the same request to the other, so
whatever the machine does falls on both. Each line of output is one round of every kind of request:

- a static file (the same code in both builds: the method's own noise),
- the lookup page without a code (no Mimeeq call),
- the lookup with the stand-in answering at once,

each after a pause of --pause-ms, as a request after a wait is what the outside figure measures; and

- the lookup with the stand-in answering after --latency-ms, taken in turns with the same call made directly to
  the stand-in, which is how load/outside-lookup.py measures its ratio.

It uses outside-lookup.py's stand-in (Mimeeq's get-product-info and the demo's key hook), so both portals point
their demo tenant at it. Start them in two shells, each from its own copy of Payara's runtime directory and
without the ahead-of-time cache: the launcher takes its root directory from where its classes were loaded, which
the cache records as the directory it was trained in, so two portals with the cache share one directory and the
second serves the first one's WAR (docs/performance.md, "Streams off the request path…", has the commands). Check
each portal's log for its WAR deployed and nothing that "cannot be loaded", then e.g.:

    python3 load/side-by-side.py --portal http://127.0.0.1:18320/ --portal http://127.0.0.1:18330/ --password '<sales>'
"""
import argparse
import importlib.util
import pathlib
import statistics
import time

_spec = importlib.util.spec_from_file_location("outside_lookup", pathlib.Path(__file__).with_name("outside-lookup.py"))
outside = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(outside)

LOOKUP = "/products/lookup?code=OUT123"
DIRECT = "/get-product-info?shortCode=OUT123&quantity=1"


class Client(outside.Browser):
    """outside-lookup.py's browser, which opens its connection again when a portal closed an idle one."""

    def request(self, method, path, body=None, headers=None):
        try:
            return super().request(method, path, body, headers)
        except OSError:
            self.connection.close()
            return super().request(method, path, body, headers)


def sign_in(browser, username, password, seconds=60):
    """Signs in, trying again for a while: right after its start a portal may answer /login before its form is whole."""
    deadline = time.time() + seconds
    while True:
        try:
            return browser.sign_in(username, password)
        except (AttributeError, SystemExit):
            if time.time() > deadline:
                raise
            time.sleep(1)


def timed(call):
    started = time.perf_counter()
    status, _ = call()
    if status != 200:
        raise SystemExit(f"a request answered {status}")
    return (time.perf_counter() - started) * 1000


def main():
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--portal", action="append", required=True, help="twice: the old build, then the new one")
    options.add_argument("--username", default="sales@demo.example")
    options.add_argument("--password", required=True)
    options.add_argument("--port", type=int, default=18700, help="the stand-in's port")
    options.add_argument("--latency-ms", type=int, default=20)
    options.add_argument("--pause-ms", type=int, default=20)
    options.add_argument("--hot-warmup", type=int, default=30000, help="lookups on each portal first, for C2")
    options.add_argument("--rounds", type=int, default=600, help="requests per portal per kind and line")
    options.add_argument("--lines", type=int, default=3)
    args = options.parse_args()
    if len(args.portal) != 2:
        raise SystemExit("--portal twice: the old build, then the new one")

    latency = [0]
    outside.stand_in(args.port, latency)
    for portal in args.portal:
        outside.wait_for(portal)
    signed_in = [Client(portal) for portal in args.portal]
    anonymous = [Client(portal) for portal in args.portal]
    for browser in signed_in:
        sign_in(browser, args.username, args.password)
    direct = Client(f"http://127.0.0.1:{args.port}/")
    for _ in range(args.hot_warmup):
        for browser in signed_in:
            timed(lambda: browser.request("GET", LOOKUP))

    kinds = {
        "static file": lambda i: anonymous[i].request("GET", "/static/portal.css"),
        "lookup page, no code": lambda i: signed_in[i].request("GET", "/products/lookup"),
        "lookup, stand-in at once": lambda i: signed_in[i].request("GET", LOOKUP),
    }
    heading = list(kinds) + [f"lookup, {args.latency_ms} ms", "the direct call"]
    print("| line | " + " | ".join(heading) + " |")
    print("|---" * (len(heading) + 1) + "|")
    differences = {kind: [] for kind in heading[:-1]}
    for line in range(1, args.lines + 1):
        cells = []
        for kind, call in kinds.items():
            times = ([], [])
            for _ in range(args.rounds):
                for i in (0, 1):
                    time.sleep(args.pause_ms / 1000)
                    times[i].append(timed(lambda: call(i)))
            old, new = statistics.median(times[0]), statistics.median(times[1])
            differences[kind].append(new - old)
            cells.append(f"{old:.2f} / {new:.2f} ms")
        latency[0] = args.latency_ms
        times = ([], [], [])
        for _ in range(args.rounds):
            for i in (0, 1):
                times[i].append(timed(lambda: signed_in[i].request("GET", LOOKUP)))
            times[2].append(timed(lambda: direct.request("GET", DIRECT, headers={"X-API-KEY": "side-by-side"})))
        latency[0] = 0
        old, new, straight = (statistics.median(t) for t in times)
        differences[heading[3]].append(new - old)
        cells.append(f"{old:.2f} / {new:.2f} ms (÷ direct {old / straight:.3f} / {new / straight:.3f})")
        cells.append(f"{straight:.2f} ms")
        print(f"| {line} | " + " | ".join(cells) + " |", flush=True)
    print("| new − old, mean | " + " | ".join(f"{statistics.mean(d):+.2f} ms" for d in differences.values()) + " | |")
    print(f"(old: {args.portal[0]}, new: {args.portal[1]}; p50 of {args.rounds} requests each per line, "
          f"{args.pause_ms} ms of pause before each of the first three kinds; {args.hot_warmup} lookups each first)")


if __name__ == "__main__":
    main()
