//! The request/response API on a real demo tenant: every request and every response crosses
//! postcard unchanged, and the dispatcher answers exactly as the functions it calls, refusals
//! included.

mod common;
mod ops_support;

use common::{now, Tenant, ADMIN, READER};
use ops_support::{find, free_users, snapshot};
use selfserve_core::api::{dispatch, Request, Response};
use selfserve_core::export::ExportSelection;
use selfserve_core::i18n::Lang;
use selfserve_core::import::{ImportFile, ImportKind, ImportOptions};
use selfserve_core::model::*;
use selfserve_core::ops::admin::AddAdmin;
use selfserve_core::ops::move_provisioned::Provision;
use selfserve_core::ops::set_policy::PolicyScope;
use selfserve_core::ops::storefront::{Purchase, Trial};
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::ops::{buy::BuyPlan, cancel, take_over};
use selfserve_core::query::{self, ProductRow, SubscriptionFilter};
use selfserve_core::{Actor, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";
const PLANNER: &str = "CFQ7TTC0HDB1";

fn ask(t: &Tenant, actor: &Actor, request: Request) -> Result<Response, Error> {
    dispatch(&t.store, actor, request, &AtomicU64::new(0))
}

fn ask_as<T: TryFrom<Response, Error = Error>>(t: &Tenant, actor: &Actor, request: Request) -> T {
    let what = format!("{request:?}");
    ask(t, actor, request)
        .and_then(T::try_from)
        .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// Encodes `value` with postcard and decodes it again: it must come back equal.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let bytes = postcard::to_stdvec(value).expect("encode");
    let back: T = postcard::from_bytes(&bytes).expect("decode");
    assert_eq!(&back, value);
}

/// Which variant a request is. A new variant fails to compile here until the test sends it.
fn request_variant(r: &Request) -> usize {
    match r {
        Request::Session => 0,
        Request::ProductRows { .. } => 1,
        Request::ProductBuyers => 2,
        Request::SubscriptionRows { .. } => 3,
        Request::SubscriptionDetail { .. } => 4,
        Request::ResolveSubscription { .. } => 5,
        Request::UsersByUpn { .. } => 6,
        Request::UsersByBuyer { .. } => 7,
        Request::MoveTargets { .. } => 8,
        Request::PolicyRows => 9,
        Request::PolicyRow { .. } => 10,
        Request::AdminRows => 11,
        Request::AuditEvents { .. } => 12,
        Request::OutboxEmails { .. } => 13,
        Request::Export { .. } => 14,
        Request::Check => 15,
        Request::LifecyclePreview { .. } => 16,
        Request::LifecycleRun { .. } => 17,
        Request::TakeOver { .. } => 18,
        Request::MoveUsers { .. } => 19,
        Request::Cancel { .. } => 20,
        Request::BuyCentral { .. } => 21,
        Request::Assign { .. } => 22,
        Request::Unassign { .. } => 23,
        Request::SetPolicy { .. } => 24,
        Request::AddAdmin { .. } => 25,
        Request::RemoveAdmin { .. } => 26,
        Request::Purchase { .. } => 27,
        Request::Trial { .. } => 28,
        Request::AddLicenses { .. } => 29,
        Request::AskCancel { .. } => 30,
        Request::Centralise { .. } => 31,
        Request::MoveUsersProvisioned { .. } => 32,
        Request::OutboxEmail { .. } => 33,
        Request::SearchUsers { .. } => 34,
        Request::SetLanguage { .. } => 35,
        Request::Import { .. } => 36,
        Request::Backup { .. } => 37,
        Request::OutboxDue { .. } => 38,
        Request::RecordDelivery { .. } => 39,
        Request::Spend { .. } => 40,
        Request::SetPurchaseNotice { .. } => 41,
        // Policy as code (issue 14).
        Request::PolicyPlan { .. } => 42,
        Request::PolicyApply { .. } => 43,
        Request::PolicyExport => 44,
        Request::Governance => 45,
        Request::SetPolicyDefault { .. } => 46,
        Request::AcceptReview { .. } => 47,
        Request::UpdateCatalogue { .. } => 48,
        Request::SetOfferTypePolicy { .. } => 49,
        Request::Orphans { .. } => 50,
        Request::PolicyPreview { .. } => 51,
        Request::ImportSubscriptions { .. } => 52,
        Request::TenantExport => 53,
    }
}
const REQUEST_VARIANTS: usize = 54;

/// Which variant a response is; as above.
fn response_variant(r: &Response) -> usize {
    match r {
        Response::Session(_) => 0,
        Response::Products(_) => 1,
        Response::ProductBuyers(_) => 2,
        Response::Subscriptions(_) => 3,
        Response::SubscriptionDetail(_) => 4,
        Response::Subscription(_) => 5,
        Response::Users(_) => 6,
        Response::BuyerGroups(_) => 7,
        Response::MoveTargets(_) => 8,
        Response::Policies(_) => 9,
        Response::Policy(_) => 10,
        Response::Admins(_) => 11,
        Response::Audit(_) => 12,
        Response::Outbox(_) => 13,
        Response::Export(_) => 14,
        Response::Check(_) => 15,
        Response::Lifecycle(_) => 16,
        Response::TakeOver(_) => 17,
        Response::Move(_) => 18,
        Response::Cancel(_) => 19,
        Response::Buy(_) => 20,
        Response::Licenses(_) => 21,
        Response::PolicyChange(_) => 22,
        Response::AdminChange(_) => 23,
        Response::Storefront(_) => 24,
        Response::AddLicenses(_) => 25,
        Response::AskCancel(_) => 26,
        Response::Centralise(_) => 27,
        Response::MoveProvisioned(_) => 28,
        Response::Email(_) => 29,
        Response::LanguageChange(_) => 30,
        Response::Import(_) => 31,
        Response::Backup(_) => 32,
        Response::Spend(_) => 33,
        Response::PurchaseNoticeChange(_) => 34,
        // Policy as code (issue 14).
        Response::PolicyPlan(_) => 35,
        Response::PolicyExport(_) => 36,
        Response::Governance(_) => 37,
        Response::PolicyDefault(_) => 38,
        Response::Review(_) => 39,
        Response::Catalogue(_) => 40,
        Response::OfferTypeChange(_) => 41,
        Response::Orphans(_) => 42,
        Response::PolicyPreview(_) => 43,
        Response::TenantExport(_) => 44,
    }
}
const RESPONSE_VARIANTS: usize = 45;

/// Sends `request` after proving it survives the wire, and proves its answer does too.
fn exchange(t: &Tenant, actor: &Actor, request: Request, seen: &mut Seen) -> Response {
    round_trip(&request);
    seen.requests.insert(request_variant(&request));
    let what = format!("{request:?}");
    let response = ask(t, actor, request).unwrap_or_else(|e| panic!("{what}: {e}"));
    round_trip(&response);
    seen.responses.insert(response_variant(&response));
    response
}

#[derive(Default)]
struct Seen {
    requests: BTreeSet<usize>,
    responses: BTreeSet<usize>,
}

#[test]
fn every_request_and_every_response_crosses_postcard_unchanged() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let now = now();
    let mut seen = Seen::default();
    let mut send = |request: Request| exchange(&t, &admin, request, &mut seen);

    let from = find(&t.store, "self-service subscription with users", |s| {
        s.origin.is_self_service()
            && s.taken_over.is_none()
            && s.status == Status::Active
            && s.assigned > 0
    });
    let product = from.product_id.clone();
    let prefix: String = from.id.to_string().chars().take(8).collect();

    // Reads.
    send(Request::Session);
    send(Request::ProductRows {
        self_service: false,
        now,
    });
    send(Request::ProductBuyers);
    send(Request::SubscriptionRows {
        filter: SubscriptionFilter {
            self_service_only: true,
            ..SubscriptionFilter::default()
        },
        now,
    });
    send(Request::SubscriptionDetail {
        sub: from.id.to_string(),
        now,
    });
    send(Request::ResolveSubscription { sub: prefix });
    send(Request::UsersByBuyer {
        subs: vec![from.id],
    });
    send(Request::MoveTargets { from: from.id });
    send(Request::PolicyRows);
    send(Request::PolicyRow {
        product: POWER_BI_PRO.into(),
    });
    send(Request::AdminRows);
    send(Request::Export {
        selection: ExportSelection::default(),
        now,
    });
    send(Request::Check);
    send(Request::LifecyclePreview { until: now });

    // Dry runs, then writes that leave something for the reads after them.
    send(Request::TakeOver {
        sub: from.id,
        now,
        dry_run: true,
    });
    let bought: Outcome<BuyPlan> = send(Request::BuyCentral {
        product: product.clone(),
        quantity: 500,
        term: Term::Monthly,
        now,
        dry_run: false,
    })
    .try_into()
    .expect("a purchase");
    let central = bought.plan.subscription.id;
    send(Request::Centralise {
        product: product.clone(),
        term: Term::Annual,
        now,
        dry_run: true,
    });
    send(Request::AddLicenses {
        sub: central,
        quantity: 1,
        now,
        dry_run: false,
    });
    send(Request::AskCancel {
        sub: from.id,
        now,
        dry_run: true,
    });
    send(Request::MoveUsersProvisioned {
        from: from.id,
        provision: Provision::Buy { term: Term::Annual },
        now,
        dry_run: true,
    });
    send(Request::MoveUsers {
        from: from.id,
        to: central,
        now,
        dry_run: true,
    });
    let users = free_users(&t.store, &product, 2);
    let upns: Vec<String> = users
        .iter()
        .map(|&id| t.store.user(id).expect("read").expect("user").upn)
        .collect();
    send(Request::UsersByUpn { upns: upns.clone() });
    send(Request::Assign {
        sub: central,
        users: users.clone(),
        now,
        dry_run: false,
    });
    send(Request::Unassign {
        sub: central,
        users,
        now,
        dry_run: true,
    });
    send(Request::SetPolicy {
        scope: PolicyScope::All,
        value: PolicyValue::Enabled,
        now,
    });
    let buyer = t.store.user_by_upn(&upns[0]).expect("buyer");
    let trier = free_users(&t.store, &ProductId(PLANNER.into()), 1)[0];
    let trier = t.store.user(trier).expect("read").expect("user");
    send(Request::Purchase {
        purchase: Purchase {
            user: buyer.upn.clone(),
            product: POWER_BI_PRO.into(),
            quantity: 3,
            card_last4: "4242".into(),
            term: Term::Monthly,
        },
        now,
    });
    send(Request::Trial {
        trial: Trial {
            user: trier.upn.clone(),
            product: PLANNER.into(),
            card_last4: None,
        },
        now,
    });
    send(Request::AddAdmin {
        admin: AddAdmin {
            upn: trier.upn,
            role: Role::GlobalReader,
            login: "auditor".into(),
        },
        now,
    });
    send(Request::RemoveAdmin {
        login: "auditor".into(),
        now,
    });
    send(Request::SetLanguage {
        language: Lang::Fr,
        now,
    });
    let policies = "[{\"ProductName\":\"Visio Plan 2\",\"ProductId\":\"CFQ7TTC0HD32\",\
        \"PolicyId\":\"AllowSelfServicePurchase\",\"PolicyValue\":\"Disabled\"}]";
    send(Request::Import {
        kind: ImportKind::Policies,
        file: ImportFile {
            name: "policies.json".into(),
            bytes: policies.as_bytes().to_vec(),
        },
        options: ImportOptions {
            dry_run: false,
            prune: false,
        },
        now,
    });
    // A real cancel e-mails the buyer, so the outbox has something to carry.
    send(Request::Cancel {
        sub: from.id,
        reason: CancelReason::TooExpensive,
        now,
        dry_run: false,
    });
    send(Request::LifecycleRun { now, until: None });
    let backup = send(Request::Backup { now });
    assert!(matches!(backup, Response::Backup(b) if b.bytes.starts_with(b"selfserve-backup 1\n")));
    let audit = send(Request::AuditEvents { limit: 50 });
    let outbox = send(Request::OutboxEmails { limit: 50 });
    assert!(matches!(audit, Response::Audit(events) if !events.is_empty()));
    let Response::Outbox(emails) = outbox else {
        panic!("an outbox reply");
    };
    let newest = emails.first().expect("an e-mail");
    let one = send(Request::OutboxEmail { id: newest.id });
    assert!(matches!(one, Response::Email(e) if e == *newest));
    // Delivery: the e-mails due, and an attempt recorded (issue 16).
    let due = send(Request::OutboxDue {
        now,
        all_pending: true,
    });
    assert!(matches!(&due, Response::Outbox(d) if d.len() == emails.len()));
    let answer = "250 2.0.0 Ok: queued".to_string();
    let sent = send(Request::RecordDelivery {
        id: newest.id,
        attempt: selfserve_core::ops::delivery::Attempt::Accepted { answer },
        now,
    });
    assert!(matches!(&sent, Response::Email(e)
        if e.delivery == selfserve_core::model::Delivery::Sent && e.status.attempts == 1));
    // "zoe" finds Zoë and Zoé too: case and accents aside.
    let found = send(Request::SearchUsers {
        query: "ZOE".into(),
        limit: 5,
    });
    assert!(
        matches!(&found, Response::Users(us) if !us.is_empty() && us.len() <= 5
            && us.iter().all(|u| deunicode::deunicode(&u.display_name).to_lowercase().contains("zoe")
                || u.upn.contains("zoe"))),
        "{found:?}"
    );
    // Spend (issue 15): the report, and the purchase notice turned off.
    let spend = send(Request::Spend { now });
    assert!(
        matches!(&spend, Response::Spend(r) if r.history.len() == 15),
        "{spend:?}"
    );
    let notice = send(Request::SetPurchaseNotice { on: false, now });
    assert!(
        matches!(&notice, Response::PurchaseNoticeChange(c) if c.changed && !c.purchase_notice)
    );
    // Policy as code (issue 14): export, plan it, apply a change.
    let Response::PolicyExport(export) = send(Request::PolicyExport) else {
        panic!("an export reply");
    };
    let file = selfserve_core::import::ImportFile {
        name: "now.toml".into(),
        bytes: export.toml.into_bytes(),
    };
    let plan = send(Request::PolicyPlan { file: file.clone() });
    assert!(
        matches!(&plan, Response::PolicyPlan(p) if p.matches),
        "{plan:?}"
    );
    let applied = send(Request::PolicyApply {
        file: selfserve_core::import::ImportFile {
            name: "off.toml".into(),
            bytes: b"[policy]\nall = \"Disabled\"\n".to_vec(),
        },
        now,
    });
    assert!(
        matches!(&applied, Response::PolicyPlan(p) if p.applied),
        "{applied:?}"
    );
    // A product that appears: the default, the queue, its acceptance.
    let default = send(Request::SetPolicyDefault {
        value: selfserve_core::model::PolicyValue::Disabled,
        now,
    });
    assert!(
        matches!(&default, Response::PolicyDefault(d) if d.changed),
        "{default:?}"
    );
    let updated = send(Request::UpdateCatalogue {
        file: selfserve_core::import::ImportFile {
            name: "catalogue.json".into(),
            bytes: br#"{"products": [{"id": "CFQ7TTC0ZZ09", "name": "New", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 100, "annual_price": 1200}]}"#.to_vec(),
        },
        dry_run: false,
        now,
    });
    assert!(
        matches!(&updated, Response::Catalogue(c) if c.added.len() == 1),
        "{updated:?}"
    );
    let queue = send(Request::Governance);
    assert!(
        matches!(&queue, Response::Governance(g) if g.review.len() == 1),
        "{queue:?}"
    );
    let accepted = send(Request::AcceptReview {
        scope: selfserve_core::ops::review_policy::ReviewScope::All,
        now,
    });
    assert!(
        matches!(&accepted, Response::Review(r) if r.len() == 1),
        "{accepted:?}"
    );
    let offer = send(Request::SetOfferTypePolicy {
        offer: selfserve_core::policy::OfferType::SaaS,
        value: selfserve_core::model::PolicyValue::Disabled,
        now,
    });
    assert!(
        matches!(&offer, Response::OfferTypeChange(c) if c.changed),
        "{offer:?}"
    );
    // The demo's buyers who left (issue 14, point 6).
    let orphans = send(Request::Orphans { now });
    assert!(
        matches!(&orphans, Response::Orphans(o) if !o.is_empty()),
        "{orphans:?}"
    );
    // Every product is Disabled by now (the policy file above): preview allowing them again.
    let preview = send(Request::PolicyPreview {
        scope: selfserve_core::ops::set_policy::PolicyScope::All,
        value: selfserve_core::model::PolicyValue::Enabled,
        now,
    });
    assert!(
        matches!(&preview, Response::PolicyPreview(p) if p.dry_run && !p.untouched.is_empty()),
        "{preview:?}"
    );
    // The tenant in Graph's shapes, read back as a dry run: nothing would change (issue 12).
    let Response::TenantExport(graph) = send(Request::TenantExport) else {
        panic!("a tenant export");
    };
    let again = send(Request::ImportSubscriptions {
        file: ImportFile {
            name: "subscriptions.json".into(),
            bytes: graph.subscriptions_json.into_bytes(),
        },
        prices: Some(ImportFile {
            name: "prices.csv".into(),
            bytes: b"ProductId,Term,Amount\r\nCFQ7TTC0H9MP,annual,150.00\r\n".to_vec(),
        }),
        options: ImportOptions {
            dry_run: true,
            prune: false,
        },
        now,
    });
    assert!(
        matches!(&again, Response::Import(r) if r.changes.is_empty()),
        "{again:?}"
    );

    assert_eq!(seen.requests, (0..REQUEST_VARIANTS).collect());
    assert_eq!(seen.responses, (0..RESPONSE_VARIANTS).collect());
    // A refusal crosses the wire too.
    let refusal: Result<Response, Error> = ask(
        &t,
        &t.actor(READER),
        Request::TakeOver {
            sub: from.id,
            now,
            dry_run: false,
        },
    );
    assert!(refusal.is_err());
    round_trip(&refusal);
}

