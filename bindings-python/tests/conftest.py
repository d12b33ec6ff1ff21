import os
from pathlib import Path
from typing import Iterator

import pytest

from chainkit.testing import sandbox as start_sandbox

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sandbox() -> Iterator[str]:
    """The sandbox named by CHAINKIT_SANDBOX_URL, or one started (and stopped) for this session
    by the package's own helper (chainkit.testing), from this repository's debug build."""
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
    with start_sandbox(binary=str(binary), timeout=20) as started:
        yield started
