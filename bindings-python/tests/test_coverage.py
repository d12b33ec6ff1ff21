"""Every endpoint of every defined service, as docs/coverage.md lists them (generated from the
definitions), is a method of ``client.<service>``, and each service is its own module: adding
a service needs no edit here."""

import importlib
import re
from pathlib import Path

import chainkit

ROOT = Path(__file__).resolve().parents[2]
SECTION = re.compile(r"^## (\w+) \((\d+)/\d+ endpoints in every binding\)$(.*?)(?=^## |\Z)", re.M | re.S)
ROW = re.compile(r"^\| `[A-Z]+ [^`]+` \| `\w+` \| `(\w+)` \|", re.M)


def sections() -> list[tuple[str, int, list[str]]]:
    text = (ROOT / "docs/coverage.md").read_text()
    return [(m[1], int(m[2]), ROW.findall(m[3])) for m in SECTION.finditer(text)]


def test_every_listed_endpoint_is_a_method_of_its_service() -> None:
    found = sections()
    assert {"dna", "ddc", "ulord"} <= {name for name, _, _ in found}
    client = chainkit.Client("http://127.0.0.1:9")
    for name, count, methods in found:
        assert len(methods) == count > 0, name
        service = getattr(client, name)
        module = importlib.import_module(f"chainkit.{name}")
        assert type(service) is getattr(module, type(service).__name__), name
        for method in methods:
            assert callable(getattr(service, method)), f"{name}.{method}"


def test_each_service_module_holds_only_its_own_classes() -> None:
    for name, _, _ in sections():
        module = importlib.import_module(f"chainkit.{name}")
        assert getattr(chainkit, name) is module and name in chainkit.__all__, name
        for exported in module.__all__:
            assert getattr(module, exported).__module__ == f"chainkit.{name}", exported


def test_the_package_states_its_version() -> None:
    cargo = (ROOT / "Cargo.toml").read_text()
    assert chainkit.__version__ == re.search(r'^version = "(.+)"', cargo, re.M)[1]  # type: ignore[index]
