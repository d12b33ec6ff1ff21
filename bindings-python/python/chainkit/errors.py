"""The exceptions every chainkit call raises: one base class, one subclass per kind of failure."""

from typing import Optional


class ChainkitError(Exception):
    """Base of every chainkit error. ``str(e)`` includes the code, message and request id."""

    kind: str = "api"
    """What went wrong, coarsely (``"api"``, ``"timeout"``, …): the same for every language.
    Each subclass sets its own default."""
    service: Optional[str]
    """The service the error came from (``"dna"``, ``"bcs"``, …), if any."""
    status: Optional[int]
    """HTTP status, when a response was received."""
    code: Optional[str]
    """The service's own error code, when it gave one."""
    message: str
    """The service's message (or chainkit's), without code or request id."""
    request_id: Optional[str]
    """The request id from the response, for support tickets."""
    retry_after: Optional[float]
    """How long the service asked to wait, in seconds."""

    def __init__(
        self,
        text: str,
        *,
        kind: Optional[str] = None,
        service: Optional[str] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
        message: Optional[str] = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(text)
        if kind is not None:
            self.kind = kind
        self.service = service
        self.status = status
        self.code = code
        self.message = text if message is None else message
        self.request_id = request_id
        self.retry_after = retry_after


class NetworkError(ChainkitError):
    """The request could not be sent or the connection broke."""

    kind = "network"


class RequestTimeoutError(ChainkitError):
    """An attempt exceeded the client's timeout."""

    kind = "timeout"


class RequestCancelledError(ChainkitError):
    """The call was cancelled."""

    kind = "cancelled"


class UnauthorizedError(ChainkitError):
    """The service rejected the credentials."""

    kind = "unauthorized"


class ForbiddenError(ChainkitError):
    """The credentials were accepted but may not do this (a documented permission code)."""

    kind = "forbidden"


class RateLimitedError(ChainkitError):
    """The service asked us to slow down; see ``retry_after``."""

    kind = "rate_limited"


class ApiError(ChainkitError):
    """The service answered with an error."""

    kind = "api"


class InvalidInputError(ChainkitError):
    """Input failed validation before any network call."""

    kind = "invalid_input"


class DecodeError(ChainkitError):
    """The response could not be understood."""

    kind = "decode"


class SigningError(ChainkitError):
    """A signature or token could not be produced."""

    kind = "signing"


class ConfigError(ChainkitError):
    """The client is configured wrongly (bad base URL, missing credential)."""

    kind = "config"
