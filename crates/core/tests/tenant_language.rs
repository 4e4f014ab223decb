//! The tenant's language (issue 11): the e-mails the core writes follow it, only a
//! GlobalAdministrator sets it, and it is kept in the database.

mod common;

use chrono::{DateTime, Utc};
use common::{now, Tenant, ADMIN, BILLING, READER};
use selfserve_core::i18n::Lang;
use selfserve_core::model::*;
use selfserve_core::ops::set_language::{set_language, LanguageChange};
use selfserve_core::ops::{ask_cancel, cancel, lifecycle};
use selfserve_core::{Error, Store};

/// Active, paid self-service subscriptions whose buyer is in the directory and that have users,
/// largest first.
fn paid_self_service(store: &Store) -> Vec<Subscription> {
    let mut subs: Vec<Subscription> = store
        .subscriptions()
        .map(|s| s.expect("subscription"))
        .filter(|s| {
            s.origin.is_self_service()
                && s.status == Status::Active
                && s.monthly_spend() > 0
                && s.assigned > 0
                && s.buyer
                    .is_some_and(|b| store.user(b).expect("user").is_some())
        })
        .collect();
    subs.sort_by_key(|s| std::cmp::Reverse(s.quantity));
    subs
}

/// What `sub` charges per term, as the e-mail words it in `lang`.
fn charge(lang: Lang, sub: &Subscription) -> String {
    let amount = Money::new(
        sub.price.amount.minor * i64::from(sub.quantity),
        &sub.price.amount.currency,
    );
    lang.money(&amount)
}

fn newest_email(store: &Store) -> Email {
    store
        .outbox()
        .next_back()
        .expect("an e-mail")
        .expect("readable")
}

fn audit_len(store: &Store) -> usize {
    store.audit().count()
}

#[test]
fn a_french_tenant_emails_in_french_and_an_english_one_in_english() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let subs = paid_self_service(&t.store);
    let (first, second) = (&subs[0], &subs[1]);
    assert_eq!(t.store.language(), Ok(Lang::En), "a demo starts in English");

    // English: the amount reads "€1,234.56".
    let out = ask_cancel::ask_cancel(&t.store, &admin, first.id, now(), false).expect("asked");
    let mail = newest_email(&t.store);
    let planned = &out.plan.emails[0];
    assert_eq!(
        (&mail.subject, &mail.body),
        (&planned.subject, &planned.body)
    );
    let product = &out.plan.subscription.product_name;
    assert_eq!(
        mail.subject,
        format!("Please cancel your {product} subscription: your organisation provides it")
    );
    let amount = charge(Lang::En, first);
    assert!(amount.starts_with('€') && amount.contains('.'), "{amount}");
    assert!(mail.body.starts_with("Hello "), "{}", mail.body);
    assert!(
        mail.body.contains(&format!(
            "licenses of {product} on {} (subscription {}), for {amount} per ",
            first.start.format("%Y-%m-%d"),
            first.id
        )),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("under Billing > Your products"));

    // French: "1 234,56 €", dates as 24/11/2026, the admin center's words.
    let changed = set_language(&t.store, &admin, Lang::Fr, now()).expect("set");
    assert_eq!(
        changed,
        LanguageChange {
            language: Lang::Fr,
            previous: Lang::En,
            changed: true
        }
    );
    let out = ask_cancel::ask_cancel(&t.store, &admin, second.id, now(), false).expect("asked");
    let mail = newest_email(&t.store);
    let product = &out.plan.subscription.product_name;
    assert_eq!(
        mail.subject,
        format!("Veuillez annuler votre abonnement {product} : votre organisation le fournit")
    );
    assert_eq!(
        (&mail.subject, &mail.body),
        (&out.plan.emails[0].subject, &out.plan.emails[0].body),
        "the plan says what the outbox gets"
    );
    let amount = charge(Lang::Fr, second);
    assert!(
        amount.ends_with("\u{a0}€") && amount.contains(','),
        "{amount}"
    );
    assert!(mail.body.starts_with("Bonjour "), "{}", mail.body);
    assert!(
        mail.body.contains(&format!(
            " {product} le {} (abonnement {}), pour {amount} par ",
            second.start.format("%d/%m/%Y"),
            second.id
        )),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains("sous Facturation > Vos produits"),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("Des questions ? Adressez-vous à "));

    // A cancellation too, with its reason in French.
    cancel::cancel(
        &t.store,
        &admin,
        first.id,
        CancelReason::TooExpensive,
        now(),
        false,
    )
    .expect("cancelled");
    let mail = newest_email(&t.store);
    assert_eq!(mail.kind, EmailKind::SubscriptionCancelled);
    assert!(
        mail.subject.starts_with("Votre abonnement ") && mail.subject.ends_with(" a été annulé"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("motif : trop cher"), "{}", mail.body);
    assert!(mail
        .body
        .contains("Cet abonnement ne vous sera plus facturé."));
}

