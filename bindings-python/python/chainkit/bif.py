"""BIF (星火·链网) chain crypto in-process: keys, BID addresses, DNA contract calls, signatures.

What seed 002 sends to the local ``bif-offline-api`` service, done inside chainkit. Outputs have
the service's shapes (``KeyPair.to_offline_json()``, ``SignedTransaction.to_json()``)::

    from chainkit import bif
    key = bif.PrivateKey.parse(secret)            # a chainkit.Secret or text: priSPK… / priSrr…
    call = bif.sign_contract_call(key, sender, contract,
                                  bif.transfer_input(sender, to, token_bid), nonce=33)
    call.serialization, call.sign_data, call.public_key, call.tx_hash
"""

import json
from typing import Any, Dict, Optional, Union

from ._native import (
    Address,
    KeyPair,
    PrivateKey,
    PublicKey,
    SignedTransaction,
)
from ._native import bif_burn_input as burn_input
from ._native import bif_is_valid_address as is_valid_address
from ._native import bif_transfer_input as transfer_input
from ._native import bif_tx_hash as tx_hash
from ._native import bif_decode_transaction as _decode
from ._native import bif_sign_contract_call as _sign_contract_call

__all__ = [
    "Address",
    "KeyPair",
    "PrivateKey",
    "PublicKey",
    "SignedTransaction",
    "burn_input",
    "decode_transaction",
    "is_valid_address",
    "sign_contract_call",
    "transfer_input",
    "tx_hash",
]


def sign_contract_call(
    private_key: PrivateKey,
    sender_address: str,
    contract_address: str,
    input: str,
    nonce: int,
    *,
    amount: int = 0,
    fee_limit: int = 0,
    gas_price: int = 0,
    sm2_k: Optional[bytes] = None,
) -> SignedTransaction:
    """Builds and signs a contract call (``POST /bifApi/v1/contract`` without the service).

    ``sender_address`` must be the key's address; ``nonce`` (> 0) is written as given;
    ``fee_limit``/``gas_price`` of 0 mean the service's defaults 1000000 / 100.
    Raises ``chainkit.InvalidInputError`` naming the field that is wrong.
    """
    return _sign_contract_call(
        private_key, sender_address, contract_address, input, nonce,
        amount, fee_limit, gas_price, sm2_k,
    )


def decode_transaction(serialization: Union[bytes, str]) -> Dict[str, Any]:
    """Decodes a serialization (bytes or hex): ``{"transaction", "canonical", "tx_hash"}``.

    ``canonical`` is True when re-encoding gives back exactly these bytes.
    """
    result: Dict[str, Any] = json.loads(_decode(serialization))
    return result
