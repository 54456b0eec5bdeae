#!/usr/bin/env python3
"""Write benchmark of a running node (issue 10): publish throughput, then the search index's change-log lag under a
sustained write rate. Standard library only. Usage: writes.py BASE TOKEN [rate/s, 200] [seconds, 30] [burst items, 1000]

Phase 1 (throughput): BURST published InvestmentCall upserts with 8 concurrent connections, as fast as they go.
Phase 2 (lag): RATE upserts per second for SECONDS (paced by a schedule, 8 connections), while /health/ready is
sampled every 100 ms for haugiang's indexLag (changes logged but not yet indexed on this node). Reports the rate
achieved, write latency p50/p99, and the lag's p50/p99/max, plus how long the lag took to return to 0 afterwards.
"""
import http.client, json, sys, threading, time, urllib.parse

base, token = sys.argv[1], sys.argv[2]
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 200
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 30
burst = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
url = urllib.parse.urlparse(base)
sectors = ["sector-giao-thong", "sector-y-te", "sector-giao-duc", "sector-moi-truong"]
WORKERS = 8


def body(prefix, i):
    return json.dumps({
        "ContentItemId": f"{prefix}-{i:06d}", "ContentType": "InvestmentCall",
        "TitlePart": {"Title": f"Dự án kêu gọi đầu tư {prefix} số {i} tại Hậu Giang"},
        "HtmlBodyPart": {"Html": "<p>Khu đất thuộc huyện Châu Thành, gần Quốc lộ 61C, thuận tiện giao thông thủy bộ.</p>"},
        "InvestmentCall": {"Summary": {"Text": f"Dự án số {i} kêu gọi nhà đầu tư."}, "Sector": {"TermContentItemIds": [sectors[i % 4]]},
                           "Location": {"Text": "Châu Thành, Hậu Giang"}, "Status": {"Text": "dang-keu-goi"}, "AreaHa": {"Value": i % 500 + 1}},
    }, ensure_ascii=False).encode()


def post(conn, prefix, i):
    started = time.perf_counter()
    conn.request("POST", "/haugiang/api/content", body(prefix, i), {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"POST answered {response.status}")
    return time.perf_counter() - started


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else float("nan")


def run(prefix, count, schedule):
    """Posts count items from WORKERS threads; schedule(i) is the earliest start of item i (None: at once)."""
    latencies, lock, next_index = [], threading.Lock(), [0]

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= count:
                return
            if schedule is not None:
                delay = schedule(i) - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            elapsed = post(conn, prefix, i)
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started, latencies


def lag():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", "/health/ready")
    return json.loads(conn.getresponse().read())["tenants"]["haugiang"]["indexLag"]


elapsed, latencies = run("hg-burst", burst, None)
print(f"publish throughput: {burst} items in {elapsed:.1f} s = {burst / elapsed:,.0f} items/s "
      f"({WORKERS} connections; latency p50 {pct(latencies, 50) * 1000:.1f} ms, p99 {pct(latencies, 99) * 1000:.1f} ms)")
while lag() > 0:
    time.sleep(0.1)

count = int(rate * seconds)
samples, done = [], threading.Event()


def sampler():
    while not done.is_set():
        samples.append(lag())
        time.sleep(0.1)


sampling = threading.Thread(target=sampler)
sampling.start()
origin = time.perf_counter() + 0.2
elapsed, latencies = run("hg-steady", count, lambda i: origin + i / rate)
done.set()
sampling.join()
drained = time.perf_counter()
while lag() > 0:
    time.sleep(0.05)
drain = time.perf_counter() - drained
print(f"sustained writes: {count} items in {elapsed:.1f} s = {count / elapsed:,.0f} writes/s (asked {rate:.0f}/s); "
      f"latency p50 {pct(latencies, 50) * 1000:.1f} ms, p99 {pct(latencies, 99) * 1000:.1f} ms")
print(f"change-log lag of the index ({len(samples)} samples every 100 ms): p50 {pct(samples, 50)}, p99 {pct(samples, 99)}, "
      f"max {max(samples)} changes; back to 0 {drain * 1000:.0f} ms after the last write")
