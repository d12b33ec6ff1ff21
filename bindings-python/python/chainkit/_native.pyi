"""Type stubs for the native module (checked against it by mypy.stubtest)."""

from typing import Any, Iterator, Mapping, Optional, Sequence, Union, final

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
    def headers(self) -> tuple[tuple[str, str], ...]:
        """Every header to send, ``Authorization`` included: one immutable tuple of pairs."""

@final
class PoolSigner:
    """Signs mining-pool calls (seed 003) with the key prepared once: the way to sign many.

    Raises ``InvalidInputError`` here when ``client_id``, ``secret_key`` or ``secret_salt`` is empty.
    """

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
        max_response_bytes: int = 16 << 20,
    ) -> "Client": ...
    @property
    def dna(self) -> "DnaClient":
        """Seed 002 (星火·链网 DNA) endpoints, sent with this client's options and credentials."""
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

# --- generated by core/examples/codegen from the service definitions; do not edit ---
__all__ += ["TokenRequest", "AccessToken", "Ack", "Account", "AccountUpload", "SeriesAdd", "SeriesCreated", "SeriesListRequest", "Series", "SeriesPage", "SeriesId", "SeriesDnaRequest", "DnaAsset", "DnaPage", "MintDna", "BatchMintDna", "Submitted", "TransferDna", "BurnDna", "UserDnaRequest", "TokenBid", "DnaDetail", "RecordsRequest", "DnaRecord", "RecordPage", "ChainStatusRequest", "ChainState", "TokenOwner", "MessageId", "MessageInfo", "MessageOutcome", "MessageResult", "NonceRequest", "Nonce", "AuthSeries", "AuthSeriesReport", "AuthDna", "AuthDnaReport", "AuthTransfer", "AuthTransferReport", "AuthDestroy", "AuthDestroyReport", "DnaClient"]

@final
class TokenRequest:
    """§3.3.1 getToken input: the application's credentials (it sends them in the query string,
    as documented; chainkit never logs that URL)."""

    api_key: str
    """`apiKey`, issued when the application is approved."""
    api_secret: Secret
    """`apiSecret`, paired with the apiKey."""
    def __new__(cls, *, api_key: str, api_secret: Secret) -> "TokenRequest": ...

@final
class AccessToken:
    """§3.3.1 answer."""

    access_token: Secret
    """The `accessToken` header value for the other endpoints (a JWT in the example)."""
    def __new__(cls, *, access_token: Secret) -> "AccessToken": ...

@final
class Ack:
    """A `retCode`/`retMsg` answer with no payload."""

    ret_code: int
    """200 on success."""
    ret_msg: str | None
    """The service's message (`ok` in the examples)."""
    def __new__(cls, *, ret_code: int, ret_msg: str | None = None) -> "Ack": ...

@final
class Account:
    """§3.3.5 one C-side user account."""

    phone: str
    """SHA-256 of the phone number, 64 hex digits (`flows::create_account` hashes it for you)."""
    bid: str
    """The user's BID."""
    def __new__(cls, *, phone: str, bid: str) -> "Account": ...

@final
class AccountUpload:
    """§3.3.5 input: accounts to activate (no maximum is documented)."""

    data: list[Account]
    """The accounts."""
    def __new__(cls, *, data: list[Account]) -> "AccountUpload": ...

@final
class SeriesAdd:
    """§3.4.1 input: a new series (集合)."""

    series_name: str
    """Series name, unique, at most 50 characters."""
    series_issuer: str
    """Issuer."""
    series_des: str | None
    """Description, at most 200 characters."""
    external_url: str | None
    """Link to a website showing the assets."""
    def __new__(cls, *, series_name: str, series_issuer: str, series_des: str | None = None, external_url: str | None = None) -> "SeriesAdd": ...

@final
class SeriesCreated:
    """§3.4.1 answer."""

    series_id: str
    """The new series' id."""
    create_time: str | None
    """Creation time, `yyyy-MM-dd HH:mm:ss`."""
    def __new__(cls, *, series_id: str, create_time: str | None = None) -> "SeriesCreated": ...

@final
class SeriesListRequest:
    """§3.4.2 input: one page of the application's series."""

    page_num: int
    """Page number, from 1."""
    page_size: int
    """Items per page."""
    def __new__(cls, *, page_num: int, page_size: int) -> "SeriesListRequest": ...

