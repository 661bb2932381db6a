#!/usr/bin/env python3
"""Checks that the man page and the bash completion say what the binary says.

The binary's --help texts are the reference: the commands, gazetteer actions, options and fixed
option values are read from them, never listed here, so that an option added to the binary and
forgotten in the documents fails this test.

Run as:
  test_docs_in_step.py --comention BINARY --man comention.1 --completion comention.bash-completion

Needs only Python 3 and bash. Prints one line per check and ends with "N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# An option named anywhere in a text. Long options are unmistakable; a short one ("-o") is only
# taken where an option is expected, since prose names other programs' flags ("neato -n").
LONG_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*[a-z0-9]")
SHORT_OPTION = re.compile(r"(?<![\w-])-[A-Za-z](?![\w-])")

# Bash's COMP_WORDBREAKS in an interactive shell: the test splits command lines the same way.
DEFAULT_WORDBREAKS = " \t\n\"'><=;|&(:"


# --- The binary's help texts ---------------------------------------------------------------

class Help:
    """What the --help texts say: commands, gazetteer actions, and each command's options."""

    def __init__(self, binary):
        self.binary = binary
        self.main = self.run("--help")
        self.version = self.run("--version").split()[-1]
        self.commands = re.findall(r"^\s+comention ([a-z]+)\b", self.main, re.M)
        self.top_options = set(LONG_OPTION.findall(self.main))
        self.texts = {command: self.run(command, "--help") for command in self.commands}
        self.options = {}  # command -> {option: [fixed values]}
        self.groups = {}   # command -> {group heading: {options}}
        self.described = set()  # options whose values the description lists, not the first column
        for command, text in self.texts.items():
            self.options[command], self.groups[command], described = parse_help(text)
            self.described |= described
        self.gazetteer_actions = re.findall(r"^\s+comention gazetteer ([a-z]+)\b",
                                            self.texts.get("gazetteer", ""), re.M)
        if "explain" in self.options:
            self.add_explain_options()
        # "comention COMMAND --help": every command takes --help, whether it lists it or not.
        if re.search(r"COMMAND --help", self.main):
            for options in self.options.values():
                options.setdefault("--help", [])

    def run(self, *args):
        result = subprocess.run([self.binary, *args], capture_output=True, encoding="utf-8",
                                timeout=60)
        if result.returncode != 0:
            raise HelpError(f"comention {' '.join(args)} exited {result.returncode}: "
                            f"{result.stderr.strip()}")
        return result.stdout

    def add_explain_options(self):
        """explain's help lists no options; it says which groups of build's it takes."""
        text = " ".join(self.texts["explain"].split())
        options = self.options["explain"]
        taken = re.search(r"[Tt]akes the ([a-z, ]+?) options of build", text)
        if taken and "build" in self.groups:
            for word in re.split(r",\s*|\s+and\s+", taken.group(1)):
                for heading, names in self.groups["build"].items():
                    if heading.lower().split()[0] == word:
                        for name in names:
                            options[name] = self.options["build"][name]
        for name, values in options.items():
            # Options named in the prose ("--window, --weight ...") have build's values.
            if not values and name in self.options.get("build", {}):
                options[name] = self.options["build"][name]

    def all_options(self):
        names = set(self.top_options)
        for options in self.options.values():
            names |= set(options)
        return names

    def entity_ids(self):
        return [line.split("\t")[0] for line in self.run("gazetteer", "list").splitlines() if line]


class HelpError(Exception):
    pass


