//! The spend report (issue 15) on a tenant built by the test, each figure worked out by hand:
//! a monthly and an annual purchase, a central subscription, a trial with and without a card,
//! an Expired and a Deleted subscription; then the properties on random tenants; then the
//! administrators' notice of each self-service purchase and trial.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use selfserve_core::i18n::Lang;
use selfserve_core::init::{create_tenant, InitOptions};
use selfserve_core::model::*;
use selfserve_core::ops::set_purchase_notice::set_purchase_notice;
use selfserve_core::ops::storefront::{purchase, trial, Purchase, Trial};
use selfserve_core::query::spend::{spend, ChargeKind, SpendReport};
use selfserve_core::{Actor, Store};
use uuid::Uuid;

const PRO: &str = "CFQ7TTC0H9MP";
const VISIO: &str = "CFQ7TTC0HD33";
const CLIPCHAMP: &str = "CFQ7TTC0N8SS";

fn now() -> DateTime<Utc> {
    selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").expect("clock")
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR")
}

/// An empty tenant (the catalogue, its GlobalAdministrator bound to `admin`).
fn empty() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    create_tenant(
        &path,
        &InitOptions {
            tenant: "Contoso".into(),
            cloud: Cloud::Global,
            currency: "EUR".into(),
            agreement: true,
            admin_upn: "admin@contoso.example".into(),
            login: "admin".into(),
            now: now(),
            force: false,
            lang: Lang::En,
        },
    )
    .expect("tenant");
    let store = Store::open(&path).expect("open");
    (dir, store)
}

fn user(name: &str, department: &str) -> User {
    User {
        id: UserId(Uuid::new_v4()),
        display_name: name.into(),
        upn: format!("{}@contoso.example", name.to_lowercase()),
        department: department.into(),
        enabled: true,
    }
}

struct Sub<'a> {
    product: &'a str,
    origin: Origin,
    buyer: Option<UserId>,
    quantity: u32,
    users: Vec<UserId>,
    price: i64,
    term: Term,
    start: &'a str,
    expires: &'a str,
    card: bool,
    status: Status,
}

fn subscription(s: &Sub<'_>) -> Subscription {
    // Paid subscriptions renew (and trials with a card convert) while Active.
    let renews = s.status == Status::Active && s.card;
    Subscription {
        id: SubscriptionId(Uuid::new_v4()),
        product_id: ProductId(s.product.into()),
        origin: s.origin,
        buyer: s.buyer,
        quantity: s.quantity,
        assigned: s.users.len() as u32,
        price: Price {
            amount: eur(s.price),
            term: s.term,
        },
        start: day(s.start),
        expires: day(s.expires),
        auto_renew: renews || (s.origin == Origin::Central && s.status == Status::Active),
        payment_method: match (s.origin, s.card) {
            (Origin::Central, _) => PaymentMethod::Invoice,
            (_, true) => PaymentMethod::Card {
                last4: "4242".into(),
            },
            (_, false) => PaymentMethod::None,
        },
        status: s.status,
        status_since: match s.status {
            Status::Active => day(s.start),
            _ => day(s.expires),
        },
        taken_over: None,
        cancellation: (s.status == Status::Deleted).then_some(CancelReason::Other),
    }
}