@final
class Series:
    """§3.4.2 / §3.4.3 a series."""

    series_id: str
    """Series id."""
    series_name: str
    """Name."""
    series_issuer: str | None
    """Issuer."""
    series_des: str | None
    """Description."""
    external_url: str | None
    """External link."""
    create_time: str | None
    """Creation time."""
    app_id: str | None
    """Application id."""
    def __new__(cls, *, series_id: str, series_name: str, series_issuer: str | None = None, series_des: str | None = None, external_url: str | None = None, create_time: str | None = None, app_id: str | None = None) -> "Series": ...

@final
class SeriesPage:
    """§3.4.2 answer."""

    total: int
    """Total number of series."""
    data: list[Series]
    """This page."""
    def __new__(cls, *, total: int, data: list[Series]) -> "SeriesPage": ...

@final
class SeriesId:
    """§3.4.3 input."""

    series_id: str
    """Series id."""
    def __new__(cls, *, series_id: str) -> "SeriesId": ...

@final
class SeriesDnaRequest:
    """§3.4.4 input: one page of a series' assets."""

    series_id: str
    """Series id."""
    page_num: int
    """Page number, from 1."""
    page_size: int
    """Items per page."""
    def __new__(cls, *, series_id: str, page_num: int, page_size: int) -> "SeriesDnaRequest": ...

@final
class DnaAsset:
    """A digital asset (§3.4.4, §3.5.5, §3.5.6)."""

    token_bid: str
    """On-chain id."""
    series_id: str | None
    """Series id."""
    dna_name: str | None
    """Name."""
    dna_number: str | None
    """Number, unique within the series."""
    dna_des: str | None
    """Description."""
    url: str | None
    """Asset URL."""
    hash: str | None
    """Asset hash."""
    display_url: str | None
    """Thumbnail URL."""
    dna_price: float | None
    """Price in yuan."""
    dna_category: str | None
    """Category label (`图片`, `PFP`, …)."""
    extension: str | None
    """User-defined extension."""
    create_time: str | None
    """Creation time."""
    def __new__(cls, *, token_bid: str, series_id: str | None = None, dna_name: str | None = None, dna_number: str | None = None, dna_des: str | None = None, url: str | None = None, hash: str | None = None, display_url: str | None = None, dna_price: float | None = None, dna_category: str | None = None, extension: str | None = None, create_time: str | None = None) -> "DnaAsset": ...

@final
class DnaPage:
    """A page of assets (§3.4.4, §3.5.5)."""

    total: int
    """Total count."""
    data: list[DnaAsset]
    """This page."""
    def __new__(cls, *, total: int, data: list[DnaAsset]) -> "DnaPage": ...

@final
class MintDna:
    """§3.5.1 input (and one item of §3.5.2): an asset to register."""

    series_id: str
    """Series id from `series_add`."""
    dna_name: str
    """Name, at most 50 characters."""
    dna_number: str
    """Number, unique within the series."""
    dna_des: str | None
    """Description, at most 200 characters."""
    url: str | None
    """Asset URL (350×350 recommended)."""
    hash: str | None
    """Asset hash (SHA-256 recommended)."""
    display_url: str | None
    """Thumbnail URL (85×85 recommended)."""
    to_bid: str
    """The holder who receives the asset."""
    dna_price: float | None
    """Price in yuan."""
    dna_category: str | None
    """Category: 图片 音频 视频 品牌 会员资格 域名 社交 音乐 艺术品 PFP 3D."""
    extension: str | None
    """User-defined, at most 1024 characters."""
    def __new__(cls, *, series_id: str, dna_name: str, dna_number: str, to_bid: str, dna_des: str | None = None, url: str | None = None, hash: str | None = None, display_url: str | None = None, dna_price: float | None = None, dna_category: str | None = None, extension: str | None = None) -> "MintDna": ...

@final
class BatchMintDna:
    """§3.5.2 input: up to 100 assets in one message."""

    data: list[MintDna]
    """The assets."""
    def __new__(cls, *, data: list[MintDna]) -> "BatchMintDna": ...

@final
class Submitted:
    """An accepted asynchronous write (§3.5.1–§3.5.4): poll `message_result` with its id."""

    message_id: str
    """Message id."""
    def __new__(cls, *, message_id: str) -> "Submitted": ...

@final
class TransferDna:
    """§3.5.3 input: a signed transfer (build it with `flows::transfer`, or `bif`)."""

    token_bid: str
    """The asset."""
    from_bid: str
    """Current holder: the transaction's source account."""
    to_bid: str
    """Receiver."""
    serialization: str
    """The protobuf transaction, hex."""
    sign_data: str
    """The signature over it, hex."""
    public_key: str
    """The signer's public key, hex (`b065…`)."""
    def __new__(cls, *, token_bid: str, from_bid: str, to_bid: str, serialization: str, sign_data: str, public_key: str) -> "TransferDna": ...