def parse_help(text):
    """The options of one --help text with their fixed values, the group each is in, and
    which options have their values listed in the description rather than the first column.

    An option line is indented a little and starts with "-": its first column holds the names
    and what they take ("-o, --output FILE", "--layout neato|fdp"), the rest is description,
    continued on lines indented further. A line at the margin such as "Drawing (...):" heads
    a group. Long options named in the prose ("export [--aliases]") count as options too.
    """
    options = {}
    groups = {}
    described = set()
    group = None
    lines = text.splitlines()
    for index, line in enumerate(lines):
        heading = re.match(r"([A-Z][A-Za-z ,]*?)\s*[(:]", line)
        if heading:
            group = heading.group(1)
            groups.setdefault(group, set())
            continue
        option_line = re.match(r" {2,6}(-.*)", line)
        if not option_line:
            continue
        parts = re.split(r"\s{2,}", option_line.group(1).strip(), maxsplit=1)
        column = parts[0]
        description = parts[1] if len(parts) > 1 else ""
        following = index + 1
        while following < len(lines) and lines[following].startswith(" " * 8) \
                and not re.match(r" {2,6}-", lines[following]):
            description += " " + lines[following].strip()
            following += 1
        for spec in column.split(", "):
            name, _, argument = spec.partition(" ")
            options[name] = fixed_values(argument, description)
            if options[name] and not re.search(r"[a-z|]", argument):
                described.add(name)
            if group:
                groups[group].add(name)
    for name in LONG_OPTION.findall(text):
        options.setdefault(name, [])
    return options, groups, described


def fixed_values(argument, description):
    """The values an option takes from a fixed set, or [] when it takes any value or none.

    "nodes|edges|both" and "capitals" are literal values; an upper-case argument ("NAME") is a
    placeholder, unless the description lists the choices after a colon: "...: json, dot or csv".
    """
    if not argument:
        return []
    if re.search(r"[a-z|]", argument):
        return argument.split("|")
    word = r"[a-z][a-z0-9]*"
    listed = re.search(rf":\s*({word}(?:,\s*{word})+(?:,?\s+or\s+{word})?)",
                       " ".join(description.split()))
    return re.split(r",\s*|\s+or\s+", listed.group(1)) if listed else []


def completion_value(value):
    """What completion offers for a help value: "tokens:N" is offered as "tokens:"."""
    return re.sub(r"[A-Z]+$", "", value)


# --- The man page ---------------------------------------------------------------------------

SPECIAL_CHARACTERS = {"em": "\u2014", "en": "\u2013", "lq": "\u201c", "rq": "\u201d", "dq": '"',
                      "aq": "'", "oq": "\u2018", "cq": "\u2019", "bu": "\u2022", "co": "\u00a9"}


def plain(troff):
    """The text a troff fragment prints, without fonts and with escapes resolved."""
    troff = re.sub(r'\\".*', "", troff)

    def escape(match):
        body = match.group(1)
        if body.startswith("f"):
            return ""
        if body.startswith("*") or body.startswith("("):
            name = body.lstrip("*").lstrip("(").strip("[]")
            return SPECIAL_CHARACTERS.get(name, "?")
        if body.startswith("["):
            return SPECIAL_CHARACTERS.get(body.strip("[]"), "?")
        return {"-": "-", "e": "\\", "\\": "\\", " ": " ", "~": " ", "0": " "}.get(body, "")

    name = r"(?:\(..|\[[^\]]*\]|.)"  # x, (xx or [long name]
    return re.sub(rf"\\(f{name}|\*{name}|\(..|\[[^\]]*\]|.)", escape, troff)


def macro_arguments(text):
    """A macro line's arguments: separated by blanks, "double quoted" to hold blanks."""
    arguments = []
    for quoted, bare in re.findall(r'"((?:[^"]|"")*)"?|(\S+)', text):
        arguments.append(quoted.replace('""', '"') if quoted or not bare else bare)
    return arguments


class ManLine:
    """One printed line of the man page and where it stands."""

    def __init__(self, section, subsection, entry, is_tag, in_example, text):
        self.section = section
        self.subsection = subsection
        self.entry = entry          # number of the .TP entry it belongs to, or None
        self.is_tag = is_tag
        self.in_example = in_example
        self.text = text


