"""`make serve`: MkDocs' live preview and the content watcher, started and stopped as one.

`mkdocs serve` runs as a child process. Whatever way the preview is stopped (Ctrl-C, SIGTERM or
SIGHUP to this process, or the `make` that started it being killed, which leaves this process
an orphan), the child is stopped too, so it never keeps holding the port. A port already in use
is refused before anything is built, in one line that says how to pick another.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from .files import GENERATED
from .watch import watch

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
GRACE = 5  # seconds mkdocs gets to stop before it is killed


class Stopped(Exception):
    """A stop signal arrived."""


def split_addr(addr: str) -> tuple[str, int] | None:
    """'127.0.0.1:8000' → ('127.0.0.1', 8000); '[::1]:8000' → ('::1', 8000); None when malformed."""
    host, _, port = addr.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host, int(port)


def addr_problem(addr: str) -> str | None:
    """Why the preview cannot listen on `addr`, in one line with the way out; None when it can."""
    example = "make serve ADDR=127.0.0.1:8001"
    parsed = split_addr(addr)
    if parsed is None:
        return f"serve: {addr!r} is not an address HOST:PORT; give one, e.g. {example}"
    host, port = parsed
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return f"serve: cannot resolve the host {host!r}; use 127.0.0.1, e.g. {example}"
    family, kind, proto, _, sockaddr = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs' server binds
        try:
            probe.bind(sockaddr)
        except OSError as err:
            if err.errno != errno.EADDRINUSE:
                return f"serve: cannot listen on {addr}: {err.strerror}; pick another address, e.g. {example}"
            other = f"{host}:{port + 1}" if port < 65535 else f"{host}:8001"
            return (
                f"serve: port {port} on {host} is already in use (another `make serve`?); stop that one, "
                f"or pick another port: make serve ADDR={other}"
            )
    return None


def _raise_stopped(signum, frame):
    raise Stopped(signal.Signals(signum).name)


def serve(root: Path, addr: str, regenerate) -> int:
    """Preview until stopped; 0 when stopped on purpose, else the server's failing status."""
    if problem := addr_problem(addr):
        print(problem, file=sys.stderr)
        return 1
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in STOP_SIGNALS}
    parent = os.getppid()
    server = None
    try:
        if regenerate() and not (root / GENERATED / "index.md").exists():
            return 1  # nothing to preview yet; the problems are printed above
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", addr], cwd=root
        )
        watch(root, regenerate, server, running=lambda: os.getppid() == parent)
        return server.poll() or 0
    except (KeyboardInterrupt, Stopped):
        return 0
    finally:
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the stop short
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        _stop(server)
        for sig, handler in {signal.SIGINT: interrupt, **previous}.items():
            signal.signal(sig, handler)


def _stop(server: subprocess.Popen | None) -> None:
    """Stop mkdocs and wait for it, killing it if it does not stop in GRACE seconds."""
    if server is None or server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(GRACE)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