@final
class BurnDna:
    """§3.5.4 input: a signed burn."""

    token_bid: str
    """The asset."""
    from_bid: str
    """Current holder: the transaction's source account."""
    serialization: str
    """The protobuf transaction, hex."""
    sign_data: str
    """The signature over it, hex."""
    public_key: str
    """The signer's public key, hex."""
    def __new__(cls, *, token_bid: str, from_bid: str, serialization: str, sign_data: str, public_key: str) -> "BurnDna": ...

@final
class UserDnaRequest:
    """§3.5.5 input: one page of a user's assets."""

    user_id: str
    """The user's BID."""
    page_num: int
    """Page number, from 1."""
    page_size: int
    """Items per page."""
    def __new__(cls, *, user_id: str, page_num: int, page_size: int) -> "UserDnaRequest": ...

@final
class TokenBid:
    """An asset's BID (§3.5.6, §3.5.9)."""

    token_bid: str
    """The asset."""
    def __new__(cls, *, token_bid: str) -> "TokenBid": ...

@final
class DnaDetail:
    """§3.5.6 answer."""

    data: DnaAsset
    """The asset."""
    def __new__(cls, *, data: DnaAsset) -> "DnaDetail": ...

@final
class RecordsRequest:
    """§3.5.7 input: one page of an asset's records."""

    token_bid: str
    """The asset."""
    page_num: int
    """Page number, from 1."""
    page_size: int
    """Items per page."""
    def __new__(cls, *, token_bid: str, page_num: int, page_size: int) -> "RecordsRequest": ...

@final
class DnaRecord:
    """§3.5.7 one operation on an asset."""

    operation: int
    """0 register, 1 transfer, 2 burn, 4 metadata (there is no 3)."""
    dna_number: str | None
    """Asset number."""
    tx_hash: str | None
    """Transaction hash."""
    from_bid: str | None
    """Holder."""
    to_bid: str | None
    """Receiver."""
    operation_date: str | None
    """Operation time."""
    create_time: str | None
    """Asset creation time."""
    def __new__(cls, *, operation: int, dna_number: str | None = None, tx_hash: str | None = None, from_bid: str | None = None, to_bid: str | None = None, operation_date: str | None = None, create_time: str | None = None) -> "DnaRecord": ...

@final
class RecordPage:
    """§3.5.7 answer."""

    total: int
    """Total count."""
    data: list[DnaRecord]
    """This page."""
    def __new__(cls, *, total: int, data: list[DnaRecord]) -> "RecordPage": ...

@final
class ChainStatusRequest:
    """§3.5.8 input."""

    token_bid: str
    """The asset."""
    op_type: int
    """1 register, 2 transfer, 3 burn."""
    tx_hash: str
    """The operation's transaction hash (from `message_result`)."""
    def __new__(cls, *, token_bid: str, op_type: int, tx_hash: str) -> "ChainStatusRequest": ...

@final
class ChainState:
    """§3.5.8 / §3.5.10 on-chain state: 0 submitted, 1 failed, 2 succeeded."""

    state: int
    """The state."""
    def __new__(cls, *, state: int) -> "ChainState": ...

@final
class TokenOwner:
    """§3.5.9 answer."""

    bid_address: str | None
    """The owner as the documented bracketed string, `"[did:bid:…]"`; empty when none."""
    def __new__(cls, *, bid_address: str | None = None) -> "TokenOwner": ...

@final
class MessageId:
    """§3.5.10 input."""

    message_id: str
    """From a write's answer."""
    def __new__(cls, *, message_id: str) -> "MessageId": ...

@final
class MessageInfo:
    """§3.5.10 one asset of a message."""

    series_id: str | None
    """Series id."""
    token_bid: str | None
    """The asset."""
    dna_number: str | None
    """Asset number."""
    message: str | None
    """Error text; empty on success."""
    def __new__(cls, *, series_id: str | None = None, token_bid: str | None = None, dna_number: str | None = None, message: str | None = None) -> "MessageInfo": ...

@final
class MessageOutcome:
    """§3.5.10 the message's outcome."""

    state: int
    """0 submitted, 1 failed, 2 succeeded."""
    tx_hash: str | None
    """Transaction hash, once on chain."""
    info: list[MessageInfo] | None
    """Per-asset details."""
    def __new__(cls, *, state: int, tx_hash: str | None = None, info: list[MessageInfo] | None = None) -> "MessageOutcome": ...

@final
class MessageResult:
    """§3.5.10 answer."""

    data: MessageOutcome
    """The outcome."""
    def __new__(cls, *, data: MessageOutcome) -> "MessageResult": ...

