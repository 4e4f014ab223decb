//! Lifecycle on real demo databases: renewals across month ends, year ends and leap days,
//! conversions, Expired → Disabled → Deleted, time zones, idempotence and roles.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{Tenant, ADMIN, BILLING, READER};
use selfserve_core::check::check;
use selfserve_core::clock::parse_now;
use selfserve_core::model::*;
use selfserve_core::ops::lifecycle::{self, next_expiration, LifecycleChange, Step};
use selfserve_core::ops::storefront::{self, Purchase, Trial};
use selfserve_core::{Error, Store};
use std::sync::atomic::AtomicU64;

const PYTHON_IN_EXCEL: &str = "CFQ7TTC0S3X1";
const TEAMS_EXPLORATORY: &str = "CFQ7TTC0J1FV";

fn at(text: &str) -> DateTime<Utc> {
    parse_now(text).expect("time")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// An enabled user holding no license of `product`, skipping the first `skip` such users.
fn free_user(store: &Store, product: &str, skip: usize) -> User {
    store
        .users()
        .map(|u| u.expect("user"))
        .filter(|u| u.enabled)
        .filter(|u| {
            store
                .licenses_of_user(u.id)
                .expect("licenses")
                .into_iter()
                .all(|s| {
                    store
                        .subscription(s)
                        .expect("sub")
                        .expect("exists")
                        .product_id
                        .0
                        != product
                })
        })
        .nth(skip)
        .expect("a user without a license of the product")
}

fn buy(t: &Tenant, product: &str, term: Term, now: &str, skip: usize) -> Subscription {
    let user = free_user(&t.store, product, skip);
    let out = storefront::purchase(
        &t.store,
        &t.actor(ADMIN),
        &Purchase {
            user: user.upn,
            product: product.to_string(),
            quantity: 2,
            card_last4: "4242".into(),
            term,
        },
        at(now),
    )
    .expect("purchase");
    sub(&t.store, out.subscription.id)
}

fn try_out(t: &Tenant, product: &str, card: Option<&str>, now: &str) -> Subscription {
    let user = free_user(&t.store, product, 0);
    let out = storefront::trial(
        &t.store,
        &t.actor(ADMIN),
        &Trial {
            user: user.upn,
            product: product.to_string(),
            card_last4: card.map(str::to_string),
        },
        at(now),
    )
    .expect("trial");
    sub(&t.store, out.subscription.id)
}

fn sub(store: &Store, id: SubscriptionId) -> Subscription {
    store.subscription(id).expect("read").expect("exists")
}

fn run(t: &Tenant, now: &str) -> Vec<LifecycleChange> {
    lifecycle::run(&t.store, &t.actor(ADMIN), at(now), None)
        .expect("lifecycle run")
        .changes
}

fn of(changes: &[LifecycleChange], id: SubscriptionId) -> Vec<LifecycleChange> {
    changes
        .iter()
        .filter(|c| c.subscription == id)
        .cloned()
        .collect()
}

fn assert_clean(store: &Store) {
    let admin = store.actor(ADMIN).expect("admin");
    let report = check(store, &admin, &AtomicU64::new(0)).expect("check");
    assert!(report.ok, "check found breaches: {:?}", report.breaches);
}

#[test]
fn month_ends_follow_the_start_day_without_drifting() {
    let jan31 = date("2027-01-31");
    let (feb, _) = next_expiration(jan31, jan31, 1, jan31).expect("next");
    assert_eq!(feb, date("2027-02-28"));
    let (mar, _) = next_expiration(jan31, feb, 1, feb).expect("next");
    assert_eq!(mar, date("2027-03-31"));
    let (apr, _) = next_expiration(jan31, mar, 1, mar).expect("next");
    assert_eq!(apr, date("2027-04-30"));
    // Started on the 28th: February's end is not a cut day, so March keeps the 28th.
    let jan28 = date("2027-01-28");
    let (mar28, _) =
        next_expiration(jan28, date("2027-02-28"), 1, date("2027-02-28")).expect("next");
    assert_eq!(mar28, date("2027-03-28"));
    // A leap year's February ends on the 29th.
    let (feb29, _) = next_expiration(
        date("2028-01-31"),
        date("2028-01-31"),
        1,
        date("2028-01-31"),
    )
    .expect("next");
    assert_eq!(feb29, date("2028-02-29"));
    // Catching up several terms at once lands on the first expiration after the day.
    let (caught, terms) =
        next_expiration(jan31, date("2027-02-28"), 1, date("2027-06-15")).expect("next");
    assert_eq!((caught, terms), (date("2027-06-30"), 4));
}

#[test]
fn monthly_purchase_renews_across_the_year_end_and_february() {
    let t = Tenant::demo();
    let s = buy(
        &t,
        PYTHON_IN_EXCEL,
        Term::Monthly,
        "2026-12-31T10:00:00Z",
        0,
    );
    assert_eq!(s.expires, date("2027-01-31"));
    assert!(s.auto_renew);

    assert!(
        of(&run(&t, "2027-01-30T23:59:59Z"), s.id).is_empty(),
        "not due the day before"
    );
    let jan = of(&run(&t, "2027-01-31T00:00:00Z"), s.id);
    assert_eq!(jan.len(), 1);
    assert_eq!(
        (jan[0].step, jan[0].on),
        (Step::Renewed, date("2027-01-31"))
    );
    assert_eq!(sub(&t.store, s.id).expires, date("2027-02-28"));

    run(&t, "2027-02-28T08:00:00Z");
    assert_eq!(sub(&t.store, s.id).expires, date("2027-03-31"));
    let after = sub(&t.store, s.id);
    assert_eq!(
        (after.status, after.origin),
        (Status::Active, Origin::SelfServicePurchase)
    );
    assert_eq!(after.assigned, 1, "the buyer keeps the license");

    let renewed_mails = t
        .store
        .outbox()
        .map(|e| e.expect("email"))
        .filter(|e| e.kind == EmailKind::Renewed && e.body.contains("Python in Excel"))
        .count();
    assert!(renewed_mails >= 2, "each renewal e-mails the buyer");
    assert_clean(&t.store);
}

#[test]
fn annual_purchase_on_a_leap_day_renews_on_february_ends() {
    let t = Tenant::demo();
    let s = buy(&t, PYTHON_IN_EXCEL, Term::Annual, "2028-02-29T12:00:00Z", 0);
    assert_eq!(s.expires, date("2029-02-28"));

    run(&t, "2030-03-01");
    assert_eq!(sub(&t.store, s.id).expires, date("2031-02-28"));
    // On the next leap day itself the term that ends then renews to the year after.
    let c = of(&run(&t, "2032-02-29T00:00:00Z"), s.id);
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].on, c[0].terms), (date("2031-02-28"), 2));
    assert_eq!(sub(&t.store, s.id).expires, date("2033-02-28"));
    assert_clean(&t.store);
}

