//! The DDC client end to end against an in-process sandbox (tests/sandbox), whose ledger was
//! written without chainkit-core: chain accounts → energy and 中移链 resources → mint → send →
//! burn → the transaction and fee lists → the node-gateway key → the 算力值 balance, each charge
//! checked against the listed prices; then documented refusals as typed errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::ddc::*;
use chainkit_core::{ErrorKind, Secret};
use common::in_process as sandbox;
use futures::StreamExt as _;

const IMAGE: &str = "png,iVBORw0KGgoAAAANSUhEUg==";

fn client_with(base: &str, token: &str) -> DdcClient {
    let token = Secret::new(token.to_owned());
    let (executor, auth) = common::parts(base, Credentials::DdcApiToken { token });
    DdcClient::new(executor, auth)
}

fn client(base: &str) -> DdcClient {
    client_with(base, &chainkit_sandbox::config::Ddc::default().apitoken)
}

/// `yyyy-MM-dd`, 30 days from now (more than the one day ahead the service requires, whatever
/// the time zone).
fn in_30_days() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let later = i64::try_from(now.as_secs()).unwrap() + 30 * 86_400;
    let d = time::OffsetDateTime::from_unix_timestamp(later)
        .unwrap()
        .date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn mint(owner: &str, total: &str, code: &str) -> DdcMint {
    DdcMint {
        opb_chain_id: 9,
        ddc_type: 1155,
        ddc_owner: owner.into(),
        ddc_pub_total: Some(total.into()),
        ddc_desc: Some("chainkit e2e".into()),
        img_file_base64: IMAGE.into(),
        img_file_name: "file1".into(),
        security_data: "附加数据".into(),
        user_trade_code: code.into(),
    }
}

fn filter(address: Option<&str>) -> ChainAccountQuery {
    ChainAccountQuery {
        data: ChainAccountFilter {
            opb_chain_client_address: address.map(Into::into),
            opb_chain_client_name: None,
            opb_chain_id: None,
        },
        page: PageRequest {
            page_num: 1,
            page_size: 10,
        },
    }
}

