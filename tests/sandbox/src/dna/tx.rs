//! The signed BIF transaction that transferDNA and burnDNA carry (seed 002 §3.5.3/§3.5.4, built
//! per §3.3.3/§3.3.4), checked from reference/bif-spec.md alone, never with chainkit-core's code:
//! the protobuf (§9), the public key and its address (§5, §6), the signature over the raw
//! serialization bytes (§7, §8, §10), and the contract call's `input` against the request body.

use prost::Message;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::bid;

/// `protocol.Transaction`, only the fields a DNA contract call sets (bif-spec §9.1); prost skips
/// the others. Public so the tests build their transactions with the same field numbers, which
/// they pin against the seed's own §3.3.3 serialization.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Transaction {
    /// The signer's address.
    #[prost(string, tag = "1")]
    pub source_address: String,
    /// The signer's next nonce.
    #[prost(int64, tag = "2")]
    pub nonce: i64,
    /// Exactly one PAY_COIN for a DNA call.
    #[prost(message, repeated, tag = "4")]
    pub operations: Vec<Operation>,
    /// `feeLimit`.
    #[prost(int64, tag = "6")]
    pub fee_limit: i64,
    /// `gasPrice`.
    #[prost(int64, tag = "7")]
    pub gas_price: i64,
}

/// `protocol.Operation`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Operation {
    /// `Operation.Type` (7 = PAY_COIN).
    #[prost(int32, tag = "1")]
    pub r#type: i32,
    /// The payment to the contract.
    #[prost(message, optional, tag = "10")]
    pub pay_coin: Option<PayCoin>,
}

/// `protocol.OperationPayCoin`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PayCoin {
    /// The contract account.
    #[prost(string, tag = "1")]
    pub dest_address: String,
    /// `bifAmount` (0 for DNA).
    #[prost(int64, tag = "2")]
    pub amount: i64,
    /// The contract call's JSON `input`.
    #[prost(string, tag = "3")]
    pub input: String,
}

/// `Operation.Type.PAY_COIN`: a contract call is a payment to the contract account.
const PAY_COIN: i32 = 7;

/// The SM2 user ID every BIF SDK signs with (bif-spec §8).
const SM2_ID: &str = "1234567812345678";

/// The contract call a request body asks for.
pub enum Call<'a> {
    /// §3.3.3 `safeTransferFrom(address,address,string)`.
    Transfer {
        /// fromBid.
        from: &'a str,
        /// toBid.
        to: &'a str,
        /// tokenBid.
        token: &'a str,
    },
    /// §3.3.4 `burn(string)`.
    Burn {
        /// fromBid.
        from: &'a str,
        /// tokenBid.
        token: &'a str,
    },
}

/// The three strings a body carries from the offline signer.
pub struct Signed<'a> {
    /// Hex protobuf.
    pub serialization: &'a str,
    /// Hex signature.
    pub sign_data: &'a str,
    /// Hex `encPublicKey`.
    pub public_key: &'a str,
}

/// A transaction that is well formed, signed by its source and asks for `Call`.
#[derive(Debug, PartialEq)]
pub struct Verified {
    /// The nonce it was signed with (the caller checks it against the account).
    pub nonce: i64,
    /// `hex(sha256(serialization bytes))` (bif-spec §10).
    pub tx_hash: String,
}

#[derive(Deserialize)]
struct Input {
    function: String,
    args: String,
}

fn reject(reason: &str) -> String {
    format!("请检查请求参数,{reason}")
}

/// Checks `signed` against `call`; the error is the 400 `retMsg`.
pub fn verify(call: &Call, signed: &Signed) -> Result<Verified, String> {
    let bytes =
        hex::decode(signed.serialization).map_err(|_| reject("serialization不是十六进制字符串"))?;
    let tx = Transaction::decode(bytes.as_slice())
        .map_err(|_| reject("serialization不是有效的交易数据"))?;
    let signer = verify_signature(signed.public_key, signed.sign_data, &bytes)?;
    if signer != tx.source_address {
        return Err(reject("publicKey对应的地址与交易源账户不一致"));
    }
    let (from, function, args) = match call {
        Call::Transfer { from, to, token } => (
            from,
            "safeTransferFrom(address,address,string)",
            format!("{from},{to},'{token}'"),
        ),
        Call::Burn { from, token } => (from, "burn(string)", format!("'{token}'")),
    };
    if tx.source_address != *from {
        return Err(reject("交易源账户与fromBid不一致"));
    }
    let [Operation {
        r#type: PAY_COIN,
        pay_coin: Some(pay),
    }] = tx.operations.as_slice()
    else {
        return Err(reject("交易应只含一个合约调用(PAY_COIN)操作"));
    };
    // bif-spec §9.3: the offline API fills fee defaults for 0 and refuses nonce ≤ 0, so a
    // transaction it built never carries them; the amount is 0 in DNA.
    if tx.nonce <= 0 || tx.fee_limit <= 0 || tx.gas_price <= 0 || pay.amount != 0 {
        return Err(reject(
            "交易nonce、feeLimit、gasPrice须为正数,bifAmount须为0",
        ));
    }
    if pay.dest_address.is_empty() || pay.dest_address == tx.source_address {
        return Err(reject("交易的合约地址不正确"));
    }
    let input: Input =
        serde_json::from_str(&pay.input).map_err(|_| reject("交易input不是有效的JSON"))?;
    if input.function != function {
        return Err(reject(&format!("交易调用的合约方法应为{function}")));
    }
    if input.args != args {
        return Err(reject("交易参数与请求的fromBid、toBid、tokenBid不一致"));
    }
    Ok(Verified {
        nonce: tx.nonce,
        tx_hash: hex::encode(Sha256::digest(&bytes)),
    })
}

