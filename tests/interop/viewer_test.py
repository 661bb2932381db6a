#!/usr/bin/env python3
"""The HTML viewer works in a real browser: Debian's chromium, driven by Debian's chromedriver and
python3-selenium, opens the page comention writes, and a person's clicks, searches and filtering
give what the graph says.

usage: python3 tests/interop/viewer_test.py COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR
Leaves viewer.html, viewer.json (the truth, node-link JSON) and viewer.png in ARTIFACT_DIR, and for
the big graph (1,000 entities, 20,000 ties by month, made up by big_graph.py) big-corpus/, big.html,
big.json, big.png and big-zoomed.png.
"""
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.common.exceptions import (ElementClickInterceptedException,
                                            ElementNotInteractableException, WebDriverException)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:
    # Debian's python3-selenium lives in /usr/lib/python3/dist-packages, which only Debian's
    # /usr/bin/python3 searches; another interpreter (a pyenv or venv one) does not see it.
    sys.exit(f"viewer_test: cannot import selenium ({error}) under {sys.executable}; "
             "install python3-selenium and run this with Debian's /usr/bin/python3")

CHROMEDRIVER = "/usr/bin/chromedriver"
VIEWPORT = (1400, 900)
# How long an element may take to appear or become clickable, as playwright's default timeout was.
TIMEOUT_SECONDS = 10


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def require_equal(actual, expected, what):
    if actual != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {actual!r}")


def fold(text):
    """The same folding as the page's search: no case, no accents."""
    decomposed = unicodedata.normalize("NFD", str(text))
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M")).lower()