/// Writes users and subscriptions (with their assignments) in one transaction.
fn write(store: &Store, users: &[User], subs: &[Sub<'_>]) -> Vec<SubscriptionId> {
    let made: Vec<(Subscription, Vec<UserId>)> = subs
        .iter()
        .map(|s| (subscription(s), s.users.clone()))
        .collect();
    store
        .transact(|tx| {
            for u in users {
                tx.put_user(u)?;
            }
            for (sub, holders) in &made {
                tx.put_subscription(sub)?;
                for &u in holders {
                    tx.put_assignment(&Assignment {
                        subscription: sub.id,
                        user: u,
                        assigned_at: now(),
                    })?;
                }
            }
            Ok(())
        })
        .expect("write");
    made.iter().map(|(s, _)| s.id).collect()
}

fn admin(store: &Store) -> Actor {
    store.actor("admin").expect("admin")
}

#[test]
fn every_figure_is_the_one_worked_out_by_hand() {
    let (_dir, store) = empty();
    let ann = user("Ann", "Sales");
    let bob = user("Bob", "IT");
    let others: Vec<User> = (3..=6).map(|i| user(&format!("User{i}"), "Ops")).collect();
    let [u3, u4, u5, u6] = [others[0].id, others[1].id, others[2].id, others[3].id];
    let mut people = vec![ann.clone(), bob.clone()];
    people.extend(others.clone());
    use Origin::*;
    use Status::*;
    let ids = write(
        &store,
        &people,
        &[
            // A: monthly purchase, 3 licenses at 14.00, 2 held.
            Sub {
                product: PRO,
                origin: SelfServicePurchase,
                buyer: Some(ann.id),
                quantity: 3,
                users: vec![ann.id, u3],
                price: 1_400,
                term: Term::Monthly,
                start: "2026-09-10",
                expires: "2026-12-10",
                card: true,
                status: Active,
            },
            // B: annual purchase, 2 licenses at 168.00, 1 held.
            Sub {
                product: PRO,
                origin: SelfServicePurchase,
                buyer: Some(bob.id),
                quantity: 2,
                users: vec![bob.id],
                price: 16_800,
                term: Term::Annual,
                start: "2026-03-01",
                expires: "2027-03-01",
                card: true,
                status: Active,
            },
            // C: central, annual, 5 licenses, 1 held: 4 free.
            Sub {
                product: PRO,
                origin: Central,
                buyer: None,
                quantity: 5,
                users: vec![u4],
                price: 16_800,
                term: Term::Annual,
                start: "2026-06-15",
                expires: "2027-06-15",
                card: false,
                status: Active,
            },
            // D: trial with a card, converts on 2026-12-13 at 10.00 x 25.
            Sub {
                product: VISIO,
                origin: SelfServiceTrial,
                buyer: Some(ann.id),
                quantity: 25,
                users: vec![ann.id],
                price: 1_000,
                term: Term::Monthly,
                start: "2026-11-13",
                expires: "2026-12-13",
                card: true,
                status: Active,
            },
            // E: Expired monthly purchase (no longer renews), 1 license held.
            Sub {
                product: PRO,
                origin: SelfServicePurchase,
                buyer: Some(u5),
                quantity: 1,
                users: vec![u5],
                price: 1_400,
                term: Term::Monthly,
                start: "2026-08-05",
                expires: "2026-11-05",
                card: true,
                status: Expired,
            },
            // F: trial without a card: ends on 2026-12-01, charging nothing.
            Sub {
                product: VISIO,
                origin: SelfServiceTrial,
                buyer: Some(bob.id),
                quantity: 25,
                users: vec![u6],
                price: 0,
                term: Term::Monthly,
                start: "2026-11-01",
                expires: "2026-12-01",
                card: false,
                status: Active,
            },
            // G: Deleted annual purchase, bought 2026-01-20.
            Sub {
                product: PRO,
                origin: SelfServicePurchase,
                buyer: Some(bob.id),
                quantity: 1,
                users: vec![],
                price: 16_800,
                term: Term::Annual,
                start: "2026-01-20",
                expires: "2027-01-20",
                card: true,
                status: Deleted,
            },
        ],
    );
    let [a, b, c, d, e, f, _g] = [ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]];
    let r = spend(&store, &admin(&store), now()).expect("spend");
    assert_eq!(r.today, day("2026-11-23"));

    // Run-rate: A 3 x 14.00 = 42.00/month; B 2 x 168.00 = 336.00/year = 28.00/month; C 5 x
    // 168.00 = 840.00/year = 70.00/month. Trials, E (Expired) and G (Deleted) cost nothing now.
    assert_eq!(
        (r.self_service.monthly.minor, r.self_service.yearly.minor),
        (7_000, 84_000)
    );
    assert_eq!(
        (r.central.monthly.minor, r.central.yearly.minor),
        (7_000, 84_000)
    );
    assert_eq!(
        (r.total.monthly.minor, r.total.yearly.minor),
        (14_000, 168_000)
    );
    assert_eq!(
        r.products.len(),
        1,
        "Visio costs nothing yet: {:?}",
        r.products
    );
    assert_eq!(r.products[0].product_id.0, PRO);
    assert_eq!(r.products[0].total, r.total);
    let buyers: Vec<(&str, i64, u32)> = r
        .buyers
        .iter()
        .map(|b| (b.buyer_name.as_str(), b.rate.monthly.minor, b.subscriptions))
        .collect();
    assert_eq!(buyers, [("Ann", 4_200, 1), ("Bob", 2_800, 1)]);
    assert_eq!(r.other_buyers.buyers, 0);
    let departments: Vec<(&str, i64)> = r
        .departments
        .iter()
        .map(|d| (d.department.as_str(), d.rate.yearly.minor))
        .collect();
    assert_eq!(departments, [("IT", 33_600), ("Sales", 50_400)]);

    // Upcoming: F ends (8 days), A renews monthly (17, 48, 79 days), D converts (20) then renews
    // (51, 82). B renews on 2027-03-01 (98 days) and C in June: outside 90 days.
    let upcoming: Vec<(u32, ChargeKind, SubscriptionId, i64, bool)> = r
        .upcoming
        .iter()
        .map(|c| (c.days, c.kind, c.subscription, c.amount.minor, c.auto_renew))
        .collect();
    use ChargeKind::*;
    assert_eq!(
        upcoming,
        [
            (8, TrialEnd, f, 0, false),
            (17, Renewal, a, 4_200, true),
            (20, Conversion, d, 25_000, true),
            (48, Renewal, a, 4_200, true),
            (51, Renewal, d, 25_000, true),
            (79, Renewal, a, 4_200, true),
            (82, Renewal, d, 25_000, true),
        ]
    );
    assert_eq!(r.upcoming[0].on, day("2026-12-01"));
    assert_eq!(r.upcoming[0].buyer.as_deref(), Some("bob@contoso.example"));
    assert_eq!(r.charged_within(30), eur(29_200));
    assert_eq!(r.charged_within(60), eur(58_400));
    assert_eq!(r.charged_within(90), eur(87_600));
    assert_eq!(r.upcoming_within(30).count(), 3);

    // Waste: C 4 unused x 168.00 / 12 = 56.00; A 1 x 14.00; B 1 x 168.00 / 12 = 14.00.
    assert_eq!(r.waste.len(), 3);
    assert_eq!((r.waste[0].subscription, r.waste[0].unused), (c, 4));
    assert_eq!(r.waste[0].monthly, eur(5_600));
    let mut rest: Vec<(SubscriptionId, u32, i64)> = r.waste[1..]
        .iter()
        .map(|w| (w.subscription, w.unused, w.monthly.minor))
        .collect();
    rest.sort();
    let mut want = vec![(a, 1, 1_400), (b, 1, 1_400)];
    want.sort();
    assert_eq!(rest, want);
    assert_eq!(r.waste_by_product.len(), 1);
    assert_eq!(
        (r.waste_by_product[0].unused, r.waste_total()),
        (6, eur(8_400))
    );

    // Savings: A's 2 users, B's 1 and E's 1 fit in C's 4 free licenses: cancelling A and B saves
    // their run-rate; E costs nothing any more, so it is not listed.
    assert_eq!(r.savings.len(), 1);
    let s = &r.savings[0];
    assert_eq!((s.users, s.free_central), (3, 4));
    let mut saved: Vec<SubscriptionId> = s.subscriptions.iter().map(|x| x.subscription).collect();
    saved.sort();
    assert!(!saved.contains(&e));
    let mut want = vec![a, b];
    want.sort();
    assert_eq!(saved, want);
    assert_eq!(
        (s.saving.monthly.minor, s.saving.yearly.minor),
        (7_000, 84_000)
    );
    assert_eq!(r.saving_total(), s.saving);

    // History, Dec 2025 to Feb 2027: G's 168.00 in Jan; B's 336.00 in Mar; E 14.00 in Aug, Sep,
    // Oct; A 42.00 in Sep, Oct, Nov; forecast A 42.00 + D 250.00 in Dec, Jan, Feb.
    let history: Vec<(NaiveDate, i64, i64)> = r
        .history
        .iter()
        .map(|m| (m.month, m.charged.minor, m.forecast.minor))
        .collect();
    let m = |s: &str| day(&format!("{s}-01"));
    assert_eq!(
        history,
        [
            (m("2025-12"), 0, 0),
            (m("2026-01"), 16_800, 0),
            (m("2026-02"), 0, 0),
            (m("2026-03"), 33_600, 0),
            (m("2026-04"), 0, 0),
            (m("2026-05"), 0, 0),
            (m("2026-06"), 0, 0),
            (m("2026-07"), 0, 0),
            (m("2026-08"), 1_400, 0),
            (m("2026-09"), 5_600, 0),
            (m("2026-10"), 5_600, 0),
            (m("2026-11"), 4_200, 0),
            (m("2026-12"), 0, 29_200),
            (m("2027-01"), 0, 29_200),
            (m("2027-02"), 0, 29_200),
        ]
    );
}

