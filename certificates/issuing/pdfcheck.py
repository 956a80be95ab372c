"""Checking an uploaded PDF's signature within hard limits.

Parsing a PDF costs what the file makes it cost: a 14 KB file whose cross-reference stream claims two
million entries took a web worker 25-46 s of CPU and ~350 MB. So anything past the register look-up
(which needs no parsing) goes through `bounded_signature_check`:

1. cheap pre-checks on the raw bytes (size, the entry counts that xref tables and streams and object
   streams declare, the number of objects) refuse what no certificate of ours looks like before
   pyHanko reads it;
2. the pyHanko check runs in a forked child process with RLIMIT_CPU and RLIMIT_AS set, and the
   parent kills it when the wall-clock timeout passes.

Either way the caller gets `CouldNotCheck`, never a hung worker. Limits are settings
(PDF_CHECK_MAX_OBJECTS, PDF_CHECK_CPU_SECONDS, PDF_CHECK_MEMORY_MB, PDF_CHECK_TIMEOUT_SECONDS,
VERIFY_PDF_MAX_BYTES).
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import resource
import select
import signal
import time
from dataclasses import dataclass

from django.conf import settings

from . import signing

logger = logging.getLogger(__name__)

# The reasons a check was given up (for logs; the public answer is the same).
TOO_BIG = "file too big"
TOO_MANY_OBJECTS = "too many objects declared"
OUT_OF_TIME = "wall-clock timeout"
OUT_OF_CPU = "CPU limit"
OUT_OF_MEMORY = "memory limit"
FAILED = "check failed"

# Declared entry counts: the trailer's or xref stream's /Size, an xref stream's /Index pairs, an
# object stream's /N, a classic xref table's subsection headers.
_SIZE = re.compile(rb"/Size\s+(\d{1,20})")
_INDEX = re.compile(rb"/Index\s*\[([\d\s]{0,100000})\]")
_OBJSTM_N = re.compile(rb"/N\s+(\d{1,20})")
_XREF_SUBSECTION = re.compile(rb"(?<!start)xref\s+\d{1,20}\s+(\d{1,20})")
_OBJ = re.compile(rb"\d\s+\d{1,5}\s+obj\b")


class CouldNotCheck(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_objects: int
    cpu_seconds: int
    memory_mb: int
    timeout_seconds: float

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_bytes=int(settings.VERIFY_PDF_MAX_BYTES),
            max_objects=int(settings.PDF_CHECK_MAX_OBJECTS),
            cpu_seconds=int(settings.PDF_CHECK_CPU_SECONDS),
            memory_mb=int(settings.PDF_CHECK_MEMORY_MB),
            timeout_seconds=float(settings.PDF_CHECK_TIMEOUT_SECONDS),
        )


def precheck(data: bytes, limits: Limits) -> None:
    """Refuse, before any parsing, a file that declares more objects than `limits` allow. Linear
    regular expressions over at most VERIFY_PDF_MAX_BYTES: milliseconds."""
    if len(data) > limits.max_bytes:
        raise CouldNotCheck(TOO_BIG)
    # Cross-reference entries over every section (a chain of /Prev sections adds up), each section's
    # /Size, each object stream's count, and the objects written out in the file.
    entries = sum(int(n) for n in _XREF_SUBSECTION.findall(data))
    for index in _INDEX.findall(data):
        entries += sum(int(n) for n in index.split()[1::2])
    counts = [entries, len(_OBJ.findall(data)), sum(int(n) for n in _OBJSTM_N.findall(data))]
    counts += [int(n) for n in _SIZE.findall(data)]
    if max(counts) > limits.max_objects:
        raise CouldNotCheck(TOO_MANY_OBJECTS)


def bounded_signature_check(data: bytes, *, limits: Limits | None = None) -> signing.PdfSignatureCheck:
    """`signing.check_pdf_signature(data)` within the limits; CouldNotCheck when one is reached."""
    limits = limits or Limits.from_settings()
    precheck(data, limits)
    # Loaded here, not in the child: a forked child must not take locks another thread may hold.
    trust = signing.trusted_set()
    _preload_pyhanko()
    started = time.monotonic()
    try:
        return _run_in_child(lambda: signing.check_pdf_signature(data, trust=trust), limits)
    except CouldNotCheck as exc:
        logger.warning(
            "Uploaded PDF not checked (%s) after %.1f s, %d bytes",
            exc.reason,
            time.monotonic() - started,
            len(data),
        )
        raise


def _preload_pyhanko() -> None:
    """Import pyHanko in the parent once, so each child starts with it loaded (fork shares it)."""
    import pyhanko.pdf_utils.reader  # noqa: F401
    import pyhanko.sign.validation  # noqa: F401
    import pyhanko_certvalidator  # noqa: F401


def _apply_limits(limits: Limits) -> None:
    # Soft CPU limit: SIGXCPU kills the child; the hard limit one second later is the backstop.
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    # The child starts with the parent's address space: the budget is on top of what it already has.
    budget = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + budget, resource.RLIM_INFINITY))


def _address_space() -> int:
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# The child's exit codes when it could not write its answer.
_CHILD_CRASHED = 1
_CHILD_OUT_OF_MEMORY = 3


def _run_in_child(work, limits: Limits):
    """Run `work()` in a forked child under `limits`; return its (pickled) result. The child never
    returns into Django: it writes its answer to a pipe and leaves with os._exit, so it runs no
    atexit hooks and does not close the parent's database connections."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: whatever happens, it leaves through os._exit and never returns
        code = _CHILD_CRASHED
        try:
            os.close(read_fd)
            out_of_memory = pickle.dumps(("limit", OUT_OF_MEMORY))  # made before the limit is set
            try:
                _apply_limits(limits)
                payload = pickle.dumps(("ok", work()))
            except MemoryError:
                payload = out_of_memory
            except BaseException as exc:  # noqa: BLE001 (anything else: report it, never raise)
                payload = pickle.dumps(("error", repr(exc)[:500]))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_fd, view) :]
            code = 0
        except MemoryError:
            code = _CHILD_OUT_OF_MEMORY  # even reporting it needed memory
        finally:
            os._exit(code)
    os.close(write_fd)
    return _collect(pid, read_fd, limits)


def _collect(pid: int, read_fd: int, limits: Limits):
    deadline = time.monotonic() + limits.timeout_seconds
    chunks: list[bytes] = []
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([read_fd], [], [], remaining)[0]:
                timed_out = True
                break
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        if timed_out:
            _kill(pid)
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise CouldNotCheck(OUT_OF_TIME)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        raise CouldNotCheck(
            OUT_OF_CPU if number == signal.SIGXCPU else f"{FAILED}: killed by signal {number}"
        )
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _CHILD_OUT_OF_MEMORY:
        raise CouldNotCheck(OUT_OF_MEMORY)
    try:
        # Our own child wrote this (the file's content cannot choose what it pickles).
        kind, value = pickle.loads(b"".join(chunks))
    except Exception as exc:  # an empty or cut answer: the child died writing it
        raise CouldNotCheck(FAILED) from exc
    if kind == "ok":
        return value
    raise CouldNotCheck(value if kind == "limit" else f"{FAILED}: {value}")


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
