import os
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Iterator, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
BANNER = "chainkit-sandbox listening on "
START_TIMEOUT_S = 20


@pytest.fixture(scope="session")
def sandbox() -> Iterator[str]:
    """The sandbox named by CHAINKIT_SANDBOX_URL, or one started (and stopped) for this session."""
    url = os.environ.get("CHAINKIT_SANDBOX_URL")
    if url:
        yield url.rstrip("/")
        return
    binary = ROOT / "target" / "debug" / "chainkit-sandbox"
    if not binary.exists():
        pytest.fail(
            f"no sandbox: CHAINKIT_SANDBOX_URL is unset and {binary} is missing "
            "(run `cargo build -p chainkit-sandbox`, or `make test`)",
            pytrace=False,
        )
    # stderr goes to a file, not a pipe nobody drains, so the sandbox can never block on it.
    errors = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(
        [str(binary), "--listen", "127.0.0.1:0", "--stop-on-stdin-eof"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    try:
        first: List[str] = []
        reader = threading.Thread(
            target=lambda: first.append(proc.stdout.readline() if proc.stdout else ""), daemon=True
        )
        reader.start()
        reader.join(START_TIMEOUT_S)
        line = first[0].strip() if first else ""
        if not line.startswith(BANNER):
            proc.kill()
            proc.wait()
            errors.seek(0)
            pytest.fail(
                f"{binary} did not start within {START_TIMEOUT_S}s "
                f"(first line {line!r}, exit code {proc.returncode}, stderr {errors.read().strip()!r})",
                pytrace=False,
            )
        yield line[len(BANNER) :].rstrip("/")
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        errors.close()