@contextlib.contextmanager
def running_chromedriver():
    """Starts Debian's chromedriver on a free loopback port and yields its URL.

    selenium's own Service would do this, but it reaches the driver by the name "localhost",
    which does not resolve where /etc/hosts is missing (a fresh debootstrap root, some
    containers); the address always works.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdin=subprocess.DEVNULL,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            if process.poll() is not None:
                log.seek(0)
                output = log.read().decode(errors="replace").strip()
                raise CheckFailed(f"{CHROMEDRIVER} exited with status {process.returncode}: {output}")
            try:
                with urllib.request.urlopen(f"{url}/status", timeout=1) as response:
                    if json.load(response)["value"]["ready"]:
                        break
            except (OSError, ValueError, KeyError):
                pass  # not listening yet
            if time.monotonic() > deadline:
                raise CheckFailed(f"{CHROMEDRIVER} did not answer on {url} within {TIMEOUT_SECONDS} s")
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def start_chromium(driver_url, profile_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    # --remote-debugging-pipe: chromedriver talks to chromium over a pipe instead of a DevTools
    # port on "localhost", the name that does not resolve without /etc/hosts.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--remote-debugging-pipe",
                 f"--user-data-dir={profile_dir}", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}"):
        options.add_argument(flag)
    # The browser log carries console errors and uncaught exceptions; the performance log carries
    # the network events, that is every request the page makes.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # A driver of our own starting (no selenium-manager, which would try to download one).
    driver = webdriver.Remote(command_executor=driver_url, options=options)
    try:
        fit_viewport(driver)
    except BaseException:
        driver.quit()
        raise
    return driver


def fit_viewport(driver):
    """Makes the page area, not the window, 1400x900, as playwright's viewport was.

    Headless chromium still keeps room for its window frame, so the page gets less than the window.
    """
    def inner_size():
        return tuple(driver.execute_script("return [window.innerWidth, window.innerHeight];"))

    driver.get("about:blank")
    width, height = inner_size()
    window = driver.get_window_size()
    driver.set_window_size(window["width"] + VIEWPORT[0] - width, window["height"] + VIEWPORT[1] - height)
    require_equal(inner_size(), VIEWPORT, "the viewport")


class ViewerTest:
    def __init__(self, driver, page_path, truth, artifacts):
        self.driver = driver
        self.page_url = page_path.as_uri()
        self.artifacts = artifacts
        self.truth = truth
        links = truth.get("links")
        self.truth_links = links if links is not None else truth.get("edges")
        self.most_mentioned = max(truth["nodes"], key=lambda node: node["mentions"])
        self.page_data = None  # what the page embeds, read once it is open

    # ---- What the page says ---------------------------------------------------------------

    def element(self, selector):
        return WebDriverWait(self.driver, TIMEOUT_SECONDS).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)),
            f"no element {selector} after {TIMEOUT_SECONDS} s")

    def text_of(self, selector):
        # textContent, not selenium's .text, which leaves out hidden text.
        return self.driver.execute_script("return arguments[0].textContent;", self.element(selector))

    def classes_of(self, selector):
        return self.driver.execute_script("return [...arguments[0].classList];", self.element(selector))

    def count(self, selector):
        return self.driver.execute_script("return document.querySelectorAll(arguments[0]).length;", selector)

    def count_displayed(self, selector):
        return self.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])]"
            ".filter((element) => getComputedStyle(element).display !== 'none').length;", selector)

    def details_text(self):
        return self.text_of("#details")

    # ---- What a person does -----------------------------------------------------------------

    def click(self, selector):
        """Clicks the middle of an element, retrying while something else covers it."""
        element = WebDriverWait(self.driver, TIMEOUT_SECONDS).until(
            expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, selector)),
            f"{selector} is not clickable after {TIMEOUT_SECONDS} s")

        def clicked(_):
            element.click()
            return True
        WebDriverWait(self.driver, TIMEOUT_SECONDS,
                      ignored_exceptions=(ElementClickInterceptedException, ElementNotInteractableException)
                      ).until(clicked, f"{selector} stays covered by something else for {TIMEOUT_SECONDS} s")

    def pointer_to(self, x, y, click=False):
        """Moves the mouse to a point of the viewport, in CSS pixels, and clicks there if asked."""
        actions = ActionBuilder(self.driver)
        actions.pointer_action.move_to_location(x, y)
        if click:
            actions.pointer_action.click()
        actions.perform()

    def press(self, selector, key):
        """Focuses an element and presses a key there.

        Through the keyboard actions, not the element's send_keys, which on a range input sets the
        value to the key's text instead of moving the slider.
        """
        self.driver.execute_script("arguments[0].focus();", self.element(selector))
        ActionChains(self.driver).send_keys(key).perform()

    def fill(self, selector, text):
        box = self.element(selector)
        box.clear()
        box.send_keys(text)

    # ---- What the page got wrong ------------------------------------------------------------

    def problems_since_last_look(self):
        """The page's errors, and anything it fetched besides itself, since the last look.

        Reading a log empties it, so each entry is seen once.
        """
        problems = []
        try:
            browser_log = self.driver.get_log("browser")
            performance_log = self.driver.get_log("performance")
        except WebDriverException as error:
            return [f"its logs cannot be read: {describe(error)}"]
        for entry in browser_log:
            if entry["level"] == "SEVERE":
                problems.append(f"browser log: {entry['message']}")
        for entry in performance_log:
            event = json.loads(entry["message"])["message"]
            if event["method"] != "Network.requestWillBeSent":
                continue
            # The page is self-contained: it may load nothing but itself.
            url = event["params"]["request"]["url"]
            if not url.startswith("data:") and url != self.page_url:
                problems.append(f"page fetched {url}")
        return problems

    def forget_earlier_logs(self):
        """Drops what chromium logged before the page was opened, from its start page."""
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    # ---- Indexes into the page's data -----------------------------------------------------------

    def node_index(self, entity_id):
        """The data index of an entity, by which the page's test hooks name it; -1 if absent."""
        return next((index for index, node in enumerate(self.page_data["nodes"]) if node["id"] == entity_id), -1)

    def edge_index(self, a, b):
        nodes = self.page_data["nodes"]
        for index, edge in enumerate(self.page_data["edges"]):
            ends = {nodes[edge["source"]]["id"], nodes[edge["target"]]["id"]}
            if ends == {a, b}:
                return index
        return -1

    def neighbours_of(self, entity_id):
        neighbours = set()
        for link in self.truth_links:
            if link["source"] == entity_id:
                neighbours.add(link["target"])
            elif link["target"] == entity_id:
                neighbours.add(link["source"])
        return neighbours

    def label_of(self, entity_id):
        return next(node["label"] for node in self.truth["nodes"] if node["id"] == entity_id)

    # ---- The canvas -----------------------------------------------------------------------------

    def viewer(self, expression, *arguments):
        """Evaluates an expression over the page's read-only test hooks, window.comentionViewer."""
        return self.driver.execute_script(f"const viewer = window.comentionViewer; return {expression};", *arguments)

    def node_roles(self):
        return self.viewer("viewer.nodeRoles()")

    # A viewport point where the canvas has the entity on top, in whole CSS pixels (WebDriver's
    # pointer moves to whole pixels only); null if it is covered or off the pane.
    POINT_ON_NODE = """
        const viewer = window.comentionViewer;
        const box = document.getElementById('graph-canvas').getBoundingClientRect();
        const [x, y] = viewer.screenPoint(arguments[0]).map(Math.round);
        if (x < 0 || y < 0 || x >= box.width || y >= box.height) return null;
        const item = viewer.itemAt(x, y);
        return item && item.kind === 'node' && item.index === arguments[0] ? [x + box.left, y + box.top] : null;
    """

    # A point on the tie's line that the tie itself receives (no entity or other tie nearer).
    POINT_ON_TIE = """
        const viewer = window.comentionViewer;
        const edge = arguments[1];
        const box = document.getElementById('graph-canvas').getBoundingClientRect();
        const [x1, y1] = viewer.screenPoint(edge.source);
        const [x2, y2] = viewer.screenPoint(edge.target);
        for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
          const x = Math.round(x1 + (x2 - x1) * fraction);
          const y = Math.round(y1 + (y2 - y1) * fraction);
          if (x < 0 || y < 0 || x >= box.width || y >= box.height) continue;
          const item = viewer.itemAt(x, y);
          if (item && item.kind === 'edge' && item.index === arguments[0]) return [x + box.left, y + box.top];
        }
        return null;
    """

    def click_node(self, index):
        point = self.driver.execute_script(self.POINT_ON_NODE, index)
        require(point, f"entity {index} is drawn on top somewhere in the pane")
        self.pointer_to(*point, click=True)

    # ---- The checks, in order: each starts from the page state the previous one left ---------

    def checks(self):
        return [
            ("the page opens without errors and shows the graph summary", self.check_summary),
            (f"clicking the most-mentioned entity ({self.most_mentioned['id']}) shows it and its neighbours",
             self.check_entity_click),
            ("clicking a tie shows its evidence sentences", self.check_tie_click),
            ("searching highlights the matching entities, without regard to accents", self.check_search),
            ("the weight slider at its maximum shows only the heaviest ties", self.check_slider),
            ("a screenshot of the selected most-mentioned entity", self.check_screenshot),
        ]

    def open_page(self):
        self.forget_earlier_logs()
        self.driver.get(self.page_url)
        self.page_data = json.loads(self.text_of("#comention-data"))
        WebDriverWait(self.driver, TIMEOUT_SECONDS).until(
            lambda _: self.viewer("viewer ? viewer.stats.draws : 0") > 0, "the page never draws the graph")

    def check_summary(self):
        self.open_page()
        nodes, links = self.truth["nodes"], self.truth_links
        require_equal(len(self.page_data["nodes"]), len(nodes), "entities in the page and in the JSON")
        require_equal(len(self.page_data["edges"]), len(links), "ties in the page and in the JSON")
        require_equal(self.viewer("viewer.shownEdges()"), len(links), "ties shown")
        require(self.viewer("viewer.stats.labels") > 0, "some labels are drawn")
        text = self.details_text()
        require(re.search(r"Click an entity or a tie", text), f"the hint: {text}")
        documents = self.truth["graph"]["documents"]
        require(re.search(rf"documents\s*{re.escape(str(documents))}", text), f"the document count: {text}")
        require(str(self.truth["graph"]["window"]) in text, f"the window: {text}")
        require(self.most_mentioned["label"] in self.text_of("#details .top-entities"),
                "the most-mentioned entity heads the top list")
        require_equal(self.text_of("#edge-count"), f"{len(links)} of {len(links)} ties", "the tie count")
        require(self.driver.execute_script("return document.getElementById('backbone-control').hidden;"),
                "a graph small enough to draw whole offers no backbone")

    def check_entity_click(self):
        entity = self.most_mentioned
        index = self.node_index(entity["id"])
        require(index >= 0, f"{entity['id']} is in the page")
        self.click_node(index)
        text = self.details_text()
        require(entity["label"] in text, f"the panel names {entity['label']}: {text}")
        mentions = self.driver.execute_script(
            "const term = [...document.querySelectorAll('#details dt')]"
            ".find((candidate) => candidate.textContent === 'mentions');"
            "return term ? term.nextElementSibling.textContent : null;")
        require_equal(mentions, str(entity["mentions"]), "the mention count in the panel")
        self.pointer_to(1, 1)  # the selection's roles, not the hover's
        roles = self.node_roles()
        require_equal(roles[index], "selected", "the entity's role")

        neighbours = self.neighbours_of(entity["id"])
        require(len(neighbours) > 0, "the most-mentioned entity has neighbours")
        for neighbour in sorted(neighbours):
            require_equal(roles[self.node_index(neighbour)], "neighbour", f"neighbour {neighbour}'s role")
        stranger = next((node for node in self.truth["nodes"]
                         if node["id"] != entity["id"] and node["id"] not in neighbours), None)
        require(stranger, "some entity is not a neighbour")
        require_equal(roles[self.node_index(stranger["id"])], "dimmed", f"{stranger['id']}'s role")
        require_equal(self.count("#details .neighbours li"), len(neighbours), "neighbours listed")

    def check_tie_click(self):
        clicked = None
        for link in self.truth_links:
            if not link.get("evidence"):
                continue
            index = self.edge_index(link["source"], link["target"])
            point = self.driver.execute_script(self.POINT_ON_TIE, index, self.page_data["edges"][index])
            if point:
                self.pointer_to(*point, click=True)
                clicked = (link, index)
                break
        require(clicked, "some tie with evidence can be clicked")
        link, index = clicked
        text = self.details_text()
        source, target = self.label_of(link["source"]), self.label_of(link["target"])
        require(f"{source} – {target}" in text or f"{target} – {source}" in text,
                f"the tie's name, {source} – {target}, in the panel: {text}")
        sentence = link["evidence"][0]["text"]
        require(sentence in text, f"the evidence sentence {sentence!r} in the panel: {text}")
        # The two names are marked where the JSON's byte spans put them, and the source of the
        # piece names its title and date when the document has them.
        first = link["evidence"][0]
        encoded = first["text"].encode("utf-8")
        expected_marks = [encoded[start - first["start"]:end - first["start"]].decode("utf-8")
                          for start, end in sorted(first["names"])
                          if start >= first["start"] and end - first["start"] <= len(encoded)]
        require(expected_marks, f"the first evidence piece has names to mark: {first}")
        marks = self.driver.execute_script(
            "return [...document.querySelectorAll('#details .evidence li:first-child mark')]"
            ".map((mark) => mark.textContent);")
        require_equal(marks, expected_marks, "the names marked in the first evidence piece")
        cite = self.driver.execute_script(
            "return document.querySelector('#details .evidence li:first-child cite').textContent;")
        for part in (first.get("title"), first.get("date"), first["doc"]):
            if part:
                require(part in cite, f"{part!r} in the evidence's source line: {cite!r}")
        self.pointer_to(1, 1)
        require_equal(self.viewer("viewer.edgeRole(arguments[0])", index), "selected", "the tie's role")

    def check_search(self):
        # An accented label if there is one, searched for without its accents.
        nodes = self.truth["nodes"]
        target = next((node for node in nodes if fold(node["label"]) != node["label"].lower()), self.most_mentioned)
        query = fold(target["label"])[:5]
        self.fill("#search", query)
        matched = self.viewer("viewer.matches()")
        for node in nodes:
            expected = query in fold(node["label"]) or query in fold(node["id"])
            matches = matched[self.node_index(node["id"])]
            require(matches == expected, f"{node['id']} {'matches' if expected else 'does not match'} {query!r}, "
                                         f"yet the page {'does not highlight' if expected else 'highlights'} it")
        self.press("#search", Keys.ENTER)
        heading = self.text_of("#details h2")
        require(any(node["label"] == heading and query in fold(node["label"]) for node in nodes),
                f"Enter selects a match: {heading}")
        self.press("#search", Keys.ESCAPE)
        require_equal(sum(self.viewer("viewer.matches()")), 0, "entities still matching after Escape")

    def check_slider(self):
        links = self.truth_links
        maximum = max(link["weight"] for link in links)
        self.press("#min-weight", Keys.END)
        heaviest = sum(1 for link in links if link["weight"] >= maximum)
        require_equal(self.viewer("viewer.shownEdges()"), heaviest, "ties shown at the maximum weight")
        require_equal(self.text_of("#edge-count"),
                      f"{heaviest} of {len(links)} {'tie' if len(links) == 1 else 'ties'}", "the tie count")
        shown_minimum = self.text_of("#min-weight-value")
        try:
            shown_value = float(shown_minimum)
        except ValueError:
            raise CheckFailed(f"the shown minimum weight is not a number: {shown_minimum!r}") from None
        require(abs(shown_value - maximum) <= maximum * 0.01,
                f"the shown minimum weight: {shown_minimum}, the heaviest tie weighs {maximum}")
        shown_nodes = self.viewer("viewer.nodeRoles().filter((_, i) => viewer.nodeShown(i)).length")
        require_equal(shown_nodes, len(self.truth["nodes"]), "entities visible")

    def check_screenshot(self):
        self.press("#min-weight", Keys.HOME)
        self.click_node(self.node_index(self.most_mentioned["id"]))
        self.pointer_to(1, 1)  # the selection, not the hover, in the picture
        picture = self.artifacts / "viewer.png"
        require(self.driver.save_screenshot(str(picture)), f"the screenshot is written to {picture}")

    # ---- Running them -------------------------------------------------------------------------

    def run(self):
        """Runs the checks in order, stopping at the first failure; True if all passed."""
        checks = self.checks()
        passed = failed = 0
        for position, (name, check) in enumerate(checks):
            failure = None
            try:
                check()
            except Exception as error:  # any failure, an unexpected one too, is this check's
                failure = describe(error)
            problems = self.problems_since_last_look()
            if problems:
                # After a failed check they often tell why it failed.
                failure = (f"{failure}\nthe page also reported:\n" if failure else "the page reported errors:\n") \
                    + "\n".join(problems)
            if failure is None:
                print(f"ok - {name}")
                passed += 1
                continue
            print(f"FAILED - {name}\n  " + failure.replace("\n", "\n  "))
            failed += 1
            # Later checks build on the page state of earlier ones.
            for later_name, _ in checks[position + 1:]:
                print(f"not run - {later_name}")
            break
        print(f"{passed} passed, {failed} failed")
        return failed == 0 and passed == len(checks)


