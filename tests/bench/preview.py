#!/usr/bin/env python3
# preview.py STATUSNOTAT: for `make bench`, the preview's time from a
# save to the reloaded page: statusnotat serve on a copy of the bundled
# content; each round asks, as an open page does, to hear of the next
# build, saves bydelsmoedre.yaml with a new figure as an editor does (a
# new file renamed over the old), and once the answer comes loads the
# note's page again, as the page's script does, and checks that it has
# the new figure.  Prints the median and best of 30 rounds, and the
# build time serve itself reports.
import os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

bin_ = os.path.abspath(sys.argv[1])
work = tempfile.mkdtemp(prefix="bench-preview-")
shutil.copytree("content", os.path.join(work, "content"))
shutil.copytree("templates", os.path.join(work, "templates"))
err = open(os.path.join(work, "serve.err"), "w+")
env = dict(os.environ, LANGUAGE="en", TMPDIR=work)
p = subprocess.Popen([bin_, "serve", "-p", "0"], cwd=work, env=env,
                     stdout=subprocess.DEVNULL, stderr=err)


def log():
    err.flush()
    with open(err.name) as f:
        return f.read()


port = None
for _ in range(400):
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", log())
    if m:
        port = int(m.group(1))
        break
    time.sleep(0.05)
if port is None:
    sys.exit("preview: serve did not start: " + log())


def ask(path):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: "
               "close\r\n\r\n" % (path, port)).encode())
    return s


def answer(s):
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.partition(b"\r\n\r\n")[2].decode()


yaml = os.path.join(work, "content/initiatives/bydelsmoedre.yaml")
times = []
gen = answer(ask("/_statusnotat/wait?gen=x"))
for i in range(30):
    with open(yaml) as f:
        text = f.read()
    new = re.sub(r"started: \d+", "started: %d" % (16 + i % 2 + 1), text, 1)
    waiting = ask("/_statusnotat/wait?gen=" + gen)
    time.sleep(0.05)        # the request is parked before the save
    t0 = time.perf_counter()
    with open(yaml + ".tmp", "w") as f:
        f.write(new)
    os.rename(yaml + ".tmp", yaml)
    gen = answer(waiting)
    page = answer(ask("/2021-bydelsmoedre-baba/"))
    times.append((time.perf_counter() - t0) * 1000)
    if not re.search(r"I alt %d\s+kvinder" % (16 + i % 2 + 1), page):
        sys.exit("preview: the page does not have the new figure")
    time.sleep(0.1)
p.send_signal(2)
p.wait()
builds = [int(x) for x in re.findall(r"built in (\d+) ms", log())[1:]]
print("preview (save to reloaded page, 30 saves): %.0f ms median (%.0f best),"
      " of which the build %d ms median; the rest is serve's wait for the "
      "burst of saves to end, and the page" % (statistics.median(times),
                                               min(times),
                                               statistics.median(builds)))
shutil.rmtree(work)
