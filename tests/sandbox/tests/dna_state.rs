#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! DNA (seed 002) as a stateful platform over HTTP: the whole SDK flow, then every rejection.
//! Transactions are built here with ed25519-dalek / sm2 and the sandbox's protobuf structs, and
//! the builder is first checked against the seed's own §3.3.3 vector.

mod common;

use std::time::Duration;

use chainkit_sandbox::dna::tx::{Operation, PayCoin, Transaction};
use chainkit_sandbox::Config;
use ed25519_dalek::Signer as _;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const ALPHABET: bs58::Alphabet =
    bs58::Alphabet::new_unwrap(b"123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz");
const CONTRACT: &str = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";
const PHONE: &str = "708df4830e76a78ab932f8f3e525ded9d3bb8f7f0b22585d8fe93b6afb2d07b3";

/// A chain account that signs like the offline API (§3.3.3).
enum Key {
    Ed25519(ed25519_dalek::SigningKey),
    Sm2(sm2::dsa::SigningKey),
}

impl Key {
    fn ed25519(seed: u8) -> Self {
        Key::Ed25519(ed25519_dalek::SigningKey::from_bytes(&[seed; 32]))
    }

    fn sm2(seed: u8) -> Self {
        Key::Sm2(sm2::dsa::SigningKey::from_slice("1234567812345678", &[seed; 32]).unwrap())
    }

    /// `encPublicKey` and its raw key's hash (bif-spec §5, §6).
    fn public(&self) -> (String, char, [u8; 32]) {
        match self {
            Key::Ed25519(k) => {
                let raw = k.verifying_key().to_bytes();
                let hex = format!("b06566{}", hex::encode(raw));
                (hex, 'e', Sha256::digest(raw).into())
            }
            Key::Sm2(k) => {
                let raw = k.verifying_key().to_sec1_bytes();
                assert_eq!(raw.len(), 65, "uncompressed 04‖X‖Y");
                use sm3::Digest as _;
                let hex = format!("b07a66{}", hex::encode(&raw));
                (hex, 'z', sm3::Sm3::digest(&raw).into())
            }
        }
    }

    fn bid(&self) -> String {
        let (_, letter, digest) = self.public();
        let body = bs58::encode(&digest[10..])
            .with_alphabet(&ALPHABET)
            .into_string();
        format!("did:bid:{letter}f{body}")
    }

    /// `(serialization, signData, publicKey)` of a contract call with `input`.
    fn sign(&self, nonce: i64, input: &str) -> (String, String, String) {
        let tx = Transaction {
            source_address: self.bid(),
            nonce,
            operations: vec![Operation {
                r#type: 7,
                pay_coin: Some(PayCoin {
                    dest_address: CONTRACT.into(),
                    amount: 0,
                    input: input.into(),
                }),
            }],
            fee_limit: 20_000_000,
            gas_price: 200,
        };
        let bytes = prost::Message::encode_to_vec(&tx);
        let signature = match self {
            Key::Ed25519(k) => k.sign(&bytes).to_bytes().to_vec(),
            Key::Sm2(k) => {
                use sm2::dsa::signature::Signer as _;
                let s: sm2::dsa::Signature = k.sign(&bytes);
                s.to_bytes().to_vec()
            }
        };
        (hex::encode(bytes), hex::encode(signature), self.public().0)
    }
}

/// The §3.3.3 `input`, keys in the seed's order (a JSON map would sort them).
fn transfer_input(from: &str, to: &str, token: &str) -> String {
    format!(
        r#"{{"function":"safeTransferFrom(address,address,string)","args":"{from},{to},'{token}'"}}"#
    )
}

