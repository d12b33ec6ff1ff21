//! The DDC service's in-memory ledger: the 算力值 balance of the one portal user the `apitoken`
//! stands for, its chain accounts, the DDCs they hold and every DDC transaction.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::body::{self, Fail};

/// Decision (seed 000 §4 says 算力值 is topped up in the portal, not through the API): the portal
/// user starts with 1000.00 算力值, enough for a scenario, low enough to run out on purpose.
pub const START_BALANCE_CENTS: i64 = 100_000;

/// One open permissioned chain the center supports.
pub struct Chain {
    /// opbChainId.
    pub id: i64,
    /// opbChainName.
    pub name: &'static str,
    /// opbChainType: `EVM` chains take energy (gas), the `EOS` one (中移链) CPU/NET/RAM.
    pub kind: &'static str,
    /// opbAlgorithmName / opbAlgorithmType.
    pub algorithm: (&'static str, i64),
    /// Energy for 1 算力值 (能量值定价查询); none on 中移链 (MSG_10051022).
    pub gas_per_unit: Option<u64>,
}

/// The two frameworks: ids 2 and 9 as in the seed's request examples (gas on 2, DDCs on 9).
pub const CHAINS: [Chain; 2] = [
    Chain {
        id: 2,
        name: "文昌链",
        kind: "EVM",
        algorithm: ("IBFT", 1),
        gas_per_unit: Some(1_000_000),
    },
    Chain {
        id: 9,
        name: "中移链",
        kind: "EOS",
        algorithm: ("DPoS", 2),
        gas_per_unit: None,
    },
];

/// DDC fees per txType in hundredths of 算力值 (20 mint, 22 transfer, 23 burn: seed 000 §1).
pub const FEES: [(i64, i64); 3] = [(20, 100), (22, 50), (23, 20)];

/// EOS resource prices in hundredths of 算力值: CPU and NET per unit per day, RAM per KB.
pub const EOS_PRICE_CENTS: (i64, i64, i64) = (2, 1, 4);

/// One chain account.
pub struct Account {
    /// opbChainId.
    pub chain: i64,
    /// opbChainClientName.
    pub name: String,
    /// opbChainClientAddress.
    pub address: String,
    /// opbChainClientCode.
    pub code: String,
    /// Energy (EVM chains).
    pub energy: u64,
    /// CPU, NET and RAM capacity (中移链).
    pub resources: (i64, i64, i64),
    /// gasLastUpdateTime; "" until the first recharge, as in the example.
    pub updated: String,
}

/// One DDC: its chain, type and holders.
pub struct Ddc {
    /// opbChainId.
    pub chain: i64,
    /// 721 or 1155.
    pub kind: i64,
    /// Quantity per holder address.
    pub holders: BTreeMap<String, u64>,
}

/// Everything the DDC service remembers.
pub struct Ledger {
    /// 算力值, hundredths.
    pub balance: i64,
    /// Chain accounts in creation order.
    pub accounts: Vec<Account>,
    /// DDCs by ddcId.
    pub ddcs: BTreeMap<String, Ddc>,
    /// Transactions in order, each as 交易明细查询 lists it.
    pub txs: Vec<Value>,
    /// The node-gateway key (接入key).
    pub access_key: String,
    /// Feeds every generated id, so each is unique and reproducible.
    pub serial: u64,
}

/// The DDC state shared by all requests.
pub struct State(Mutex<Ledger>);

impl Default for State {
    fn default() -> Self {
        let mut ledger = Ledger {
            balance: START_BALANCE_CENTS,
            accounts: Vec::new(),
            ddcs: BTreeMap::new(),
            txs: Vec::new(),
            access_key: String::new(),
            serial: 0,
        };
        ledger.access_key = ledger.digest("access-key");
        Self(Mutex::new(ledger))
    }
}

/// What an operation answers: the whole success envelope, or why not.
pub type Outcome = Result<Value, Fail>;

/// The ResultInfo success envelope.
pub fn ok(data: Value) -> Value {
    json!({"code": 0, "data": data, "errorLogCode": "0", "message": "0"})
}

impl State {
    /// Answers the documented endpoint `id` from a body of `content_type`; `None` for an
    /// endpoint without state.
    pub fn answer(&self, id: &str, content_type: Option<&str>, raw: &[u8]) -> Option<Outcome> {
        let mut l = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let with_body = |f: fn(&mut Ledger, &body::Body) -> Outcome, l: &mut Ledger| {
            body::object(content_type, raw).and_then(|b| f(l, &b))
        };
        Some(match id {
            "list_opb_frameworks" => Ok(ok(CHAINS.iter().map(framework).collect())),
            "list_ddc_fees" => Ok(ok(FEES
                .iter()
                .map(|(t, c)| json!({"txAmount": amount(*c), "txType": t}))
                .collect())),
            "get_account_balance" => Ok(ok(json!({"accountBalance": amount(l.balance)}))),
            "get_access_key" => Ok(ok(json!({"accessKey": l.access_key}))),
            "update_access_key" => {
                l.access_key = l.digest("access-key");
                Ok(ok(json!({"accessKey": l.access_key})))
            }
            "get_eos_resource_price" => {
                let (cpu, net, ram) = EOS_PRICE_CENTS;
                Ok(ok(json!({
                    "eosCpu": amount(cpu), "eosNet": amount(net), "eosRam": amount(ram)
                })))
            }
            "get_gas_price" => with_body(Ledger::gas_price, &mut l),
            "create_chain_account" => with_body(Ledger::create_account, &mut l),
            "list_chain_accounts" => with_body(Ledger::list_accounts, &mut l),
            "recharge_gas" => with_body(Ledger::recharge_gas, &mut l),
            "recharge_eos_resource" => with_body(Ledger::recharge_resource, &mut l),
            "mint_ddc" => with_body(Ledger::mint, &mut l),
            "send_ddc" => with_body(Ledger::send, &mut l),
            "burn_ddc" => with_body(Ledger::burn, &mut l),
            "list_ddc_transactions" => with_body(Ledger::transactions, &mut l),
            _ => return None,
        })
    }
}

fn framework(c: &Chain) -> Value {
    json!({
        "opbAlgorithmName": c.algorithm.0,
        "opbAlgorithmType": c.algorithm.1,
        "opbChainId": c.id,
        "opbChainName": c.name,
        "opbChainType": c.kind,
    })
}

/// Hundredths as the JSON number the document shows (`"txAmount": 6`, `"accountBalance": 10`).
pub fn amount(cents: i64) -> Value {
    if cents % 100 == 0 {
        json!(cents / 100)
    } else {
        json!(cents as f64 / 100.0)
    }
}

/// The chain `id`, or MSG_10051001 (framework not supported).
pub fn chain(id: i64) -> Result<&'static Chain, Fail> {
    CHAINS
        .iter()
        .find(|c| c.id == id)
        .ok_or(Fail::Msg("MSG_10051001"))
}

