"""Run your own tests against chainkit-sandbox: all five services on loopback, offline.

The sandbox is a separate wheel: ``pip install "chainkit[testing]"`` (or ``chainkit-sandbox``).
With pytest, add ``pytest_plugins = ["chainkit.testing"]`` to your ``conftest.py`` and take the
``chainkit_sandbox`` fixture (its base URL). Elsewhere, ``with sandbox() as url: ...``.
Its default test credentials are listed in the sandbox's README.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sysconfig
import tempfile
import threading
from collections.abc import Iterator, Mapping
from typing import IO, Optional, Union

__all__ = ["sandbox", "sandbox_binary"]

_BANNER = "chainkit-sandbox listening on "
_NAME = "chainkit-sandbox" + (".exe" if os.name == "nt" else "")


def sandbox_binary() -> str:
    """The sandbox executable: ``$CHAINKIT_SANDBOX_BIN``, else the one this interpreter's
    chainkit-sandbox wheel installed, else ``chainkit-sandbox`` on PATH."""
    named = os.environ.get("CHAINKIT_SANDBOX_BIN")
    if named:
        return named
    # A venv's scripts directory holds the wheel's binary even when the venv is not activated.
    beside = os.path.join(sysconfig.get_path("scripts"), _NAME)
    if os.path.isfile(beside):
        return beside
    found = shutil.which(_NAME)
    if found:
        return found
    raise FileNotFoundError(
        'chainkit-sandbox not found: pip install "chainkit[testing]" (or chainkit-sandbox), '
        "or set CHAINKIT_SANDBOX_BIN"
    )


@contextlib.contextmanager
def sandbox(
    credentials: Optional[Mapping[str, Mapping[str, Union[str, int]]]] = None,
    *,
    binary: Optional[str] = None,
    timeout: float = 10.0,
) -> Iterator[str]:
    """Starts the sandbox on a free loopback port, yields its base URL (``http://127.0.0.1:PORT``)
    and stops it. ``credentials`` overrides its test credentials and delays by section, e.g.
    ``{"dna": {"message_delay_ms": 0}}``."""
    exe = binary or sandbox_binary()
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile(mode="w+") as errors:
        # --stop-on-stdin-eof: the sandbox never outlives this process, however it ends.
        args = [exe, "--listen", "127.0.0.1:0", "--stop-on-stdin-eof"]
        if credentials:
            path = os.path.join(tmp, "credentials.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(credentials, f)
            args += ["--credentials", path]
        # stderr goes to a file and stdout is drained, so the sandbox never blocks on a full pipe.
        proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        try:
            first: list[str] = []
            reader = threading.Thread(target=_read_then_drain, args=(proc.stdout, first), daemon=True)
            reader.start()
            reader.join(timeout)
            line = first[0].strip() if first else ""
            if not line.startswith(_BANNER):
                proc.kill()
                proc.wait()
                errors.seek(0)
                raise RuntimeError(
                    f"{exe} did not start within {timeout}s (first line {line!r}, "
                    f"exit code {proc.returncode}, stderr {errors.read().strip()!r})"
                )
            yield line[len(_BANNER) :].rstrip("/")
        finally:
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _read_then_drain(stream: Optional[IO[str]], first: list[str]) -> None:
    if stream is None:
        return
    first.append(stream.readline())
    for _ in stream:
        pass


try:
    import pytest
except ImportError:  # pytest is optional: the context manager works without it.
    pass
else:
    __all__ += ["chainkit_sandbox"]

    @pytest.fixture(scope="session")
    def chainkit_sandbox() -> Iterator[str]:
        """The base URL of a sandbox started for the test session (``pytest_plugins =
        ["chainkit.testing"]`` in conftest.py makes this fixture available)."""
        with sandbox() as url:
            yield url