#[test]
fn the_lifecycle_notices_follow_the_language_with_french_dates() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    set_language(&t.store, &admin, Lang::Fr, now()).expect("set");
    let later: DateTime<Utc> =
        selfserve_core::clock::parse_now("2027-06-01T12:00:00Z").expect("clock");
    let before = t.store.outbox().count();
    let report = lifecycle::run(&t.store, &admin, later, None).expect("ran");
    assert!(!report.changes.is_empty());
    let mails: Vec<Email> = t
        .store
        .outbox()
        .skip(before)
        .map(|e| e.expect("e-mail"))
        .collect();
    assert!(!mails.is_empty(), "the lifecycle e-mails");
    for m in &mails {
        assert!(m.subject.starts_with("Votre "), "{}", m.subject);
        assert!(!m.body.contains("Your "), "{}", m.body);
    }
    let renewed = mails
        .iter()
        .find(|m| m.kind == EmailKind::Renewed)
        .expect("a renewal");
    let change = report
        .changes
        .iter()
        .find(|c| c.emailed.contains(&renewed.to) && renewed.subject.contains(&c.product_name))
        .expect("its change");
    assert!(
        renewed.body.contains(&format!(
            "a été renouvelé automatiquement le {}",
            change.on.format("%d/%m/%Y")
        )),
        "{}",
        renewed.body
    );
}

#[test]
fn only_a_global_administrator_sets_the_language() {
    let t = Tenant::demo();
    let audit = audit_len(&t.store);
    let revision = t.store.revision().expect("revision");
    for login in [BILLING, READER] {
        let refused = set_language(&t.store, &t.actor(login), Lang::Fr, now());
        assert!(
            matches!(refused, Err(Error::PermissionDenied(_))),
            "{login}: {refused:?}"
        );
        assert_eq!(refused.map_err(|e| e.exit_code()), Err(3));
    }
    let read_only = t.actor(ADMIN).read_only();
    let refused = set_language(&t.store, &read_only, Lang::Fr, now());
    assert_eq!(refused.map_err(|e| e.exit_code()), Err(3));
    assert_eq!(t.store.language(), Ok(Lang::En), "nothing changed");
    assert_eq!(audit_len(&t.store), audit, "no audit event");
    assert_eq!(t.store.revision(), Ok(revision), "nothing written");

    // The GlobalAdministrator's change is audited; the same value again is not.
    let admin = t.actor(ADMIN);
    set_language(&t.store, &admin, Lang::Fr, now()).expect("set");
    let event = t.store.audit().next_back().expect("event").expect("read");
    assert_eq!(event.action, "tenant.set-language");
    assert_eq!(event.actor, admin.user.upn);
    assert_eq!(
        (event.before.as_deref(), event.after.as_deref()),
        (Some("en"), Some("fr"))
    );
    let again = set_language(&t.store, &admin, Lang::Fr, now()).expect("set again");
    assert!(!again.changed);
    assert_eq!(audit_len(&t.store), audit + 1);
}

#[test]
fn the_language_survives_reopening() {
    let t = Tenant::demo();
    set_language(&t.store, &t.actor(ADMIN), Lang::Fr, now()).expect("set");
    let path = t.store.path().to_path_buf();
    drop(t.store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.language(), Ok(Lang::Fr));
    let _keep = t.dir;
}