/// The §3.3.4 `input`.
fn burn_input(token: &str) -> String {
    format!(r#"{{"function":"burn(string)","args":"'{token}'"}}"#)
}

/// The test's own builder reproduces seed §3.3.3 (notes_002 TV1) byte for byte.
#[test]
fn builder_reproduces_seed_vector() {
    let private = bs58::decode("priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM")
        .with_alphabet(&ALPHABET)
        .into_vec()
        .unwrap();
    let key = Key::Ed25519(ed25519_dalek::SigningKey::from_bytes(
        &private[5..].try_into().unwrap(),
    ));
    assert_eq!(key.bid(), "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko");
    let input = r#"{"function":"safeTransferFrom(address,address,string)","args":"did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko,did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7,'did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV'"}"#;
    assert_eq!(
        input,
        transfer_input(
            "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko",
            "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7",
            "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV"
        )
    );
    // Seed §3.3.3 used fee 100000000 / gas 10; re-encode with those to compare byte for byte.
    let tx = Transaction {
        source_address: key.bid(),
        nonce: 33,
        operations: vec![Operation {
            r#type: 7,
            pay_coin: Some(PayCoin {
                dest_address: CONTRACT.into(),
                amount: 0,
                input: input.into(),
            }),
        }],
        fee_limit: 100_000_000,
        gas_price: 10,
    };
    let bytes = prost::Message::encode_to_vec(&tx);
    assert_eq!(hex::encode(&bytes), "0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f102122ee01080752e9010a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1abc017b2266756e6374696f6e223a22736166655472616e7366657246726f6d28616464726573732c616464726573732c737472696e6729222c2261726773223a226469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f2c6469643a6269643a6566314c38474273396d577a654b584769415a43383737575265737a3679372c276469643a6269643a65664474546a57424c6b4a6a7452534a464d66424c4e4a364c6a6e4b7531745627227d3080c2d72f380a");
    let Key::Ed25519(k) = &key else {
        unreachable!()
    };
    assert_eq!(
        hex::encode(k.sign(&bytes).to_bytes()),
        "70b2ce583fb15b1e67e67e76ab3cfe491e819dbcfa3120946b98648be2f319961e3f148efc49c37dae8a6b71c17ac3c11a20caf58fa26513f86b0d4b209d7a09"
    );
}

/// A client holding one accessToken.
struct Dna {
    c: reqwest::Client,
    base: String,
    token: String,
}

impl Dna {
    async fn start(delay_ms: u64) -> Self {
        let mut config = Config::default();
        config.dna.message_delay_ms = delay_ms;
        let base = common::start(config).await;
        let c = common::client();
        let mut dna = Self {
            c,
            base,
            token: String::new(),
        };
        dna.token = dna.fresh_token().await;
        dna
    }

    async fn fresh_token(&self) -> String {
        let url = format!(
            "{}/registration/api/v2/getToken?apiKey=did%3Abid%3AefSandboxApiKey0000000000000&apiSecret=sandbox-dna-api-secret",
            self.base
        );
        let body: Value = self.c.get(url).send().await.unwrap().json().await.unwrap();
        body["accessToken"].as_str().unwrap().to_owned()
    }

    async fn read(r: reqwest::RequestBuilder) -> (u16, Value) {
        let r = r.send().await.unwrap();
        let status = r.status().as_u16();
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body["retCode"], status,
            "retCode mirrors the status: {body}"
        );
        (status, body)
    }

    async fn get(&self, path: &str) -> Value {
        let r = self.c.get(format!("{}{path}", self.base));
        Self::read(r.header("accessToken", &self.token)).await.1
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let r = self.c.post(format!("{}{path}", self.base)).json(&body);
        Self::read(r.header("accessToken", &self.token)).await.1
    }

    /// `Ok(payload)` on 200, `Err(retMsg)` on 400.
    async fn call(&self, path: &str, body: Value) -> Result<Value, String> {
        let v = self.post(path, body).await;
        if v["retCode"] == 200 {
            Ok(v)
        } else {
            Err(v["retMsg"].as_str().unwrap().to_owned())
        }
    }

    async fn upload(&self, keys: &[&Key]) {
        let data: Vec<Value> = keys
            .iter()
            .map(|k| json!({"phone": PHONE, "bid": k.bid()}))
            .collect();
        let r = self
            .call("/registration/api/v2/account/upload", json!({"data": data}))
            .await;
        assert_eq!(r.unwrap()["retMsg"], "ok");
    }

    async fn series(&self, name: &str) -> String {
        let body = json!({"seriesIssuer": "央视", "seriesName": name, "seriesDes": "萌萌", "externalUrl": "http://www.baidu.com/"});
        let r = self.call("/registration/api/v2/series/add", body).await;
        r.unwrap()["seriesId"].as_str().unwrap().to_owned()
    }

    async fn nonce(&self, bid: &str) -> Value {
        self.get(&format!("/registration/api/v2/chain/nonce?userBid={bid}"))
            .await
    }

    /// The message once it left state 0 (bounded: 200 polls of 20 ms).
    async fn settled(&self, message_id: &str) -> Value {
        for _ in 0..200 {
            let m = self
                .get(&format!("/registration/api/v2/chain/message/{message_id}"))
                .await;
            if m["data"]["state"] != 0 {
                return m["data"].clone();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("message {message_id} never settled");
    }

    /// Mints `number` in `series` to `owner` and waits: the tokenBid.
    async fn minted(&self, series: &str, number: &str, owner: &str) -> String {
        let id = self
            .call(
                "/registration/api/v2/chain/mintDNA",
                asset(series, number, owner),
            )
            .await
            .unwrap()["messageId"]
            .as_str()
            .unwrap()
            .to_owned();
        let m = self.settled(&id).await;
        assert_eq!(m["state"], 2, "{m}");
        m["info"][0]["tokenBid"].as_str().unwrap().to_owned()
    }

    async fn transfer(
        &self,
        key: &Key,
        nonce: i64,
        to: &str,
        token: &str,
    ) -> Result<Value, String> {
        let from = key.bid();
        let (serialization, sign_data, public_key) =
            key.sign(nonce, &transfer_input(&from, to, token));
        let body = json!({"tokenBid": token, "fromBid": from, "toBid": to,
            "serialization": serialization, "signData": sign_data, "publicKey": public_key});
        self.call("/registration/api/v2/chain/transferDNA", body)
            .await
    }
}

fn asset(series: &str, number: &str, owner: &str) -> Value {
    json!({"seriesId": series, "dnaName": format!("测试{number}"), "dnaNumber": number,
        "dnaDes": "测试数字资产", "url": "http://ww.baidu.com", "displayUrl": "http://ww.baidu.com",
        "toBid": owner, "extension": "扩展字符", "hash": "123", "dnaPrice": 1.24, "dnaCategory": "图片"})
}

#[tokio::test]
async fn whole_flow() {
    let dna = Dna::start(800).await;
    let (alice, bob) = (Key::ed25519(1), Key::ed25519(2));
    let (a, b) = (alice.bid(), bob.bid());
    dna.upload(&[&alice, &bob]).await;
    assert_eq!(
        dna.nonce(&a).await["nonce"],
        0,
        "a fresh account's current nonce"
    );

    let series = dna.series("央视20220816").await;
    let list = dna
        .get("/registration/api/v2/series/list/?pageNum=1&pageSize=20")
        .await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0]["seriesId"], series);
    let detail = dna
        .get(&format!("/registration/api/v2/series/{series}"))
        .await;
    assert_eq!(detail["seriesName"], "央视20220816");
    assert_eq!(detail["appId"], list["data"][0]["appId"]);

    // Mint: state 0 at once, the asset appears only when the message succeeds.
    let r = dna
        .call(
            "/registration/api/v2/chain/mintDNA",
            asset(&series, "000008", &a),
        )
        .await
        .unwrap();
    let mint_id = r["messageId"].as_str().unwrap().to_owned();
    let pending = dna
        .get(&format!("/registration/api/v2/chain/message/{mint_id}"))
        .await;
    assert_eq!(pending["data"]["state"], 0, "{pending}");
    let token = pending["data"]["info"][0]["tokenBid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("did:bid:ef"), "{token}");
    let detail = dna
        .get(&format!("/registration/api/v2/dnaDetail?tokenBid={token}"))
        .await;
    assert_eq!(detail["retMsg"], "tokenBid不存在");
    let mint = dna.settled(&mint_id).await;
    assert_eq!(mint["state"], 2);
    assert_eq!(mint["info"][0]["dnaNumber"], "000008");
    assert_eq!(mint["info"][0]["seriesId"], series);
    let detail = dna
        .get(&format!("/registration/api/v2/dnaDetail?tokenBid={token}"))
        .await;
    assert_eq!(detail["data"]["dnaName"], "测试000008");
    assert_eq!(detail["data"]["dnaPrice"], 1.24);
    let owner = format!("/registration/api/v2/chain/tokenOwnerOf/{token}");
    assert_eq!(dna.get(&owner).await["bidAddress"], format!("[{a}]"));
    let status = format!(
        "/registration/api/v2/chain/status?tokenBid={token}&type=1&txHash={}",
        mint["txHash"].as_str().unwrap()
    );
    assert_eq!(dna.get(&status).await["state"], 2);

    // Batch mint: one message for both.
    let batch = json!({"data": [asset(&series, "1396", &a), asset(&series, "02", &a)]});
    let r = dna
        .call("/registration/api/v2/chain/batchMintDNA", batch)
        .await
        .unwrap();
    let m = dna.settled(r["messageId"].as_str().unwrap()).await;
    assert_eq!(m["state"], 2);
    assert_eq!(m["info"].as_array().unwrap().len(), 2);
    let by_series = dna
        .get(&format!(
            "/registration/api/v2/{series}/dna?pageNum=2&pageSize=2"
        ))
        .await;
    assert_eq!(by_series["total"], 3);
    assert_eq!(by_series["data"].as_array().unwrap().len(), 1);
    let by_user = format!("/registration/api/v2/dna/{a}?pageNum=1&pageSize=10");
    assert_eq!(dna.get(&by_user).await["total"], 3);

    // Transfer alice → bob with alice's current nonce + 1; the path's ':' percent-encoded.
    let r = dna.transfer(&alice, 1, &b, &token).await.unwrap();
    assert_eq!(dna.nonce(&a).await["nonce"], 1, "bumped on acceptance");
    let pending = dna
        .get(&format!(
            "/registration/api/v2/chain/message/{}",
            r["messageId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(pending["data"]["state"], 0);
    assert_eq!(
        dna.get(&owner.replace(':', "%3A")).await["bidAddress"],
        format!("[{a}]"),
        "not yet"
    );
    let m = dna.settled(r["messageId"].as_str().unwrap()).await;
    assert_eq!(m["state"], 2);
    let (serialization, _, _) = alice.sign(1, &transfer_input(&a, &b, &token));
    let tx_hash = hex::encode(Sha256::digest(hex::decode(serialization).unwrap()));
    assert_eq!(m["txHash"], tx_hash, "bif-spec §10");
    assert_eq!(dna.get(&owner).await["bidAddress"], format!("[{b}]"));
    let status =
        format!("/registration/api/v2/chain/status?tokenBid={token}&type=2&txHash={tx_hash}");
    assert_eq!(dna.get(&status).await["state"], 2);
    assert_eq!(dna.get(&by_user).await["total"], 2);

    let records = format!("/registration/api/v2/record/{token}");
    let r = dna.get(&records).await;
    assert_eq!(r["total"], 2);
    assert_eq!(r["data"][0]["operation"], 1);
    assert_eq!(r["data"][0]["fromBid"], a);
    assert_eq!(r["data"][0]["toBid"], b);
    assert_eq!(r["data"][0]["txHash"], tx_hash);
    assert_eq!(r["data"][1]["operation"], 0);
    assert_eq!(r["data"][1]["toBid"], a);
    assert_eq!(r["data"][1]["dnaNumber"], "000008");

    // Burn by bob, whose nonce is still 0.
    let (serialization, sign_data, public_key) = bob.sign(1, &burn_input(&token));
    let body = json!({"tokenBid": token, "fromBid": b, "serialization": serialization,
        "signData": sign_data, "publicKey": public_key});
    let r = dna
        .call("/registration/api/v2/chain/burnDNA", body)
        .await
        .unwrap();
    let m = dna.settled(r["messageId"].as_str().unwrap()).await;
    assert_eq!(m["state"], 2);
    assert_eq!(dna.get(&owner).await["bidAddress"], "");
    let r = dna.get(&records).await;
    assert_eq!(r["total"], 3);
    assert_eq!(r["data"][0]["operation"], 2);
    assert_eq!(r["data"][0]["fromBid"], b);
    let bobs = format!("/registration/api/v2/dna/{b}");
    assert_eq!(dna.get(&bobs).await["total"], 0);
}

#[tokio::test]
async fn sm2_holder_transfers() {
    let dna = Dna::start(0).await;
    let (carol, dave) = (Key::sm2(7), Key::ed25519(8));
    assert!(carol.bid().starts_with("did:bid:zf"));
    dna.upload(&[&carol, &dave]).await;
    let series = dna.series("国密").await;
    let token = dna.minted(&series, "1", &carol.bid()).await;
    let r = dna.transfer(&carol, 1, &dave.bid(), &token).await.unwrap();
    let m = dna.settled(r["messageId"].as_str().unwrap()).await;
    assert_eq!(m["state"], 2);
    let owner = format!("/registration/api/v2/chain/tokenOwnerOf/{token}");
    assert_eq!(
        dna.get(&owner).await["bidAddress"],
        format!("[{}]", dave.bid())
    );
}

#[tokio::test]
async fn transfer_rejections() {
    let dna = Dna::start(0).await;
    let (alice, bob, eve) = (Key::ed25519(1), Key::ed25519(2), Key::ed25519(3));
    let (a, b) = (alice.bid(), bob.bid());
    dna.upload(&[&alice, &bob]).await;
    let series = dna.series("s").await;
    let token = dna.minted(&series, "1", &a).await;

    // Bad signature: one flipped bit.
    let input = transfer_input(&a, &b, &token);
    let (serialization, sign_data, public_key) = alice.sign(1, &input);
    let mut sig = hex::decode(&sign_data).unwrap();
    sig[0] ^= 1;
    let body = json!({"tokenBid": token, "fromBid": a, "toBid": b, "serialization": serialization,
        "signData": hex::encode(sig), "publicKey": public_key});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("请检查请求参数,signData签名验证失败".into())
    );

    // Wrong nonce: current is 0, so only 1 is accepted; 0 is never valid (bif-spec §9.3).
    for nonce in [2, 5] {
        assert_eq!(
            dna.transfer(&alice, nonce, &b, &token).await,
            Err("请检查请求参数,交易nonce应为1(当前nonce为0)".into())
        );
    }
    assert_eq!(
        dna.transfer(&alice, 0, &b, &token).await,
        Err("请检查请求参数,交易nonce、feeLimit、gasPrice须为正数,bifAmount须为0".into())
    );
    assert_eq!(
        dna.nonce(&a).await["nonce"],
        0,
        "a rejection leaves the nonce"
    );

    // Wrong owner: bob signs correctly but does not hold the token.
    assert_eq!(
        dna.transfer(&bob, 1, &a, &token).await,
        Err("用户数字资产持有者地址不正确".into())
    );

    // Mismatched fields: the signed args name another token / the signer is not fromBid.
    let other = dna.minted(&series, "2", &a).await;
    let (serialization, sign_data, public_key) = alice.sign(1, &transfer_input(&a, &b, &other));
    let body = json!({"tokenBid": token, "fromBid": a, "toBid": b, "serialization": serialization,
        "signData": sign_data, "publicKey": public_key});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("请检查请求参数,交易参数与请求的fromBid、toBid、tokenBid不一致".into())
    );
    let (serialization, sign_data, public_key) = bob.sign(1, &transfer_input(&a, &b, &token));
    let body = json!({"tokenBid": token, "fromBid": a, "toBid": b, "serialization": serialization,
        "signData": sign_data, "publicKey": public_key});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("请检查请求参数,交易源账户与fromBid不一致".into())
    );
    // A burn transaction offered as a transfer.
    let (serialization, sign_data, public_key) = alice.sign(1, &burn_input(&token));
    let body = json!({"tokenBid": token, "fromBid": a, "toBid": b, "serialization": serialization,
        "signData": sign_data, "publicKey": public_key});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("请检查请求参数,交易调用的合约方法应为safeTransferFrom(address,address,string)".into())
    );

    // Unknown token, unknown sender, receiver that is no account of the application.
    let ghost = eve.bid();
    assert_eq!(
        dna.transfer(&alice, 1, &b, &ghost).await,
        Err("数字资产bid不正确".into())
    );
    assert_eq!(
        dna.transfer(&eve, 1, &b, &token).await,
        Err("用户数字资产持有者地址不存在".into())
    );
    assert_eq!(
        dna.transfer(&alice, 1, &ghost, &token).await,
        Err("用户接收数字资产的地址不正确".into())
    );
    let body = json!({"tokenBid": token, "toBid": b});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("用户数字资产持有者地址必填".into())
    );
    let body = json!({"tokenBid": token, "fromBid": "", "toBid": b});
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", body)
            .await,
        Err("请检查请求参数,请求参数不能为空字符串".into())
    );

    // The seed's §3.5.3 body itself: its token is not on this platform.
    let seed_body = json!({
        "tokenBid": "did:bid:effDbwjLCPLypvHjGyDfwis3VHaNZmuT",
        "fromBid": "did:bid:efyHiBTd4fbavvr86S7a5zFmBvMyAWhR",
        "toBid": "did:bid:efULSmsPJDFR23rsjC8XrdfHZPYV62NU",
        "serialization": "0a286469643a6269643a6566704a3779537a725672527369396b5a706f4369626d68516d72454a62703110cd0922ef01080752ea010a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1abd017b2266756e6374696f6e223a22736166655472616e7366657246726f6d28616464726573732c616464726573732c737472696e6729222c2261726773223a226469643a6269643a6566704a3779537a725672527369396b5a706f4369626d68516d72454a6270312c6469643a6269643a656657623866786d6163654c656f434a31567359444e47556d4845396a4d33542c276469643a6269643a65665464746f55356f7a36316d4d613573474c486d7a7651415338357263756f27227d3080dac40938c801",
        "signData": "068198e33d8783c1b3f723c6b75d5918dcc2fc465e52e4cd75c3180507db833ad44830869ff30ab4276dc14e02fd12ca3075d73df5b9fbfa5f52b5aba5265804",
        "publicKey": "b0656658bd49d9e5318078bdf1833fcc750a80377ab635405517fc8c7874613008f50e"
    });
    assert_eq!(
        dna.call("/registration/api/v2/chain/transferDNA", seed_body)
            .await,
        Err("数字资产bid不正确".into())
    );

    // After all that, the right transaction still goes through with nonce 1.
    assert!(dna.transfer(&alice, 1, &b, &token).await.is_ok());
}

