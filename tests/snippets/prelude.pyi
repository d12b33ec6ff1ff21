# What the README's Python blocks leave to the reader: their own values. Star-imported by each
# block (extract.py); chainkit's names are not here, so a block must import what it uses.
from chainkit import Client

url: str
pool_url: str
api_key: str
api_secret: str
apitoken: str
client_id: str
secret_key: str
secret_salt: str
ak: str
sk: str
project_id: str
enc_private_key: str
contract: str
contract_address: str
to: str
to_bid: str
token_bid: str
nonce: int
client: Client