#[test]
fn a_reader_reads_it_and_the_json_shows_money_as_amount_and_currency() {
    let (_dir, store) = empty();
    let ann = user("Ann", "Sales");
    write(
        &store,
        std::slice::from_ref(&ann),
        &[Sub {
            product: CLIPCHAMP,
            origin: Origin::SelfServicePurchase,
            buyer: Some(ann.id),
            quantity: 1,
            users: vec![ann.id],
            price: 11_999,
            term: Term::Annual,
            start: "2026-05-02",
            expires: "2027-05-02",
            card: true,
            status: Status::Active,
        }],
    );
    let reader = Admin {
        login: "reader".into(),
        user: ann.id,
        role: Role::GlobalReader,
    };
    store.transact(|tx| tx.put_admin(&reader)).expect("reader");
    let r = spend(&store, &store.actor("reader").expect("reader"), now()).expect("read");
    // 119.99 a year is 9.99 a month, rounded down; the year stays exact.
    assert_eq!((r.total.monthly.minor, r.total.yearly.minor), (999, 11_999));
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["total"]["yearly"]["amount"], 119.99);
    assert_eq!(json["total"]["yearly"]["currency"], "EUR");
    assert_eq!(json["history"].as_array().map(Vec::len), Some(15));
}

fn rates_add_up(r: &SpendReport) {
    let sum = |f: &dyn Fn(&selfserve_core::query::spend::ProductSpend) -> i64| {
        r.products.iter().map(f).sum::<i64>()
    };
    assert_eq!(sum(&|p| p.total.monthly.minor), r.total.monthly.minor);
    assert_eq!(sum(&|p| p.total.yearly.minor), r.total.yearly.minor);
    assert_eq!(
        sum(&|p| p.self_service.yearly.minor),
        r.self_service.yearly.minor
    );
    assert_eq!(
        r.self_service.monthly.minor + r.central.monthly.minor,
        r.total.monthly.minor
    );
    for w in &r.waste {
        assert!(w.monthly.minor >= 0, "{w:?}");
        assert!(w.unused > 0 && w.assigned + w.unused == w.quantity, "{w:?}");
    }
    for s in &r.savings {
        assert!(
            s.saving.monthly.minor <= s.self_service.monthly.minor,
            "{s:?}"
        );
        assert!(
            s.saving.yearly.minor <= s.self_service.yearly.minor,
            "{s:?}"
        );
        let p = r.products.iter().find(|p| p.product_id == s.product_id);
        assert_eq!(
            p.map_or(0, |p| p.self_service.yearly.minor),
            s.self_service.yearly.minor
        );
    }
}

