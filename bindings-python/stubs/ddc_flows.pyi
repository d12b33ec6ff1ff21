# Stubs of the DdcClient flow in bindings-python/src/ddc.rs; codegen puts them into ddc.pyi.

def wait_for_trade(self, trade_code: str, timeout: float = 60.0) -> DdcTransaction:
    """Polls ``list_ddc_transactions`` for ``trade_code`` until its status leaves 0 (processing); returns that row (1 succeeded, 2 failed)."""
