//! The Ulord client end to end against an in-process sandbox (tests/sandbox), whose checks were
//! written without chainkit-core. Admin: login → roles, app types, developers and apps, each
//! created, listed, edited and removed. External, with the key of an app the admin client just
//! created: wallets → payments → balance → publish → check → consume → the bill and resource
//! lists, walked page by page. Documented errors arrive typed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use futures::TryStreamExt;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::ulord::*;
use chainkit_core::{ErrorKind, Secret};
use common::in_process as sandbox;

const IPFS: &str = "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm";

fn client(base: &str, credentials: Credentials) -> UlordClient {
    let (executor, auth) = common::parts(base, credentials);
    UlordClient::new(executor, auth)
}

fn admin(base: &str) -> UlordClient {
    let dev = chainkit_sandbox::config::Ulord::default();
    client(
        base,
        Credentials::UlordAdmin {
            username: dev.username,
            password: Secret::new(dev.password),
            session: AdminSession::Cookie,
        },
    )
}

fn with_key(base: &str, app_key: Secret) -> UlordClient {
    client(base, Credentials::UlordAppKey { app_key })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_roles_types_developers_and_apps() {
    let base = sandbox().await;
    let u = admin(&base);
    let dev = chainkit_sandbox::config::Ulord::default();

    let login = u
        .login_developer(&Login {
            username: dev.username.clone(),
            password: Secret::new(dev.password.clone()),
        })
        .await
        .unwrap();
    let token = login.token.clone().unwrap();
    assert!(!token.is_empty());
    assert!(!format!("{login:?}").contains(token.expose()));

    let roles = u.list_roles().await.unwrap().roles;
    let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["admin", "normal", "blocked"]);
    let role = u
        .add_role(&NewRole {
            name: "auditor".into(),
            des: "审计".into(),
        })
        .await
        .unwrap()
        .id;
    u.edit_role(&RoleEdit {
        id: role,
        name: "auditor".into(),
        des: "审计员".into(),
    })
    .await
    .unwrap();
    let roles = u.list_roles().await.unwrap().roles;
    assert!(roles.iter().any(|r| r.id == role && r.des == "审计员"));
    assert_eq!(u.remove_role(&RecordId { id: role }).await.unwrap().num, 1);
    assert_eq!(u.remove_role(&RecordId { id: role }).await.unwrap().num, 0);

    // Types: a child of 图片 (3), moved under 视频 (4), removed.
    let kind = u
        .add_app_type(&NewAppType {
            parent_id: Some(3),
            name: "摄影".into(),
            des: "photo".into(),
        })
        .await
        .unwrap()
        .id;
    let tree = u.list_app_types().await.unwrap().types;
    let photo = tree.iter().find(|t| t.id == 3).unwrap();
    assert_eq!(photo.children[0].id, kind);
    assert_eq!(photo.children[0].parent_id, Some(3));
    assert!(tree.iter().all(|t| t.parent_id.is_none()));
    u.edit_app_type(&AppTypeEdit {
        id: kind,
        name: "摄影".into(),
        des: "photo".into(),
        parent_id: Some(4),
    })
    .await
    .unwrap();
    let tree = u.list_app_types().await.unwrap().types;
    let video = tree.iter().find(|t| t.id == 4).unwrap();
    assert_eq!(video.children[0].name, "摄影");
    assert_eq!(
        u.remove_app_type(&RecordId { id: kind }).await.unwrap().num,
        1
    );

    // A developer registers, changes the password, and the old one stops working.
    let developer = u
        .register_developer(&Registration {
            username: "dev2".into(),
            password: Secret::new("pw-1"),
            email: Some("dev2@example.com".into()),
            telphone: None,
            role_id: 7,
        })
        .await
        .unwrap()
        .id;
    u.change_developer_password(&PasswordChange {
        username: "dev2".into(),
        password: Secret::new("pw-1"),
        new_password: Secret::new("pw-2"),
    })
    .await
    .unwrap();
    let old = u
        .login_developer(&Login {
            username: "dev2".into(),
            password: Secret::new("pw-1"),
        })
        .await
        .unwrap_err();
    assert_eq!((old.kind(), old.code()), (ErrorKind::Api, Some("20004")));
    u.login_developer(&Login {
        username: "dev2".into(),
        password: Secret::new("pw-2"),
    })
    .await
    .unwrap();

    // Apps: a key and secret each; the secret replaced; removed.
    let app = u
        .add_app(&NewApp {
            user_id: developer,
            appname: "blog".into(),
            apptype_id: 7,
            appdes: None,
        })
        .await
        .unwrap()
        .id;
    let apps = u
        .list_apps(&DeveloperId { user_id: developer })
        .await
        .unwrap()
        .apps;
    assert_eq!(apps.len(), 1);
    assert_eq!(
        (apps[0].id, apps[0].appname.as_str(), apps[0].app_type),
        (app, "blog", Some(7))
    );
    assert_eq!(apps[0].appkey.expose().len(), 32);
    assert!(apps[0].appdes.is_none() && apps[0].update_timed.is_none());
    let secret = u
        .reset_app_secret(&SecretReset {
            id: app,
            user_id: developer,
        })
        .await
        .unwrap()
        .secret;
    let apps = u
        .list_apps(&DeveloperId { user_id: developer })
        .await
        .unwrap()
        .apps;
    assert_eq!(
        apps[0].secret.as_ref().map(Secret::expose),
        Some(secret.expose())
    );
    assert!(apps[0].update_timed.is_some());
    // Only the app's own developer may replace its secret: 10013, a credentials error.
    let foreign = u
        .reset_app_secret(&SecretReset {
            id: app,
            user_id: 1,
        })
        .await
        .unwrap_err();
    assert_eq!(
        (foreign.kind(), foreign.code()),
        (ErrorKind::Unauthorized, Some("10013"))
    );
    assert_eq!(u.remove_app(&RecordId { id: app }).await.unwrap().num, 1);
    let apps = u
        .list_apps(&DeveloperId { user_id: developer })
        .await
        .unwrap();
    assert!(apps.apps.is_empty());
}