#[test]
fn json_keeps_the_command_lines_shape_while_postcard_keeps_minor_units() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let bought: Outcome<BuyPlan> = ask_as(
        &t,
        &admin,
        Request::BuyCentral {
            product: ProductId(POWER_BI_PRO.into()),
            quantity: 3,
            term: Term::Annual,
            now: now(),
            dry_run: true,
        },
    );
    let json = serde_json::to_value(&bought).expect("json");
    // The plan's fields stand beside dry_run; money is a decimal number.
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["payment_method"], "invoice");
    let cost = &bought.plan.cost_per_term;
    assert_eq!(json["cost_per_term"]["amount"], cost.decimal());
    assert_eq!(json["cost_per_term"]["currency"], cost.currency.as_str());
    let bytes = postcard::to_stdvec(&bought).expect("encode");
    let back: Outcome<BuyPlan> = postcard::from_bytes(&bytes).expect("decode");
    assert_eq!(back.plan.cost_per_term.minor, cost.minor);
}

#[test]
fn a_read_through_the_dispatcher_is_the_query_itself() {
    let t = Tenant::demo();
    for login in [ADMIN, READER] {
        let actor = t.actor(login);
        for self_service in [false, true] {
            let rows: Vec<ProductRow> = ask_as(
                &t,
                &actor,
                Request::ProductRows {
                    self_service,
                    now: now(),
                },
            );
            let direct = query::product_rows(&t.store, &actor, self_service, now()).expect("rows");
            assert_eq!(rows, direct);
            assert!(!rows.is_empty());
        }
        let filter = SubscriptionFilter {
            product: Some(ProductId(POWER_BI_PRO.into())),
            ..SubscriptionFilter::default()
        };
        let rows: Vec<query::SubscriptionRow> = ask_as(
            &t,
            &actor,
            Request::SubscriptionRows {
                filter: filter.clone(),
                now: now(),
            },
        );
        assert_eq!(
            rows,
            query::subscription_rows(&t.store, &actor, &filter, now()).expect("rows")
        );
    }
}

