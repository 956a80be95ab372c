"""The server errors in a gunicorn log, grouped: Django logs "Internal Server Error: <path>" and then
the traceback; this prints each distinct exception (its last traceback line and the innermost frame of
project code) with how many requests and which paths raised it.

    .venv/bin/python .ci/prodstack/errors.py gunicorn.log
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

_START = re.compile(r"^Internal Server Error: (\S+)")
_FRAME = re.compile(r'^\s+File "([^"]+)", line (\d+), in (\S+)')
_VENV = ("/.venv/", "/site-packages/", "/lib/python3")


def server_errors(log: str) -> dict[tuple[str, str], list[str]]:
    """(exception line, innermost project frame) -> paths."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    path, frame, in_traceback = None, "", False
    for line in log.splitlines():
        start = _START.match(line)
        if start:
            path, frame, in_traceback = start.group(1), "", False
            continue
        if path is None:
            continue
        if line.startswith("Traceback"):
            in_traceback = True
            continue
        match = _FRAME.match(line)
        if match:
            if not any(part in match.group(1) for part in _VENV):
                frame = f"{match.group(1).split('/')[-2]}/{match.group(1).split('/')[-1]}:{match.group(2)} {match.group(3)}"
            continue
        if in_traceback and line and not line.startswith((" ", "\t", "The above", "During handling")):
            groups[(line.strip()[:240], frame)].append(path)
            path, in_traceback = None, False
    return groups


def main() -> int:
    groups = server_errors(Path(sys.argv[1]).read_text(errors="replace"))
    if not groups:
        print("no 'Internal Server Error' in the log")
        return 0
    for (exception, frame), paths in sorted(groups.items(), key=lambda item: -len(item[1])):
        distinct = sorted(set(paths))
        print(f"{len(paths):5} x {exception}\n        at {frame or '(no project frame)'}")
        print(f"        paths: {', '.join(distinct[:6])}{' ...' if len(distinct) > 6 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