fn publication(author: &str, password: &str, title: &str, price: f64) -> Publication {
    Publication {
        author: author.into(),
        title: title.into(),
        tag: vec!["Rust".into(), "IPFS".into()],
        ipfs_hash: IPFS.into(),
        price,
        content_type: ".txt".into(),
        pay_password: Secret::new(password),
        description: "blog description".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn external_flow_with_a_new_apps_key() {
    let base = sandbox().await;
    let admin = admin(&base);
    // A new app of the configured developer (id 1): its key opens the external endpoints.
    let app = admin
        .add_app(&NewApp {
            user_id: 1,
            appname: "rust e2e".into(),
            apptype_id: 7,
            appdes: Some("chainkit".into()),
        })
        .await
        .unwrap()
        .id;
    let apps = admin
        .list_apps(&DeveloperId { user_id: 1 })
        .await
        .unwrap()
        .apps;
    let key = apps.into_iter().find(|a| a.id == app).unwrap().appkey;
    let u = with_key(&base, key.clone());

    for user in ["alice", "bob"] {
        let wallet = u
            .create_wallet(&NewWallet {
                username: user.into(),
                pay_password: Secret::new(format!("{user}-pay")),
            })
            .await
            .unwrap();
        assert_eq!(wallet.id, user);
    }
    // The app's developer pays alice 10; alice pays bob 2.
    u.pay_to_user(&Payment {
        is_developer: true,
        send_user: None,
        pay_password: None,
        recv_user: "alice".into(),
        amount: 10.0,
    })
    .await
    .unwrap();
    u.pay_to_user(&Payment {
        is_developer: false,
        send_user: Some("alice".into()),
        pay_password: Some(Secret::new("alice-pay")),
        recv_user: "bob".into(),
        amount: 2.0,
    })
    .await
    .unwrap();
    let balance = |user: &'static str| {
        let u = &u;
        async move {
            u.get_balance(&BalanceQuery {
                username: user.into(),
                pay_password: Secret::new(format!("{user}-pay")),
            })
            .await
            .unwrap()
        }
    };
    let alice = balance("alice").await;
    assert_eq!((alice.total, alice.confirmed), (8.0, 8.0));

    // bob publishes a blog (1.5) and an ad (-0.5: bob pays whoever opens it).
    let blog = u
        .publish_resource(&publication("bob", "bob-pay", "blog", 1.5))
        .await
        .unwrap()
        .claim_id;
    let ad = u
        .publish_resource(&publication("bob", "bob-pay", "ad", -0.5))
        .await
        .unwrap()
        .claim_id;
    let check = PaidCheck {
        username: "alice".into(),
        claim_ids: vec![blog.clone(), ad.clone()],
    };
    let paid = u.check_paid(&check).await.unwrap().claims;
    assert_eq!(paid[&blog], false);
    let ipfs = u
        .consume_resource(&Consumption {
            username: "alice".into(),
            claim_id: blog.clone(),
            customer_pay_password: Some(Secret::new("alice-pay")),
            author_pay_password: None,
        })
        .await
        .unwrap()
        .ipfs_hash;
    assert_eq!(ipfs, IPFS);
    u.consume_resource(&Consumption {
        username: "alice".into(),
        claim_id: ad.clone(),
        customer_pay_password: None,
        author_pay_password: Some(Secret::new("bob-pay")),
    })
    .await
    .unwrap();
    let paid = u.check_paid(&check).await.unwrap().claims;
    assert_eq!((&paid[&blog], &paid[&ad]), (&IPFS.into(), &IPFS.into()));
    assert_eq!(balance("alice").await.total, 7.0);
    assert_eq!(balance("bob").await.total, 3.0);

    // Bills and resources, walked one item per page.
    let bills: Vec<PublisherBill> = u
        .publisher_bill_pages(&AuthorPage {
            page: 1,
            num: 1,
            author: "bob".into(),
        })
        .try_collect()
        .await
        .unwrap();
    let customers: Vec<(&str, f64)> = bills
        .iter()
        .map(|b| (b.customer.as_str(), b.price))
        .collect();
    assert_eq!(customers, [("alice", 1.5), ("alice", -0.5)]);
    let page = u
        .list_customer_bills(&CustomerPage {
            page: 1,
            num: 1,
            customer: "alice".into(),
        })
        .await
        .unwrap();
    assert_eq!((page.pages, page.total, page.records.len()), (2, 2, 1));
    let spent: Vec<CustomerBill> = u
        .customer_bill_pages(&CustomerPage {
            page: 1,
            num: 1,
            customer: "alice".into(),
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(spent.len(), 2);
    assert_eq!(spent[0].claim_id, blog);
    let inout = u
        .get_inout_summary(&Username {
            username: "alice".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        (
            inout.customer_expenditure.count,
            inout.customer_expenditure.sum
        ),
        (1, Some(1.5))
    );
    assert_eq!(inout.publisher_income.sum, None);
    let count = u
        .count_published_resources(&Author {
            author: "bob".into(),
        })
        .await
        .unwrap();
    assert_eq!(count.count, 2);
    let every: Vec<Resource> = u
        .resource_pages(&Page { page: 1, num: 1 })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(every.len(), 2);
    let mine: Vec<Resource> = u
        .published_resource_pages(&AuthorPage {
            page: 1,
            num: 1,
            author: "bob".into(),
        })
        .try_collect()
        .await
        .unwrap();
    let titles: Vec<&str> = mine.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["blog", "ad"]);
    assert_eq!(mine[0].tags, ["Rust", "IPFS"]);
    let used = u
        .list_consumed_resources(&CustomerPage {
            page: 1,
            num: 10,
            customer: "alice".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        (
            used.ads[0].claim_id.as_str(),
            used.consumes[0].claim_id.as_str()
        ),
        (ad.as_str(), blog.as_str())
    );

    // A documented error, typed: 20004 密码错误 for a wrong pay password.
    let wrong = u
        .get_balance(&BalanceQuery {
            username: "alice".into(),
            pay_password: Secret::new("nope"),
        })
        .await
        .unwrap_err();
    assert_eq!(
        (wrong.kind(), wrong.code(), wrong.service()),
        (ErrorKind::Api, Some("20004"), Some("ulord"))
    );
    assert!(!wrong.message().is_empty());
    // Refused before any I/O: pages count from 1.
    let zero = u
        .list_resources(&Page { page: 0, num: 10 })
        .await
        .unwrap_err();
    assert_eq!(zero.kind(), ErrorKind::InvalidInput);
    assert!(!zero.request_sent());
    // Once the app is removed its key is refused (10001 错误的请求KEY).
    admin.remove_app(&RecordId { id: app }).await.unwrap();
    let gone = with_key(&base, key)
        .list_resources(&Page { page: 1, num: 10 })
        .await
        .unwrap_err();
    assert_eq!(
        (gone.kind(), gone.code()),
        (ErrorKind::Unauthorized, Some("10001"))
    );
}
