//! Runs effects against `selfserve_core` off the UI thread; each one comes back as an `Action`.
//! The event loop and the headless driver both start them here, the same way. Text from the
//! database is sanitized and its search key folded here, once, so neither drawing nor a search
//! keystroke pays for it.

use super::action::Action;
use super::buyers::BuyerIndex;
use super::effect::Effect;
use super::fold::fold;
use super::lifecycle::Summary;
use super::rows::{ProductItem, UserLine};
use crate::i18n::Lang;
use crate::text::sanitize;
use selfserve_core::api::Request;
use selfserve_core::export::{self, ExportSelection};
use selfserve_core::model::Money;
use selfserve_core::ops::lifecycle::LifecycleReport;
use selfserve_core::orphans::OrphanRow;
use selfserve_core::policy::review::Governance;
use selfserve_core::query::{self, SubscriptionFilter, SubscriptionRow};
use selfserve_server::mail::{deliver, Relay};
use selfserve_server::Client;
use std::sync::Arc;
use tokio::sync::mpsc;

/// How many audit events and e-mails the screens read (newest first).
pub const LOG_LIMIT: usize = 10_000;

/// Starts `effect` on the blocking pool of the current runtime; its action goes to `tx`.
/// What it has to say (an error, a heading) is in `lang`, the session's language.
pub fn spawn(effect: Effect, client: &Arc<Client>, tx: &mpsc::UnboundedSender<Action>, lang: Lang) {
    let (client, tx) = (client.clone(), tx.clone());
    tokio::task::spawn_blocking(move || {
        // The receiver is gone only when the loop has ended; the result is no longer wanted.
        let _ = tx.send(run(&client, effect, lang, &tx));
    });
}

/// How often a count of `total` rows is worth saying: each hundredth, so a million rows send
/// a hundred actions, not a million.
pub fn progress_step(total: usize) -> usize {
    (total / 100).max(1)
}

/// Runs `effect`; a long one tells `tx` how far it is as it goes (`Action::OutboxProgress`,
/// `Action::ExportProgress`).
pub fn run(
    client: &Client,
    effect: Effect,
    lang: Lang,
    tx: &mpsc::UnboundedSender<Action>,
) -> Action {
    let err = |e: selfserve_core::Error| e.in_lang(lang);
    match effect {
        Effect::LoadProducts { self_service, now } => Action::ProductsLoaded {
            self_service,
            rows: client
                .ask(Request::ProductRows { self_service, now })
                .map(products)
                .map_err(err),
        },
        Effect::LoadSubscriptions(key, now) if key.orphans => Action::SubscriptionsLoaded {
            rows: client
                .ask(Request::Orphans { now })
                .map(|rows: Vec<OrphanRow>| {
                    subscriptions(rows.into_iter().map(|r| r.subscription).collect())
                })
                .map_err(err),
            key,
        },
        Effect::LoadSubscriptions(key, now) => {
            let filter = SubscriptionFilter {
                self_service_only: key.self_service,
                product: Some(key.product.clone()),
                ..SubscriptionFilter::default()
            };
            Action::SubscriptionsLoaded {
                rows: client
                    .ask(Request::SubscriptionRows { filter, now })
                    .map(subscriptions)
                    .map_err(err),
                key,
            }
        }
        Effect::LoadUsers(subs) => Action::UsersLoaded {
            lines: client
                .ask(Request::UsersByBuyer { subs: subs.clone() })
                .map(|groups| users(groups, lang))
                .map_err(err),
            subs,
        },
        Effect::LoadPolicies => {
            // The products waiting for review are marked in the list (issue 14).
            let loaded = client
                .ask(Request::PolicyRows)
                .and_then(|rows: Vec<query::PolicyRow>| {
                    let governance: Governance = client.ask(Request::Governance)?;
                    let review = governance.review.into_iter().map(|i| i.product_id);
                    Ok((rows, review.collect()))
                });
            match loaded {
                Ok((rows, review)) => Action::PoliciesLoaded(
                    Ok(keyed(rows, |mut r| {
                        r.product_name = sanitize(&r.product_name);
                        let key = fold(&r.product_name);
                        (r, key)
                    })),
                    review,
                ),
                Err(e) => Action::PoliciesLoaded(Err(err(e)), Vec::new()),
            }
        }
        Effect::LoadAudit => Action::AuditLoaded(
            client
                .ask(Request::AuditEvents { limit: LOG_LIMIT })
                .map(|rows: Vec<selfserve_core::model::AuditEvent>| {
                    keyed(rows, |mut e| {
                        e.actor = sanitize(&e.actor);
                        e.action = sanitize(&e.action);
                        e.target = sanitize(&e.target);
                        e.before = e.before.as_deref().map(sanitize);
                        e.after = e.after.as_deref().map(sanitize);
                        let key = fold(&format!("{}\n{}\n{}", e.actor, e.action, e.target));
                        (e, key)
                    })
                })
                .map_err(err),
        ),
        Effect::LoadOutbox => Action::OutboxLoaded(
            client
                .ask(Request::OutboxEmails { limit: LOG_LIMIT })
                .map(|rows: Vec<selfserve_core::model::Email>| {
                    keyed(rows, |mut m| {
                        m.to = sanitize(&m.to);
                        m.subject = sanitize(&m.subject);
                        // The body keeps its line breaks; each line is sanitized when drawn.
                        let key = fold(&format!("{}\n{}", m.to, m.subject));
                        (m, key)
                    })
                })
                .map_err(err),
        ),
        Effect::Export { subs, path, now } => Action::Exported {
            // The rows come from the core; the file is written here, as this login.
            result: client
                .ask(Request::Export {
                    selection: ExportSelection {
                        product: None,
                        subscriptions: subs.iter().map(|s| s.to_string()).collect(),
                    },
                    now,
                })
                .and_then(|e: export::Export| {
                    let total = e.rows.len();
                    let step = progress_step(total);
                    export::write_csv_file(&e.rows, &path, &mut |done| {
                        if done % step == 0 || done == total {
                            let _ = tx.send(Action::ExportProgress { done, total });
                        }
                    })
                })
                .map_err(err),
            path,
        },
        Effect::Lifecycle { now, apply } => Action::LifecycleDone(
            client
                .ask(if apply {
                    Request::LifecycleRun { now, until: None }
                } else {
                    Request::LifecyclePreview { until: now }
                })
                .map(|r: LifecycleReport| Summary::of(&r))
                .map_err(err),
        ),
        Effect::LoadSpend { now } => Action::SpendLoaded(
            client
                .ask(Request::Spend { now })
                .map(|r| Box::new(super::spend::SpendData::of(r)))
                .map_err(err),
        ),
        Effect::LoadBuyers => Action::BuyersLoaded(
            client
                .ask(Request::ProductBuyers)
                .map(BuyerIndex::build)
                .map_err(err),
        ),
        Effect::Dialog(job) => Action::DialogReply(job.run(client)),
        Effect::SendOutbox { relay, now } => Action::OutboxSent(
            Relay::new(&relay)
                .and_then(|relay| {
                    deliver(
                        &mut &*client,
                        &relay,
                        true,
                        &|| now,
                        &mut |_, done, total| {
                            let _ = tx.send(Action::OutboxProgress { done, total });
                        },
                    )
                })
                .map_err(err),
        ),
    }
}