/// One random subscription: product, origin, term, price, quantity, holders, status, start.
fn any_sub() -> impl Strategy<Value = (usize, u8, bool, i64, u32, u32, u8, u32)> {
    (
        0..3usize,
        0..3u8,
        any::<bool>(),
        0..50_000i64,
        1..8u32,
        0..8u32,
        0..4u8,
        0..500u32,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn product_rates_add_up_waste_is_never_negative_and_savings_stay_within_the_run_rate(
        subs in proptest::collection::vec(any_sub(), 1..12)
    ) {
        let (_dir, store) = empty();
        let people: Vec<User> = (0..8).map(|i| user(&format!("P{i}"), ["A", "B"][i % 2])).collect();
        let products = [PRO, VISIO, CLIPCHAMP];
        let starts: Vec<String> = subs
            .iter()
            .map(|s| (day("2025-06-01") + chrono::Days::new(u64::from(s.7))).to_string())
            .collect();
        let expires: Vec<String> = subs
            .iter()
            .zip(&starts)
            .map(|(s, start)| {
                let months = if s.2 { 12 } else { 1 };
                let mut d = day(start);
                while d <= day("2026-11-23") && s.6 == 0 {
                    d = d + chrono::Months::new(months);
                }
                if s.6 != 0 { d = d + chrono::Months::new(months) }
                d.to_string()
            })
            .collect();
        let specs: Vec<Sub<'_>> = subs
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let origin = [Origin::SelfServicePurchase, Origin::SelfServiceTrial, Origin::Central][s.1 as usize];
                let quantity = s.4;
                let held = s.5.min(quantity) as usize;
                Sub {
                    product: products[s.0],
                    origin,
                    buyer: (origin != Origin::Central).then_some(people[i % 8].id),
                    quantity,
                    users: people.iter().take(held).map(|u| u.id).collect(),
                    price: s.3,
                    term: if s.2 && origin != Origin::SelfServiceTrial { Term::Annual } else { Term::Monthly },
                    start: &starts[i],
                    expires: &expires[i],
                    card: origin == Origin::Central || i % 3 != 0,
                    status: Status::ALL[s.6 as usize],
                }
            })
            .collect();
        write(&store, &people, &specs);
        let r = spend(&store, &admin(&store), now()).expect("spend");
        rates_add_up(&r);
    }
}

