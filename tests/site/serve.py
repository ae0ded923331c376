#!/usr/bin/env python3
# serve.py STATUSNOTAT: statusnotat serve, the live preview, from outside
# as a browser and a hostile client would meet it, over raw sockets (no
# client library that would tidy the requests up first):
#   - it says where it is, listens on 127.0.0.1 only, takes the next port
#     when the one asked for is taken, and builds into a temporary folder
#     (TMPDIR), never into output/;
#   - pages and PDFs are the built site's: a page is `build`'s page with
#     the reload script before </body>, a PDF is byte for byte `build`'s;
#     a folder without "/" is sent to its "/";
#   - refusals: paths out of the site ("..", encoded once or twice,
#     backslashes), the build's own files (.statusnotat), symbolic links
#     planted in the site, a folder without index.html (no listing),
#     any method but GET and HEAD (405 with Allow);
#   - a client that stalls mid-request, one that asks for the PDF and
#     never reads, and one that goes away do not hold up the others;
#   - a save rebuilds once (a burst of saves too), the waiting page is
#     answered with the new build, and the page shows the new figure;
#     broken YAML turns every page into the errors (file:line:column, the
#     line, a marker under the column, in Danish or English) and the
#     terminal says the same; mended, the note is back;
#   - more pages waiting than it keeps (64) are told to ask again later
#     (503), never answered at once with the build they have; the places
#     of pages that went away are taken back;
#   - the content folder moved away and a copy put back: the copy is
#     built, and a save in it too;
#   - its folder removed (by a cleaner of /tmp): built again in a new one
#     (TMPDIR removed too: the page says so, naming no temporary folder);
#     another's folder in its place is not served;
#   - TMPDIR inside the content folder is not used;
#   - Ctrl-C ends it with status 0 and removes its folder, pressed again
#     and again while it stops too.
# Prints one line per problem; exits 1 on any.
# tests/valgrind.sh runs it with SERVE_PREFIX (valgrind and its options,
# put before the program) and SERVE_SLOW (what every time limit is
# multiplied by).
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

BIN = os.path.abspath(sys.argv[1])
PREFIX = os.environ.get("SERVE_PREFIX", "").split()
SLOW = float(os.environ.get("SERVE_SLOW", "1"))
ROOT = os.getcwd()
problems = []


def problem(what):
    problems.append(what)
    print("serve: " + what)


