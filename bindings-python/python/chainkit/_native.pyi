"""Type stubs for the native module (checked against it by mypy.stubtest)."""

from typing import Any, Mapping, Optional, Sequence, Union, final

__all__ = [
    "Client",
    "Credentials",
    "HuaweiSigner",
    "PoolSignedCall",
    "PoolSigner",
    "SignedRequest",
    "RawRequest",
    "RawResponse",
    "Secret",
    "Address",
    "KeyPair",
    "PrivateKey",
    "PublicKey",
    "SignedTransaction",
    "bif_burn_input",
    "bif_decode_transaction",
    "bif_is_valid_address",
    "bif_sign_contract_call",
    "bif_transfer_input",
    "bif_tx_hash",
    "evaluate_vector",
    "sign_huawei",
    "sign_pool",
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

_SecretLike = Union[Secret, str]

@final
class Credentials:
    """How a ``Client`` authenticates; build one with its scheme's static method.

    Secret arguments take a ``Secret`` or a ``str`` (wrapped at once). ``repr()`` names the
    scheme only.
    """

    @staticmethod
    def ddc_api_token(token: _SecretLike) -> "Credentials":
        """DDC (seed 000): header ``apitoken``."""
    @staticmethod
    def ulord_app_key(app_key: _SecretLike) -> "Credentials":
        """Ulord external calls (seed 001): header ``appkey``."""
    @staticmethod
    def ulord_admin(
        username: str, password: _SecretLike, *, token_header: Optional[str] = None, token_prefix: str = ...
    ) -> "Credentials":
        """Ulord admin calls: developer login; session cookie, or the token in ``token_header``."""
    @staticmethod
    def dna(api_key: str, api_secret: _SecretLike) -> "Credentials":
        """DNA (seed 002): ``accessToken`` fetched with apiKey/apiSecret, cached and refreshed."""
    @staticmethod
    def pool(
        client_id: str, secret_key: _SecretLike, secret_salt: _SecretLike, *, ttl_s: Optional[int] = None
    ) -> "Credentials":
        """Mining pool (seed 003): fresh JWT and signed body envelope on every request."""
    @staticmethod
    def huawei_aksk(
        access_key: str,
        secret_key: _SecretLike,
        *,
        project_id: Optional[str] = None,
        security_token: Optional[_SecretLike] = None,
        algorithm: str = "SDK-HMAC-SHA256",
    ) -> "Credentials":
        """Huawei Cloud AK/SK signing (``SDK-HMAC-SHA256`` or ``SDK-HMAC-SM3``)."""
    @staticmethod
    def huawei_iam(
        iam_url: str,
        user_name: str,
        password: _SecretLike,
        domain_name: str,
        *,
        project_id: Optional[str] = None,
        project_name: Optional[str] = None,
    ) -> "Credentials":
        """Huawei IAM password token from ``iam_url``, scoped by project id or name."""
    @staticmethod
    def huawei_token(token: _SecretLike) -> "Credentials":
        """An IAM token you already hold, sent as ``X-Auth-Token``."""
    @staticmethod
    def from_env(scheme: str) -> "Credentials":
        """The credentials of ``scheme`` (``"dna"``, ``"huaweiAkSk"``, …) from environment variables."""
    @property
    def scheme(self) -> str: ...

_Headers = Union[Mapping[str, str], Sequence[tuple[str, str]]]

@final
class HuaweiSigner:
    """Signs Huawei AK/SK requests with credentials converted once: the way to sign many.

    ``repr()`` shows the algorithm only.
    """

    def __new__(
        cls,
        access_key: str,
        secret_key: _SecretLike,
        *,
        project_id: Optional[str] = None,
        security_token: Optional[_SecretLike] = None,
        algorithm: str = "SDK-HMAC-SHA256",
    ) -> "HuaweiSigner": ...
    def sign(
        self,
        method: str,
        url: str,
        headers: Optional[_Headers] = None,
        body: Union[bytes, str, None] = None,
        *,
        now: Optional[float] = None,
    ) -> "SignedRequest":
        """Signs one request at ``now`` (epoch seconds; default: now); ``body`` str is sent as UTF-8."""

@final
class SignedRequest:
    """A request signed by ``HuaweiSigner.sign`` or ``sign_huawei``: send exactly this URL and these headers."""

    @property
    def url(self) -> str:
        """The URL, query in canonical order."""
    @property
    def headers(self) -> list[tuple[str, str]]:
        """Every header to send, ``Authorization`` included: a new list on each access."""

@final
class PoolSigner:
    """Signs mining-pool calls (seed 003) with credentials converted once: the way to sign many."""

    def __new__(
        cls, client_id: str, secret_key: _SecretLike, secret_salt: _SecretLike, *, ttl_s: Optional[int] = None
    ) -> "PoolSigner": ...
    def sign(
        self, action: str, params: Union[dict[str, Any], str, None] = None, *, now: Optional[float] = None
    ) -> "PoolSignedCall":
        """Signs one call with fresh ``rnd`` and ``signNonce``; ``params`` a dict or its JSON text."""

@final
class PoolSignedCall:
    """A mining-pool call signed by ``PoolSigner.sign`` or ``sign_pool``: POST ``body`` with ``Authorization``."""

    @property
    def authorization(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def sign(self) -> str: ...

def sign_huawei(
    method: str,
    url: str,
    headers: Optional[_Headers] = None,
    body: Union[bytes, str, None] = None,
    *,
    access_key: str,
    secret_key: _SecretLike,
    project_id: Optional[str] = None,
    security_token: Optional[_SecretLike] = None,
    algorithm: str = "SDK-HMAC-SHA256",
    now: Optional[float] = None,
) -> SignedRequest:
    """Signs a request with Huawei AK/SK at ``now`` (epoch seconds; default: now); see ``HuaweiSigner``."""

def sign_pool(
    client_id: str,
    secret_key: _SecretLike,
    secret_salt: _SecretLike,
    action: str,
    params: Union[dict[str, Any], str, None] = None,
    *,
    now: Optional[float] = None,
    ttl_s: Optional[int] = None,
) -> PoolSignedCall:
    """Signs one mining-pool call (seed 003) with fresh ``rnd`` and ``signNonce``; see ``PoolSigner``."""

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

    def __new__(
        cls,
        base_url: str,
        *,
        credentials: Optional[Credentials] = None,
        timeout: float = 30.0,
        max_attempts: int = 3,
    ) -> "Client": ...
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

# --- BIF chain crypto (public names in chainkit.bif) ---

@final
class PrivateKey:
    """A BIF private key (Ed25519 or SM2); ``repr()`` never shows it."""

    @staticmethod
    def parse(enc_private_key: Union[Secret, str]) -> "PrivateKey": ...
    @staticmethod
    def from_raw(key_type_name: str, raw: bytes) -> "PrivateKey": ...
    @staticmethod
    def generate(key_type_name: str) -> "PrivateKey": ...
    @property
    def key_type(self) -> str: ...
    def enc_private_key(self) -> Secret: ...
    def public_key(self) -> "PublicKey": ...
    def sign(self, message: bytes, sm2_k: Optional[bytes] = None) -> bytes: ...

@final
class PublicKey:
    """A BIF public key."""

    @staticmethod
    def parse(enc_public_key: str) -> "PublicKey": ...
    @property
    def key_type(self) -> str: ...
    @property
    def enc_public_key(self) -> str: ...
    @property
    def raw(self) -> bytes: ...
    def address(self, chain_code: Optional[str] = None) -> str: ...
    def verify(self, message: bytes, signature: bytes) -> bool: ...

@final
class Address:
    """A parsed, validated BID address; ``str()`` prints it."""

    @staticmethod
    def parse(address: str) -> "Address": ...
    @property
    def key_type(self) -> str: ...
    @property
    def chain_code(self) -> Optional[str]: ...
    @property
    def payload(self) -> bytes: ...
    def belongs_to(self, key: PublicKey) -> bool: ...

@final
class KeyPair:
    """A key pair with its address, as the offline service's createAddress returns it."""

    @staticmethod
    def generate(key_type_name: str) -> "KeyPair": ...
    @staticmethod
    def from_private_key(key: PrivateKey) -> "KeyPair": ...
    @property
    def private_key(self) -> PrivateKey: ...
    @property
    def public_key(self) -> PublicKey: ...
    @property
    def enc_address(self) -> str: ...
    @property
    def enc_public_key(self) -> str: ...
    @property
    def enc_private_key(self) -> Secret: ...
    def to_offline_json(self) -> str: ...

@final
class SignedTransaction:
    """A signed contract call: serialization, sign_data, public_key (+ tx_hash)."""

    @property
    def serialization(self) -> str: ...
    @property
    def serialization_bytes(self) -> bytes: ...
    @property
    def sign_data(self) -> str: ...
    @property
    def public_key(self) -> str: ...
    @property
    def tx_hash(self) -> str: ...
    def to_json(self) -> str: ...

def bif_sign_contract_call(
    private_key: PrivateKey,
    sender_address: str,
    contract_address: str,
    input: str,
    nonce: int,
    amount: int = 0,
    fee_limit: int = 0,
    gas_price: int = 0,
    sm2_k: Optional[bytes] = None,
) -> SignedTransaction: ...
def bif_transfer_input(from_address: str, to_address: str, token_bid: str) -> str: ...
def bif_burn_input(token_bid: str) -> str: ...
def bif_is_valid_address(address: str) -> bool: ...
def bif_decode_transaction(serialization: Union[bytes, str]) -> str: ...
def bif_tx_hash(serialization: bytes) -> str: ...