fn outbox(store: &Store) -> Vec<Email> {
    store.outbox().collect::<Result<_, _>>().expect("outbox")
}

#[test]
fn administrators_who_pay_hear_of_each_purchase_and_trial_unless_turned_off() {
    let (_dir, store) = empty();
    let ann = user("Ann", "Sales");
    let bill = user("Bill", "Finance");
    let rita = user("Rita", "Finance");
    write(&store, &[ann.clone(), bill.clone(), rita.clone()], &[]);
    store
        .transact(|tx| {
            tx.put_admin(&Admin {
                login: "billing".into(),
                user: bill.id,
                role: Role::BillingAdministrator,
            })?;
            tx.put_admin(&Admin {
                login: "reader".into(),
                user: rita.id,
                role: Role::GlobalReader,
            })
        })
        .expect("admins");
    let admin = admin(&store);
    assert!(store.purchase_notice().expect("setting"), "on by default");
    purchase(
        &store,
        &admin,
        &Purchase {
            user: ann.upn.clone(),
            product: PRO.into(),
            quantity: 3,
            card_last4: "4242".into(),
            term: Term::Annual,
        },
        now(),
    )
    .expect("purchase");
    let mail = outbox(&store);
    let notices: Vec<&Email> = mail
        .iter()
        .filter(|e| e.kind == EmailKind::Notice)
        .collect();
    let mut to: Vec<&str> = notices.iter().map(|e| e.to.as_str()).collect();
    to.sort();
    // The GlobalAdministrator and the BillingAdministrator; not the reader.
    assert_eq!(to, ["admin@contoso.example", "bill@contoso.example"]);
    let n = notices[0];
    assert_eq!(n.subject, "Self-service purchase of Power BI Pro by Ann");
    assert!(
        n.body.starts_with(
            "Ann (ann@contoso.example) bought 3 licenses of Power BI Pro on 2026-11-23 at €168.00 per license per year: €504.00 per year. It renews automatically on 2027-11-23."
        ),
        "{}",
        n.body
    );

    // A card-less trial, with the tenant in French.
    store
        .transact(|tx| tx.set_language(Lang::Fr))
        .expect("french");
    trial(
        &store,
        &admin,
        &Trial {
            user: bill.upn.clone(),
            product: VISIO.into(),
            card_last4: None,
        },
        now(),
    )
    .expect("trial");
    let mail = outbox(&store);
    let last = mail.last().expect("a notice");
    assert_eq!(last.kind, EmailKind::Notice);
    assert_eq!(
        last.subject,
        "Essai en libre-service de Visio Plan 1 par Bill"
    );
    assert!(last.body.contains("sans mode de paiement"), "{}", last.body);

    // Off: only a GlobalAdministrator may, and then a purchase tells nobody.
    let billing = store.actor("billing").expect("billing");
    let refused = set_purchase_notice(&store, &billing, false, now()).expect_err("billing");
    assert_eq!(refused.exit_code(), 3);
    let before = outbox(&store).len();
    let change = set_purchase_notice(&store, &admin, false, now()).expect("off");
    assert!(change.changed && change.previous && !change.purchase_notice);
    let audit: Vec<AuditEvent> = store.audit().collect::<Result<_, _>>().expect("audit");
    let event = audit.last().expect("event");
    assert_eq!(event.action, "tenant.set-purchase-notice");
    assert_eq!(
        (event.before.as_deref(), event.after.as_deref()),
        (Some("on"), Some("off"))
    );
    purchase(
        &store,
        &admin,
        &Purchase {
            user: rita.upn.clone(),
            product: PRO.into(),
            quantity: 1,
            card_last4: "4242".into(),
            term: Term::Monthly,
        },
        now(),
    )
    .expect("purchase");
    assert_eq!(outbox(&store).len(), before, "no notice once off");
    let again = set_purchase_notice(&store, &admin, false, now()).expect("off again");
    assert!(!again.changed);
}

