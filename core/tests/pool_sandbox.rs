//! The pool client end to end against an in-process sandbox (tests/sandbox), whose checks were
//! written without chainkit-core: the main account → a sub-account, listed and updated → an
//! observer link created, listed, changed and deleted → workers, a group created, a worker
//! moved into it, the group renamed and deleted → profit and hash rate over a date range; then
//! documented refusals as typed errors, and a replayed envelope refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::pool::*;
use chainkit_core::transport::{Request, Response, Transport};
use chainkit_core::{ErrorKind, Result, Runtime, Secret};
use common::in_process as sandbox;

fn credentials() -> Credentials {
    let c = chainkit_sandbox::config::Pool::default();
    Credentials::Pool {
        client_id: c.client_id,
        secret_key: Secret::new(c.secret_key),
        secret_salt: Secret::new(c.secret_salt),
        ttl_s: None,
    }
}

fn client(base: &str) -> PoolClient {
    let (executor, auth) = common::parts(base, credentials());
    PoolClient::new(executor, auth)
}

fn sub(name: &str) -> SubAccountName {
    SubAccountName {
        user_name: name.into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_sub_account_observers_workers_profit_and_speed() {
    let base = sandbox().await;
    let pool = client(&base);
    let alice = AccountName {
        account: "alice".into(),
    };
    let bound = pool.account_get_bind_info(&alice).await.unwrap();
    assert_eq!(bound.phone.as_deref(), Some("13811012345"));

    // A sub-account, listed and updated.
    let name = "rust-miner";
    pool.sub_account_create(&NewSubAccount {
        master: "alice".into(),
        user_name: name.into(),
        theory_speed: 2.0,
        description: "四川矿场".into(),
        worker_count: 3,
    })
    .await
    .unwrap();
    let names = pool.sub_account_get_user_all(&alice).await.unwrap().names;
    assert!(names.iter().any(|n| n == name), "{names:?}");
    let names = SubAccountNames {
        user_names: vec![name.into()],
    };
    let info = &pool
        .sub_account_bulk_get_basic_info(&names)
        .await
        .unwrap()
        .items[0];
    assert_eq!(
        (
            info.user_name.as_str(),
            info.theory_speed,
            info.worker_count,
            info.master.as_str()
        ),
        (name, 2.0, 3, "alice")
    );
    pool.sub_account_update_fee_info(&FeeChange {
        user_name: name.into(),
        fee_type: Some(FeeType::Pps),
        fee: Some(0.02),
        refer: None,
        commission: None,
        bch_pps_fee: None,
        bch_commission: None,
    })
    .await
    .unwrap();
    let fee = &pool
        .sub_account_bulk_get_fee_info(&names)
        .await
        .unwrap()
        .items[0];
    assert_eq!((fee.fee_type, fee.fee), (FeeType::Pps, 0.02));

    // An observer link: created, listed, changed, deleted.
    pool.sub_account_add_observer_info(&NewObserver {
        user_name: name.into(),
        rights: vec![ObserverRight::Profit, ObserverRight::Worker],
        remark: "会计".into(),
    })
    .await
    .unwrap();
    let links = pool
        .sub_account_get_observer_list(&sub(name))
        .await
        .unwrap()
        .items;
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].rights,
        vec![ObserverRight::Profit, ObserverRight::Worker]
    );
    let link_id = links[0].link_id;
    pool.sub_account_update_observer_info(&ObserverChange {
        link_id,
        rights: vec![ObserverRight::Dashboard],
        remark: "老板".into(),
    })
    .await
    .unwrap();
    let links = pool
        .sub_account_get_observer_list(&sub(name))
        .await
        .unwrap()
        .items;
    assert_eq!(
        (links[0].remark.as_deref(), links[0].rights.clone()),
        (Some("老板"), vec![ObserverRight::Dashboard])
    );
    pool.sub_account_delete_observer_info(&ObserverId { link_id })
        .await
        .unwrap();
    assert!(pool
        .sub_account_get_observer_list(&sub(name))
        .await
        .unwrap()
        .items
        .is_empty());

    // Workers and a group.
    let workers = pool
        .worker_get_sub_account_worker_list(&sub(name))
        .await
        .unwrap()
        .items;
    assert_eq!(workers.len(), 3);
    pool.worker_create_group(&NewGroup {
        user_name: name.into(),
        name: "四川".into(),
    })
    .await
    .unwrap();
    let groups = pool
        .worker_get_sub_account_worker_group_list(&sub(name))
        .await
        .unwrap()
        .items;
    let group_id = groups.iter().find(|g| g.name == "四川").unwrap().id;
    pool.worker_set_worker_group_bulk(&GroupMove {
        user_name: name.into(),
        group_id,
        workers: vec![workers[0].name.clone()],
    })
    .await
    .unwrap();
    let moved = pool
        .worker_get_sub_account_worker_list(&sub(name))
        .await
        .unwrap()
        .items;
    let first = moved.iter().find(|w| w.name == workers[0].name).unwrap();
    assert_eq!(first.group.as_ref().map(|g| g.id), Some(group_id));
    pool.worker_update_group(&GroupChange {
        user_name: name.into(),
        name: "成都".into(),
        group_id,
    })
    .await
    .unwrap();
    let groups = pool
        .worker_get_sub_account_worker_group_list(&sub(name))
        .await
        .unwrap()
        .items;
    assert!(groups.iter().any(|g| g.id == group_id && g.name == "成都"));
    pool.worker_delete_group(&GroupId {
        user_name: name.into(),
        group_id,
    })
    .await
    .unwrap();
    let groups = pool
        .worker_get_sub_account_worker_group_list(&sub(name))
        .await
        .unwrap()
        .items;
    assert!(groups.iter().all(|g| g.id != group_id));
    let summary = pool
        .worker_get_sub_account_worker_summary(&sub(name))
        .await
        .unwrap();
    assert_eq!(summary.running + summary.stopped + summary.invalid, 3);

    // Profit and hash rate over a week: one row a day, in order, the same when asked again.
    let week = ProfitQuery {
        user_name: name.into(),
        coin_type: ProfitCoin::Btc,
        start: "2026-11-01".into(),
        end: "2026-11-07".into(),
    };
    let days = pool.profit_get_by_day(&week).await.unwrap().items;
    let dates: Vec<&str> = days.iter().map(|d| d.day.as_str()).collect();
    let expected: Vec<String> = (1..=7).map(|d| format!("2026-11-{d:02}")).collect();
    assert_eq!(dates, expected);
    assert!(days.iter().all(|d| d.total >= 0.0 && d.speed > 0.0));
    let again = pool.profit_get_by_day(&week).await.unwrap().items;
    assert_eq!(format!("{days:?}"), format!("{again:?}"));
    let daily = pool
        .speed_get_sub_account_daily_speed(&DayRange {
            user_name: name.into(),
            start: "2026-11-01".into(),
            end: "2026-11-07".into(),
        })
        .await
        .unwrap()
        .items;
    assert_eq!(daily.len(), 7);
    let hourly = pool
        .speed_get_sub_account_hourly_speed(&HourRange {
            user_name: name.into(),
            start: "2026-11-01 00:00:00".into(),
            end: "2026-11-01 23:00:00".into(),
        })
        .await
        .unwrap()
        .items;
    assert_eq!(hourly.len(), 24);
    assert_eq!(hourly[23].time, "2026-11-01 23:00:00");
    let all = SpeedCoinQuery {
        coin_type: SpeedCoin::All,
    };
    let system = pool
        .speed_get_system_realtime_speed(&all)
        .await
        .unwrap()
        .items;
    assert_eq!(system.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_typed_errors() {
    let base = sandbox().await;
    let pool = client(&base);
    let e = pool
        .worker_get_sub_account_worker_list(&sub("nobody"))
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.service()),
        (ErrorKind::Api, Some("5030"), Some("pool"))
    );
    // Refused before sending: a payout minimum outside the documented set.
    let e = pool
        .sub_account_set_coin_harvest_setting(&CoinHarvestChange {
            user_name: "nobody".into(),
            coin_type: Coin::Btc,
            address: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT".into(),
            min: 0.5,
        })
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.message().contains("min"), "{e}");
    // The client keeps working after both.
    pool.account_get_bind_info(&AccountName {
        account: "alice".into(),
    })
    .await
    .unwrap();
}