fn keyed<T, U>(rows: Vec<T>, f: impl Fn(T) -> (U, String)) -> (Vec<U>, Vec<String>) {
    rows.into_iter().map(f).unzip()
}

fn products(rows: Vec<query::ProductRow>) -> (Vec<ProductItem>, Vec<String>) {
    keyed(rows, |r| {
        let name = sanitize(&r.product_name);
        let key = fold(&format!("{name}\n{}", r.product_id));
        let item = ProductItem {
            id: r.product_id,
            name,
            subscriptions: r.subscriptions,
            quantity: r.quantity,
            assigned: r.assigned,
            next_expiration: r.next_expiration,
            spend: Money {
                currency: sanitize(&r.monthly_spend.currency),
                ..r.monthly_spend
            },
            policy: r.policy,
            paid_twice: r.paid_twice,
        };
        (item, key)
    })
}

/// Search key of a subscription: product name, buyer name and buyer UPN (SPEC §4).
fn subscriptions(rows: Vec<SubscriptionRow>) -> (Vec<SubscriptionRow>, Vec<String>) {
    keyed(rows, |mut r| {
        r.product_name = sanitize(&r.product_name);
        r.buyer_name = r.buyer_name.as_deref().map(sanitize);
        r.buyer = r.buyer.as_deref().map(sanitize);
        r.taken_over_by = r.taken_over_by.as_deref().map(sanitize);
        r.card_last4 = r.card_last4.as_deref().map(sanitize);
        r.price.amount.currency = sanitize(&r.price.amount.currency);
        let key = fold(&format!(
            "{}\n{}\n{}",
            r.product_name,
            r.buyer_name.as_deref().unwrap_or(""),
            r.buyer.as_deref().unwrap_or("")
        ));
        (r, key)
    })
}

/// The users pane's lines: under each buyer's heading ("Purchased by NAME <upn>", as the admin
/// center groups them), the users.
fn users(groups: Vec<query::BuyerGroup>, lang: Lang) -> Vec<UserLine> {
    let mut lines = Vec::new();
    for g in groups {
        lines.push(UserLine::Heading {
            text: match (&g.buyer_name, &g.buyer) {
                (Some(name), Some(upn)) => lang.tr(
                    "detail-purchased-by",
                    &[("buyer", sanitize(&format!("{name} <{upn}>")).into())],
                ),
                _ => lang.t("detail-central-group"),
            },
            users: g.users.len(),
        });
        lines.extend(g.users.into_iter().map(|mut u| {
            u.display_name = sanitize(&u.display_name);
            u.user_principal_name = sanitize(&u.user_principal_name);
            u.department = sanitize(&u.department);
            UserLine::User(u)
        }));
    }
    lines
}