#[test]
fn a_write_through_the_dispatcher_changes_what_the_operation_changes() {
    // Two identical tenants: one changed through the dispatcher, one by the operation itself.
    let (a, b) = (Tenant::demo(), Tenant::demo());
    let sub = find(&a.store, "self-service subscription with users", |s| {
        s.origin.is_self_service() && s.status == Status::Active && s.assigned > 0
    });
    assert_eq!(
        snapshot(&a.store),
        snapshot(&b.store),
        "the demo is repeatable"
    );
    let through: Outcome<cancel::CancelPlan> = ask_as(
        &a,
        &a.actor(ADMIN),
        Request::Cancel {
            sub: sub.id,
            reason: CancelReason::NoLongerNeeded,
            now: now(),
            dry_run: false,
        },
    );
    let direct = cancel::cancel(
        &b.store,
        &b.actor(ADMIN),
        sub.id,
        CancelReason::NoLongerNeeded,
        now(),
        false,
    )
    .expect("cancel");
    assert_eq!(through, direct);
    assert!(!through.dry_run && !through.plan.users.is_empty());
    assert_eq!(snapshot(&a.store), snapshot(&b.store));
    assert_ne!(
        snapshot(&a.store),
        snapshot(&Tenant::demo().store),
        "the cancel changed the tenant"
    );
}

