#!/usr/bin/env python3
"""The lookup page against an upstream the portal's own benchmarks don't know, timed from outside.

A cross-check of the benchmark's "lookup ÷ direct" figure (docs/performance.md), with nothing of ours on the
measuring side: this script is its own Mimeeq stand-in (Python's HTTP server, HTTP/1.1 keep-alive) that answers
get-product-info after a fixed latency, and its own client. It alternates the portal's /products/lookup page
with the same call made directly to the stand-in, each over a kept-alive connection, and prints p50 and p99
of both and their ratio. Before that it warms the portal up with rounds the stand-in answers at once
(--hot-warmup), so that what is measured is the portal as it runs for months, its per-request code compiled by
C2, rather than its first minutes (docs/performance.md, "The lookup in steady state").

    # 1. the stand-in and the measurement (waits for the portal, then measures)
    python3 load/outside-lookup.py --portal http://127.0.0.1:8080/ --password '<sales password>'
    # 2. in another shell, the README's run command with the demo tenant pointed at the stand-in
    PORTAL_DEMO_MIMEEQ_BASE_URL=http://127.0.0.1:18700 ./mvnw -Prun -DskipTests package

The stand-in also answers the demo seeding's key hook (…/_admin/accounts/<account>/key), so a fresh data
directory works too; it accepts any non-empty X-API-KEY.
"""
import argparse
import http.client
import json
import re
import statistics
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRODUCT = {
    "name": "Outside Chair", "code": "OUT-1", "description": "Answered by the outside stand-in.",
    "defaultImage": "https://example.com/outside.png", "SKU": "OUT-1-A1", "status": "ACTIVE", "mode": "VARIANT",
    "deliveryInfo": "Ships within 2 weeks",
    "configuration": [{"blockId": "Fabric", "blockName": "Fabric", "options": ["Blue wool"],
                       "optionsData": [{"optionName": "Blue wool"}]}],
}


def stand_in(port, latency):
    """latency: a one-element list, the delay in ms before get-product-info answers; the caller may change it."""
    body = json.dumps(PRODUCT).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle's algorithm on, the body waits for the client's
        # delayed ACK (40 ms on Linux). Real servers turn it off; so does this one.
        disable_nagle_algorithm = True

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if path.endswith("/key"):
                self.answer(200, json.dumps({"apiKey": "outside-stand-in-key-0123456789"}).encode())
            elif not self.headers.get("X-API-KEY"):
                self.answer(401, b'{"message":"Unauthorized"}')
            elif path.endswith("/get-product-info"):
                if latency[0]:
                    time.sleep(latency[0] / 1000)
                self.answer(200, body)
            else:
                self.answer(404, b'{"message":"Not found"}')

        def answer(self, status, payload):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Browser:
    """One kept-alive connection with a cookie jar of one: the session."""

    def __init__(self, base):
        self.url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, payload.decode("utf-8", "replace")

    def sign_in(self, username, password):
        _, page = self.request("GET", "/login")
        csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
        form = urllib.parse.urlencode({"_csrf": csrf, "username": username, "password": password})
        status, _ = self.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            raise SystemExit(f"sign-in as {username} answered {status}")


def wait_for(base, seconds=600):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).hostname,
                                                    urllib.parse.urlsplit(base).port, timeout=5)
            # Not readiness alone: in demo mode it answers UP for a moment between the sandbox's deployment and
            # the portal's (docs/performance.md, "Readiness while the portal starts"). The benchmark waits the same way.
            connection.request("GET", "/health/ready")
            ready = connection.getresponse()
            ready.read()
            if ready.status == 200:
                connection.request("GET", "/login")
                if connection.getresponse().status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"{base} was not ready within {seconds} s")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--portal", default="http://127.0.0.1:8080/")
    options.add_argument("--username", default="sales@demo.example")
    options.add_argument("--password", required=True)
    options.add_argument("--port", type=int, default=18700, help="the stand-in's port")
    options.add_argument("--latency-ms", type=int, default=20)
    options.add_argument("--hot-warmup", type=int, default=30000,
                         help="rounds first with the stand-in answering at once: code run once per request is compiled"
                              " by C2 only after some ten thousand requests, which at 20 ms a round takes minutes")
    options.add_argument("--warmup", type=int, default=1500)
    options.add_argument("--rounds", type=int, default=500)
    args = options.parse_args()

    latency = [0]
    stand_in(args.port, latency)
    print(f"stand-in answering on http://127.0.0.1:{args.port}; waiting for the portal")
    wait_for(args.portal)
    sales = Browser(args.portal)
    sales.sign_in(args.username, args.password)
    direct = Browser(f"http://127.0.0.1:{args.port}/")
    page_times, direct_times = [], []
    for round_ in range(-args.hot_warmup, args.warmup + args.rounds):
        if round_ == 0:
            latency[0] = args.latency_ms
        for turn in range(2):
            started = time.perf_counter()
            if (round_ + turn) % 2 == 0:
                status, body = sales.request("GET", "/products/lookup?code=OUT123")
                if status != 200 or "Outside Chair" not in body:
                    raise SystemExit(f"the lookup page answered {status} without the stand-in's product")
                times = page_times
            else:
                status, _ = direct.request("GET", "/get-product-info?shortCode=OUT123&quantity=1",
                                           headers={"X-API-KEY": "outside", "Accept": "application/json"})
                if status != 200:
                    raise SystemExit(f"the stand-in answered {status}")
                times = direct_times
            if round_ >= args.warmup:
                times.append((time.perf_counter() - started) * 1000)
    for label, p in (("p50", 50), ("p99", 99)):
        page, straight = percentile(page_times, p), percentile(direct_times, p)
        print(f"{label}: lookup page {page:.1f} ms, direct {straight:.1f} ms, ratio {page / straight:.3f}"
              f" (+{page - straight:.1f} ms)")
    print(f"({args.rounds} alternating rounds at {args.latency_ms} ms after {args.hot_warmup} warm-up rounds without"
          f" latency and {args.warmup} with it; mean lookup"
          f" {statistics.mean(page_times):.1f} ms, direct {statistics.mean(direct_times):.1f} ms)")


if __name__ == "__main__":
    main()
