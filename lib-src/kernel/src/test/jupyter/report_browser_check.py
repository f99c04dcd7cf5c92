#!/usr/bin/python3
"""Opens a report written by ./l2rl report in a real browser (Debian's chromium, headless) and checks what a reader
would see.

For index.html and every notebook page: the page loads and shows its cells, every <img> has decoded (complete,
naturalWidth > 0), every resource it loaded came from the report itself and loaded (nothing fetched from elsewhere,
so the page works offline), and its formulas were typeset (no MathJax error). For the index: every link resolves, and
every figure file (PNG, SVG) decodes as an image.

The report is served on 127.0.0.1 by this script; the browser opens a checker page that loads each page in an
iframe, checks it there, and posts the results back. One browser start for the whole report.
Run with Debian's Python: /usr/bin/python3 report_browser_check.py REPORT_DIR
"""
import functools
import http.server
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

TIMEOUT_SECONDS = 180

CHECKER = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>
const pages = PAGES;
const sleep = ms => new Promise(r => setTimeout(r, ms));

function load(url) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1200px'; frame.style.height = '900px';
    frame.onload = () => resolve(frame);
    frame.onerror = () => reject(new Error('did not load'));
    frame.src = url;
    document.body.appendChild(frame);
  });
}

async function typeset(win) {
  if (!win.MathJax || !win.MathJax.Hub) return;
  await new Promise(r => win.MathJax.Hub.Queue(r));
}

async function decodes(url) {
  const img = new Image();
  img.src = url;
  try { await img.decode(); } catch (e) { return false; }
  return img.naturalWidth > 0;
}

async function checkPage(url) {
  const problems = [];
  const frame = await load(url);
  const win = frame.contentWindow, doc = frame.contentDocument;
  await typeset(win);
  const imgs = [...doc.images];
  for (let i = 0; i < 100 && imgs.some(img => !img.complete); i++) await sleep(100);
  imgs.forEach((img, i) => {
    if (!img.complete || img.naturalWidth === 0) problems.push(`image ${i + 1} did not decode`);
  });
  const mathjaxScript = doc.querySelector('script[src*="MathJax.js"]');
  if (mathjaxScript && !(win.MathJax && win.MathJax.Hub)) problems.push('MathJax did not load');
  const mathErrors = doc.querySelectorAll('.MathJax_SVG [data-mjx-error], .merror').length
      + (doc.body.innerText.includes('Math Processing Error') ? 1 : 0);
  if (mathErrors) problems.push(`${mathErrors} formulas failed to typeset`);
  for (const entry of win.performance.getEntriesByType('resource')) {
    if (!entry.name.startsWith(location.origin) && !entry.name.startsWith('data:'))
      problems.push(`fetched from outside the report: ${entry.name}`);
    else if (entry.responseStatus && entry.responseStatus !== 200)
      problems.push(`${entry.name.slice(location.origin.length)} answered ${entry.responseStatus}`);
  }
  const cells = doc.querySelectorAll('.jp-Cell').length;
  if (url !== 'index.html' && cells === 0) problems.push('shows no cells');
  const formulas = doc.querySelectorAll('.MathJax_SVG').length;
  let links = 0;
  if (url === 'index.html') {
    for (const a of doc.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      links++;
      const response = await fetch(href);
      if (!response.ok) problems.push(`link ${href} answered ${response.status}`);
      else if (/\\.(png|svg)$/.test(href) && !(await decodes(href))) problems.push(`figure ${href} does not decode`);
    }
  }
  frame.remove();
  return {page: url, images: imgs.length, formulas, cells, links, problems};
}

(async () => {
  const results = [];
  for (const page of pages) {
    try { results.push(await checkPage(page)); }
    catch (e) { results.push({page, problems: [String(e)]}); }
  }
  await fetch('/__results__', {method: 'POST', body: JSON.stringify(results)});
})();
</script></body></html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    checker = b""
    results = None
    done = threading.Event()

    def do_GET(self):
        if self.path == "/__check__.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(self.checker)
        else:
            super().do_GET()

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).results = json.loads(body)
        self.send_response(204)
        self.end_headers()
        type(self).done.set()

    def log_message(self, *args):
        pass


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    sys.exit("report_browser_check: no chromium on PATH (./l2rl test installs Debian's chromium)")


def main(report):
    report = pathlib.Path(report).resolve()
    pages = ["index.html"] + sorted(p.name for p in report.glob("*.html") if p.name != "index.html")
    Handler.checker = CHECKER.replace("PAGES", json.dumps(pages)).encode()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(report)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/__check__.html"
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    f"--user-data-dir={profile}", "--window-size=1280,1000", url],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            finished = Handler.done.wait(TIMEOUT_SECONDS)
        finally:
            browser.terminate()
            browser.wait()
            server.shutdown()
    if not finished:
        print(f"browser check: no results from chromium within {TIMEOUT_SECONDS} s")
        return 1
    failed = 0
    for result in Handler.results:
        problems = result["problems"]
        failed += bool(problems)
        print(f"{result['page']}: {'ok' if not problems else 'FAILED'}, {result.get('images', 0)} images, "
              f"{result.get('formulas', 0)} formulas"
              + (f", {result['links']} links resolve" if result.get("links") else ""))
        for problem in problems:
            print(f"  - {problem}")
    print(f"browser: {len(Handler.results) - failed} pages passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: report_browser_check.py REPORT_DIR")
    sys.exit(main(sys.argv[1]))