class BigGraphTest(ViewerTest):
    """The viewer at 1,000 entities and 20,000 ties, sliced by month: zoom, pan, filters, the
    threshold's scales, the time control and the keyboard, each driven as a person would, and
    redraws timed in the page. The time bound is loose on purpose: this is a smoothness check, not
    a benchmark, and it prints the figures measured."""

    REDRAW_BOUND_MS = 200

    def __init__(self, driver, page_path, truth, artifacts):
        super().__init__(driver, page_path, truth, artifacts)
        self.ids = [node["id"] for node in truth["nodes"]]
        self.node_of = {node["id"]: node for node in truth["nodes"]}
        self.figures = {}

    def checks(self):
        return [
            ("the 1,000/20,000 page opens on its backbone, with every entity and tie one click away", self.check_big_summary),
            ("labels stay legible: some at the fit, more as the wheel zooms in", self.check_wheel_zoom),
            ("the zoom buttons zoom in, out and fit", self.check_zoom_buttons),
            ("a drag pans without selecting", self.check_drag),
            ("a pinch of two fingers zooms", self.check_pinch),
            ("the keyboard zooms, pans, fits and steps through entities", self.check_keyboard),
            ("category, region and community filters show the ties among what passes", self.check_filters),
            ("the rank and log threshold scales reach the dense part", self.check_threshold_scales),
            ("the time control shows each month's ties and a tie's count by month", self.check_time_control),
            ("redraws stay smooth", self.check_redraw_times),
            ("screenshots of the big graph", self.check_big_screenshots),
        ]

    # ---- Helpers ----------------------------------------------------------------------------------

    # Runs a change in the page and times it to the end of the frame that draws it: the rAF callback
    # registered after the change runs after the viewer's own draw callback.
    TIMED = """
        const done = arguments[arguments.length - 1];
        const started = performance.now();
        (new Function(arguments[0]))();
        requestAnimationFrame(() => done([performance.now() - started, window.comentionViewer.stats.lastDrawMs]));
    """

    def timed(self, name, script):
        total, draw = self.driver.execute_async_script(self.TIMED, script)
        self.figures.setdefault(name, []).append((total, draw))
        return total, draw

    def settle(self):
        """Waits for a pending redraw."""
        self.driver.execute_async_script("requestAnimationFrame(() => arguments[0]());")

    def view(self):
        self.settle()
        return self.viewer("viewer.view()")

    def ties_where(self, keep_node, period=None):
        """The ties whose both ends pass, as the JSON has them, in a period if given."""
        count = 0
        for link in self.truth_links:
            if not (keep_node(self.node_of[link["source"]]) and keep_node(self.node_of[link["target"]])):
                continue
            if period is not None and not link.get("periods", {}).get(period):
                continue
            count += 1
        return count

    def shown(self):
        self.settle()
        return self.viewer("viewer.shownEdges()")

    def canvas_middle(self):
        box = self.driver.execute_script(
            "const box = document.getElementById('graph-canvas').getBoundingClientRect();"
            "return [box.left + box.width / 2, box.top + box.height / 2];")
        return round(box[0]), round(box[1])

    def choose(self, selector, value):
        """Picks an option of a select as a person would: focus, then the keyboard."""
        from selenium.webdriver.support.ui import Select
        Select(self.element(selector)).select_by_value(value)

    # ---- The checks -------------------------------------------------------------------------------

    def check_big_summary(self):
        self.open_page()
        require_equal(len(self.page_data["nodes"]), 1000, "entities in the page")
        require_equal(len(self.page_data["edges"]), 20000, "ties in the page")
        require_equal(len(self.truth["nodes"]), 1000, "entities in the JSON")
        require_equal(len(self.truth_links), 20000, "ties in the JSON")
        require(self.driver.execute_script("return !document.getElementById('time-control').hidden;"),
                "the time control is shown for a sliced graph")
        # It opens on the backbone that the drawings show: the ties an independent disparity
        # filter (test_backbone.py) keeps in the JSON's whole graph.
        from test_backbone import backbone
        expected_nodes, expected_ties, alpha = backbone({"nodes": self.truth["nodes"], "links": self.truth_links}, "auto")
        require(alpha is not None and 0 < len(expected_ties) < 20000, f"the big graph has a backbone: {len(expected_ties)}")
        require(self.element("#backbone-only").is_selected(), "Backbone only is ticked at first")
        page_nodes, page_edges = self.page_data["nodes"], self.page_data["edges"]
        shown_edges = self.viewer(f"[...Array({len(page_edges)}).keys()].filter((j) => viewer.edgeShown(j))")
        shown_ties = {tuple(sorted((page_nodes[page_edges[j]["source"]]["id"], page_nodes[page_edges[j]["target"]]["id"])))
                      for j in shown_edges}
        require_equal(shown_ties, {tuple(sorted(pair)) for pair in expected_ties}, "the ties shown at first")
        shown_nodes = {page_nodes[i]["id"]
                       for i in self.viewer(f"[...Array({len(page_nodes)}).keys()].filter((i) => viewer.nodeShown(i))")}
        require_equal(shown_nodes, expected_nodes, "the entities shown at first")
        require_equal(self.text_of("#edge-count"), f"{len(expected_ties)} of 20000 ties", "the tie count at first")
        require(f"{len(expected_ties)} of 20,000 ties" in self.text_of("#legend"), "the legend says what is shown")
        self.settle()
        picture = self.artifacts / "big-backbone.png"
        require(self.driver.save_screenshot(str(picture)), f"the screenshot is written to {picture}")
        # Unticked, everything is there for the checks that follow.
        self.click("#backbone-only")
        require_equal(self.shown(), 20000, "every tie with Backbone only unticked")
        require_equal(self.text_of("#edge-count"), "20000 of 20000 ties", "the tie count")

    def check_wheel_zoom(self):
        start = self.view()
        labels_at_fit = self.viewer("viewer.stats.labels")
        on_screen_at_fit = self.viewer("viewer.stats.nodesOnScreen")
        require(labels_at_fit >= 15, f"labels drawn at the fit: {labels_at_fit}")
        x, y = self.canvas_middle()
        for _ in range(3):
            ActionChains(self.driver).scroll_from_origin(
                __import__("selenium.webdriver.common.actions.wheel_input", fromlist=["ScrollOrigin"])
                .ScrollOrigin.from_viewport(x, y), 0, -300).perform()
        zoomed = self.view()
        require(zoomed["scale"] > start["scale"] * 2, f"the wheel zooms in: scale {start['scale']} -> {zoomed['scale']}")
        # Fewer entities are in the pane zoomed in, but a larger share of them is labelled.
        labels_zoomed = self.viewer("viewer.stats.labels")
        on_screen_zoomed = self.viewer("viewer.stats.nodesOnScreen")
        share_at_fit, share_zoomed = labels_at_fit / on_screen_at_fit, labels_zoomed / max(on_screen_zoomed, 1)
        require(share_zoomed > share_at_fit,
                f"a larger share labelled zoomed in: {labels_at_fit}/{on_screen_at_fit} -> {labels_zoomed}/{on_screen_zoomed}")
        self.figures["labels"] = (f"{labels_at_fit} of {on_screen_at_fit}", f"{labels_zoomed} of {on_screen_zoomed}")
        # The wheel's draw, as the browser ran it.
        self.figures.setdefault("wheel zoom", []).append((None, self.viewer("viewer.stats.lastDrawMs")))

    def check_zoom_buttons(self):
        before = self.view()["scale"]
        self.click("#zoom-in")
        after_in = self.view()["scale"]
        require(abs(after_in / before - 1.5) < 0.01, f"+ zooms by 1.5: {before} -> {after_in}")
        self.click("#zoom-out")
        after_out = self.view()["scale"]
        require(abs(after_out - before) < before * 0.01, f"− zooms back: {after_in} -> {after_out}")
        self.click("#zoom-fit")
        fitted = self.view()
        require(abs(fitted["scale"] - fitted["fitScale"]) < 1e-9, f"Fit returns to the fitted scale: {fitted}")

    def check_drag(self):
        before = self.view()
        x, y = self.canvas_middle()
        actions = ActionBuilder(self.driver)
        pointer = actions.pointer_action
        pointer.move_to_location(x, y)
        pointer.pointer_down()
        for step in range(1, 6):
            pointer.move_to_location(x + 24 * step, y + 12 * step)
        pointer.pointer_up()
        actions.perform()
        after = self.view()
        require(abs(after["x"] - before["x"] - 120) <= 2 and abs(after["y"] - before["y"] - 60) <= 2,
                f"the drag pans by (120, 60): {before} -> {after}")
        require_equal(self.viewer("viewer.selected()"), None, "the selection after a drag")

    def check_pinch(self):
        """Two touch pointers moving apart, from 100 to 300 px: the scale triples."""
        from selenium.webdriver.common.actions import interaction
        before = self.view()
        x, y = self.canvas_middle()
        actions = ActionBuilder(self.driver)
        fingers = [actions.add_pointer_input(interaction.POINTER_TOUCH, name) for name in ("finger1", "finger2")]
        for finger, side in zip(fingers, (-1, 1)):
            finger.create_pointer_move(x=x + side * 50, y=y, duration=0)
            finger.create_pointer_down(button=0)
        for step in range(1, 5):
            for finger, side in zip(fingers, (-1, 1)):
                finger.create_pointer_move(x=x + side * (50 + 25 * step), y=y, duration=20)
        for finger in fingers:
            finger.create_pointer_up(button=0)
        actions.perform()
        after = self.view()
        require(abs(after["scale"] / before["scale"] - 3) < 0.1, f"the pinch zooms by 3: {before['scale']} -> {after['scale']}")
        require_equal(self.viewer("viewer.selected()"), None, "the selection after a pinch")
        self.click("#zoom-fit")

    def check_keyboard(self):
        self.driver.execute_script("document.getElementById('graph-canvas').focus();")
        before = self.view()
        ActionChains(self.driver).send_keys("+").perform()
        require(abs(self.view()["scale"] / before["scale"] - 1.5) < 0.01, "+ zooms in")
        moved = self.view()
        ActionChains(self.driver).send_keys(Keys.ARROW_LEFT).perform()
        require(abs(self.view()["x"] - moved["x"] - 60) < 1, "← pans")
        ActionChains(self.driver).send_keys("0").perform()
        fitted = self.view()
        require(abs(fitted["scale"] - fitted["fitScale"]) < 1e-9, "0 fits")
        ActionChains(self.driver).send_keys("n").perform()
        top = max(self.truth["nodes"], key=lambda node: node["mentions"])
        require_equal(self.text_of("#details h2"), top["label"], "n selects the most mentioned")
        ActionChains(self.driver).send_keys("n").perform()
        second = sorted(self.truth["nodes"], key=lambda node: -node["mentions"])[1]
        require(self.text_of("#details h2") != top["label"], f"n moves on (to {second['label']} or its equal)")
        ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
        require_equal(self.viewer("viewer.selected()"), None, "Escape clears the selection")

    def check_filters(self):
        total = len(self.truth_links)
        # Category: organizations off.
        self.click("#category-filter input[value='organization']")
        expected = self.ties_where(lambda node: node["category"] == "country")
        require_equal(self.shown(), expected, "ties among countries")
        require_equal(self.text_of("#edge-count"), f"{expected} of {total} ties", "the tie count")
        self.click("#category-filter input[value='organization']")
        require_equal(self.shown(), total, "ties with both categories back")
        # Region: the first region offered.
        region = self.driver.execute_script("return document.querySelector('#region-filter option:nth-child(2)').value;")
        self.choose("#region-filter", region)
        require_equal(self.shown(), self.ties_where(lambda node: node.get("region") == region), f"ties within {region}")
        self.choose("#region-filter", "")
        # Community: the largest, offered first.
        community = self.driver.execute_script(
            "return document.querySelector('#community-filter option:nth-child(2)').value;")
        inside = self.ties_where(lambda node: str(node.get("community")) == community)
        require(0 < inside < total, f"community {community} holds some ties: {inside}")
        self.choose("#community-filter", community)
        require_equal(self.shown(), inside, f"ties within community {community}")
        self.choose("#community-filter", "")
        require_equal(self.shown(), total, "every tie with the filters off")
        # Timed: the same filters set in the page, each to the end of its frame.
        for value in (community, ""):
            self.timed("community filter", f"const c = document.getElementById('community-filter');"
                                           f"c.value = {json.dumps(value)}; c.dispatchEvent(new Event('change'));")
        self.timed("category filter", "const b = document.querySelector(\"#category-filter input[value='organization']\");"
                                      "b.click();")
        self.timed("category filter", "const b = document.querySelector(\"#category-filter input[value='organization']\");"
                                      "b.click();")
        require_equal(self.shown(), total, "every tie after the timed changes")

    def check_threshold_scales(self):
        links = self.truth_links
        weights = sorted(link["weight"] for link in links)
        # One step up from the lowest keeps most ties: no jump from all to a handful.
        self.press("#min-weight", Keys.HOME)
        self.press("#min-weight", Keys.ARROW_RIGHT)
        one_step = self.shown()
        require(one_step > len(links) * 0.5, f"one step past the lowest keeps most ties: {one_step}")
        # The middle of the rank scale is the median weight.
        self.press("#min-weight", Keys.HOME)
        for _ in range(5):
            self.press("#min-weight", Keys.PAGE_UP)
        threshold = self.viewer("viewer.minWeight()")
        median = weights[round(0.5 * (len(weights) - 1))]
        require_equal(threshold, median, "the rank scale's middle")
        require_equal(self.shown(), sum(1 for weight in weights if weight >= threshold), "ties at the median weight")
        require_equal(self.text_of("#min-weight-value"), str(threshold), "the shown threshold")
        # Some step shows between a tenth and nine tenths of the ties: the dense part is reachable.
        shown_counts = []
        self.press("#min-weight", Keys.HOME)
        for _ in range(10):
            self.press("#min-weight", Keys.PAGE_UP)
            shown_counts.append(self.shown())
        require(any(len(links) * 0.1 <= count <= len(links) * 0.9 for count in shown_counts),
                f"ties shown at each tenth of the rank scale: {shown_counts}")
        # The log scale: the top is the heaviest, the middle the geometric middle.
        self.choose("#weight-scale", "log")
        self.press("#min-weight", Keys.END)
        heaviest = weights[-1]
        require_equal(self.shown(), sum(1 for weight in weights if weight >= heaviest), "ties at the top of the log scale")
        self.press("#min-weight", Keys.HOME)
        for _ in range(5):
            self.press("#min-weight", Keys.PAGE_UP)
        middle = self.viewer("viewer.minWeight()")
        low = weights[0]
        require(abs(middle - (low - 1 + (heaviest - low + 1) ** 0.5)) <= 1, f"the log scale's middle: {middle}")
        require_equal(self.shown(), sum(1 for weight in weights if weight >= middle), "ties at the log middle")
        self.timed("threshold", "const s = document.getElementById('min-weight'); s.value = '0';"
                                "s.dispatchEvent(new Event('input'));")
        self.choose("#weight-scale", "quantile")
        require_equal(self.shown(), len(links), "every tie at the lowest threshold")

    def check_time_control(self):
        periods = self.truth["graph"]["periods"]
        require_equal(len(periods), 12, "months in the JSON")
        require_equal(self.text_of("#period-value"), "all 12", "the time control starts on the whole year")
        for number, period in enumerate(periods, start=1):
            if number % 2:
                self.click("#period-next")
            else:
                self.driver.execute_script("document.getElementById('graph-canvas').focus();")
                ActionChains(self.driver).send_keys("]").perform()
            require_equal(self.text_of("#period-value"), period, f"the period after {number} steps")
            expected = self.ties_where(lambda node: True, period)
            require_equal(self.shown(), expected, f"ties in {period}")
            require_equal(self.text_of("#edge-count"), f"{expected} of {len(self.truth_links)} ties",
                          f"the tie count in {period}")
            top = self.text_of("#details .top-ties li")
            require(top, f"a strongest tie is listed in {period}")
        # A tie's count by month: the heaviest tie, opened from the top list, against the JSON.
        self.click("#details .top-ties li button")
        heading = self.text_of("#details h2")
        link = next(link for link in self.truth_links
                    if heading in (f"{self.label_of(link['source'])} – {self.label_of(link['target'])}",
                                   f"{self.label_of(link['target'])} – {self.label_of(link['source'])}"))
        rows = self.driver.execute_script(
            "return [...document.querySelectorAll('#details .period-table tr')]"
            ".map((row) => [row.dataset.period, Number(row.lastChild.textContent), row.className]);")
        require_equal([row[:2] for row in rows], [[period, link.get("periods", {}).get(period, 0)] for period in periods],
                      f"the counts by month of {heading}")
        require_equal([row[0] for row in rows if row[2] == "current"], [periods[-1]], "the current month marked")
        for _ in range(3):
            self.timed("period step", "document.getElementById('period-previous').click();")
        self.press("#period", Keys.HOME)
        require_equal(self.text_of("#period-value"), "all 12", "Home returns to the whole year")
        require_equal(self.shown(), len(self.truth_links), "every tie over the whole year")
        self.press("#period", Keys.ESCAPE)

    def check_redraw_times(self):
        for _ in range(5):
            self.timed("zoom step", "document.getElementById('zoom-in').click();")
        for _ in range(5):
            self.timed("zoom step", "document.getElementById('zoom-out').click();")
        self.timed("zoom step", "document.getElementById('zoom-fit').click();")
        for _ in range(5):
            self.timed("wheel event", "const c = document.getElementById('graph-canvas'); const b = c.getBoundingClientRect();"
                                      "c.dispatchEvent(new WheelEvent('wheel', {deltaY: -120, clientX: b.left + b.width / 2,"
                                      " clientY: b.top + b.height / 2, bubbles: true, cancelable: true}));")
        slow = []
        for name, figures in self.figures.items():
            if name == "labels":
                continue
            draws = [draw for _, draw in figures]
            totals = [total for total, _ in figures if total is not None]
            line = f"    {name}: draw max {max(draws):.1f} ms"
            if totals:
                line += f", change to painted frame max {max(totals):.1f} ms, mean {sum(totals) / len(totals):.1f} ms"
            print(line)
            if max(draws) > self.REDRAW_BOUND_MS or (totals and max(totals) > self.REDRAW_BOUND_MS):
                slow.append(name)
        print(f"    labels drawn: {self.figures['labels'][0]} at the fit, {self.figures['labels'][1]} zoomed in")
        require(not slow, f"slower than {self.REDRAW_BOUND_MS} ms: {', '.join(slow)}")
        self.click("#zoom-fit")

    def check_big_screenshots(self):
        self.pointer_to(1, 1)
        picture = self.artifacts / "big.png"
        require(self.driver.save_screenshot(str(picture)), f"the screenshot is written to {picture}")
        for _ in range(4):
            self.click("#zoom-in")
        # The most mentioned entity in the zoomed pane, selected, so its neighbourhood shows.
        by_mentions = sorted(range(len(self.page_data["nodes"])), key=lambda i: -self.page_data["nodes"][i]["mentions"])
        point = next(filter(None, (self.driver.execute_script(self.POINT_ON_NODE, i) for i in by_mentions)), None)
        require(point, "some entity can be clicked in the zoomed pane")
        self.pointer_to(*point, click=True)
        require(self.viewer("viewer.selected()"), "the click selects it")
        self.pointer_to(1, 1)
        picture = self.artifacts / "big-zoomed.png"
        require(self.driver.save_screenshot(str(picture)), f"the screenshot is written to {picture}")


