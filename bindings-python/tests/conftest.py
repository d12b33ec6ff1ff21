import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sandbox() -> Iterator[str]:
    """The sandbox named by CHAINKIT_SANDBOX_URL, or one started for this session."""
    url = os.environ.get("CHAINKIT_SANDBOX_URL")
    if url:
        yield url
        return
    binary = ROOT / "target" / "debug" / "chainkit-sandbox"
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `cargo build -p chainkit-sandbox` or `make test`")
    proc = subprocess.Popen(
        [str(binary), "--listen", "127.0.0.1:0", "--stop-on-stdin-eof"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line.startswith("chainkit-sandbox listening on "), line
    try:
        yield line.rsplit(" ", 1)[-1]
    finally:
        proc.kill()
        proc.wait()