#[test]
fn monthly_purchase_on_january_31_of_a_leap_year_expires_february_29() {
    let t = Tenant::demo();
    let s = buy(&t, PYTHON_IN_EXCEL, Term::Monthly, "2028-01-31", 0);
    assert_eq!(s.expires, date("2028-02-29"));
    run(&t, "2028-02-29T06:00:00Z");
    assert_eq!(sub(&t.store, s.id).expires, date("2028-03-31"));
}

#[test]
fn trial_with_a_card_converts_to_a_paid_purchase_at_its_end() {
    let t = Tenant::demo();
    let s = try_out(&t, PYTHON_IN_EXCEL, Some("1234"), "2026-12-15T09:00:00Z");
    assert_eq!(s.expires, date("2027-01-14"));
    assert_eq!(s.origin, Origin::SelfServiceTrial);

    let c = of(&run(&t, "2027-01-14T00:00:00Z"), s.id);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].step, Step::Converted);
    let after = sub(&t.store, s.id);
    assert_eq!(after.origin, Origin::SelfServicePurchase);
    assert_eq!(
        (after.start, after.expires),
        (date("2027-01-14"), date("2027-02-14"))
    );
    assert!(after.auto_renew);
    assert_eq!(after.status, Status::Active);
    assert!(after.monthly_spend() > 0, "a converted trial is paid for");

    let buyer = c[0].buyer.clone().expect("buyer");
    assert!(t
        .store
        .outbox()
        .map(|e| e.expect("email"))
        .any(|e| e.to == buyer && e.kind == EmailKind::Converted));
    assert!(t
        .store
        .audit()
        .map(|e| e.expect("event"))
        .any(|e| e.action == "lifecycle.converted" && e.target == s.id.to_string()));
    assert_clean(&t.store);
}