#[test]
fn a_refusal_comes_back_as_the_same_error_and_exit_code() {
    let t = Tenant::demo();
    let sub = find(&t.store, "self-service subscription", |s| {
        s.origin.is_self_service() && s.status == Status::Active && s.taken_over.is_none()
    });
    let before = snapshot(&t.store);

    // The role: a GlobalReader may not take over (exit 3).
    let reader = t.actor(READER);
    let through = ask(
        &t,
        &reader,
        Request::TakeOver {
            sub: sub.id,
            now: now(),
            dry_run: false,
        },
    );
    let direct = take_over::take_over(&t.store, &reader, sub.id, now(), false);
    assert_eq!(through.as_ref().map_err(Error::exit_code).err(), Some(3));
    assert_eq!(through.err(), direct.err());

    // A read-only session may not change policies (exit 3) but may read.
    let read_only = t.actor(ADMIN).read_only();
    let set = |actor: &Actor| {
        ask(
            &t,
            actor,
            Request::SetPolicy {
                scope: PolicyScope::All,
                value: PolicyValue::Disabled,
                now: now(),
            },
        )
    };
    assert_eq!(set(&read_only).map_err(|e| e.exit_code()).err(), Some(3));
    assert!(ask(&t, &read_only, Request::PolicyRows).is_ok());

    // A rule (exit 1) and a missing thing (exit 4).
    let admin = t.actor(ADMIN);
    let central = find(&t.store, "central subscription", |s| {
        s.origin == Origin::Central
    });
    let through = ask(
        &t,
        &admin,
        Request::TakeOver {
            sub: central.id,
            now: now(),
            dry_run: false,
        },
    );
    let direct = take_over::take_over(&t.store, &admin, central.id, now(), false);
    assert_eq!(through.as_ref().map_err(Error::exit_code).err(), Some(1));
    assert_eq!(through.err(), direct.err());
    let missing = ask(
        &t,
        &admin,
        Request::ResolveSubscription {
            sub: "ffffffff-0000".into(),
        },
    );
    assert_eq!(
        missing.err(),
        t.store.resolve_subscription("ffffffff-0000").err()
    );
    assert_eq!(before, snapshot(&t.store), "no refusal changed anything");
}

#[test]
fn a_reply_of_another_kind_is_an_error_not_a_panic() {
    let wrong: Result<Vec<ProductRow>, Error> = Response::Policies(Vec::new()).try_into();
    match wrong {
        Err(e @ Error::Database(_)) => {
            assert_eq!(e.exit_code(), 5);
            assert!(
                e.to_string()
                    .contains("expected a Products reply but got a Policies reply"),
                "{e}"
            );
        }
        other => panic!("expected a database error, got {other:?}"),
    }
}

#[test]
fn the_check_reports_progress_to_the_caller() {
    let t = Tenant::demo();
    let progress = AtomicU64::new(0);
    let report = dispatch(&t.store, &t.actor(READER), Request::Check, &progress).expect("check");
    assert!(matches!(report, Response::Check(r) if r.ok));
    assert!(
        progress.load(Ordering::Relaxed) > 250,
        "every record read counts"
    );
}
