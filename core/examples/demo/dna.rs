//! DNA (seed 002) through the typed client and its flows: create a series, mint an asset into
//! it, wait for the chain message to settle, then ask who owns the new token.

use std::time::Duration;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::bif::{KeyPair, KeyType};
use chainkit_core::dna::flows::STATE_SUCCEEDED;
use chainkit_core::dna::{DnaClient, MintDna, SeriesAdd};
use chainkit_core::{Executor, OsRandom};

use super::service::DemoResult;

pub async fn run(executor: &Executor) -> DemoResult<()> {
    let credentials = Credentials::Dna {
        api_key: "did:bid:efSandboxApiKey0000000000000".into(),
        api_secret: "sandbox-dna-api-secret".into(),
    };
    let auth = credentials.authorizer(
        &executor.config().base_url,
        executor.runtime().transport.clone(),
    )?;
    let dna = DnaClient::new(executor.clone(), auth);

    // Series names are unique per application: a timestamp keeps reruns against one sandbox apart.
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let series = dna
        .series_add(&SeriesAdd {
            series_name: format!("chainkit demo {stamp}"),
            series_issuer: "chainkit".into(),
            series_des: Some("made by make demo".into()),
            external_url: None,
        })
        .await?;
    println!("[rust/dna] series_add -> seriesId {}", series.series_id);

    // The holder is a fresh BID made with chainkit's own key code (§3.3.2, done in-process).
    let holder = KeyPair::generate(KeyType::Ed25519, &OsRandom)?
        .address
        .to_string();
    let submitted = dna
        .mint_dna(&MintDna {
            series_id: series.series_id.clone(),
            dna_name: "demo asset".into(),
            dna_number: "0001".into(),
            dna_des: None,
            url: Some("https://example.com/asset.png".into()),
            hash: Some("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into()),
            display_url: Some("https://example.com/asset-thumb.png".into()),
            to_bid: holder.clone(),
            dna_price: Some(9.9),
            dna_category: Some("图片".into()),
            extension: None,
        })
        .await?;
    println!(
        "[rust/dna] mint_dna to {holder} -> messageId {}",
        submitted.message_id
    );

    // The flow polls §3.5.10 with backoff until the message leaves state 0.
    let outcome = dna
        .wait_for_message(&submitted.message_id, Duration::from_secs(10))
        .await?;
    if outcome.state != STATE_SUCCEEDED {
        return Err(format!(
            "dna: the mint settled in state {} (1 = 上链失败)",
            outcome.state
        )
        .into());
    }
    let token_bid = outcome
        .info
        .unwrap_or_default()
        .into_iter()
        .find_map(|i| i.token_bid)
        .ok_or("dna: the settled message names no tokenBid")?;
    println!("[rust/dna] wait_for_message -> state 2 (上链成功), tokenBid {token_bid}");

    // §3.5.9 answers the owner as a bracketed string; owners_of parses it.
    let owners = dna.owners_of(&token_bid).await?;
    if owners != [holder.clone()] {
        return Err(format!("dna: owners are {owners:?}, expected [{holder}]").into());
    }
    let owner = &owners[0];
    println!("[rust/dna] owners_of -> {owner} (the mint's holder)");
    Ok(())
}