#[tokio::test]
async fn owner_change_before_settling_fails_on_chain() {
    let dna = Dna::start(800).await;
    let (alice, bob, carol) = (Key::ed25519(1), Key::ed25519(2), Key::ed25519(4));
    dna.upload(&[&alice, &bob, &carol]).await;
    let series = dna.series("s").await;
    let token = dna.minted(&series, "1", &alice.bid()).await;
    // Both accepted while alice still owns it: the second settles as 上链失败.
    let first = dna.transfer(&alice, 1, &bob.bid(), &token).await.unwrap();
    let second = dna.transfer(&alice, 2, &carol.bid(), &token).await.unwrap();
    assert_eq!(
        dna.settled(first["messageId"].as_str().unwrap()).await["state"],
        2
    );
    let m = dna.settled(second["messageId"].as_str().unwrap()).await;
    assert_eq!(m["state"], 1);
    assert_eq!(m["info"][0]["message"], "用户数字资产持有者地址不正确");
    let owner = format!("/registration/api/v2/chain/tokenOwnerOf/{token}");
    assert_eq!(
        dna.get(&owner).await["bidAddress"],
        format!("[{}]", bob.bid())
    );
}

#[tokio::test]
async fn burn_rejections() {
    let dna = Dna::start(0).await;
    let (alice, bob, eve) = (Key::ed25519(1), Key::ed25519(2), Key::ed25519(3));
    dna.upload(&[&alice, &bob]).await;
    let series = dna.series("s").await;
    let token = dna.minted(&series, "1", &alice.bid()).await;
    let burn = |key: &Key, from: String, token: String| {
        let (serialization, sign_data, public_key) = key.sign(1, &burn_input(&token));
        json!({"tokenBid": token, "fromBid": from, "serialization": serialization,
            "signData": sign_data, "publicKey": public_key})
    };
    let path = "/registration/api/v2/chain/burnDNA";
    let cases = [
        (burn(&alice, alice.bid(), eve.bid()), "数字资产bid不存在"),
        (
            burn(&eve, eve.bid(), token.clone()),
            "用户数字资产持有者不存在",
        ),
        (
            burn(&bob, bob.bid(), token.clone()),
            "用户数字资产持有者不正确",
        ),
        (
            burn(&bob, alice.bid(), token.clone()),
            "请检查请求参数,交易源账户与fromBid不一致",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(dna.call(path, body).await, Err(expected.into()));
    }
    assert!(dna
        .call(path, burn(&alice, alice.bid(), token))
        .await
        .is_ok());
}

#[tokio::test]
async fn write_validation() {
    let dna = Dna::start(0).await;
    let alice = Key::ed25519(1);
    let add = "/registration/api/v2/series/add";
    let series = |name: String| json!({"seriesIssuer": "央视", "seriesName": name});
    // 50 characters (150 bytes) pass; 51 answer the §3.4.1 text.
    let id = dna.call(add, series("集".repeat(50))).await.unwrap()["seriesId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        dna.call(add, series("集".repeat(51))).await,
        Err("集合名称过长,不允许超过30字符".into())
    );
    assert_eq!(
        dna.call(add, series("集".repeat(50))).await,
        Err("集合名称不允许重复".into())
    );
    let long_des = json!({"seriesIssuer": "i", "seriesName": "d", "seriesDes": "描".repeat(201)});
    assert_eq!(
        dna.call(add, long_des).await,
        Err("集合描述不允许超过200个字符".into())
    );
    assert_eq!(
        dna.call(add, json!({"seriesIssuer": "i"})).await,
        Err("seriesName必填".into())
    );
    assert_eq!(
        dna.call(add, json!({"seriesIssuer": "i", "seriesName": ""}))
            .await,
        Err("请检查请求参数,请求参数不能为空字符串".into())
    );

    let mint = "/registration/api/v2/chain/mintDNA";
    let a = alice.bid();
    let with = |field: &str, value: Value| {
        let mut v = asset(&id, "1", &a);
        v[field] = value;
        v
    };
    let cases = [
        (
            with("dnaName", "名".repeat(51).into()),
            "数字资产名称不应超过50个字符",
        ),
        (
            with("dnaDes", "描".repeat(201).into()),
            "数字资产描述不允许超过200个字符",
        ),
        (
            with("extension", "x".repeat(1025).into()),
            "扩展字段不允许超过1024个字符",
        ),
        (
            with("url", "ww.baidu.com".into()),
            "请输入正确格式的数字资产url",
        ),
        (
            with("displayUrl", "https:///www.123.com/".into()),
            "请输入正确格式的数字资产缩略图url",
        ),
        (with("seriesId", "nope".into()), "集合ID不存在"),
        (with("dnaNumber", Value::Null), "dnaNumber必填"),
        (
            with("hash", "".into()),
            "请检查请求参数,请求参数不能为空字符串",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(dna.call(mint, body).await, Err(expected.into()));
    }
    // Exactly at the limits is fine.
    let at_limits = json!({"seriesId": id, "dnaName": "名".repeat(50), "dnaNumber": "1",
        "dnaDes": "描".repeat(200), "extension": "扩".repeat(1024), "toBid": a});
    dna.call(mint, at_limits).await.unwrap();
    assert_eq!(
        dna.call(mint, asset(&id, "1", &a)).await,
        Err("数字资产名称编号重复".into()),
        "dnaNumber 1 is taken in this series (even before it settles)"
    );

    let batch = "/registration/api/v2/chain/batchMintDNA";
    let items =
        |n: usize| -> Vec<Value> { (0..n).map(|i| asset(&id, &format!("b{i}"), &a)).collect() };
    assert_eq!(
        dna.call(batch, json!({"data": items(101)})).await,
        Err("请检查请求参数,data数量不允许超过100".into())
    );
    assert_eq!(
        dna.call(batch, json!({"data": []})).await,
        Err("data必填".into())
    );
    let twice = json!({"data": [asset(&id, "x", &a), asset(&id, "x", &a)]});
    assert_eq!(
        dna.call(batch, twice).await,
        Err("数字资产名称编号重复".into())
    );
    let r = dna.call(batch, json!({"data": items(100)})).await.unwrap();
    let m = dna.settled(r["messageId"].as_str().unwrap()).await;
    assert_eq!(m["info"].as_array().unwrap().len(), 100);
    // The rejected batches stored nothing: 1 + 100 assets.
    let listed = dna
        .get(&format!("/registration/api/v2/{id}/dna?pageSize=1"))
        .await;
    assert_eq!(listed["total"], 101);

    let upload = "/registration/api/v2/account/upload";
    let bad_phone = json!({"data": [{"phone": PHONE, "bid": a}, {"phone": "138", "bid": a}]});
    assert_eq!(
        dna.call(upload, bad_phone).await,
        Err("第2个账号phone不是有效的hash256字符".into())
    );
    let bad_bid = json!({"data": [{"phone": PHONE, "bid": "did:bid:ef123"}]});
    assert_eq!(
        dna.call(upload, bad_bid).await,
        Err("第1个账号Bid地址格式不正确".into())
    );
    assert_eq!(
        dna.nonce(&a).await["retMsg"],
        "userBid不存在",
        "the rejected lists stored no account"
    );
}

#[tokio::test]
async fn unknown_ids_and_query_checks() {
    let dna = Dna::start(0).await;
    let ghost = Key::ed25519(9).bid();
    let v2 = "/registration/api/v2";
    let cases = [
        (
            format!("{v2}/series/0af84ba9-545b-40b3-854a-a94d6bb626d6"),
            "集合id不存在",
        ),
        (format!("{v2}/nope/dna"), "集合id不存在"),
        (format!("{v2}/dnaDetail?tokenBid={ghost}"), "tokenBid不存在"),
        (format!("{v2}/dnaDetail"), "tokenBid必填"),
        (format!("{v2}/record/{ghost}"), "数字资产bid不存在"),
        (
            format!("{v2}/chain/message/9c01734d9a864a06b79993d31c0dd967"),
            "不存在的消息id",
        ),
        (format!("{v2}/chain/nonce?userBid={ghost}"), "userBid不存在"),
        (
            format!("{v2}/chain/nonce?userBid="),
            "请检查请求参数,请求参数不能为空字符串",
        ),
        (
            format!("{v2}/chain/status?tokenBid={ghost}&type=1&txHash=00"),
            "tokenBid不存在",
        ),
        (
            format!("{v2}/chain/status?tokenBid={ghost}&type=1"),
            "txHash必填",
        ),
        (
            format!("{v2}/series/list?pageNum=0"),
            "请检查请求参数,pageNum应为正整数",
        ),
    ];
    for (path, expected) in cases {
        let body = dna.get(&path).await;
        assert_eq!(body["retMsg"], expected, "{path}");
    }
    let owner = dna
        .get(&format!("/registration/api/v2/chain/tokenOwnerOf/{ghost}"))
        .await;
    assert_eq!(
        (owner["retCode"].clone(), owner["bidAddress"].clone()),
        (json!(200), json!(""))
    );
    let user = dna.get(&format!("/registration/api/v2/dna/{ghost}")).await;
    assert_eq!(
        (user["total"].clone(), user["data"].clone()),
        (json!(0), json!([]))
    );

    // chain/status: a real token, then a bad type, then the wrong kind of operation.
    let alice = Key::ed25519(1);
    let series = dna.series("s").await;
    let token = dna.minted(&series, "1", &alice.bid()).await;
    let status = |kind: &str, hash: &str| {
        format!("/registration/api/v2/chain/status?tokenBid={token}&type={kind}&txHash={hash}")
    };
    assert_eq!(dna.get(&status("4", "00")).await["retMsg"], "无效的type");
    let records = dna
        .get(&format!("/registration/api/v2/record/{token}"))
        .await;
    let hash = records["data"][0]["txHash"].as_str().unwrap();
    assert_eq!(dna.get(&status("1", hash)).await["state"], 2);
    assert_eq!(
        dna.get(&status("2", hash)).await["retMsg"],
        "hash或该tokenid对应的type操作不存在"
    );
}

#[tokio::test]
async fn expire_tokens_control_route() {
    let mut dna = Dna::start(0).await;
    let list = "/registration/api/v2/series/list";
    assert_eq!(dna.get(list).await["retCode"], 200);
    let r = dna
        .c
        .post(format!("{}/_sandbox/dna/expire-tokens", dna.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(dna.get(list).await["retMsg"], "accessToken过期");
    dna.token = dna.fresh_token().await;
    assert_eq!(
        dna.get(list).await["retCode"],
        200,
        "a new token works at once"
    );
    dna.token = "eyJhbGciOiJIUzI1NiJ9.e30.x".into();
    assert_eq!(dna.get(list).await["retMsg"], "accessToken不正确");
}

#[tokio::test]
async fn auth_reports() {
    let dna = Dna::start(0).await;
    let series = |name: &str, ids: Value| {
        json!({"seriesName": name, "seriesIssuer": "玫瑰", "seriesId": ids, "totalDNA": 5,
            "asset_contracts": CONTRACT, "externalUrl": "https://www.baidu.com/", "seriesDes": "我是一个花"})
    };
    let path = "/auth/api/v1/series";
    assert!(dna
        .call(path, json!({"data": [series("花", json!(["21"]))]}))
        .await
        .is_ok());
    let cases = [
        (json!([series("花", json!(["22"]))]), "集合名称重复"),
        (json!([series("草", json!(["21"]))]), "集合ID重复"),
        (
            json!([series(&"花".repeat(51), json!(["23"]))]),
            "集合名称不应超过50个字符",
        ),
        (
            json!([series("树", json!("23"))]),
            "请检查请求参数,seriesId应为字符串数组",
        ),
    ];
    for (data, expected) in cases {
        assert_eq!(
            dna.call(path, json!({"data": data})).await,
            Err(expected.into())
        );
    }
    let many: Vec<Value> = (0..101)
        .map(|i| series(&format!("n{i}"), json!([format!("i{i}")])))
        .collect();
    assert_eq!(
        dna.call(path, json!({"data": many})).await,
        Err("请检查请求参数,data数量不允许超过100".into())
    );

    let token = "did:bid:efE6X1PbTCneGX3zipFM28EpWasfKmCc";
    let asset = |series: &str, token: &str| {
        json!({"seriesId": series, "dnaName": "我的资产1", "dnaNumber": "1-1", "tokenBid": token,
            "dnaType": "1", "url": "https://www.123.com/", "displayUrl": "https://www.baidu.com/",
            "hash": "1d04", "mintTime": "2022-07-14 10:29:10", "owner": "did:bid:ljcp:ef3zTQ",
            "dnaPrice": 20, "dnaDes": "描述", "extension": "扩展字段"})
    };
    let path = "/auth/api/v1/dna";
    assert_eq!(
        dna.call(path, json!({"data": [asset("99", token)]})).await,
        Err("集合ID不存在".into())
    );
    assert!(dna
        .call(path, json!({"data": [asset("21", token)]}))
        .await
        .is_ok());
    assert_eq!(
        dna.call(path, json!({"data": [asset("21", token)]})).await,
        Err("tokenBID重复".into())
    );

    let event = |hash: &str| {
        json!({"tokenBid": token, "fromBid": "did:bid:ljcp:a", "toBid": "did:bid:ljcp:b",
            "txHash": hash, "Time": "2022-08-19 11:11:11"})
    };
    let transfer = "/auth/api/v1/dna/transfer";
    assert!(dna
        .call(transfer, json!({"data": [event("h1")]}))
        .await
        .is_ok());
    assert_eq!(
        dna.call(transfer, json!({"data": [event("h2"), event("h1")]}))
            .await,
        Err("txHash重复".into())
    );
    let mut unknown = event("h3");
    unknown["tokenBid"] = "did:bid:efnone".into();
    assert_eq!(
        dna.call(transfer, json!({"data": [unknown]})).await,
        Err("tokenBID不存在".into())
    );
    let mut lower = event("h4");
    lower.as_object_mut().unwrap().remove("Time");
    assert_eq!(
        dna.call(transfer, json!({"data": [lower]})).await,
        Err("Time必填".into())
    );
    // h2 was in a rejected list, so it is still free.
    let destroy = "/auth/api/v1/dna/destroy";
    assert!(dna
        .call(destroy, json!({"data": [event("h2")]}))
        .await
        .is_ok());
    assert_eq!(
        dna.call(transfer, json!({"data": [event("h5")]})).await,
        Err("tokenBID不存在".into()),
        "destroyed"
    );
}