/// Now in Beijing time, the service's zone.
pub fn now_cst() -> time::OffsetDateTime {
    let cst = time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::now_utc().to_offset(cst)
}

impl State {
    /// A fresh `errorLogCode` for a failure: the mark the service also writes to its log (the
    /// successes' examples show "0", nothing to look up).
    pub fn log_code(&self) -> String {
        let mut l = self.0.lock().unwrap_or_else(|e| e.into_inner());
        l.digest("log")[..16].to_owned()
    }
}

impl Ledger {
    /// A fresh 64-hex digest, unique per call.
    pub fn digest(&mut self, purpose: &str) -> String {
        self.serial += 1;
        hex::encode(Sha256::digest(format!(
            "chainkit-sandbox/ddc/{purpose}/{}",
            self.serial
        )))
    }

    /// Debits `cents` of 算力值, or MSG_200BALANCE_SHORT.
    pub fn charge(&mut self, cents: i64) -> Result<(), Fail> {
        if cents > self.balance {
            return Err(Fail::Msg("MSG_200BALANCE_SHORT"));
        }
        self.balance -= cents;
        Ok(())
    }

    /// The account at `address`, or MSG_10051007.
    pub fn account(&self, address: &str) -> Result<usize, Fail> {
        self.accounts
            .iter()
            .position(|a| a.address == address)
            .ok_or(Fail::Msg("MSG_10051007"))
    }
}