/// A request as it went out.
type Recorded = (http::Method, http::Uri, http::HeaderMap, Vec<u8>);

/// A middlebox that sends the first request it saw again in place of every later one.
struct Replaying {
    inner: Arc<dyn Transport>,
    first: Mutex<Option<Recorded>>,
}

#[async_trait::async_trait]
impl Transport for Replaying {
    async fn send(&self, request: Request) -> Result<Response> {
        let (parts, body) = request.into_parts();
        let (method, uri, headers, body) = {
            let mut first = self.first.lock().unwrap();
            first
                .get_or_insert((parts.method, parts.uri, parts.headers, body))
                .clone()
        };
        let mut replay = http::Request::builder().method(method).uri(uri);
        *replay.headers_mut().unwrap() = headers;
        self.inner.send(replay.body(body).unwrap()).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_envelope_is_refused_as_unauthorized() {
    let base = sandbox().await;
    let mut runtime = Runtime::native().unwrap();
    runtime.transport = Arc::new(Replaying {
        inner: runtime.transport.clone(),
        first: Mutex::new(None),
    });
    let (executor, auth) = common::parts_with(&base, credentials(), runtime);
    let pool = PoolClient::new(executor, auth);
    let alice = AccountName {
        account: "alice".into(),
    };
    pool.account_get_bind_info(&alice).await.unwrap();
    let e = pool.account_get_bind_info(&alice).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::Unauthorized, Some("5020"))
    );
    assert!(e.message().contains("repeated"), "{e}");
}
