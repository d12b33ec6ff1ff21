"""chainkit.bif from Python, checked against seed 002's own examples and PyNaCl."""

import hashlib
import json

import pytest

from chainkit import InvalidInputError, Secret, bif

# Seed 002 §3.3.2 / §3.3.3 (request and response examples, verbatim).
SEED_KEY = "priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX"
SEED_PUB = "b065668a006b9f68a9ac94f042161f3f0353ccfab47fa9199b8f1889b7d7659d875aa2"
SEED_ADDR = "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"
SENDER_KEY = "priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM"
SENDER = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko"
CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
TO = "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7"
TOKEN = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV"
TRANSFER_SER = (
    "0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f102122ee01"
    "080752e9010a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b"
    "1abc017b2266756e6374696f6e223a22736166655472616e7366657246726f6d28616464726573732c616464726573"
    "732c737472696e6729222c2261726773223a226469643a6269643a65665136394752745155445239536e6764464b41"
    "76346f7759797835466e6b6f2c6469643a6269643a6566314c38474273396d577a654b584769415a43383737575265"
    "737a3679372c276469643a6269643a65664474546a57424c6b4a6a7452534a464d66424c4e4a364c6a6e4b75317456"
    "27227d3080c2d72f380a"
)
TRANSFER_SIG = (
    "70b2ce583fb15b1e67e67e76ab3cfe491e819dbcfa3120946b98648be2f319961e3f148efc49c37dae8a6b71c17ac3"
    "c11a20caf58fa26513f86b0d4b209d7a09"
)


def test_seed_key_pair_from_a_secret() -> None:
    key = bif.PrivateKey.parse(Secret(SEED_KEY))
    pair = bif.KeyPair.from_private_key(key)
    assert (pair.enc_address, pair.enc_public_key) == (SEED_ADDR, SEED_PUB)
    assert pair.enc_private_key.expose() == SEED_KEY
    assert json.loads(pair.to_offline_json()) == {
        "encAddress": SEED_ADDR,
        "encPublicKey": SEED_PUB,
        "encPrivateKey": SEED_KEY,
    }
    assert SEED_KEY not in repr(key) and SEED_KEY not in repr(pair)
    assert repr(pair.enc_private_key) == "Secret(***)"


def test_seed_transfer_byte_for_byte() -> None:
    key = bif.PrivateKey.parse(SENDER_KEY)
    tx = bif.sign_contract_call(
        key, SENDER, CONTRACT, bif.transfer_input(SENDER, TO, TOKEN), 33,
        fee_limit=100000000, gas_price=10,
    )
    assert tx.serialization == TRANSFER_SER
    assert tx.sign_data == TRANSFER_SIG
    assert tx.public_key == "b06566d8fb4a6dfbe0d5831e38f621391ad9191626f7e28c13d3a0482c52d5c9607b14"
    assert tx.tx_hash == hashlib.sha256(bytes.fromhex(TRANSFER_SER)).hexdigest()
    assert json.loads(tx.to_json())["signData"] == TRANSFER_SIG


def test_pynacl_verifies_a_fresh_ed25519_signature() -> None:
    nacl_signing = pytest.importorskip("nacl.signing")
    pair = bif.KeyPair.generate("ed25519")
    tx = bif.sign_contract_call(
        pair.private_key, pair.enc_address, CONTRACT, bif.burn_input(TOKEN), 7
    )
    raw = pair.public_key.raw
    nacl_signing.VerifyKey(raw).verify(tx.serialization_bytes, bytes.fromhex(tx.sign_data))
    # The defaults of the offline service were applied.
    decoded = bif.decode_transaction(tx.serialization)
    assert decoded["canonical"] is True
    assert decoded["transaction"]["fee_limit"] == 1000000
    assert decoded["transaction"]["gas_price"] == 100
    assert decoded["transaction"]["nonce"] == 7


def test_sm2_sign_verify_and_injected_k() -> None:
    key = bif.PrivateKey.generate("sm2")
    public = key.public_key()
    assert public.enc_public_key.startswith("b07a6604") and len(public.enc_public_key) == 136
    assert public.address().startswith("did:bid:zf")
    sig = key.sign(b"message")
    assert len(sig) == 64 and public.verify(b"message", sig)
    assert not public.verify(b"messagf", sig)
    assert key.sign(b"message") == sig  # RFC 6979 k: deterministic
    k = bytes(range(1, 33))
    assert key.sign(b"message", sm2_k=k) == key.sign(b"message", sm2_k=k) != sig
    assert public.verify(b"message", key.sign(b"message", sm2_k=k))


def test_errors_name_the_field() -> None:
    key = bif.PrivateKey.parse(SENDER_KEY)
    with pytest.raises(InvalidInputError, match="sender_address: .* is not the address of the signing key"):
        bif.sign_contract_call(key, SEED_ADDR, CONTRACT, "{}", 1)
    with pytest.raises(InvalidInputError, match="nonce: must be > 0"):
        bif.sign_contract_call(key, SENDER, CONTRACT, "{}", 0)
    with pytest.raises(InvalidInputError, match="encPrivateKey"):
        bif.PrivateKey.parse("priSPK")
    with pytest.raises(InvalidInputError, match="signData: must be 64 bytes"):
        key.public_key().verify(b"", b"\x00" * 30)
    with pytest.raises(InvalidInputError, match="serialization"):
        bif.decode_transaction("0a")
    assert bif.is_valid_address(TO) and not bif.is_valid_address(TO + "x")
    a = bif.Address.parse("did:bid:ljcp:" + TO[8:])
    assert (a.chain_code, a.key_type, a.payload[0], str(a)) == ("ljcp", "ed25519", 0, "did:bid:ljcp:" + TO[8:])


def test_ten_megabyte_inputs_are_refused_by_their_length() -> None:
    # Issue 17: Base58 decoding is quadratic; 300k characters took 165 s here. Valid Base58
    # characters throughout, so only the length check refuses them before decoding.
    huge = "z" * (10 << 20)
    assert not bif.is_valid_address("did:bid:ef" + huge)
    with pytest.raises(InvalidInputError, match="longer than any address"):
        bif.Address.parse("did:bid:ef" + huge)
    with pytest.raises(InvalidInputError, match="encPrivateKey: .* characters, more than"):
        bif.PrivateKey.parse("priSPK" + huge)
