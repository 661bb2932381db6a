#!/usr/bin/env python3
"""The HTML viewer works in a real browser: Debian's chromium, driven by Debian's chromedriver and
python3-selenium, opens the page comention writes, and a person's clicks, searches and filtering
give what the graph says.

usage: python3 tests/interop/viewer_test.py COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR
Leaves viewer.html, viewer.json (the truth, node-link JSON) and viewer.png in ARTIFACT_DIR.
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

    # ---- Indexes of the page's SVG groups -----------------------------------------------------

    def node_index(self, entity_id):
        """The data index of an entity, which names its SVG group node-INDEX; -1 if absent."""
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

    def check_summary(self):
        self.forget_earlier_logs()
        self.driver.get(self.page_url)
        self.page_data = json.loads(self.text_of("#comention-data"))
        nodes, links = self.truth["nodes"], self.truth_links
        require_equal(len(self.page_data["nodes"]), len(nodes), "entities in the page and in the JSON")
        require_equal(len(self.page_data["edges"]), len(links), "ties in the page and in the JSON")
        require_equal(self.count("#graph svg .node"), len(nodes), "entities drawn")
        require_equal(self.count("#graph svg .edge"), len(links), "ties drawn")
        text = self.details_text()
        require(re.search(r"Click an entity or a tie", text), f"the hint: {text}")
        documents = self.truth["graph"]["documents"]
        require(re.search(rf"documents\s*{re.escape(str(documents))}", text), f"the document count: {text}")
        require(str(self.truth["graph"]["window"]) in text, f"the window: {text}")
        require_equal(self.text_of("#edge-count"), f"{len(links)} of {len(links)} ties", "the tie count")

    def check_entity_click(self):
        entity = self.most_mentioned
        index = self.node_index(entity["id"])
        require(index >= 0, f"{entity['id']} is in the page")
        self.click(f"#node-{index}")
        text = self.details_text()
        require(entity["label"] in text, f"the panel names {entity['label']}: {text}")
        mentions = self.driver.execute_script(
            "const term = [...document.querySelectorAll('#details dt')]"
            ".find((candidate) => candidate.textContent === 'mentions');"
            "return term ? term.nextElementSibling.textContent : null;")
        require_equal(mentions, str(entity["mentions"]), "the mention count in the panel")
        require("selected" in self.classes_of(f"#node-{index}"), "the entity is selected")

        neighbours = self.neighbours_of(entity["id"])
        require(len(neighbours) > 0, "the most-mentioned entity has neighbours")
        for neighbour in sorted(neighbours):
            require("neighbour" in self.classes_of(f"#node-{self.node_index(neighbour)}"),
                    f"neighbour {neighbour} is highlighted")
        stranger = next((node for node in self.truth["nodes"]
                         if node["id"] != entity["id"] and node["id"] not in neighbours), None)
        require(stranger, "some entity is not a neighbour")
        require("dimmed" in self.classes_of(f"#node-{self.node_index(stranger['id'])}"),
                f"{stranger['id']} is dimmed")
        require_equal(self.count("#details .neighbours li"), len(neighbours), "neighbours listed")

    # A point on the tie's drawn line that the tie itself receives (no entity or other tie on top).
    # It is rounded to whole CSS pixels before the test, because WebDriver's pointer moves to whole
    # pixels only, and the click must land where elementFromPoint looked.
    POINT_ON_TIE = """
        const group = arguments[0];
        const line = group.querySelector('path:not(.edge-hit)');
        const toScreen = line.getScreenCTM();
        for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const onLine = line.getPointAtLength(line.getTotalLength() * fraction).matrixTransform(toScreen);
          const x = Math.round(onLine.x);
          const y = Math.round(onLine.y);
          if (document.elementFromPoint(x, y)?.closest('.edge') === group) return [x, y];
        }
        return null;
    """

    def check_tie_click(self):
        clicked = None
        for link in self.truth_links:
            if not link.get("evidence"):
                continue
            index = self.edge_index(link["source"], link["target"])
            point = self.driver.execute_script(self.POINT_ON_TIE, self.element(f"#edge-{index}"))
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
        require("selected" in self.classes_of(f"#edge-{index}"), "the tie is selected")

    def check_search(self):
        # An accented label if there is one, searched for without its accents.
        nodes = self.truth["nodes"]
        target = next((node for node in nodes if fold(node["label"]) != node["label"].lower()), self.most_mentioned)
        query = fold(target["label"])[:5]
        self.fill("#search", query)
        for node in nodes:
            expected = query in fold(node["label"]) or query in fold(node["id"])
            matches = "match" in self.classes_of(f"#node-{self.node_index(node['id'])}")
            require(matches == expected, f"{node['id']} {'matches' if expected else 'does not match'} {query!r}, "
                                         f"yet the page {'does not highlight' if expected else 'highlights'} it")
        self.press("#search", Keys.ENTER)
        heading = self.text_of("#details h2")
        require(any(node["label"] == heading and query in fold(node["label"]) for node in nodes),
                f"Enter selects a match: {heading}")
        self.press("#search", Keys.ESCAPE)
        require_equal(self.count("#graph .node.match"), 0, "entities still matching after Escape")

    def check_slider(self):
        links = self.truth_links
        maximum = max(link["weight"] for link in links)
        self.press("#min-weight", Keys.END)
        heaviest = sum(1 for link in links if link["weight"] >= maximum)
        require_equal(self.count_displayed("#graph .edge"), heaviest, "ties shown at the maximum weight")
        require_equal(self.text_of("#edge-count"),
                      f"{heaviest} of {len(links)} {'tie' if len(links) == 1 else 'ties'}", "the tie count")
        shown_minimum = self.text_of("#min-weight-value")
        try:
            shown_value = float(shown_minimum)
        except ValueError:
            raise CheckFailed(f"the shown minimum weight is not a number: {shown_minimum!r}") from None
        require(abs(shown_value - maximum) <= maximum * 0.01,
                f"the shown minimum weight: {shown_minimum}, the heaviest tie weighs {maximum}")
        require_equal(self.count_displayed("#graph .node"), len(self.truth["nodes"]), "entities visible")

    def check_screenshot(self):
        self.press("#min-weight", Keys.HOME)
        self.click(f"#node-{self.node_index(self.most_mentioned['id'])}")
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


def describe(error):
    if isinstance(error, WebDriverException):
        # Its str() adds chromedriver's native stack trace, which says nothing about the page.
        return f"{type(error).__name__}: {error.msg}"
    if isinstance(error, CheckFailed):
        return str(error)
    return f"{type(error).__name__}: {error}"


def main():
    if len(sys.argv) != 4 or not all(sys.argv[1:]):
        print("usage: python3 viewer_test.py COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR", file=sys.stderr)
        return 2
    binary, samples, artifacts = (Path(argument).resolve() for argument in sys.argv[1:])
    artifacts.mkdir(parents=True, exist_ok=True)
    page_path = artifacts / "viewer.html"
    truth_path = artifacts / "viewer.json"

    built = subprocess.run([str(binary), "build", str(samples), "--evidence", "2",
                            "-o", str(page_path), "-o", str(truth_path)],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    if built.returncode != 0:
        print(f"viewer_test: {binary} build failed with status {built.returncode}", file=sys.stderr)
        return 1
    truth = json.loads(truth_path.read_text(encoding="utf-8"))

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
        finally:
            driver.quit()
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