/// The settled row of `trade`, through the flow that waits for it (status 1 here).
async fn transaction(ddc: &DdcClient, trade: &DdcTrade) -> DdcTransaction {
    let row = ddc
        .wait_for_trade(&trade.trade_code, std::time::Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(
        row.tx_status,
        chainkit_core::ddc::flows::TX_SUCCEEDED,
        "{row:?}"
    );
    row
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_documented_flow() {
    let base = sandbox().await;
    let ddc = client(&base);

    let frameworks = ddc.list_opb_frameworks().await.unwrap();
    let ids: Vec<i64> = frameworks.data.iter().map(|f| f.opb_chain_id).collect();
    assert_eq!(ids, [2, 9]);
    let start = ddc.get_account_balance().await.unwrap().account_balance;

    let account = |chain: i64, name: &str| NewChainAccount {
        opb_chain_id: chain,
        opb_chain_client_name: name.into(),
    };
    let alice = ddc
        .create_chain_account(&account(9, "alice"))
        .await
        .unwrap();
    assert!(!alice.private_key.is_empty());
    assert!(
        !format!("{alice:?}").contains(alice.private_key.expose()),
        "the private key is redacted when printed"
    );
    let alice = alice.opb_chain_client_address;
    let bob = ddc
        .create_chain_account(&account(9, "bob"))
        .await
        .unwrap()
        .opb_chain_client_address;
    let evm = ddc
        .create_chain_account(&account(2, "gas"))
        .await
        .unwrap()
        .opb_chain_client_address;

    // Energy on the EVM chain at the listed price, then 中移链 resources for alice.
    let price = ddc
        .get_gas_price(&GasPriceQuery { opb_chain_id: 2 })
        .await
        .unwrap();
    let recharged = ddc
        .recharge_gas(&GasRecharge {
            opb_chain_id: 2,
            opb_chain_client_address: evm.clone(),
            hash_rate_value: 1.5,
        })
        .await
        .unwrap();
    assert_eq!(recharged.energy_value, 1.5 * price.gas_quantity);
    assert_eq!(recharged.opb_chain_client_address, evm);
    let resources = EosResourceRecharge {
        opb_chain_client_address: alice.clone(),
        cpu_plus_value: 10,
        net_plus_value: 20,
        ram_plus_value: 30,
        resource_valid_date: in_30_days(),
    };
    let added = ddc.recharge_eos_resource(&resources).await.unwrap();
    assert_eq!(
        (
            added.cpu_plus_value,
            added.net_plus_value,
            added.ram_plus_value
        ),
        (10, 20, 30)
    );
    let listed = ddc
        .list_chain_accounts(&filter(Some(&alice)))
        .await
        .unwrap();
    assert_eq!(listed.result_page_info.total, 1);
    assert_eq!(
        listed.data[0].energy_value_balance.as_deref(),
        Some("NET:20bytes,CPU:10us,RAM:30bytes")
    );
    let eos = ddc.get_eos_resource_price().await.unwrap();
    assert!(eos.eos_cpu > 0.0 && eos.eos_net > 0.0 && eos.eos_ram > 0.0);

    // Pages of 2 over the 3 accounts: every account once, in creation order.
    let mut paged = filter(None);
    paged.page.page_size = 2;
    let first = ddc.list_chain_accounts(&paged).await.unwrap();
    paged.page.page_num = 2;
    let second = ddc.list_chain_accounts(&paged).await.unwrap();
    let info = &second.result_page_info;
    assert_eq!(
        (info.total, info.pages, info.last_page),
        (3, Some(2), Some(true))
    );
    let addresses: Vec<String> = first
        .data
        .into_iter()
        .chain(second.data)
        .map(|a| a.opb_chain_client_address)
        .collect();
    assert_eq!(addresses, [alice.clone(), bob.clone(), evm.clone()]);
    // The walk steps the nested page.pageNum until resultPageInfo.total is reached.
    paged.page.page_num = 1;
    paged.page.page_size = 1;
    let walked: Vec<String> = ddc
        .chain_account_pages(&paged)
        .map(|a| a.unwrap().opb_chain_client_address)
        .collect()
        .await;
    assert_eq!(walked, addresses);

    // Mint 100 to alice, send 30 to bob, bob burns his 30.
    let before = ddc.get_account_balance().await.unwrap().account_balance;
    let minted = ddc.mint_ddc(&mint(&alice, "100", "rs-1")).await.unwrap();
    let t = transaction(&ddc, &minted).await;
    assert_eq!(
        (t.tx_type, t.tx_status, t.mint_quantity),
        (20, 1, Some(100))
    );
    let id = t.ddc_id.unwrap();
    let sent = ddc
        .send_ddc(&DdcSend {
            opb_chain_id: 9,
            ddc_type: 1155,
            ddc_id: id.clone(),
            ddc_owner: alice.clone(),
            recipient_account: bob.clone(),
            send_number: "30".into(),
            security_data: "附加数据".into(),
            user_trade_code: "rs-2".into(),
        })
        .await
        .unwrap();
    let t = transaction(&ddc, &sent).await;
    assert_eq!(
        (t.tx_type, t.trade_quantity, t.send_account, t.ddc_owner),
        (22, Some(30), Some(alice.clone()), Some(bob.clone()))
    );
    let burnt = ddc
        .burn_ddc(&DdcBurn {
            opb_chain_id: 9,
            ddc_type: 1155,
            ddc_id: id,
            ddc_owner: bob.clone(),
            security_data: "附加数据".into(),
            user_trade_code: "rs-3".into(),
        })
        .await
        .unwrap();
    let t = transaction(&ddc, &burnt).await;
    assert_eq!((t.tx_type, t.burn_quantity), (23, Some(30)));
    let sends = ddc
        .list_ddc_transactions(&DdcTransactionQuery {
            trade_code: None,
            tx_type: Some(22),
            user_trade_code: None,
        })
        .await
        .unwrap();
    assert_eq!(sends.data.len(), 1);
    assert_eq!(sends.data[0].user_trade_code.as_deref(), Some("rs-2"));

    // The three fees, as listed, are what the balance lost.
    let fees = ddc.list_ddc_fees().await.unwrap();
    let fee = |t: i32| fees.data.iter().find(|f| f.tx_type == t).unwrap().tx_amount;
    let after = ddc.get_account_balance().await.unwrap().account_balance;
    assert!((before - after - (fee(20) + fee(22) + fee(23))).abs() < 1e-9);
    assert!(after < start);

    // The node-gateway key changes on update and stays changed.
    let key = ddc.get_access_key().await.unwrap();
    let new = ddc.update_access_key().await.unwrap();
    assert_ne!(key.access_key.expose(), new.access_key.expose());
    assert!(!format!("{new:?}").contains(new.access_key.expose()));
    let again = ddc.get_access_key().await.unwrap();
    assert_eq!(again.access_key.expose(), new.access_key.expose());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documented_refusals_are_typed_errors() {
    let base = sandbox().await;
    let ddc = client(&base);
    let owner = ddc
        .create_chain_account(&NewChainAccount {
            opb_chain_id: 9,
            opb_chain_client_name: "owner".into(),
        })
        .await
        .unwrap()
        .opb_chain_client_address;
    ddc.mint_ddc(&mint(&owner, "1", "dup")).await.unwrap();

    // 第三方流水号重复: the service's message code, its -1 and its log mark.
    let duplicate = ddc.mint_ddc(&mint(&owner, "1", "dup")).await.unwrap_err();
    assert_eq!(duplicate.kind(), ErrorKind::Api);
    assert_eq!(duplicate.service(), Some("ddc"));
    assert_eq!(duplicate.code(), Some("-1"));
    assert_eq!(duplicate.message(), "MSG_10053012");
    assert_eq!(duplicate.request_id().map(str::len), Some(16));
    assert!(duplicate.request_sent());

    // 1155必填: only the service can say (the rule depends on ddcType).
    let mut no_total = mint(&owner, "1", "no-total");
    no_total.ddc_pub_total = None;
    let err = ddc.mint_ddc(&no_total).await.unwrap_err();
    assert_eq!(err.message(), "MSG_10053001");

    // Documented constraints are refused before any I/O, naming the field.
    let mut wrong_type = mint(&owner, "1", "x");
    wrong_type.ddc_type = 20;
    let err = ddc.mint_ddc(&wrong_type).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("ddcType"), "{err}");
    assert!(!err.request_sent());
    let bad_date = EosResourceRecharge {
        opb_chain_client_address: owner.clone(),
        cpu_plus_value: 1,
        net_plus_value: 1,
        ram_plus_value: 1,
        resource_valid_date: "2030/01/01".into(),
    };
    let err = ddc.recharge_eos_resource(&bad_date).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("resourceValidDate"), "{err}");

    // A wrong apitoken: the service's 401 in the same envelope.
    let stranger = client_with(&base, "not-the-token");
    let err = stranger.get_account_balance().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.message(), "MSG_20010005");
}
