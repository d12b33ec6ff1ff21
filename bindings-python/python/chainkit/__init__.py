"""chainkit: one SDK for DDC, Ulord, 星火·链网 DNA, a mining pool and Huawei Cloud BCS."""

from ._native import (
    Client,
    RawRequest,
    RawResponse,
    Secret,
    evaluate_vector,
    vector_kinds,
)
from . import bif
from .errors import (
    ApiError,
    ChainkitError,
    ConfigError,
    DecodeError,
    InvalidInputError,
    NetworkError,
    RateLimitedError,
    RequestCancelledError,
    RequestTimeoutError,
    SigningError,
    UnauthorizedError,
)

__all__ = [
    "ApiError",
    "ChainkitError",
    "Client",
    "ConfigError",
    "DecodeError",
    "InvalidInputError",
    "NetworkError",
    "RateLimitedError",
    "RawRequest",
    "RawResponse",
    "RequestCancelledError",
    "RequestTimeoutError",
    "Secret",
    "SigningError",
    "UnauthorizedError",
    "bif",
    "evaluate_vector",
    "vector_kinds",
]