@final
class NonceRequest:
    """§3.5.11 input."""

    user_bid: str
    """The account whose nonce is wanted: the transaction's signer."""
    def __new__(cls, *, user_bid: str) -> "NonceRequest": ...

@final
class Nonce:
    """§3.5.11 answer: the account's current nonce; its next transaction carries `nonce + 1`."""

    nonce: int
    """Current nonce."""
    def __new__(cls, *, nonce: int) -> "Nonce": ...

@final
class AuthSeries:
    """§3.6.2 one series certified by a sub-chain platform."""

    series_name: str
    """Name, at most 50 characters (the 400 message)."""
    series_issuer: str
    """Issuer."""
    external_url: str | None
    """External link."""
    series_des: str | None
    """Description."""
    series_id: list[str]
    """Platform series id(s): typed `Object[]`, the example is `["21"]`."""
    total_dna: int
    """Number of assets issued in it."""
    asset_contracts: str
    """Its contract address (snake_case and plural on the wire, one string)."""
    def __new__(cls, *, series_name: str, series_issuer: str, series_id: list[str], total_dna: int, asset_contracts: str, external_url: str | None = None, series_des: str | None = None) -> "AuthSeries": ...

@final
class AuthSeriesReport:
    """§3.6.2 input."""

    data: list[AuthSeries]
    """Up to 100 series."""
    def __new__(cls, *, data: list[AuthSeries]) -> "AuthSeriesReport": ...

@final
class AuthDna:
    """§3.6.3 one asset certified by a sub-chain platform."""

    series_id: str
    """Series id (a plain string here, unlike §3.6.2)."""
    dna_name: str
    """Name, at most 50 characters (the 400 message)."""
    dna_number: str
    """Number."""
    token_bid: str
    """Sub-chain BID, unique."""
    dna_des: str | None
    """Description."""
    dna_type: str
    """`"0"` image, `"1"` video, `"2"` audio (a string code)."""
    url: str
    """Public image URL."""
    display_url: str
    """Public thumbnail URL."""
    hash: str
    """Image hash."""
    mint_time: str
    """On-chain mint time."""
    owner: str
    """Owner account."""
    dna_price: float | None
    """Issue price."""
    extension: str | None
    """User-defined, at most 1024 characters."""
    def __new__(cls, *, series_id: str, dna_name: str, dna_number: str, token_bid: str, dna_type: str, url: str, display_url: str, hash: str, mint_time: str, owner: str, dna_des: str | None = None, dna_price: float | None = None, extension: str | None = None) -> "AuthDna": ...

@final
class AuthDnaReport:
    """§3.6.3 input."""

    data: list[AuthDna]
    """Up to 100 assets."""
    def __new__(cls, *, data: list[AuthDna]) -> "AuthDnaReport": ...

@final
class AuthTransfer:
    """§3.6.4 one transfer."""

    token_bid: str
    """Sub-chain asset BID."""
    from_bid: str
    """Sender."""
    to_bid: str
    """Receiver."""
    tx_hash: str
    """Transaction hash, unique per asset."""
    time: str
    """Confirmation time, `yyyy-MM-dd HH:mm:ss` (capitalised `Time` on the wire)."""
    def __new__(cls, *, token_bid: str, from_bid: str, to_bid: str, tx_hash: str, time: str) -> "AuthTransfer": ...

@final
class AuthTransferReport:
    """§3.6.4 input."""

    data: list[AuthTransfer]
    """Up to 100 transfers."""
    def __new__(cls, *, data: list[AuthTransfer]) -> "AuthTransferReport": ...

@final
class AuthDestroy:
    """§3.6.5 one destruction."""

    token_bid: str
    """Sub-chain asset BID."""
    from_bid: str
    """Holder."""
    tx_hash: str
    """Transaction hash, unique per asset."""
    time: str
    """Confirmation time (capitalised `Time` on the wire)."""
    def __new__(cls, *, token_bid: str, from_bid: str, tx_hash: str, time: str) -> "AuthDestroy": ...

@final
class AuthDestroyReport:
    """§3.6.5 input."""

    data: list[AuthDestroy]
    """Up to 100 destructions."""
    def __new__(cls, *, data: list[AuthDestroy]) -> "AuthDestroyReport": ...

