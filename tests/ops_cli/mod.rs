//! Helpers the CLI tests of issue 4 share: finding subscriptions and users through the binary's
//! own JSON, and proving a command changed nothing.
#![allow(dead_code)]

use crate::common::*;
use serde_json::Value;
use std::collections::HashSet;

pub const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

/// Everything the commands of issue 4 may change, as the binary reports it.
pub fn state(env: &Env) -> (Value, Value, Value) {
    (
        env.json(ADMIN, &["subscription", "list"]),
        env.json(ADMIN, &["audit", "list", "--limit", "100000"]),
        env.json(ADMIN, &["outbox", "list"]),
    )
}

pub fn subscriptions(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["subscription", "list"];
    all.extend_from_slice(args);
    env.json(ADMIN, &all).as_array().expect("array").clone()
}

pub fn show(env: &Env, id: &str) -> Value {
    env.json(ADMIN, &["subscription", "show", id])
}

pub fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

/// A live self-service subscription with at least two users, not taken over.
pub fn untaken_with_users(env: &Env) -> Value {
    subscriptions(env, &["--self-service", "--status", "Active"])
        .into_iter()
        .find(|s| s["taken_over_by"].is_null() && s["assigned"].as_u64() >= Some(2))
        .expect("the demo has an untaken self-service subscription with users")
}

/// Buys a central subscription through the binary and returns its id.
pub fn buy(env: &Env, product: &str, quantity: u32) -> String {
    let q = quantity.to_string();
    let out = env.json(BILLING, &["subscription", "buy", product, "--quantity", &q]);
    out["subscription"]["id"]
        .as_str()
        .expect("new id")
        .to_string()
}

/// UPNs holding a license of `product`.
pub fn holders(env: &Env, product: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for s in subscriptions(env, &["--product", product]) {
        for u in show(env, &id(&s))["users"].as_array().expect("users") {
            set.insert(u["user_principal_name"].as_str().expect("upn").to_string());
        }
    }
    set
}

/// `n` UPNs of users holding no license of `product`.
pub fn upns_without(env: &Env, product: &str, n: usize) -> Vec<String> {
    let taken = holders(env, product);
    let out = env.run(ADMIN, &["user", "export"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut found: Vec<String> = Vec::new();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    for row in reader.records() {
        let upn = row.expect("csv row")[1].to_string();
        if !taken.contains(&upn) && !found.contains(&upn) {
            found.push(upn);
        }
        if found.len() == n {
            break;
        }
    }
    assert_eq!(found.len(), n, "not enough users without {product}");
    found
}
