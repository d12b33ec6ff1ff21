# Stubs of the DnaClient flows in bindings-python/src/dna.rs; codegen puts them into _native.pyi.

def create_account(self, phone: str, key_type: str = "ed25519") -> PrivateKey:
    """Creates a user account: a new key pair uploaded (``account_upload``) with the SHA-256 of ``phone``.

    Returns the key; its address is the account's BID. Keep it: it signs transfers and burns.
    """
def transfer(self, key: PrivateKey, contract_address: str, token_bid: str, to_bid: str) -> Submitted:
    """Transfers ``token_bid`` from ``key``'s account to ``to_bid`` (nonce, call, signature, then ``transfer_dna``)."""
def burn(self, key: PrivateKey, contract_address: str, token_bid: str) -> Submitted:
    """Burns ``token_bid`` held by ``key``'s account (nonce, call, signature, then ``burn_dna``)."""
def wait_for_message(self, message_id: str, timeout: float = 60.0) -> MessageOutcome:
    """Polls ``message_result`` until the message leaves state 0; ``RequestTimeoutError`` after ``timeout`` s."""
def owners_of(self, token_bid: str) -> list[str]:
    """The owners ``token_owner_of`` reports for ``token_bid``, parsed from its bracketed ``bidAddress``."""