@final
class DnaClient:
    """The `dna` endpoints: ``Client(...).dna``. Each call blocks with the GIL released."""

    def get_token(self, input: TokenRequest) -> AccessToken:
        """§3.3.1 Gets an access token (the client does this for you; this is for callers who
        need the token itself)."""
    def account_upload(self, input: AccountUpload) -> Ack:
        """§3.3.5 Activates C-side user accounts."""
    def series_add(self, input: SeriesAdd) -> SeriesCreated:
        """§3.4.1 Creates a series."""
    def series_list(self, input: SeriesListRequest) -> SeriesPage:
        """§3.4.2 Lists the application's series, one page."""
    def series_pages(self, input: SeriesListRequest) -> Iterator[Series]:
        """Every item of ``series_list``, from ``input``'s page on, fetched page by page."""
    def series_detail(self, input: SeriesId) -> Series:
        """§3.4.3 Gets one series."""
    def series_dna_list(self, input: SeriesDnaRequest) -> DnaPage:
        """§3.4.4 Lists a series' assets, one page."""
    def series_dna_pages(self, input: SeriesDnaRequest) -> Iterator[DnaAsset]:
        """Every item of ``series_dna_list``, from ``input``'s page on, fetched page by page."""
    def mint_dna(self, input: MintDna) -> Submitted:
        """§3.5.1 Registers (mints) an asset; poll `message_result` with the answer's id."""
    def batch_mint_dna(self, input: BatchMintDna) -> Submitted:
        """§3.5.2 Registers up to 100 assets in one message."""
    def transfer_dna(self, input: TransferDna) -> Submitted:
        """§3.5.3 Submits a signed transfer."""
    def burn_dna(self, input: BurnDna) -> Submitted:
        """§3.5.4 Submits a signed burn."""
    def user_dna_list(self, input: UserDnaRequest) -> DnaPage:
        """§3.5.5 Lists the assets a user holds, one page."""
    def user_dna_pages(self, input: UserDnaRequest) -> Iterator[DnaAsset]:
        """Every item of ``user_dna_list``, from ``input``'s page on, fetched page by page."""
    def dna_detail(self, input: TokenBid) -> DnaDetail:
        """§3.5.6 Gets one asset."""
    def dna_records(self, input: RecordsRequest) -> RecordPage:
        """§3.5.7 Lists an asset's operations, one page."""
    def record_pages(self, input: RecordsRequest) -> Iterator[DnaRecord]:
        """Every item of ``dna_records``, from ``input``'s page on, fetched page by page."""
    def chain_status(self, input: ChainStatusRequest) -> ChainState:
        """§3.5.8 Gets the on-chain state of an operation."""
    def token_owner_of(self, input: TokenBid) -> TokenOwner:
        """§3.5.9 Gets an asset's owner."""
    def message_result(self, input: MessageId) -> MessageResult:
        """§3.5.10 Gets a write's outcome by message id."""
    def chain_nonce(self, input: NonceRequest) -> Nonce:
        """§3.5.11 Gets an account's current nonce (sign the next transaction with nonce + 1)."""
    def auth_series(self, input: AuthSeriesReport) -> Ack:
        """§3.6.2 Certifies series from a sub-chain platform (up to 100)."""
    def auth_dna(self, input: AuthDnaReport) -> Ack:
        """§3.6.3 Certifies assets from a sub-chain platform (up to 100)."""
    def auth_dna_transfer(self, input: AuthTransferReport) -> Ack:
        """§3.6.4 Certifies asset transfers from a sub-chain platform (up to 100)."""
    def auth_dna_destroy(self, input: AuthDestroyReport) -> Ack:
        """§3.6.5 Certifies asset destructions from a sub-chain platform (up to 100)."""
    def create_account(self, phone: str, key_type: str = "ed25519") -> PrivateKey:
        """Creates a user account: a new key pair uploaded with the SHA-256 of ``phone`` (§3.3.5).

        Returns the key; its address is the account's BID. Keep it: it signs transfers and burns.
        """
    def transfer(self, key: PrivateKey, contract_address: str, token_bid: str, to_bid: str) -> Submitted:
        """Transfers ``token_bid`` from ``key``'s account to ``to_bid`` (nonce, call, signature, §3.5.3)."""
    def burn(self, key: PrivateKey, contract_address: str, token_bid: str) -> Submitted:
        """Burns ``token_bid`` held by ``key``'s account (§3.5.4)."""
    def wait_for_message(self, message_id: str, timeout: float = 60.0) -> MessageOutcome:
        """Polls ``message_result`` until the message leaves state 0; ``RequestTimeoutError`` after ``timeout`` s."""
    def owners_of(self, token_bid: str) -> list[str]:
        """The owners §3.5.9 reports for ``token_bid``, parsed from its bracketed ``bidAddress``."""

# --- end of generated ---
