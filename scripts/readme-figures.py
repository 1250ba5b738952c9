#!/usr/bin/env python3
"""Regenerates the figures README.md quotes, from the commands that make them.

Two kinds of quoted output are refreshed:

* Regions between `<!-- figures: COMMAND -->` and `<!-- /figures -->`: COMMAND runs from the repository root
  (`anomalystudio …` runs the built CLI) and its standard output replaces the region as it is; a region that
  starts with a ``` fence keeps its fence around the new output.
* The command examples: every fenced block with `$ anomalystudio …` lines that read the shipped samples or the
  shared data (the blocks `ReadmeExamplesTests` runs). Each command runs in a fresh directory, as the test does,
  and each line quoted under it is replaced by the output line of the same shape (the same text once every figure
  is masked), searched in order, or by the start of such a line where the quote ends in "…" (cut short); a quoted
  line no output line matches is reported and left as it is.

Regions marked `<!-- figures (measured): COMMAND -->` hold timings, which change from run to run and machine to
machine: they are run only with --measured, on a quiet machine (the same-run comparison with the Python reference
takes minutes).

Usage: scripts/readme-figures.py [--check] [--measured] [--data DIR]
  --check     change nothing; list what would change and exit 1 if anything would
  --measured  also run the regions of timings
  --data      the shared data folder (default: ../shared/data beside the repository)
"""
import argparse
import decimal
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "AnomalyStudio.App", "bin", "Release", "net10.0", "AnomalyStudio.App.dll")
PROMPT = re.compile(r"^\$ (?:anomalystudio|\./run\.sh) (?P<args>.*)$")
REGION = re.compile(r"^<!-- figures(?P<measured> \(measured\))?: (?P<command>.+?) -->$")
FIGURE = re.compile(r"(?<![\w.])[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])[-−]?\d+(?:\.\d+)?")


def shape(line):
    """The line with every figure masked and its spaces dropped: what stays the same when the figures change."""
    return re.sub(r"\s+", "", FIGURE.sub("#", line))


def run(args, cwd, data):
    """Runs the CLI (or a script of the repository) with the README's relative data paths made absolute."""
    def absolute(arg):
        if arg.startswith("../shared/data/"):
            return os.path.join(data, arg[len("../shared/data/"):])
        if arg.startswith("samples/"):
            return os.path.join(ROOT, arg)
        return arg

    words = [absolute(a) for a in shlex.split(args)]
    command = ["dotnet", APP] + words[1:] if words[0] == "anomalystudio" else words
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"'{args}' exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def refresh_example(block, data, problems, start):
    """The block with each quoted line replaced by the output line of its shape."""
    out, output, position = [], None, 0
    with tempfile.TemporaryDirectory(prefix="readme-") as scratch:
        for offset, line in enumerate(block):
            match = PROMPT.match(line)
            if match:
                output = run("anomalystudio " + match.group("args"), scratch, data).splitlines()
                position = 0
                out.append(line)
                continue
            text = line.strip()
            if output is None or not text or text in ("...", "…"):
                out.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip())]
            cut = "…" if text.endswith("…") and len(text) > 1 else ""  # a line quoted cut short
            found = find_line(output, position, text[: len(text) - len(cut)].rstrip())
            if found is not None:
                index, current = found
                current = current + (" " if cut and text[-2:-1] == " " else "") + cut
                out.append(line if current == text else indent + current)
                position = index + 1
            elif '"' in text and (current := json_excerpt(text, "\n".join(output))) is not None:
                out.append(line if current == text else indent + current)
            else:
                problems.append(f"README line {start + offset}: no output line has the shape of '{text}'")
                out.append(line)
    return out


def find_line(output, position, text):
    """The first output line from position with the shape of the quoted text, or whose start has it (a line quoted
    cut short): its index and its text, cut as the quote is."""
    wanted = shape(text)
    for i in range(position, len(output)):
        candidate = output[i].strip()
        if shape(candidate) == wanted:
            return i, candidate
    for i in range(position, len(output)):
        candidate = output[i].strip()
        if shape(candidate).startswith(wanted):
            cut = next(k for k in range(1, len(candidate) + 1) if shape(candidate[:k]) == wanted)
            # Take the whole of a figure the cut ends in.
            while cut < len(candidate) and FIGURE.match(candidate[cut - 1:]) and candidate[cut].isdigit():
                cut += 1
            return i, candidate[:cut]
    return None


JSON_FIGURE = re.compile(r'"(?P<key>\w+)":\s*(?P<value>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)')


def rounded(value, quoted):
    """The output's value at the quote's precision (a README rounds a report's long decimals); 4 decimals where the
    quote was a whole number and the value no longer is."""
    if "." not in value or "e" in value.lower():
        return value
    places = len(quoted) - quoted.index(".") - 1 if "." in quoted else 4
    number = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
    return format(number.normalize(), "f") if "." not in quoted else format(number, "f")


def json_excerpt(text, output):
    """A quoted excerpt of a JSON report with each "key":number taken from the output, key by key in order; None
    when a key is missing."""
    cursor, pieces, last = 0, [], 0
    for match in JSON_FIGURE.finditer(text):
        found = re.compile('"' + re.escape(match.group("key")) + r'":\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)').search(output, cursor)
        if found is None:
            return None
        pieces.append(text[last:match.start("value")] + rounded(found.group(1), match.group("value")))
        last, cursor = match.end("value"), found.end()
    return "".join(pieces) + text[last:]


def uses_data(block):
    commands = [l for l in block if PROMPT.match(l)]
    return commands and any("../shared/data/" in c or "samples/" in c for c in commands)


def regenerate(lines, data, measured, problems):
    result, i = [], 0
    while i < len(lines):
        line = lines[i]
        region = REGION.match(line.strip())
        if region:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "<!-- /figures -->")
            result.append(line)
            body = lines[i + 1:end]
            if region.group("measured") and not measured:
                result.extend(body)
            else:
                command = region.group("command")
                text = run(command if not command.startswith("./run.sh ") else "anomalystudio " + command[len("./run.sh "):], ROOT, data)
                new = text.rstrip("\n").split("\n")
                fenced = body and body[0].startswith("```")
                result.extend([body[0]] + new + ["```"] if fenced else new)
            result.append(lines[end])
            i = end + 1
            continue
        if line.startswith("```"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            body = lines[i + 1:end]
            result.append(line)
            result.extend(refresh_example(body, data, problems, i + 2) if uses_data(body) else body)
            result.append(lines[end])
            i = end + 1
            continue
        result.append(line)
        i += 1
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--measured", action="store_true")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "data"))
    options = parser.parse_args()
    if not os.path.exists(APP):
        sys.exit(f"build first: {APP} is missing (dotnet build AnomalyStudio.sln -c Release)")
    readme = os.path.join(ROOT, "README.md")
    with open(readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    problems = []
    new = regenerate(lines, os.path.abspath(options.data), options.measured, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    changes = list(difflib.unified_diff(lines, new, "README.md", "README.md (regenerated)", lineterm="", n=0))
    if options.check:
        print("\n".join(changes) if changes else "README.md: every quoted figure is current" if not problems else "")
        sys.exit(1 if changes or problems else 0)
    if changes:
        with open(readme, "w", encoding="utf-8") as f:
            f.write("\n".join(new))
    print(f"README.md: {sum(1 for c in changes if c.startswith('+') and not c.startswith('+++'))} lines regenerated"
          + (f"; {len(problems)} quoted lines not found in their command's output" if problems else ""))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
