"""Type stubs for the native module (checked against it by mypy.stubtest)."""

from typing import Any, Optional, final

__all__ = [
    "Client",
    "RawRequest",
    "RawResponse",
    "Secret",
    "evaluate_vector",
    "vector_kinds",
    "_panic_for_tests",
    "_raise_for_tests",
]

@final
class Secret:
    """A credential or token; ``repr()`` and ``str()`` give ``Secret(***)``; not picklable."""

    def __new__(cls, value: str) -> "Secret": ...
    def expose(self) -> str:
        """The secret itself. Never log what this returns."""

@final
class RawRequest:
    """A request sent as given, with timeout, retry and typed errors; ``repr()`` hides secrets."""

    def __new__(
        cls,
        method: str,
        path: str,
        headers: list[tuple[str, str]] = ...,
        body: bytes = ...,
        idempotent: Optional[bool] = None,
    ) -> "RawRequest": ...
    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def headers(self) -> list[tuple[str, str]]: ...
    @property
    def body(self) -> bytes: ...
    @property
    def idempotent(self) -> Optional[bool]: ...

@final
class RawResponse:
    """A response with status below 400."""

    @property
    def status(self) -> int: ...
    @property
    def headers(self) -> list[tuple[str, str]]: ...
    @property
    def body(self) -> bytes: ...
    def text(self) -> str:
        """Body decoded as UTF-8 (invalid sequences replaced)."""
    def json(self) -> Any:
        """Body parsed by ``json.loads``; raises ``json.JSONDecodeError`` (a ``ValueError``)."""

@final
class Client:
    """A client bound to one base URL; safe to share between threads."""

    def __new__(cls, base_url: str, *, timeout: float = 30.0, max_attempts: int = 3) -> "Client": ...
    def request(self, request: RawRequest) -> RawResponse:
        """Sends ``request``; raises a ``chainkit.ChainkitError`` subclass on failure.

        Blocks the calling thread with the GIL released; Ctrl-C raises ``KeyboardInterrupt``.
        """

def evaluate_vector(kind: str, input_json: str) -> str:
    """Runs one golden-vector case (``tests/vectors/README.md``); returns the output as JSON."""

def vector_kinds() -> list[str]:
    """The vector kinds this build understands."""

def _panic_for_tests() -> None:
    """Internal, for the crash-safety test: panics in Rust (``PanicException``)."""

def _raise_for_tests(kind: str) -> None:
    """Internal, for the error-mapping test: raises the exception for a core error kind."""