#[test]
fn trial_without_a_card_expires_then_is_disabled_then_deleted() {
    let t = Tenant::demo();
    let s = try_out(&t, TEAMS_EXPLORATORY, None, "2026-11-23T12:00:00Z");
    assert_eq!(s.expires, date("2027-01-22"));
    assert!(!s.auto_renew);
    assert_eq!(s.assigned, 1);

    let c = of(&run(&t, "2027-01-22"), s.id);
    assert_eq!(
        c.iter().map(|c| c.step).collect::<Vec<_>>(),
        [Step::Expired]
    );
    let expired = sub(&t.store, s.id);
    assert_eq!(
        (expired.status, expired.status_since),
        (Status::Expired, date("2027-01-22"))
    );
    assert_eq!(expired.assigned, 1, "users keep access while expired");

    assert!(
        of(&run(&t, "2027-02-20"), s.id).is_empty(),
        "29 days later: still expired"
    );
    run(&t, "2027-02-21");
    let disabled = sub(&t.store, s.id);
    assert_eq!(
        (disabled.status, disabled.status_since),
        (Status::Disabled, date("2027-02-21"))
    );
    assert_eq!(disabled.assigned, 1, "licenses are kept while disabled");

    assert!(
        of(&run(&t, "2027-05-21"), s.id).is_empty(),
        "89 days later: still disabled"
    );
    let c = of(&run(&t, "2027-05-22"), s.id);
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].step, c[0].licenses_removed), (Step::Deleted, 1));
    let deleted = sub(&t.store, s.id);
    assert_eq!((deleted.status, deleted.assigned), (Status::Deleted, 0));
    assert!(t
        .store
        .assignments_of(s.id)
        .expect("assignments")
        .is_empty());

    let buyer = c[0].buyer.clone().expect("buyer");
    let kinds: Vec<EmailKind> = t
        .store
        .outbox()
        .map(|e| e.expect("email"))
        .filter(|e| e.to == buyer && e.body.contains("Teams Exploratory"))
        .map(|e| e.kind)
        .collect();
    for kind in [EmailKind::Expired, EmailKind::Disabled, EmailKind::Deleted] {
        assert!(kinds.contains(&kind), "the buyer hears {kind:?}: {kinds:?}");
    }
    assert_clean(&t.store);
}

#[test]
fn a_late_run_ends_where_daily_runs_would_have() {
    let day = |d: &str| date(d);
    let mut daily = Subscription {
        id: SubscriptionId(uuid::Uuid::nil()),
        product_id: ProductId(TEAMS_EXPLORATORY.into()),
        origin: Origin::SelfServiceTrial,
        buyer: None,
        quantity: 25,
        assigned: 3,
        price: Price {
            amount: Money::new(0, "EUR"),
            term: Term::Monthly,
        },
        start: day("2026-11-23"),
        expires: day("2027-01-22"),
        auto_renew: false,
        payment_method: PaymentMethod::None,
        status: Status::Active,
        status_since: day("2026-11-23"),
        taken_over: None,
        cancellation: None,
    };
    let mut late = daily.clone();
    let mut d = day("2026-11-23");
    let mut steps = 0;
    while d <= day("2027-06-30") {
        steps += lifecycle::advance(&mut daily, d).len();
        d = d.succ_opt().expect("next day");
    }
    let at_once = lifecycle::advance(&mut late, day("2027-06-30"));
    assert_eq!(steps, 3);
    assert_eq!(at_once.len(), 3);
    assert_eq!(late, daily);
    assert!(lifecycle::advance(&mut late, day("2027-06-30")).is_empty());
}

#[test]
fn the_utc_date_of_the_clock_decides_whatever_its_offset() {
    let t = Tenant::demo();
    let s = try_out(&t, TEAMS_EXPLORATORY, None, "2026-11-23T12:00:00Z");
    assert_eq!(s.expires, date("2027-01-22"));
    // 01:00 on the 22nd at UTC+2 is still the 21st in UTC.
    assert!(of(&run(&t, "2027-01-22T01:00:00+02:00"), s.id).is_empty());
    assert_eq!(sub(&t.store, s.id).status, Status::Active);
    // 23:30 on the 21st at UTC-1 is already the 22nd in UTC.
    let c = of(&run(&t, "2027-01-21T23:30:00-01:00"), s.id);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].step, Step::Expired);
}

#[test]
fn a_second_run_changes_nothing() {
    let t = Tenant::demo();
    let first = run(&t, "2027-09-01");
    assert!(!first.is_empty(), "ten months on, the demo has work to do");
    let audit = t.store.audit().count();
    let outbox = t.store.outbox().count();
    let subs: Vec<Subscription> = t.store.subscriptions().map(|s| s.expect("sub")).collect();

    let second = run(&t, "2027-09-01");
    assert!(second.is_empty(), "second run changed {second:?}");
    assert_eq!(t.store.audit().count(), audit);
    assert_eq!(t.store.outbox().count(), outbox);
    let again: Vec<Subscription> = t.store.subscriptions().map(|s| s.expect("sub")).collect();
    assert_eq!(subs, again);
    assert_clean(&t.store);
}