class ManPage:
    JOINED_FONTS = {"BR", "RB", "IR", "RI", "BI", "IB"}
    SPACED_FONTS = {"B", "I", "SM", "SB"}

    def __init__(self, source):
        self.title = []
        self.lines = []
        section = subsection = None
        entry = None
        entry_depth = 0
        entries = 0
        depth = 0  # .RS nesting: a .PP inside an indented block does not end the entry
        tag_expected = False
        in_example = False
        for raw in source.splitlines():
            if raw.startswith(('.\\"', "'\\\"")):
                continue
            if not raw.startswith((".", "'")):
                text = plain(raw)
            else:
                name, _, rest = raw[1:].strip().partition(" ")
                if name == "TH":
                    self.title = macro_arguments(rest)
                    continue
                if name in ("SH", "SS"):
                    heading = " ".join(plain(a) for a in macro_arguments(rest))
                    if name == "SH":
                        section, subsection = heading, None
                    else:
                        subsection = heading
                    entry, depth, tag_expected = None, 0, False
                    continue
                if name == "TP":
                    entries += 1
                    entry, entry_depth, tag_expected = entries, depth, True
                    continue
                if name == "TQ":
                    tag_expected = True
                    continue
                if name in ("PP", "LP", "P", "IP"):
                    if depth <= entry_depth:
                        entry = None
                    continue
                if name == "RS":
                    depth += 1
                    continue
                if name == "RE":
                    depth = max(0, depth - 1)
                    continue
                if name in ("EX", "EE"):
                    in_example = name == "EX"
                    continue
                if name in self.JOINED_FONTS:
                    text = "".join(plain(a) for a in macro_arguments(rest))
                elif name in self.SPACED_FONTS:
                    text = " ".join(plain(a) for a in macro_arguments(rest))
                else:
                    continue  # .br, .sp, .nf, .ad and the like print nothing
            self.lines.append(ManLine(section, subsection, entry, tag_expected, in_example, text))
            tag_expected = False

    def section_text(self, section):
        return " ".join(line.text for line in self.lines if line.section == section)

    def tags(self, section, subsection_pattern=None):
        """The tag lines of the .TP entries of a section (with .TQ, an entry has several),
        in the subsections whose heading matches `subsection_pattern` if it is given."""
        return [line for line in self.lines
                if line.is_tag and line.section == section
                and (subsection_pattern is None
                     or re.search(subsection_pattern, line.subsection or ""))]

    def entry_text(self, entry):
        return " ".join(line.text for line in self.lines if line.entry == entry)

    def options_named(self):
        """Every option the page names: long ones anywhere, short ones in tags, the synopsis
        and example command lines of comention (up to a pipe, after which another program runs)."""
        names = set()
        for line in self.lines:
            names |= set(LONG_OPTION.findall(line.text))
            if line.is_tag or line.section == "SYNOPSIS":
                names |= set(SHORT_OPTION.findall(line.text))
            elif line.in_example and line.text.lstrip().startswith("comention "):
                names |= set(SHORT_OPTION.findall(line.text.split("|")[0]))
        return names


def command_pattern(command):
    return rf"\b{re.escape(command)}\b"


def has_word(text, word):
    """Whether `word` stands alone in `text`: "dot" in "circo|dot" or "dot.", not in "dotted"."""
    alone = rf"(?<![A-Za-z0-9_.:-]){re.escape(word)}(?![A-Za-z0-9_:-]|\.[A-Za-z0-9])"
    return re.search(alone, text) is not None


# --- The completion script ------------------------------------------------------------------