def request(port, raw, timeout=5.0 * SLOW):
    """Send raw bytes, return (status, headers dict, body)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(raw)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d+)", lines[0]) if lines else None
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return (int(m.group(1)) if m else 0), headers, body


def get(port, path, method="GET", extra="", host=None):
    return request(port, ("%s %s HTTP/1.1\r\nHost: %s\r\n"
                          "Connection: close\r\n%s\r\n" % (
                              method, path, "127.0.0.1:%d" % port if host is None else host,
                              extra)).encode("latin-1"))


class Preview:
    def __init__(self, work, args, env):
        self.err = open(os.path.join(work, "serve.err"), "w+")
        self.p = subprocess.Popen(PREFIX + [BIN, "serve"] + args, cwd=work,
                                  env=env,
                                  stdout=subprocess.DEVNULL, stderr=self.err)
        self.port = None
        deadline = time.time() + 20 * SLOW
        while time.time() < deadline and self.port is None:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", self.text())
            if m:
                self.port = int(m.group(1))
            elif self.p.poll() is not None:
                break
            else:
                time.sleep(0.05)

    def text(self):
        self.err.flush()
        with open(self.err.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def gen(self):
        return get(self.port, "/_statusnotat/wait?gen=x")[2].decode()

    def wait_gen(self, old, timeout=5.0 * SLOW):
        """The waiting page's request: answered once the build is not old."""
        t = time.time()
        status, _, body = request(self.port, (
            "GET /_statusnotat/wait?gen=%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            "Connection: close\r\n\r\n" % (old, self.port)).encode(), timeout=timeout)
        return body.decode(), time.time() - t

    def stop(self):
        self.p.send_signal(signal.SIGINT)
        try:
            return self.p.wait(timeout=10 * SLOW)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return -1


def save(path, old, new):
    """Save as an editor does: write a new file, rename it over."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        problem("%s has no %r to change" % (path, old))
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    os.rename(path + ".tmp", path)


def main():
    work = tempfile.mkdtemp(prefix="serve-test-")
    tmpdir = os.path.join(work, "tmp")
    os.mkdir(tmpdir)
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    env = dict(os.environ, TMPDIR=tmpdir, LANGUAGE="en")
    built = os.path.join(work, "built")
    subprocess.run([BIN, "build", "-o", built], cwd=work, env=env, check=True,
                   stderr=subprocess.DEVNULL)

    # A port taken: the next one, and it says so.
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    taken = blocker.getsockname()[1]
    pv = Preview(work, ["-p", str(taken)], env)
    blocker.close()
    try:
        run(pv, work, tmpdir, built, taken)
    finally:
        rc = pv.stop()
    if rc != 0:
        problem("Ctrl-C: exit %d, not 0" % rc)
    if os.listdir(tmpdir):
        problem("Ctrl-C left %s in TMPDIR" % os.listdir(tmpdir))
    if "removed" not in pv.text():
        problem("Ctrl-C: it does not say it removed its folder")
    if os.path.exists(os.path.join(work, "output")):
        problem("serve wrote output/")

    # No content folder: no start (a folder made later is not watched).
    r = subprocess.run(PREFIX + [BIN, "serve", "-C", "nosuch", "-p", "0"],
                       cwd=work, env=env, capture_output=True, timeout=60 * SLOW)
    if r.returncode != 2 or b"nosuch: error: no such content directory" \
            not in r.stderr:
        problem("serve -C nosuch: exit %d, %r" % (r.returncode, r.stderr))

    # Ctrl-C pressed again and again while it stops: it still removes
    # its folder and ends with status 0, not killed by the second one.
    pv = Preview(work, ["-p", "0"], env)
    if pv.port is None:
        problem("no address the second time: %r" % pv.text())
    pv.p.send_signal(signal.SIGINT)
    t = time.time()
    while pv.p.poll() is None and time.time() - t < 10 * SLOW:
        pv.p.send_signal(signal.SIGINT)
        time.sleep(0.001)
    rc = pv.stop()
    if rc != 0 or os.listdir(tmpdir):
        problem("Ctrl-C again and again: exit %d, left %s in TMPDIR" % (
            rc, os.listdir(tmpdir)))
        for d in os.listdir(tmpdir):
            shutil.rmtree(os.path.join(tmpdir, d))

    # TMPDIR inside the content folder: the preview's folder goes elsewhere
    # (the build would refuse to write into the content), and the note is
    # served, not an error about a temporary folder.
    inside = os.path.join(work, "content", "tmp")
    os.mkdir(inside)
    pv = Preview(work, ["-p", "0"], dict(env, TMPDIR=inside))
    try:
        status, _, body = get(pv.port, "/") if pv.port else (0, {}, b"")
        if status != 200 or b"The content has" in body or \
                b"statusnotat-preview" in body or os.listdir(inside):
            problem("TMPDIR inside content/: %d %r, %s in it" % (
                status, body[:300], os.listdir(inside)))
    finally:
        pv.stop()
    shutil.rmtree(inside)

    # In Danish (the default), the error page and the terminal too.
    save(os.path.join(work, "content/initiatives/baba.yaml"),
         "owner:", "owner: [")
    env_da = {k: v for k, v in env.items()
              if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env_da["LANG"] = "C.UTF-8"
    pv = Preview(work, ["-p", "0"], env_da)
    try:
        if pv.port is None:
            problem("no address in Danish: %r" % pv.text())
        else:
            status, _, body = get(pv.port, "/")
            page = body.decode()
            if 'lang="da"' not in page or "Indholdet har" not in page or \
                    "content/initiatives/baba.yaml:" not in page:
                problem("the Danish error page is not Danish: %r" % page[:600])
            if "forhåndsvisningen er på http://127.0.0.1:" not in pv.text() or \
                    "fejl" not in pv.text():
                problem("the terminal is not Danish: %r" % pv.text())
    finally:
        pv.stop()
    shutil.rmtree(work)


def run(pv, work, tmpdir, built, taken):
    if pv.port is None:
        problem("no address printed: %r" % pv.text())
        sys.exit(1)
    if pv.port == taken or "port %d is taken; using port %d" % (
            taken, pv.port) not in pv.text():
        problem("port %d taken: not said, or used (%d): %r" % (
            taken, pv.port, pv.text()))
    # 127.0.0.1 only: the listening socket in /proc/net/tcp.
    with open("/proc/net/tcp") as f:
        listen = [l.split()[1] for l in f.readlines()[1:]
                  if l.split()[3] == "0A" and
                  int(l.split()[1].split(":")[1], 16) == pv.port]
    if listen != ["0100007F:%04X" % pv.port]:
        problem("listens on %s, not 127.0.0.1 only" % listen)
    # Many waiting pages: never answered at once with the build they
    # have, which a page would ask for again at once, as fast as it can.
    # The places of pages that went away are taken back.  First, before
    # the heartbeat (25 s) answers waiting pages, and with short waits:
    # under valgrind (SERVE_SLOW) too.
    short = 0.5 + 0.05 * SLOW
    gen = pv.gen()

    def waiters(n):
        socks = []
        for _ in range(n):
            w = socket.create_connection(("127.0.0.1", pv.port))
            w.sendall(("GET /_statusnotat/wait?gen=%s HTTP/1.1\r\nHost: "
                       "127.0.0.1:%d\r\n\r\n" % (gen, pv.port)).encode())
            socks.append(w)
        time.sleep(short)
        return socks

    def one_more(what, ok):
        status, h, body = request(pv.port, (
            "GET /_statusnotat/wait?gen=%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            "Connection: close\r\n\r\n" % (gen, pv.port)).encode(),
            timeout=short)
        if status not in ok or (status == 503 and h.get("retry-after") is None):
            problem("%s: a page with the build it has got %d %r at once" % (
                what, status, body[:20]))

    for w in waiters(64):
        w.close()
    one_more("64 waiting pages closed", (0,))
    socks = waiters(64)
    one_more("64 pages waiting", (0, 503))
    for w in socks:
        w.close()

    sites = os.listdir(tmpdir)
    if len(sites) != 1 or not sites[0].startswith("statusnotat-preview-"):
        problem("the temporary folder: %s" % sites)
        return
    site = os.path.join(tmpdir, sites[0], "site")
    note = "2021-bydelsmoedre-baba"

    # The built site, with the script in its pages only.
    for path, file in (("/", "index.html"), ("/%s/" % note, note + "/index.html"),
                       ("/%s/index.html" % note, note + "/index.html")):
        status, h, body = get(pv.port, path)
        with open(os.path.join(built, file), "rb") as f:
            want = f.read()
        script = re.search(rb"<script>.*?</script>\n", body, re.S)
        if status != 200 or not script or \
                body.replace(script.group(0), b"") != want or \
                not body[script.end():].startswith(b"</body>"):
            problem("%s: not build's page with the script before </body>" % path)
        if h.get("content-type") != "text/html; charset=utf-8" or \
                h.get("cache-control") != "no-store":
            problem("%s: headers %s" % (path, h))
    with open(os.path.join(built, "index.html"), "rb") as f:
        if b"<script" in f.read():
            problem("the published site has a script")
    status, h, body = get(pv.port, "/%s/%s.pdf" % (note, note))
    with open(os.path.join(built, note, note + ".pdf"), "rb") as f:
        if status != 200 or body != f.read() or \
                h.get("content-type") != "application/pdf":
            problem("the PDF is not build's (%d, %s)" % (status, h))
    status, h, body = get(pv.port, "/style.css")
    if status != 200 or not h.get("content-type", "").startswith("text/css"):
        problem("style.css: %d %s" % (status, h))
    status, h, _ = get(pv.port, "/" + note)
    if status != 301 or h.get("location") != note + "/":
        problem("a folder without /: %d %s" % (status, h))
    status, h, body = get(pv.port, "/", "HEAD")
    if status != 200 or body != b"":
        problem("HEAD: %d, %d bytes" % (status, len(body)))

    # A page not (yet) built waits for a build that makes it; a file
    # that is not there is a line of text.
    for path in ("/2099-x/", "/2099-x", "/2099-x/index.html"):
        status, h, body = get(pv.port, path)
        if status != 404 or b"<script>" not in body or \
                not h.get("content-type", "").startswith("text/html"):
            problem("%s: not a page that waits for a build (%d)" % (path, status))
    status, h, body = get(pv.port, "/2099-x/2099-x.pdf")
    if status != 404 or b"<" in body:
        problem("a missing PDF: %d %r" % (status, body[:80]))

    # Refusals.
    os.symlink("/etc", os.path.join(site, "etc"))
    os.symlink("/etc/passwd", os.path.join(site, "passwd.html"))
    os.symlink("/etc/passwd", os.path.join(site, note, "passwd.txt"))
    os.mkdir(os.path.join(site, "empty"))
    for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/%252e%252e/%252e%252e/etc/passwd", "/..%2f..%2f..%2fetc/passwd",
                 "/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd", "/..\\..\\etc\\passwd",
                 "/" + note + "/../../../etc/passwd", "/./index.html",
                 "/.statusnotat", "/%2estatusnotat", "/etc/passwd", "/etc/",
                 "/passwd.html", "/%s/passwd.txt" % note, "/empty/", "/empty",
                 "//etc/passwd", "/index.html%00.png", "http://example.com/",
                 "/indsatser/", "*"):
        status, _, body = get(pv.port, path)
        if status == 200 or b"root:" in body:
            problem("%s: %d, served" % (path, status))
        if status == 301:
            problem("%s: sent on (301)" % path)
    # Only for this address: not for a name rebound to 127.0.0.1.
    for host in ("evil.example", "evil.example:%d" % pv.port, "127.0.0.1",
                 "127.0.0.1:1", "localhost.evil.example:%d" % pv.port, ""):
        status, _, body = get(pv.port, "/", host=host)
        if status != 403 or b"<html" in body:
            problem("Host %r: %d, not 403" % (host, status))
    status, _, _ = request(pv.port, b"GET / HTTP/1.0\r\n\r\n")
    if status != 403:
        problem("no Host: %d, not 403" % status)
    for method in ("POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH",
                   "PROPFIND", "CONNECT"):
        status, h, _ = get(pv.port, "/", method, "Content-Length: 0\r\n")
        if status != 405 or h.get("allow") != "GET, HEAD":
            problem("%s: %d %s, not 405 with Allow: GET, HEAD" % (method, status, h))
    # What the build did not write would stop the next build.
    for f in ("etc", "passwd.html", note + "/passwd.txt"):
        os.unlink(os.path.join(site, f))
    os.rmdir(os.path.join(site, "empty"))

    # Clients that stall or go away hold up no other.
    stalled = socket.create_connection(("127.0.0.1", pv.port))
    stalled.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    reader = socket.socket()
    reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    reader.connect(("127.0.0.1", pv.port))
    for _ in range(20):
        reader.sendall(("GET /%s/%s.pdf HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                        "\r\n" % (note, note, pv.port)).encode())
    gone = socket.create_connection(("127.0.0.1", pv.port))
    gone.sendall(("GET /%s/%s.pdf HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n"
                  % (note, note, pv.port)).encode())
    gone.close()
    t = time.time()
    for _ in range(20):
        status, _, _ = request(pv.port, b"GET / HTTP/1.1\r\nHost: localhost:"
                               b"%d\r\nConnection: close\r\n\r\n" % pv.port,
                               timeout=3 * SLOW)
        if status != 200:
            problem("with a stalled client: %d" % status)
            break
    if time.time() - t > 3 * SLOW:
        problem("with a stalled client 20 requests took %.1f s" % (time.time() - t))
    stalled.close()
    reader.close()

    # A save: one build, the waiting page answered, the new figure.
    gen = pv.gen()
    yaml = os.path.join(work, "content/initiatives/bydelsmoedre.yaml")
    save(yaml, "started: 16", "started: 17")
    new, took = pv.wait_gen(gen)
    if new != str(int(gen) + 1) or took > 2 * SLOW:
        problem("a save: the waiting page got %r after %.2f s (was %s)" % (new, took, gen))
    page = get(pv.port, "/%s/" % note)[2].decode()
    if not re.search(r"I alt 17\s+kvinder", page):
        problem("the page does not show the new figure 17")
    status, _, pdf = get(pv.port, "/%s/%s.pdf" % (note, note))
    with open(os.path.join(built, note, note + ".pdf"), "rb") as f:
        if status != 200 or pdf == f.read() or not pdf.startswith(b"%PDF-"):
            problem("the PDF is not built again with the page")
    # A burst of saves: one build.
    gen = pv.gen()
    for i in range(5):
        save(yaml, "started: %d" % (17 + i), "started: %d" % (18 + i))
        time.sleep(0.004)
    new, took = pv.wait_gen(gen)
    time.sleep(0.5 * SLOW)
    if pv.gen() != str(int(gen) + 1):
        problem("a burst of 5 saves: %s builds, not 1" % (int(pv.gen()) - int(gen)))
    # Broken: every page is the errors; the terminal says the same.
    gen = pv.gen()
    save(yaml, "started: 22", "started: seksten")
    pv.wait_gen(gen)
    for path in ("/", "/%s/" % note, "/%s/index.html" % note):
        status, _, body = get(pv.port, path)
        page = body.decode()
        want = ("content/initiatives/bydelsmoedre.yaml:17:12: error: </code> "
                "&quot;started&quot; must be a whole number")
        marker = "   17 |   started: seksten\n      |            <span class=\"marker\">^</span>"
        if status != 200 or want not in page or marker not in page or \
                "The content has 1 error" not in page or "<script>" not in page:
            problem("%s with an error: not the error page: %r" % (path, page[:900]))
    term = pv.text()
    if "content/initiatives/bydelsmoedre.yaml:17:12: error: \"started\" must be a whole number" \
            not in term or "   17 |   started: seksten\n      |            ^\n" not in term:
        problem("the terminal does not show the error and its line: %r" % term[-600:])
    # Mended: the note is back.
    gen = pv.gen()
    save(yaml, "started: seksten", "started: 16")
    pv.wait_gen(gen)
    page = get(pv.port, "/%s/" % note)[2].decode()
    if not re.search(r"I alt 16\s+kvinder", page) or "The content has" in page:
        problem("mended: the note is not back")
    # Warnings: the site is built, its pages link to them in a corner.
    baba = os.path.join(work, "content/initiatives/baba.yaml")
    gen = pv.gen()
    save(baba, "planned: ultimo oktober 2021", "planned: ultimo april 2021")
    pv.wait_gen(gen)
    page = get(pv.port, "/%s/" % note)[2].decode()
    if not re.search(r"I alt 16\s+kvinder", page) or \
            '<a href="/_statusnotat/warnings" style="color:#6b4500">1 warning</a>' \
            not in page:
        problem("a warning: the note without the link to it")
    status, _, body = get(pv.port, "/_statusnotat/warnings")
    page = body.decode()
    if status != 200 or "<h1>1 warning</h1>" not in page or \
            "content/initiatives/baba.yaml:39:14: warning: " not in page:
        problem("the warnings page: %d %r" % (status, page[:600]))
    gen = pv.gen()
    save(baba, "planned: ultimo april 2021", "planned: ultimo oktober 2021")
    pv.wait_gen(gen)
    if "_statusnotat/warnings" in get(pv.port, "/%s/" % note)[2].decode() or \
            get(pv.port, "/_statusnotat/warnings")[0] != 404:
        problem("no warnings: the link or the page is still there")

    # A folder made while it runs is watched too.
    sub = os.path.join(work, "content/reports", note, "bilag")
    gen = pv.gen()
    os.mkdir(sub)
    new, _ = pv.wait_gen(gen)
    with open(os.path.join(sub, "x.txt"), "w") as f:
        f.write("hej\n")
    newer, _ = pv.wait_gen(new)
    if new == gen or newer == new:
        problem("a file saved in a new folder: no build (%s, %s, %s)" % (gen, new, newer))
    os.unlink(os.path.join(sub, "x.txt"))
    os.rmdir(sub)
    time.sleep(0.3 * SLOW)
    # Editors' own files (swap, backup, lock) are no save.
    gen = pv.gen()
    for name in (".bydelsmoedre.yaml.swp", "bydelsmoedre.yaml~", "4913",
                 "#bydelsmoedre.yaml#", ".#bydelsmoedre.yaml"):
        path = os.path.join(work, "content/initiatives", name)
        with open(path, "w") as f:
            f.write("x")
        os.unlink(path)
    time.sleep(0.5 * SLOW)
    if pv.gen() != gen:
        problem("an editor's swap or backup file started a build")
    # The content folder moved away and a copy put in its place: the copy
    # is built, and watched.
    content = os.path.join(work, "content")
    gen = pv.gen()
    os.rename(content, content + ".old")
    pv.wait_gen(gen)
    gen = pv.gen()
    shutil.copytree(content + ".old", content)
    new, took = pv.wait_gen(gen)
    if new != str(int(gen) + 1):
        problem("the content folder put back: not built (%r after %.1f s)" % (
            new, took))
    gen = pv.gen()
    save(yaml, "started: 16", "started: 18")
    pv.wait_gen(gen)
    page = get(pv.port, "/%s/" % note)[2].decode()
    if not re.search(r"I alt 18\s+kvinder", page):
        problem("the content folder put back: a save in it is not built")
    shutil.rmtree(content + ".old")
    time.sleep(0.3 * SLOW)  # the build it may start
    # Its folder removed by a cleaner of /tmp: a page asked for is built
    # again, in a new folder.  Another's folder made in its place (as
    # root, the test can make one) is neither served nor removed.
    shutil.rmtree(os.path.dirname(site))
    status, _, body = get(pv.port, "/")
    if status != 200 or b"<script>" not in body or b"The content has" in body \
            or len(os.listdir(tmpdir)) != 1:
        problem("its folder removed: %d %r, TMPDIR has %s" % (
            status, body[:200], os.listdir(tmpdir)))
    if os.geteuid() == 0 and os.listdir(tmpdir):
        mine = os.path.join(tmpdir, os.listdir(tmpdir)[0])
        shutil.rmtree(mine)
        os.makedirs(os.path.join(mine, "site"))
        with open(os.path.join(mine, "site", "index.html"), "w") as f:
            f.write("another's")
        os.chown(mine, 65534, 65534)
        status, _, body = get(pv.port, "/")
        if b"another's" in body or len(os.listdir(tmpdir)) != 2:
            problem("another's folder in its place: served (%d), TMPDIR %s" % (
                status, os.listdir(tmpdir)))
        shutil.rmtree(mine)
    # TMPDIR itself removed too: a save's page says so, naming no
    # temporary folder; made again, the page is back.
    for f in os.listdir(tmpdir):
        shutil.rmtree(os.path.join(tmpdir, f))
    os.rmdir(tmpdir)
    gen = pv.gen()
    save(yaml, "started: 18", "started: 19")
    pv.wait_gen(gen)
    body = get(pv.port, "/")[2].decode()
    if "cannot make the preview&#39;s temporary folder: " not in body or \
            "statusnotat-preview" in body or tmpdir in body:
        problem("TMPDIR removed: %r" % body[body.find("<ol>"):][:300])
    os.mkdir(tmpdir)
    status, _, body = get(pv.port, "/")
    if status != 200 or b"The content has" in body:
        problem("TMPDIR made again: %d %r" % (status, body[:200]))
    # A waiting page with the build it has is answered after the heartbeat
    # (25 s: not waited for here); one with an old build at once.
    new, took = pv.wait_gen("0")
    if new != pv.gen() or took > 1 * SLOW:
        problem("an old build's page is not answered at once")


main()
sys.exit(1 if problems else 0)