def describe(error):
    if isinstance(error, WebDriverException):
        # Its str() adds chromedriver's native stack trace, which says nothing about the page.
        return f"{type(error).__name__}: {error.msg}"
    if isinstance(error, CheckFailed):
        return str(error)
    return f"{type(error).__name__}: {error}"


def build_page(binary, what, arguments, page_path, truth_path):
    """Writes the viewer page and its truth (node-link JSON) with comention build; the truth, or
    None after saying why the build failed."""
    built = subprocess.run([str(binary), "build", *arguments, "-o", str(page_path), "-o", str(truth_path)],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    if built.returncode != 0:
        print(f"viewer_test: {binary} {what} failed with status {built.returncode}", file=sys.stderr)
        return None
    return json.loads(truth_path.read_text(encoding="utf-8"))


def main():
    if len(sys.argv) != 4 or not all(sys.argv[1:]):
        print("usage: python3 viewer_test.py COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR", file=sys.stderr)
        return 2
    binary, samples, artifacts = (Path(argument).resolve() for argument in sys.argv[1:])
    artifacts.mkdir(parents=True, exist_ok=True)
    page_path = artifacts / "viewer.html"
    truth_path = artifacts / "viewer.json"

    truth = build_page(binary, "build", [str(samples), "--evidence", "2"], page_path, truth_path)
    if truth is None:
        return 1

    # The big graph, from a made-up corpus (big_graph.py), without the built-in gazetteer.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import big_graph
    gazetteer, corpus, _ = big_graph.write_corpus(artifacts / "big-corpus")
    big_page, big_truth_path = artifacts / "big.html", artifacts / "big.json"
    big_truth = build_page(binary, "build of the big graph",
                           [str(corpus), "--no-default-gazetteer", "--gazetteer", str(gazetteer),
                            "--date-field", "date", "--slice", "month"], big_page, big_truth_path)
    if big_truth is None:
        return 1

    # A fresh profile each run, so no earlier run's state reaches the page.
    with tempfile.TemporaryDirectory(prefix="comention-chromium-", ignore_cleanup_errors=True) as profile, \
            contextlib.ExitStack() as stack:
        try:
            driver_url = stack.enter_context(running_chromedriver())
            driver = start_chromium(driver_url, profile)
        except (CheckFailed, WebDriverException) as error:
            print(f"viewer_test: cannot start chromium with {CHROMEDRIVER}: {describe(error)}", file=sys.stderr)
            return 1
        try:
            all_passed = ViewerTest(driver, page_path, truth, artifacts).run()
            print("# the big graph: 1,000 entities, 20,000 ties, by month")
            all_passed = BigGraphTest(driver, big_page, big_truth, artifacts).run() and all_passed
        finally:
            driver.quit()
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