#[test]
fn central_renewals_e_mail_the_administrators_who_manage_subscriptions() {
    let t = Tenant::demo();
    let changes = run(&t, "2028-01-01");
    let central: Vec<&LifecycleChange> = changes
        .iter()
        .filter(|c| c.buyer.is_none() && c.step == Step::Renewed)
        .collect();
    assert!(
        !central.is_empty(),
        "the demo's central subscriptions renew within a year"
    );
    for c in central {
        assert_eq!(
            c.emailed,
            ["adele.vance@contoso.example", "megan.bowen@contoso.example"],
            "GlobalAdministrator and BillingAdministrator, not the GlobalReader"
        );
        let s = sub(&t.store, c.subscription);
        assert_eq!((s.status, s.origin), (Status::Active, Origin::Central));
    }
}

#[test]
fn large_runs_go_in_several_whole_transactions() {
    let t = Tenant::demo_sized(1200, 7);
    let changes = run(&t, "2031-01-01");
    let touched: std::collections::HashSet<SubscriptionId> =
        changes.iter().map(|c| c.subscription).collect();
    assert!(
        touched.len() > 128,
        "more than one batch: {}",
        touched.len()
    );
    assert_clean(&t.store);
    assert!(run(&t, "2031-01-01").is_empty());
    let live = t
        .store
        .subscriptions()
        .map(|s| s.expect("sub"))
        .filter(|s| s.status != Status::Deleted)
        .all(|s| s.status == Status::Active && s.auto_renew);
    assert!(
        live,
        "four years on, only renewing subscriptions are left alive"
    );
}

#[test]
fn only_managers_apply_the_lifecycle_and_anyone_may_preview_it() {
    let t = Tenant::demo();
    let reader = t.actor(READER);
    let refused = lifecycle::run(&t.store, &reader, at("2027-06-01"), None);
    assert!(
        matches!(refused, Err(Error::PermissionDenied(_))),
        "{refused:?}"
    );

    let before: Vec<Subscription> = t.store.subscriptions().map(|s| s.expect("sub")).collect();
    let preview = lifecycle::preview(&t.store, &reader, at("2027-06-01")).expect("preview");
    assert!(!preview.applied);
    assert!(!preview.changes.is_empty());
    let after: Vec<Subscription> = t.store.subscriptions().map(|s| s.expect("sub")).collect();
    assert_eq!(before, after, "a preview writes nothing");

    let applied = lifecycle::run(&t.store, &t.actor(BILLING), at("2027-06-01"), None)
        .expect("billing applies it");
    assert_eq!(applied.changes, preview.changes);
}

#[test]
fn until_stops_early_but_never_runs_ahead_of_the_clock() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let ahead = lifecycle::run(&t.store, &admin, at("2027-01-01"), Some(at("2027-02-01")));
    assert!(matches!(ahead, Err(Error::Usage(_))), "{ahead:?}");
    let early = lifecycle::run(&t.store, &admin, at("2027-06-01"), Some(at("2027-01-01")))
        .expect("run until");
    assert!(early.changes.iter().all(|c| c.on <= date("2027-01-01")));
    assert_eq!(early.until, at("2027-01-01"));
}

/// SPEC §2 rule 11: a read at a later clock shows what a run up to that clock then writes, and
/// lists as due exactly the steps the run takes.
#[test]
fn reads_at_a_later_clock_show_what_the_run_then_applies() {
    use selfserve_core::query::{self, SubscriptionFilter};
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let later = at("2027-06-30T09:00:00Z");
    let all = SubscriptionFilter::default();
    let before = query::subscription_rows(&t.store, &admin, &all, later).expect("rows");
    let products_before = query::product_rows(&t.store, &admin, false, later).expect("rows");
    let due: usize = before.iter().map(|r| r.lifecycle_due.len()).sum();
    assert!(due > 0, "the demo has steps due by {later}");

    let report = lifecycle::run(&t.store, &admin, later, None).expect("run");
    assert_eq!(report.changes.len(), due);
    let after = query::subscription_rows(&t.store, &admin, &all, later).expect("rows");
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert!(a.lifecycle_due.is_empty(), "{a:?}");
        assert_eq!(
            (b.id, b.status, b.expires, b.origin, b.auto_renew),
            (a.id, a.status, a.expires, a.origin, a.auto_renew)
        );
    }
    let products_after = query::product_rows(&t.store, &admin, false, later).expect("rows");
    for (b, a) in products_before.iter().zip(&products_after) {
        assert_eq!(a.lifecycle_due, 0);
        assert_eq!(
            (
                &b.product_id,
                b.subscriptions,
                b.next_expiration,
                &b.monthly_spend
            ),
            (
                &a.product_id,
                a.subscriptions,
                a.next_expiration,
                &a.monthly_spend
            )
        );
    }
}