COMPLETE_SCRIPT = r'''
source "$1" || exit 90
COMP_WORDBREAKS=$2
COMP_LINE=$3
COMP_POINT=${#COMP_LINE}
COMP_CWORD=$4
shift 4
COMP_WORDS=("$@")
_comention comention "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''


def readline_words(line, wordbreaks):
    """COMP_WORDS as bash makes them for `line` with the cursor at its end: words split at
    blanks, and each run of word-break characters a word of its own ("--layout", "=", "ne")."""
    breaks = "".join(sorted(set(wordbreaks) - set(" \t\n")))
    words = []
    for chunk in line.split():
        if breaks:
            words += re.findall(rf"[{re.escape(breaks)}]+|[^{re.escape(breaks)}]+", chunk)
        else:
            words.append(chunk)
    if not line or line[-1].isspace():
        words.append("")
    return words


class CompletionError(Exception):
    pass


class Completion:
    def __init__(self, script, binary):
        self.script = script
        self.home = tempfile.TemporaryDirectory(prefix="comention-completion-")
        # `comention` must resolve to the binary under test, whatever else is installed.
        bin_dir = Path(self.home.name, "bin")
        bin_dir.mkdir()
        (bin_dir / "comention").symlink_to(Path(binary).resolve())
        self.env = dict(os.environ)
        self.env["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"
        # A non-interactive bash reads $BASH_ENV even with --norc: keep the shell plain.
        self.env.pop("BASH_ENV", None)
        self.env.pop("ENV", None)

    def close(self):
        self.home.cleanup()

    def offers(self, line, cwd=None, wordbreaks=DEFAULT_WORDBREAKS):
        """The candidates completion offers at the end of `line`, run in a plain bash."""
        words = readline_words(line, wordbreaks)
        output = self.bash(COMPLETE_SCRIPT, wordbreaks, line, str(len(words) - 1), *words, cwd=cwd)
        return {candidate for candidate in output.split("\n") if candidate}

    def bash(self, script, *args, cwd=None):
        """Runs `script` in a plain bash with the completion file as $1 and `args` after it."""
        result = subprocess.run(
            ["bash", "--norc", "--noprofile", "-c", script, "completion-test", str(self.script),
             *args],
            capture_output=True, encoding="utf-8", errors="replace", cwd=cwd or self.home.name,
            env=self.env, timeout=60)
        if result.returncode != 0 or result.stderr:
            raise CompletionError(f"bash exited {result.returncode}: {result.stderr.strip()}")
        return result.stdout


# --- Checks ---------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, what, problem):
        """Records one check: `problem` is None or "" when it passed, else what differed."""
        if problem:
            self.failed += 1
            one_line = " / ".join(problem.splitlines())  # bash's errors come on several lines
            print(f"FAIL {what}: {one_line}")
        else:
            self.passed += 1
            print(f"ok   {what}")

    def compare(self, what, actual, expected):
        self.check(what, set_difference(actual, expected))

    def compare_offers(self, what, completion, line, expected, **options):
        try:
            actual = completion.offers(line, **options)
        except CompletionError as error:
            self.check(what, str(error))
            return
        self.compare(what, actual, expected)


def set_difference(actual, expected):
    missing = sorted(set(expected) - set(actual))
    unexpected = sorted(set(actual) - set(expected))
    parts = []
    if missing:
        parts.append("missing " + shorten(missing))
    if unexpected:
        parts.append("unexpected " + shorten(unexpected))
    return "; ".join(parts)


def shorten(items, limit=12):
    shown = " ".join(items[:limit])
    return shown + (f" ... ({len(items)} in all)" if len(items) > limit else "")


def check_help_parsed(report, help_):
    """Guards the rest: a help text this test can no longer read must fail, not pass vacuously."""
    expected = {"build", "mentions", "explain", "gazetteer"}
    found = " ".join(help_.commands)
    report.check("help: commands found",
                 "" if expected <= set(help_.commands) else f"found only {found}")
    for command in help_.commands:
        report.check(f"help: options of {command} found",
                     "" if len(help_.options[command]) > 1 else "no options read from its --help")
    report.check("help: gazetteer actions found", "" if help_.gazetteer_actions else "none read")
    values = [v for option_values in help_.options.get("build", {}).values() for v in option_values]
    report.check("help: fixed values found", "" if values else "none read")


def check_man(report, help_, man):
    title = man.title
    version = next((re.search(r"\d+\.\d+\.\d+\S*", field).group(0) for field in title[2:]
                    if re.search(r"\d+\.\d+\.\d+", field)), None)
    report.check(f"man: .TH is section 1 of version {help_.version}",
                 "" if len(title) > 1 and title[1] == "1" and version == help_.version
                 else f".TH {' '.join(title)}")

    synopsis = " ".join(man.section_text("SYNOPSIS").split())
    wanted = [f"comention {command}" for command in help_.commands]
    wanted += [f"comention gazetteer {action}" for action in help_.gazetteer_actions]
    wanted += [f"comention {option}" for option in sorted(help_.top_options)]
    missing = [usage for usage in wanted if usage not in synopsis]
    report.check("man: SYNOPSIS shows every command",
                 "missing " + ", ".join(missing) if missing else "")

    tags = [" ".join(line.text.split()) for line in man.tags("COMMANDS")]
    missing = [c for c in help_.commands if not any(tag.split()[0] == c for tag in tags if tag)]
    missing += [f"gazetteer {a}" for a in help_.gazetteer_actions
                if not any(tag.startswith(f"gazetteer {a}") for tag in tags)]
    report.check("man: COMMANDS describes every command and gazetteer action",
                 "missing " + ", ".join(missing) if missing else "")

    for command in help_.commands:
        # Each option is the tag of an entry under OPTIONS, in a subsection naming the command.
        tag_lines = man.tags("OPTIONS", command_pattern(command))
        documented = set()
        for line in tag_lines:
            documented |= set(LONG_OPTION.findall(line.text)) | set(SHORT_OPTION.findall(line.text))
        missing = sorted(set(help_.options[command]) - documented)
        report.check(f"man: every option of {command} documented under OPTIONS",
                     "missing " + " ".join(missing) if missing else "")

        for option, values in sorted(help_.options[command].items()):
            if not values:
                continue
            option_tags = [line for line in tag_lines if option in LONG_OPTION.findall(line.text)]
            entries = {line.entry for line in option_tags}
            # Values the help gives beside the option ("--layout neato|fdp") belong in the
            # man page's tag too, where a common word ("names") cannot be met by chance.
            if option in help_.described:
                text = " ".join(man.entry_text(entry) for entry in entries)
            else:
                text = " ".join(line.text for line in option_tags)
            missing = [value for value in values if not has_word(text, value)]
            problem = "missing " + " ".join(missing) if missing else ""
            report.check(f"man: {command} {option} lists {'|'.join(values)}",
                         problem if entries else "no entry")

    unknown = sorted(man.options_named() - help_.all_options())
    report.check("man: names no option the binary lacks",
                 "not in any --help: " + " ".join(unknown) if unknown else "")


def check_completion(report, help_, completion):
    try:
        registered = completion.bash('source "$1" && complete -p comention').strip()
    except CompletionError as error:
        registered = str(error)
    expected = "complete -F _comention comention"
    report.check("completion: sourcing it registers _comention for comention",
                 "" if registered == expected else f"got '{registered}'")

    compare = report.compare_offers
    compare("completion: commands after 'comention '", completion, "comention ",
            set(help_.commands) | help_.top_options)

    # Where each command's options are asked for: explain wants its two ids first.
    before_options = {command: f"comention {command} " for command in help_.commands}
    if "explain" in before_options:
        before_options["explain"] = "comention explain CHN USA "
    for command in help_.commands:
        options = set(help_.options[command])
        long_options = {option for option in options if option.startswith("--")}
        compare(f"completion: options of {command} after 'comention {command} --'", completion,
                f"comention {command} --", long_options)
        compare(f"completion: options of {command} after '{before_options[command]}-'", completion,
                before_options[command] + "-", options)

    for command in help_.commands:
        for option, values in sorted(help_.options[command].items()):
            if not values:
                continue
            # A placeholder among the values ("auto|off|ALPHA") is typed, not offered.
            expected = {completion_value(value) for value in values} - {""}
            line = before_options[command] + option
            compare(f"completion: values after '{line} '", completion, line + " ", expected)
            if option.startswith("--"):
                compare(f"completion: values after '{line}='", completion, line + "=", expected)
    layouts = help_.options.get("build", {}).get("--layout", [])
    if layouts:
        # Without '=' among the word breaks, bash hands over "--layout=n" whole, and the
        # candidates must then hold the option too.
        compare("completion: '--layout=n' without '=' in COMP_WORDBREAKS", completion,
                "comention build --layout=n",
                {f"--layout={value}" for value in layouts if value.startswith("n")},
                wordbreaks=DEFAULT_WORDBREAKS.replace("=", ""))

    ids = set(help_.entity_ids())
    report.check("completion: gazetteer list gives CHN and USA",
                 "" if {"CHN", "USA"} <= ids else "not listed")
    for line, expected in [("comention explain ", ids),
                           ("comention explain CHN ", ids),
                           ("comention explain CH", {i for i in ids if i.startswith("CH")}),
                           ("comention build --focus ", ids)]:
        compare(f"completion: entity ids after '{line}'", completion, line, expected)
    # A word with a lower-case letter completes names, in any case, quoted for the shell.
    names = [line.split("\t")[2] for line in help_.run("gazetteer", "list").splitlines() if line]
    for line, prefix in [("comention build --focus uni", "uni"), ("comention explain CHN Uni", "uni"),
                         ("comention build --focus=chi", "chi")]:
        chosen = [name for name in names if name.lower().startswith(prefix)]
        report.check(f"completion: names start with '{prefix}' and need only spaces quoted",
                     "" if chosen and all(c.isalpha() or c == " " for name in chosen for c in name)
                     else f"pick another prefix: {chosen}")
        expected = {name.replace(" ", "\\ ") for name in chosen}
        compare(f"completion: entity names after '{line}'", completion, line, expected)
    compare("completion: gazetteer actions after 'comention gazetteer '", completion,
            "comention gazetteer ", set(help_.gazetteer_actions))

    with tempfile.TemporaryDirectory(prefix="comention-files-") as directory:
        for name in ("graph.svg", "graph.json", "notes.txt"):
            Path(directory, name).write_text("")
        Path(directory, "articles").mkdir()
        everything = {"graph.svg", "graph.json", "notes.txt", "articles"}
        for line, expected in [("comention build -o ", everything),
                               ("comention build --output gr", {"graph.svg", "graph.json"}),
                               ("comention build --output=gr", {"graph.svg", "graph.json"}),
                               ("comention mentions -o no", {"notes.txt"}),
                               ("comention gazetteer list -o ", everything),
                               ("comention build --gazetteer no", {"notes.txt"}),
                               ("comention build ar", {"articles"}),
                               ("comention explain CHN USA ", everything),
                               ("comention build --min-count ", set())]:
            compare(f"completion: {'files' if expected else 'nothing'} after '{line}'", completion,
                    line, expected, cwd=directory)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comention", required=True, help="the binary under test")
    parser.add_argument("--man", required=True, type=Path,
                        help="the man page, packaging/comention.1")
    parser.add_argument("--completion", required=True, type=Path,
                        help="the bash completion, packaging/comention.bash-completion")
    arguments = parser.parse_args()

    report = Report()
    try:
        help_ = Help(arguments.comention)
    except (HelpError, OSError) as error:
        report.check("help: read the --help texts", str(error))
        print(f"{report.passed} passed, {report.failed} failed")
        return 1
    check_help_parsed(report, help_)
    check_man(report, help_, ManPage(arguments.man.read_text(encoding="utf-8")))
    completion = Completion(arguments.completion.resolve(), arguments.comention)
    try:
        check_completion(report, help_, completion)
    finally:
        completion.close()
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