#[test]
fn only_the_subscriptions_whose_users_fit_in_free_licenses_are_a_saving() {
    let (_dir, store) = empty();
    let people: Vec<User> = (0..4).map(|i| user(&format!("Q{i}"), "X")).collect();
    let p = |i: usize| people[i].id;
    let pro = |buyer: usize, users: Vec<UserId>, price: i64| Sub {
        product: PRO,
        origin: Origin::SelfServicePurchase,
        buyer: Some(p(buyer)),
        quantity: 2,
        users,
        price,
        term: Term::Monthly,
        start: "2026-11-01",
        expires: "2026-12-01",
        card: true,
        status: Status::Active,
    };
    // One free central license (of 2, one held by Q3); two self-service subscriptions of one
    // user each: the plan gives the free license to the first (in id order) and buys for the
    // second, so only the first is a saving.
    let ids = write(
        &store,
        &people,
        &[
            pro(0, vec![p(0)], 1_400),
            pro(1, vec![p(1)], 1_500),
            Sub {
                product: PRO,
                origin: Origin::Central,
                buyer: None,
                quantity: 2,
                users: vec![p(3)],
                price: 16_800,
                term: Term::Annual,
                start: "2026-06-15",
                expires: "2027-06-15",
                card: false,
                status: Status::Active,
            },
        ],
    );
    let first = ids[0].min(ids[1]);
    let r = spend(&store, &admin(&store), now()).expect("spend");
    assert_eq!(r.savings.len(), 1);
    let s = &r.savings[0];
    assert_eq!(s.free_central, 1);
    assert_eq!(s.subscriptions.len(), 1, "{s:?}");
    assert_eq!(s.subscriptions[0].subscription, first);
    let rate = if first == ids[0] {
        2 * 1_400
    } else {
        2 * 1_500
    };
    assert_eq!(s.saving.monthly, eur(rate));
    assert_eq!(s.saving.yearly, eur(12 * rate));
    // The dry run of centralising agrees: one license reused, the rest added.
    let plan = selfserve_core::ops::centralise::centralise(
        &store,
        &admin(&store),
        &ProductId(PRO.into()),
        Term::Annual,
        now(),
        true,
    )
    .expect("dry run")
    .plan;
    assert_eq!(plan.reused.iter().map(|u| u.licenses).sum::<u32>(), 1);
    assert_eq!(plan.moves[0].from.id, first);
    assert!(plan.added.is_some());
}

/// Thirty buyers paying in tied threes: the first 20 by what they pay, ties by name, and the
/// other 10 summed; each department counts its buyers, shown or not.
#[test]
fn the_buyers_shown_are_the_twenty_who_pay_most_ties_by_name_and_the_rest_are_summed() {
    let (_dir, store) = empty();
    // Named so that their order by name is not the order they were made in.
    let people: Vec<User> = (0..30)
        .map(|i| user(&format!("B{:02}", (i * 7) % 30), ["A", "B"][i % 2]))
        .collect();
    let monthly = |i: usize| 1_000 + (i as i64 / 3) * 500;
    let specs: Vec<Sub<'_>> = (0..30)
        .map(|i| Sub {
            product: PRO,
            origin: Origin::SelfServicePurchase,
            buyer: Some(people[i].id),
            quantity: 1,
            users: vec![],
            price: monthly(i),
            term: Term::Monthly,
            start: "2026-11-01",
            expires: "2026-12-01",
            card: true,
            status: Status::Active,
        })
        .collect();
    write(&store, &people, &specs);
    let r = spend(&store, &admin(&store), now()).expect("spend");

    let mut expected: Vec<(i64, &str)> = (0..30)
        .map(|i| (monthly(i) * 12, people[i].display_name.as_str()))
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let shown: Vec<(i64, &str)> = r
        .buyers
        .iter()
        .map(|b| (b.rate.yearly.minor, b.buyer_name.as_str()))
        .collect();
    assert_eq!(shown, expected[..20]);
    let rest: i64 = expected[20..].iter().map(|e| e.0).sum();
    assert_eq!(r.other_buyers.buyers, 10);
    assert_eq!(r.other_buyers.rate.yearly, eur(rest));
    assert_eq!(r.other_buyers.rate.monthly, eur(rest / 12));
    let departments: Vec<(&str, u32, i64)> = r
        .departments
        .iter()
        .map(|d| (d.department.as_str(), d.buyers, d.rate.yearly.minor))
        .collect();
    let of = |k: usize| {
        (0..30)
            .filter(|i| i % 2 == k)
            .map(|i| monthly(i) * 12)
            .sum::<i64>()
    };
    assert_eq!(departments, [("A", 15, of(0)), ("B", 15, of(1))]);
    assert!(r
        .buyers
        .iter()
        .all(|b| b.department == "A" || b.department == "B"));
}