/// Verifies `sign_data` over `message` with `public_key` (bif-spec §5) and answers the key's
/// address.
pub fn verify_signature(
    public_key: &str,
    sign_data: &str,
    message: &[u8],
) -> Result<String, String> {
    let key = hex::decode(public_key).map_err(|_| reject("publicKey格式不正确"))?;
    let signature: [u8; 64] = hex::decode(sign_data)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| reject("signData应为64字节的十六进制签名"))?;
    let bad_signature = || reject("signData签名验证失败");
    match key.as_slice() {
        [0xB0, 0x65, 0x66, raw @ ..] => {
            use ed25519_dalek::Verifier as _;
            let raw: &[u8; 32] = raw.try_into().map_err(|_| reject("publicKey格式不正确"))?;
            let key = ed25519_dalek::VerifyingKey::from_bytes(raw)
                .map_err(|_| reject("publicKey格式不正确"))?;
            key.verify(message, &ed25519_dalek::Signature::from_bytes(&signature))
                .map_err(|_| bad_signature())?;
            Ok(bid::ed25519_address(raw))
        }
        [0xB0, 0x7A, 0x66, raw @ ..] if raw.len() == 65 => {
            use sm2::dsa::signature::Verifier as _;
            let key = sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_ID, raw)
                .map_err(|_| reject("publicKey格式不正确"))?;
            let signature =
                sm2::dsa::Signature::from_slice(&signature).map_err(|_| bad_signature())?;
            key.verify(message, &signature)
                .map_err(|_| bad_signature())?;
            Ok(bid::sm2_address(raw))
        }
        _ => Err(reject("publicKey格式不正确")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TV_KEY: &str = "b06566d8fb4a6dfbe0d5831e38f621391ad9191626f7e28c13d3a0482c52d5c9607b14";
    const TV_FROM: &str = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko";
    const TV_TO: &str = "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7";
    const TV_TOKEN: &str = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV";

    /// notes_002 TV1 (seed §3.3.3 response).
    const TV1: Signed = Signed {
        serialization: "0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f102122ee01080752e9010a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1abc017b2266756e6374696f6e223a22736166655472616e7366657246726f6d28616464726573732c616464726573732c737472696e6729222c2261726773223a226469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f2c6469643a6269643a6566314c38474273396d577a654b584769415a43383737575265737a3679372c276469643a6269643a65664474546a57424c6b4a6a7452534a464d66424c4e4a364c6a6e4b7531745627227d3080c2d72f380a",
        sign_data: "70b2ce583fb15b1e67e67e76ab3cfe491e819dbcfa3120946b98648be2f319961e3f148efc49c37dae8a6b71c17ac3c11a20caf58fa26513f86b0d4b209d7a09",
        public_key: TV_KEY,
    };

    /// notes_002 TV2 (seed §3.3.4 response).
    const TV2: Signed = Signed {
        serialization: "0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f1021227f0807527b0a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1a4f7b2266756e6374696f6e223a226275726e28737472696e6729222c2261726773223a22276469643a6269643a65664474546a57424c6b4a6a7452534a464d66424c4e4a364c6a6e4b7531745627227d3080c2d72f380a",
        sign_data: "2be1050f4663ebcce8a5afe4d76d83079575742f24842026cedd075a7df5ba81a0caecf2ce9de66bf0a37411fef1e422162c840dd07f7870a0578028fa53c502",
        public_key: TV_KEY,
    };

    /// notes_002 TV3 (seed §3.5.3 request body): a valid signature by efpJ7y….
    const TV3: Signed = Signed {
        serialization: "0a286469643a6269643a6566704a3779537a725672527369396b5a706f4369626d68516d72454a62703110cd0922ef01080752ea010a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1abd017b2266756e6374696f6e223a22736166655472616e7366657246726f6d28616464726573732c616464726573732c737472696e6729222c2261726773223a226469643a6269643a6566704a3779537a725672527369396b5a706f4369626d68516d72454a6270312c6469643a6269643a656657623866786d6163654c656f434a31567359444e47556d4845396a4d33542c276469643a6269643a65665464746f55356f7a36316d4d613573474c486d7a7651415338357263756f27227d3080dac40938c801",
        sign_data: "068198e33d8783c1b3f723c6b75d5918dcc2fc465e52e4cd75c3180507db833ad44830869ff30ab4276dc14e02fd12ca3075d73df5b9fbfa5f52b5aba5265804",
        public_key: "b0656658bd49d9e5318078bdf1833fcc750a80377ab635405517fc8c7874613008f50e",
    };

    fn sha256_hex(serialization: &str) -> String {
        hex::encode(Sha256::digest(hex::decode(serialization).unwrap()))
    }

    #[test]
    fn seed_transfer_and_burn_vectors_verify() {
        let transfer = Call::Transfer {
            from: TV_FROM,
            to: TV_TO,
            token: TV_TOKEN,
        };
        assert_eq!(
            verify(&transfer, &TV1),
            Ok(Verified {
                nonce: 33,
                tx_hash: sha256_hex(TV1.serialization)
            })
        );
        let burn = Call::Burn {
            from: TV_FROM,
            token: TV_TOKEN,
        };
        assert_eq!(verify(&burn, &TV2).map(|v| v.nonce), Ok(33));
        // The signature is right, the call is not: a burn body with the transfer transaction.
        assert_eq!(
            verify(&burn, &TV1),
            Err("请检查请求参数,交易调用的合约方法应为burn(string)".into())
        );
    }

    #[test]
    fn seed_transfer_body_mismatches_its_transaction() {
        // §3.5.3's body names other bids than its signed transaction (notes_002 TV3).
        let body = Call::Transfer {
            from: "did:bid:efyHiBTd4fbavvr86S7a5zFmBvMyAWhR",
            to: "did:bid:efULSmsPJDFR23rsjC8XrdfHZPYV62NU",
            token: "did:bid:effDbwjLCPLypvHjGyDfwis3VHaNZmuT",
        };
        assert_eq!(
            verify(&body, &TV3),
            Err("请检查请求参数,交易源账户与fromBid不一致".into())
        );
        // With the bids that are inside it, the same transaction is accepted.
        let inside = Call::Transfer {
            from: "did:bid:efpJ7ySzrVrRsi9kZpoCibmhQmrEJbp1",
            to: "did:bid:efWb8fxmaceLeoCJ1VsYDNGUmHE9jM3T",
            token: "did:bid:effDbwjLCPLypvHjGyDfwis3VHaNZmuT",
        };
        assert_eq!(
            verify(&inside, &TV3),
            Err("请检查请求参数,交易参数与请求的fromBid、toBid、tokenBid不一致".into())
        );
        let inside = Call::Transfer {
            from: "did:bid:efpJ7ySzrVrRsi9kZpoCibmhQmrEJbp1",
            to: "did:bid:efWb8fxmaceLeoCJ1VsYDNGUmHE9jM3T",
            token: "did:bid:efTdtoU5oz61mMa5sGLHmzvQAS85rcuo",
        };
        assert_eq!(verify(&inside, &TV3).map(|v| v.nonce), Ok(1229));
    }

    #[test]
    fn tampering_is_rejected() {
        let transfer = Call::Transfer {
            from: TV_FROM,
            to: TV_TO,
            token: TV_TOKEN,
        };
        // §3.5.4's signData is cut to 61 hex characters (notes_002 TV4).
        let truncated = Signed {
            sign_data: &TV1.sign_data[..61],
            ..TV1
        };
        assert_eq!(
            verify(&transfer, &truncated),
            Err("请检查请求参数,signData应为64字节的十六进制签名".into())
        );
        // TV2's signature is genuine, but not over TV1's bytes.
        let swapped = Signed {
            sign_data: TV2.sign_data,
            ..TV1
        };
        assert_eq!(
            verify(&transfer, &swapped),
            Err("请检查请求参数,signData签名验证失败".into())
        );
        // Another signer's key: its signature fails first.
        let other = Signed {
            public_key: TV3.public_key,
            ..TV1
        };
        assert_eq!(
            verify(&transfer, &other),
            Err("请检查请求参数,signData签名验证失败".into())
        );
        let garbage = Signed {
            serialization: "zz",
            ..TV1
        };
        assert!(verify(&transfer, &garbage).is_err());
    }

    /// An SM2-signed BIF transaction from bop-typescript-sdk's tests
    /// (tests/vectors/bif/official-verify.json), checked with user ID 1234567812345678.
    #[test]
    fn official_sm2_signature_verifies() {
        let key = "b07a66048d0283b897f59fd60db0410644e78eb38fd85e57f3e681a780ec807641e9dda4bed60055fc013d7362ba2e1654a5fac1b2b6d240dcc029dd146ed6d40daf9490";
        let message = hex::decode("0a286469643a6269643a7a6656484a6e6f70383735554d506d736b616d344a43346b4c5734744161444b10012236080122320a286469643a6269643a656678513967545a3351685669536a71547857734a7a57657a6a425573644d541a0608011a0208012a047465737430904e3801").unwrap();
        let sig = "d86f2f00048d76afc8d3b533761418cb1d690467ef4fda6e1fd9243ad23eb4cd8dc91dc08ed9f12fa34d01d4d3b9c31d236d62c6a445336b81c3676d06da5067";
        // The transaction's source_address is the signer's SM2 address.
        assert_eq!(
            verify_signature(key, sig, &message),
            Ok("did:bid:zfVHJnop875UMPmskam4JC4kLW4tAaDK".into())
        );
        assert!(verify_signature(key, sig, &message[1..]).is_err());
    }
}
