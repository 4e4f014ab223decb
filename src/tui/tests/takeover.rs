//! The take-over dialogs (move-users wizard, cancel, centralise): keys in, state out, on a real
//! demo tenant; the database checked through the core; snapshots of every step.

use super::*;
use crate::tui::dialogs::cancel::{CancelDialog, CancelStep};
use crate::tui::dialogs::centralise::{CentraliseDialog, CentraliseStep};
use crate::tui::dialogs::move_wizard::{self, BuyView, MoveStep, MoveWizard, ProvisionView};
use crate::tui::dialogs::Load;
use crate::tui::input::DialogKey;
use crate::tui::keymap;
use selfserve_core::model::{CancelReason, Status, SubscriptionId};
use selfserve_core::ops::{move_users, take_over};
use selfserve_core::query::{self, SubscriptionFilter};
use std::sync::atomic::AtomicU64;

pub(super) const PRO: &str = "CFQ7TTC0H9MP";

/// Everything the dialogs could change, as text: subscriptions, assignments, audit, outbox.
pub(super) fn fingerprint(h: &Harness) -> String {
    let rows = query::subscription_rows(
        &h.store,
        &h.actor,
        &SubscriptionFilter::default(),
        h.app.now,
    )
    .expect("subscriptions");
    let mut out = format!("{rows:?}");
    for r in &rows {
        let a = h.store.assignments_of(r.id).expect("assignments");
        out.push_str(&format!("{}:{a:?}\n", r.id));
    }
    let audit = query::audit_events(&h.store, &h.actor, 100_000).expect("audit");
    let outbox = query::outbox_emails(&h.store, &h.actor, 100_000).expect("outbox");
    out.push_str(&format!("{audit:?}{outbox:?}"));
    out
}

pub(super) fn check_is_clean(h: &Harness) {
    let report =
        selfserve_core::check::check(&h.store, &h.actor, &AtomicU64::new(0)).expect("check runs");
    assert!(report.ok && report.breaches.is_empty(), "{report:?}");
}

/// Puts the products cursor on `product`.
pub(super) fn to_product(h: &mut Harness, product: &str) {
    h.keys("g");
    let at = h
        .app
        .products
        .list
        .shown()
        .position(|p| p.id.0 == product)
        .expect("product listed");
    for _ in 0..at {
        h.keys("j");
    }
}

/// Opens `product`'s subscriptions and puts the cursor on `sub`.
pub(super) fn to_sub(h: &mut Harness, product: &str, sub: SubscriptionId) {
    h.keys("1");
    to_product(h, product);
    h.keys("<Enter>g");
    let at = h
        .app
        .subs
        .list
        .shown()
        .position(|r| r.id == sub)
        .expect("subscription listed");
    for _ in 0..at {
        h.keys("j");
    }
    assert_eq!(h.app.subs.list.selected().map(|r| r.id), Some(sub));
}

/// A self-service subscription of Power BI Pro with users, and a target that can take them.
pub(super) fn movable(h: &Harness) -> (SubscriptionId, SubscriptionId) {
    let filter = SubscriptionFilter {
        self_service_only: true,
        product: Some(selfserve_core::model::ProductId(PRO.into())),
        ..SubscriptionFilter::default()
    };
    for r in query::subscription_rows(&h.store, &h.actor, &filter, h.app.now).expect("rows") {
        if r.assigned == 0 || r.status != Status::Active {
            continue;
        }
        let targets = move_users::move_targets(&h.store, &h.actor, r.id).expect("targets");
        if let Some(t) = targets.iter().find(|t| t.refusal.is_none()) {
            return (r.id, t.subscription.id);
        }
    }
    panic!("the demo has a movable Power BI Pro subscription");
}

/// Puts the wizard's cursor on target `at`.
pub(super) fn to_target(h: &mut Harness, at: usize) {
    while wizard(h).cursor > 0 {
        h.keys("k");
    }
    for _ in 0..at {
        h.keys("j");
    }
    assert_eq!(wizard(h).cursor, at);
}

pub(super) fn wizard(h: &Harness) -> &MoveWizard {
    match h.app.dialog_as::<MoveWizard>() {
        Some(w) => w,
        None => panic!("no move wizard open: {:?}", h.app.dialog),
    }
}

pub(super) fn status(h: &Harness, sub: SubscriptionId) -> Status {
    h.store
        .subscription(sub)
        .expect("read")
        .expect("exists")
        .status
}

#[test]
fn move_wizard_walks_its_steps_and_esc_before_confirm_changes_nothing() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);

    h.keys("m");
    assert_eq!(wizard(&h).step, MoveStep::TakeOver);
    assert!(matches!(
        wizard(&h).take_over,
        Load::Ready(ref i) if i.already.is_none()
    ));
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none(), "Esc at step 1 closes");

    h.keys("m<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Targets);
    let targets = wizard(&h).targets.ready().expect("targets").clone();
    assert!(!targets.is_empty());
    assert!(targets[wizard(&h).cursor].selectable());
    h.keys("<Esc>");
    assert_eq!(wizard(&h).step, MoveStep::TakeOver);
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());

    h.keys("m<Enter><Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Review);
    let plan = wizard(&h).plan.ready().expect("plan").clone();
    assert_eq!(plan.from_id, from);
    assert!(plan.takes_over);
    assert_eq!(plan.recipients.len(), 1, "the buyer is e-mailed");
    h.keys("<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    // Enter is not yes: it only says which key is.
    h.keys("<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    assert!(wizard(&h).note.is_some());
    h.keys("n");
    assert_eq!(wizard(&h).step, MoveStep::Review);
    h.keys("<Esc><Esc><Esc>");
    assert!(h.app.dialog.is_none());

    // The purchase offer, reviewed and left.
    h.keys("m<Enter>b");
    assert_eq!(wizard(&h).step, MoveStep::Review);
    let buy = bought(&h);
    assert_eq!(buy.quantity, wizard(&h).users);
    h.keys("<Esc><Esc><Esc>");
    assert!(h.app.dialog.is_none());

    assert_eq!(fingerprint(&h), before, "nothing changed before a yes");
}

#[test]
fn move_wizard_moves_the_users_and_reloads_the_screens() {
    let mut h = Harness::new(80, 24);
    let (from, to) = movable(&h);
    let users: Vec<_> = h
        .store
        .assignments_of(from)
        .expect("users")
        .into_iter()
        .map(|a| a.user)
        .collect();
    h.keys("5");
    let audit_before = h.app.audit.list.total();
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter>");
    // The cursor starts on the first target that can take them: the one `movable` found.
    assert_eq!(
        wizard(&h).targets.ready().expect("targets")[wizard(&h).cursor].id,
        to
    );
    h.keys("<Enter><Enter>y");
    let result = wizard(&h).result.clone().expect("done");
    let done = result.expect("moved");
    assert_eq!(done.users.len(), users.len());
    assert_eq!(wizard(&h).step, MoveStep::Done);

    assert_eq!(status(&h, from), Status::Deleted);
    let in_to: Vec<_> = h
        .store
        .assignments_of(to)
        .expect("target users")
        .into_iter()
        .map(|a| a.user)
        .collect();
    assert!(users.iter().all(|u| in_to.contains(u)));
    check_is_clean(&h);

    // The screens read it again: the list shows Deleted, the audit log the move.
    let row = h.app.subs.list.shown().find(|r| r.id == from).expect("row");
    assert_eq!(row.status, Status::Deleted);
    assert!(h.app.audit.list.total() > audit_before);
    assert!(h
        .app
        .audit
        .list
        .shown()
        .any(|e| e.action == "subscription.move-users"));
    let m = h.app.message.clone().expect("message");
    assert!(!m.error && m.text.starts_with("Moved"), "{m:?}");
    h.keys("<Enter>");
    assert!(h.app.dialog.is_none());
    h.keys("6");
    assert!(h
        .app
        .outbox
        .list
        .shown()
        .any(|e| e.subject.contains("was cancelled")));
}

#[test]
fn a_target_without_room_is_not_selectable_and_a_stale_plan_is_refused() {
    let mut h = Harness::new(80, 24);
    let (from, to) = movable(&h);
    let moving = h.store.assignments_of(from).expect("users").len() as u32;
    assert!(moving >= 2, "the test needs at least two users to move");
    // A self-service subscription of the product, taken over, with less room than needed.
    let filter = SubscriptionFilter {
        self_service_only: true,
        product: Some(selfserve_core::model::ProductId(PRO.into())),
        ..SubscriptionFilter::default()
    };
    let small = query::subscription_rows(&h.store, &h.actor, &filter, h.app.now)
        .expect("rows")
        .into_iter()
        .find(|r| r.id != from && r.status == Status::Active && r.free() < moving)
        .expect("a subscription too small");
    let now = h.app.now;
    take_over::take_over(&h.store, &h.actor, small.id, now, false).expect("take over");
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);

    h.keys("m<Enter>");
    let targets = wizard(&h).targets.ready().expect("targets").clone();
    let at = targets
        .iter()
        .position(|t| t.id == small.id)
        .expect("listed");
    let t = &targets[at];
    assert!(!t.selectable());
    assert_eq!(t.missing, moving - small.free());
    to_target(&mut h, at);
    h.keys("<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Targets, "not selectable");
    assert!(wizard(&h).note.is_some(), "it says so");
    let why = t.refusal.clone().expect("why");
    assert!(
        why.contains(&format!("needs {} more", moving - small.free())),
        "{why}"
    );
    assert!(h.render().contains("needs"), "the refusal is on screen");
    assert_eq!(fingerprint(&h), before);

    // A plan made while the target had room, refused when it no longer has.
    let at = targets.iter().position(|t| t.id == to).expect("listed");
    to_target(&mut h, at);
    h.keys("<Enter><Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    selfserve_core::ops::cancel::cancel(&h.store, &h.actor, to, CancelReason::Other, now, false)
        .expect("someone else cancels the target meanwhile");
    let before = fingerprint(&h);
    h.keys("y");
    let err = wizard(&h)
        .result
        .clone()
        .expect("done")
        .expect_err("refused");
    assert!(err.contains("Deleted"), "{err}");
    assert!(h.app.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(fingerprint(&h), before, "a refused move changes nothing");
    assert_eq!(status(&h, from), Status::Active);
}

#[test]
fn move_wizard_buys_a_central_subscription_with_the_move_at_the_one_yes() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);
    h.keys("m<Enter>b");
    let users = wizard(&h).users;
    assert_eq!(bought(&h).quantity, users, "sized for its users");
    // The purchase is part of the plan: Esc from the confirmation leaves the tenant untouched.
    h.keys("<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    h.keys("<Esc><Esc><Esc><Esc>");
    assert!(h.app.dialog.is_none());
    assert_eq!(fingerprint(&h), before, "nothing bought before the yes");
    h.keys("m<Enter>b<Enter>y");
    let done = wizard(&h).result.clone().expect("done").expect("moved");
    let Some(ProvisionView::Bought(b)) = &done.provision else {
        panic!("a purchase with the move: {:?}", done.provision);
    };
    assert_eq!(
        done.to_id, b.id,
        "the users went to the subscription bought"
    );
    assert!(h
        .app
        .message
        .as_ref()
        .is_some_and(|m| m.text.starts_with("Bought")));
    assert_eq!(status(&h, from), Status::Deleted);
    check_is_clean(&h);
}

#[test]
fn a_central_target_without_room_gets_its_missing_licenses_with_the_move() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    // A central subscription of one license: too small for the users, but licenses can be added.
    let product = selfserve_core::model::ProductId(PRO.into());
    let (now, term) = (h.app.now, selfserve_core::model::Term::Monthly);
    selfserve_core::ops::buy::buy_central(&h.store, &h.actor, &product, 1, term, now, false)
        .expect("a small central subscription");
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter>");
    let Some(at) = wizard(&h)
        .targets
        .ready()
        .expect("targets")
        .iter()
        .position(|t| t.addable)
    else {
        panic!("the demo has a central target without room");
    };
    to_target(&mut h, at);
    h.keys("<Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Review);
    let plan = wizard(&h).plan.ready().expect("plan").clone();
    assert!(
        matches!(plan.provision, Some(ProvisionView::Added { .. })),
        "{:?}",
        plan.provision
    );
    assert_eq!(plan.to_free_after, 0, "just enough added");
    h.keys("<Enter>y");
    assert!(wizard(&h).result.clone().expect("done").is_ok());
    assert_eq!(status(&h, from), Status::Deleted);
    check_is_clean(&h);
}

/// The purchase the wizard's plan makes, at step 3.
fn bought(h: &Harness) -> BuyView {
    match wizard(h).plan.ready().and_then(|p| p.provision.clone()) {
        Some(ProvisionView::Bought(b)) => b,
        other => panic!("no purchase planned: {other:?}"),
    }
}

#[test]
fn move_progress_shows_while_the_move_runs_and_keys_stay_answered() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter><Enter><Enter>");
    // The yes hands the move to the blocking pool; here it is held back to look at the screen.
    let fx = h.app.update(Action::Dialog(DialogKey::Yes));
    assert_eq!(fx.len(), 1);
    assert_eq!(wizard(&h).step, MoveStep::Working);
    let (clock, now) = (h.app.clock.clone(), h.app.now);
    h.act(Action::Tick { clock, now });
    assert!(h.app.dirty, "a tick redraws the progress");
    assert_eq!(wizard(&h).ticks, 1);
    h.keys("<Esc>");
    assert_eq!(wizard(&h).step, MoveStep::Working, "Esc cannot stop it");
    assert!(h.render().contains("Moving"));
    h.run(fx);
    assert_eq!(wizard(&h).step, MoveStep::Done);
}

#[test]
fn cancel_dialog_asks_why_and_if_sure_then_cancels() {
    let mut h = Harness::new(80, 24);
    let (sub, _) = movable(&h);
    let users = h.store.assignments_of(sub).expect("users").len();
    to_sub(&mut h, PRO, sub);
    let before = fingerprint(&h);
    let dialog = |h: &Harness| match h.app.dialog_as::<CancelDialog>() {
        Some(d) => d.clone(),
        None => panic!("no cancel dialog: {:?}", h.app.dialog),
    };
    h.keys("c");
    assert_eq!(dialog(&h).step, CancelStep::Reason);
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());
    h.keys("cj<Enter>");
    let d = dialog(&h);
    assert_eq!(d.step, CancelStep::Confirm);
    let plan = d.plan.ready().expect("plan");
    assert_eq!(plan.reason, CancelReason::BoughtByMistake);
    assert_eq!(plan.users.len(), users);
    assert!(h.render().contains("Are you sure you want to cancel?"));
    h.keys("<Esc>");
    assert_eq!(dialog(&h).step, CancelStep::Reason);
    h.keys("<Esc>");
    assert_eq!(fingerprint(&h), before, "nothing changed before a yes");

    h.keys("cjj<Enter>y");
    let d = dialog(&h);
    assert_eq!(d.step, CancelStep::Done);
    assert!(d.result.expect("done").is_ok());
    let s = h.store.subscription(sub).expect("read").expect("exists");
    assert_eq!(s.status, Status::Deleted);
    assert_eq!(s.cancellation, Some(CancelReason::MovingToCentral));
    assert!(h.store.assignments_of(sub).expect("users").is_empty());
    check_is_clean(&h);
    assert!(h
        .app
        .message
        .as_ref()
        .is_some_and(|m| m.text.starts_with("Cancelled")));
    // Cancelling it again says it is Deleted before asking any reason.
    h.keys("<Enter>c");
    assert!(h.app.dialog.is_none());
    let message = h.app.message.clone().expect("a message");
    assert!(
        message.error && message.text.contains("is Deleted already"),
        "{message:?}"
    );
}

#[test]
fn centralise_uses_the_central_licenses_owned_then_does_it() {
    let mut h = Harness::new(80, 24);
    let filter = SubscriptionFilter {
        self_service_only: true,
        product: Some(selfserve_core::model::ProductId(PRO.into())),
        ..SubscriptionFilter::default()
    };
    let live: Vec<_> = query::subscription_rows(&h.store, &h.actor, &filter, h.app.now)
        .expect("rows")
        .into_iter()
        .filter(|r| r.status != Status::Deleted)
        .collect();
    let users: u32 = live.iter().map(|r| r.assigned).sum();
    to_product(&mut h, PRO);
    let before = fingerprint(&h);
    h.keys("C");
    let d = match h.app.dialog_as::<CentraliseDialog>() {
        Some(d) => d.clone(),
        None => panic!("no centralise dialog: {:?}", h.app.dialog),
    };
    assert_eq!(d.step, CentraliseStep::Review);
    let plan = d.plan.ready().expect("plan");
    assert_eq!(plan.users_moved, users);
    // Power BI Pro has a central subscription already: its free licenses are reused and the
    // missing ones added to it; nothing is bought.
    use crate::tui::dialogs::centralise::Source;
    let licenses: u32 = plan
        .sources
        .iter()
        .map(|s| match s {
            Source::Reused { licenses, .. } | Source::Added { licenses, .. } => *licenses,
            Source::Bought(b) => b.quantity,
        })
        .sum();
    assert_eq!(licenses, users - plan.users_already_central);
    assert!(
        matches!(plan.sources.first(), Some(Source::Reused { .. })),
        "{:?}",
        plan.sources
    );
    assert!(
        !plan.sources.iter().any(|s| matches!(s, Source::Bought(_))),
        "{:?}",
        plan.sources
    );
    assert_eq!(plan.moves.len(), live.len());
    assert_eq!(plan.emails.len(), live.len(), "each buyer e-mailed");
    h.keys("<Enter><Esc><Esc>");
    assert!(h.app.dialog.is_none());
    assert_eq!(fingerprint(&h), before, "nothing changed before a yes");

    h.keys("C<Enter>y");
    match h.app.dialog_as::<CentraliseDialog>() {
        Some(d) => {
            assert_eq!(d.step, CentraliseStep::Done);
            assert!(d.result.clone().expect("done").is_ok());
        }
        None => panic!("no centralise dialog: {:?}", h.app.dialog),
    }
    for r in &live {
        assert_eq!(status(&h, r.id), Status::Deleted);
    }
    check_is_clean(&h);
}

#[test]
fn readers_and_readonly_never_see_the_dialog_keys() {
    let mut h = Harness::with(80, 24, true);
    h.keys("<Enter>mc1C");
    assert!(h.app.dialog.is_none());
    h.keys("2?");
    let help = whole_help(&mut h);
    assert!(help.contains("Not available"), "{help}");
    let mut h = Harness::new(80, 24);
    h.app.session.role = Role::GlobalReader;
    h.keys("<Enter>mc1C");
    assert!(h.app.dialog.is_none());
    let withheld: Vec<_> = keymap::withheld(Screen::Subscriptions, &h.app.session)
        .map(|(b, why)| (b.label, why))
        .collect();
    assert!(withheld
        .iter()
        .any(|(l, why)| *l == "m" && why.contains("BillingAdministrator")));
}

#[test]
fn dialogs_never_panic_at_any_size() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    for keys in [
        "m",
        "<Enter>",
        "b",
        "<Esc><Enter>",
        "<Enter>",
        "<Esc><Esc><Esc><Esc>c",
        "<Enter>",
    ] {
        h.keys(keys);
        for (w, ht) in [
            (80, 24),
            (81, 25),
            (100, 30),
            (120, 40),
            (300, 100),
            (79, 24),
            (1, 1),
        ] {
            h.resize(w, ht);
            let screen = h.render();
            assert!(!screen.contains('\u{1b}'));
        }
        h.resize(80, 24);
    }
}

#[test]
fn snapshot_move_wizard() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m");
    snap(&mut h, "move_1_take_over");
    h.keys("<Enter>");
    snap(&mut h, "move_2_targets");
    h.keys("b");
    snap(&mut h, "move_2_buy");
    h.keys("<Esc><Enter>");
    snap(&mut h, "move_3_review");
    h.keys("<Enter>");
    snap(&mut h, "move_4_confirm");
    let fx = h.app.update(Action::Dialog(DialogKey::Yes));
    snap(&mut h, "move_5_progress");
    h.run(fx);
    snap(&mut h, "move_6_result");
}

#[test]
fn snapshot_move_refused() {
    let mut h = Harness::new(80, 24);
    let (from, to) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter><Enter><Enter>");
    let now = h.app.now;
    selfserve_core::ops::cancel::cancel(&h.store, &h.actor, to, CancelReason::Other, now, false)
        .expect("cancel the target meanwhile");
    h.keys("y");
    snap(&mut h, "move_6_refused");
}

#[test]
fn snapshot_cancel_dialog() {
    let mut h = Harness::new(80, 24);
    let (sub, _) = movable(&h);
    to_sub(&mut h, PRO, sub);
    h.keys("cj");
    snap(&mut h, "cancel_reason");
    h.keys("<Enter>");
    snap(&mut h, "cancel_confirm");
    h.keys("y");
    snap(&mut h, "cancel_result");
}

#[test]
fn snapshot_centralise_review() {
    let mut h = Harness::new(80, 24);
    to_product(&mut h, PRO);
    h.keys("C");
    snap(&mut h, "centralise_review");
    h.keys("<Enter>");
    snap(&mut h, "centralise_confirm");
}

#[test]
fn keys_typed_ahead_of_the_plans_never_reach_a_yes() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);
    // Every key arrives before any dry run is back, as a fast typist's would.
    let mut fx = h.app.update(Action::OpenDialog(move_wizard::open));
    for _ in 0..3 {
        fx.extend(h.app.update(Action::Dialog(DialogKey::Next)));
    }
    assert_eq!(wizard(&h).step, MoveStep::Targets);
    assert!(wizard(&h).note.is_some(), "it says what it is waiting for");
    fx.extend(h.app.update(Action::Dialog(DialogKey::Yes)));
    h.run(fx);
    assert_eq!(wizard(&h).step, MoveStep::Targets);
    assert_eq!(fingerprint(&h), before);
}

#[test]
fn step_one_says_who_took_it_over_already() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    let now = h.app.now;
    take_over::take_over(&h.store, &h.actor, from, now, false).expect("take over");
    to_sub(&mut h, PRO, from);
    h.keys("m");
    assert!(matches!(
        &wizard(&h).take_over,
        Load::Ready(i) if i.already.as_ref().is_some_and(|(by, _)| by == "adele.vance@contoso.example")
    ));
    assert!(h
        .render()
        .contains("Already taken over by adele.vance@contoso.example on 2026-11-23."));
    h.keys("<Enter><Enter>");
    assert!(!wizard(&h).plan.ready().expect("plan").takes_over);
}

#[test]
fn t_plans_the_purchase_again_for_the_other_term() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter>b");
    let annual = bought(&h);
    assert_eq!(annual.term, selfserve_core::model::Term::Annual);
    h.keys("t");
    let monthly = bought(&h);
    assert_eq!(monthly.term, selfserve_core::model::Term::Monthly);
    assert_eq!(monthly.quantity, annual.quantity);
    assert_ne!(monthly.cost, annual.cost);
    h.keys("<Esc><Esc><Esc>1");
    to_product(&mut h, PRO);
    h.keys("Ct");
    match h.app.dialog_as::<CentraliseDialog>() {
        Some(d) => assert_eq!(d.term, selfserve_core::model::Term::Monthly),
        None => panic!("no centralise dialog: {:?}", h.app.dialog),
    }
}

#[test]
fn snapshot_move_target_without_room() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter>");
    let at = wizard(&h)
        .targets
        .ready()
        .expect("targets")
        .iter()
        .position(|t| t.missing > 0)
        .expect("a target without room");
    to_target(&mut h, at);
    h.keys("<Enter>");
    snap(&mut h, "move_2_target_without_room");
    h.app.session.theme.ascii = true;
    h.resize(80, 24);
    insta::assert_snapshot!("move_2_target_without_room_ascii_80x24", h.render());
}

#[test]
fn hostile_text_is_never_drawn_raw() {
    let mut h = Harness::new(160, 48);
    // The demo's user with an escape sequence and a bell in her name, on the smallest
    // subscription that licenses her, so the users pane shows her.
    let rows = query::subscription_rows(
        &h.store,
        &h.actor,
        &SubscriptionFilter::default(),
        h.app.now,
    )
    .expect("rows");
    let (product, sub) = rows
        .iter()
        .filter(|r| {
            query::users_by_buyer(&h.store, &h.actor, &[r.id])
                .expect("users")
                .iter()
                .flat_map(|g| &g.users)
                .any(|u| u.display_name.contains("Mallory"))
        })
        .min_by_key(|r| r.assigned)
        .map(|r| (r.product_id.0.clone(), r.id))
        .expect("the demo licenses its hostile user");
    to_sub(&mut h, &product, sub);
    let screen = h.render();
    assert!(!screen.contains('\u{1b}'));
    assert!(!screen.contains('\u{7}'));
    // The terminal drops a bare ESC by itself; what the sanitizer adds is that the sequence's
    // printable rest goes too, and the name around it stays.
    assert!(!screen.contains("[31m"), "{screen}");
    assert!(!screen.contains("[0m"), "{screen}");
    assert!(screen.contains("Mallory Red Tables"), "{screen}");
}

#[test]
fn enter_on_every_confirmation_page_changes_nothing() {
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    let policies = |h: &Harness| format!("{:?}", query::policy_rows(&h.store, &h.actor));
    let before = (fingerprint(&h), policies(&h));
    let unchanged = |h: &Harness, page: &str| {
        assert_eq!((fingerprint(h), policies(h)), before, "Enter on {page}");
    };
    // The move wizard's confirmation.
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter><Enter><Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    h.keys("<Enter><Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);
    unchanged(&h, "the move's confirmation");
    h.keys("<Esc><Esc><Esc><Esc>");
    // The cancel dialog's.
    h.keys("c<Enter>");
    let cancel = |h: &Harness| h.app.dialog_as::<CancelDialog>().map(|d| d.step);
    assert_eq!(cancel(&h), Some(CancelStep::Confirm));
    h.keys("<Enter><Enter>");
    assert_eq!(cancel(&h), Some(CancelStep::Confirm));
    unchanged(&h, "the cancellation's confirmation");
    h.keys("<Esc><Esc>");
    // Centralise's.
    h.keys("1");
    to_product(&mut h, PRO);
    h.keys("C<Enter>");
    let centralise = |h: &Harness| h.app.dialog_as::<CentraliseDialog>().map(|d| d.step);
    assert_eq!(centralise(&h), Some(CentraliseStep::Confirm));
    h.keys("<Enter><Enter>");
    assert_eq!(centralise(&h), Some(CentraliseStep::Confirm));
    unchanged(&h, "centralise's confirmation");
    h.keys("<Esc><Esc>");
    // Every product's policy at once: `a`, a value, Enter asks, and Enter again does nothing.
    h.keys("3ajjj<Enter>");
    let asking = |h: &Harness| {
        h.app
            .dialog_as::<crate::tui::dialogs::policy_panel::PolicyPanel>()
            .and_then(|p| p.asking.clone())
    };
    assert!(asking(&h).is_some());
    h.keys("<Enter><Enter>");
    assert!(asking(&h).is_some(), "still asking");
    unchanged(&h, "the policies' question");
    h.keys("<Esc><Esc>");
    // Replacing an export file.
    let path = h.dir.path().join("users.csv");
    std::fs::write(&path, "keep me").expect("a file to replace");
    h.app.export.path = path.display().to_string();
    h.keys("4<Space>w");
    assert!(h
        .app
        .dialog_as::<crate::tui::dialogs::question::Question>()
        .is_some());
    h.keys("<Enter><Enter>");
    assert!(h
        .app
        .dialog_as::<crate::tui::dialogs::question::Question>()
        .is_some());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
    unchanged(&h, "the export's question");
}

#[test]
fn t_takes_a_subscription_over_after_its_dry_run() {
    use crate::tui::dialogs::one_write::WriteStep;
    use crate::tui::dialogs::take_over::TakeOverDialog;
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);
    let step = |h: &Harness| h.app.dialog_as::<TakeOverDialog>().map(|d| d.step);
    h.keys("t");
    assert_eq!(step(&h), Some(WriteStep::Review));
    snap(&mut h, "take_over_review");
    h.keys("<Enter><Esc>");
    assert!(h.app.dialog.is_none());
    assert_eq!(fingerprint(&h), before, "Enter and Esc change nothing");
    h.keys("ty");
    assert_eq!(step(&h), Some(WriteStep::Done));
    snap(&mut h, "take_over_done");
    let s = h.store.subscription(from).expect("read").expect("exists");
    assert!(s.taken_over.is_some(), "taken over in the store");
    let message = h.app.message.clone().expect("a message").text;
    assert!(message.starts_with("Took over"), "{message}");
    // A second time there is nothing to do, and y does nothing.
    h.keys("<Enter>ty");
    assert_eq!(step(&h), Some(WriteStep::Review));
    let after = fingerprint(&h);
    assert!(h
        .render()
        .contains("Already taken over by adele.vance@contoso.example"));
    h.keys("<Esc>");
    assert_eq!(fingerprint(&h), after);
    check_is_clean(&h);
}

#[test]
fn a_user_paid_twice_is_marked_in_the_users_pane_and_counted_on_the_product_row() {
    let mut h = Harness::new(160, 48);
    let (from, central) = movable(&h);
    // The article's manual centralisation: a central license beside the self-service one.
    let now = h.app.now;
    let user = h.store.assignments_of(from).expect("users")[0].user;
    selfserve_core::ops::assign::assign(&h.store, &h.actor, central, &[user], now, false)
        .expect("a central license too");
    let mut fx = Vec::new();
    h.app.reload(&mut fx);
    h.run(fx);
    let row = h
        .app
        .products
        .list
        .items()
        .iter()
        .find(|p| p.id.0 == PRO)
        .expect("Power BI Pro")
        .clone();
    assert_eq!(row.paid_twice, 1);
    to_sub(&mut h, PRO, from);
    let twice: Vec<bool> = h
        .app
        .users
        .list
        .items()
        .iter()
        .filter_map(|l| match l {
            UserLine::User(u) => Some(u.paid_twice),
            UserLine::Heading { .. } => None,
        })
        .collect();
    assert_eq!(twice.iter().filter(|t| **t).count(), 1, "{twice:?}");
    assert!(h.render().contains("twice"));
}

#[test]
fn r_asks_the_buyer_to_cancel_by_e_mail_after_its_dry_run() {
    use crate::tui::dialogs::ask_cancel::AskCancelDialog;
    use crate::tui::dialogs::one_write::WriteStep;
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    to_sub(&mut h, PRO, from);
    let before = fingerprint(&h);
    let step = |h: &Harness| h.app.dialog_as::<AskCancelDialog>().map(|d| d.step);
    h.keys("r");
    assert_eq!(step(&h), Some(WriteStep::Review));
    snap(&mut h, "ask_cancel_review");
    h.keys("<Enter><Esc>");
    assert_eq!(fingerprint(&h), before, "Enter and Esc send nothing");
    h.keys("ry");
    assert_eq!(step(&h), Some(WriteStep::Done));
    let outbox = query::outbox_emails(&h.store, &h.actor, 10).expect("outbox");
    assert_eq!(outbox.len(), 1, "one e-mail to the buyer");
    assert_eq!(
        status(&h, from),
        Status::Active,
        "the subscription does not change"
    );
    check_is_clean(&h);
}

#[test]
fn marked_users_lose_their_licenses_after_the_dry_run_and_y() {
    use crate::tui::dialogs::one_write::WriteStep;
    use crate::tui::dialogs::unassign::UnassignDialog;
    let mut h = Harness::new(80, 24);
    let (from, _) = movable(&h);
    let before_users = h.store.assignments_of(from).expect("users").len();
    assert!(before_users >= 2, "the demo's subscription has two users");
    to_sub(&mut h, PRO, from);
    // Not taken over yet: the core refuses, in its words, and nothing changes.
    h.keys("<Tab><Space>u");
    let d = h
        .app
        .dialog_as::<UnassignDialog>()
        .expect("the dialog")
        .clone();
    assert!(
        matches!(&d.plan, Load::Failed(e) if e.contains("take")),
        "{:?}",
        d.plan
    );
    h.keys("<Esc>");
    let now = h.app.now;
    take_over::take_over(&h.store, &h.actor, from, now, false).expect("take over");
    let mut fx = Vec::new();
    h.app.reload(&mut fx);
    h.run(fx);
    assert_eq!(h.app.focus, Focus::Users, "still in the users pane");
    // The first line is the buyer's heading.
    h.keys("gj<Space><Space>");
    assert_eq!(h.app.marked_users.len(), 2);
    h.keys("u");
    let d = h
        .app
        .dialog_as::<UnassignDialog>()
        .expect("the dialog")
        .clone();
    assert_eq!(d.plan.ready().expect("plan").users.len(), 2);
    snap(&mut h, "unassign_review");
    let before = fingerprint(&h);
    h.keys("<Enter><Esc>");
    assert_eq!(fingerprint(&h), before, "Enter and Esc change nothing");
    h.keys("uy");
    let step = h.app.dialog_as::<UnassignDialog>().map(|d| d.step);
    assert_eq!(step, Some(WriteStep::Done));
    assert_eq!(
        h.store.assignments_of(from).expect("users").len(),
        before_users - 2
    );
    assert!(h.app.marked_users.is_empty(), "marks go with the change");
    check_is_clean(&h);
}

#[test]
fn a_searches_the_directory_picks_users_and_assigns_them_after_the_dry_run() {
    use crate::tui::dialogs::assign::{AssignDialog, AssignStep};
    let mut h = Harness::new(80, 24);
    let (_, central) = movable(&h);
    to_sub(&mut h, PRO, central);
    let before = h.store.assignments_of(central).expect("users").len();
    let dialog = |h: &Harness| {
        h.app
            .dialog_as::<AssignDialog>()
            .expect("the picker")
            .clone()
    };
    h.keys("A");
    assert_eq!(dialog(&h).step, AssignStep::Pick);
    // Letters are text here: "zoe" searches; j, e and the others do not act as keys.
    h.keys("zoe");
    let d = dialog(&h);
    assert_eq!(d.query, "zoe");
    let found = d.found.ready().expect("results").clone();
    assert!(
        !found.is_empty(),
        "Zoé and Zoë are found without their accents"
    );
    h.keys("<Enter><Down><Enter>");
    assert_eq!(dialog(&h).picked.len(), found.len().min(2));
    snap(&mut h, "assign_pick");
    h.keys("<Tab>");
    assert_eq!(dialog(&h).step, AssignStep::Review);
    let plan = dialog(&h).plan.ready().expect("plan").clone();
    assert_eq!(plan.users.len(), found.len().min(2));
    h.keys("<Enter><Esc><Esc>");
    assert!(h.app.dialog.is_none());
    assert_eq!(
        h.store.assignments_of(central).expect("users").len(),
        before
    );
    h.keys("Azoe<Enter><Tab>y");
    assert_eq!(dialog(&h).step, AssignStep::Done);
    assert_eq!(
        h.store.assignments_of(central).expect("users").len(),
        before + 1
    );
    check_is_clean(&h);
}

#[test]
fn another_admins_change_reloads_under_an_open_dialog_whose_stale_plan_is_then_refused() {
    use selfserve_core::api::{dispatch, Change, Request};
    use selfserve_server::protocol::Notice;

    let mut h = Harness::new(80, 24);
    let (from, to) = movable(&h);
    to_sub(&mut h, PRO, from);
    h.keys("m<Enter>");
    let targets = wizard(&h).targets.ready().expect("targets").clone();
    let at = targets.iter().position(|t| t.id == to).expect("listed");
    to_target(&mut h, at);
    h.keys("<Enter><Enter>");
    assert_eq!(wizard(&h).step, MoveStep::Confirm);

    // Another administrator cancels the target through the server, which says so.
    let billing = h.store.actor("billing").expect("billing");
    let cancel = Request::Cancel {
        sub: to,
        reason: CancelReason::Other,
        now: h.app.now,
        dry_run: false,
    };
    dispatch(&h.store, &billing, cancel.clone(), &AtomicU64::new(0)).expect("cancelled");
    let revision = h.store.revision().expect("revision");
    let change = Change::of(&cancel, &billing, revision, h.app.now).expect("a change");
    h.act(Action::Notice(Notice::Changed {
        change,
        connection: 2,
    }));

    let said = h.app.message.clone().expect("a message").text;
    let short = &to.to_string()[..8];
    assert!(
        said.contains(&format!(
            "{} cancelled: subscription {short}",
            billing.user.upn
        )),
        "{said}"
    );
    assert!(said.contains(&format!("revision {revision}")), "{said}");
    let shown = h.app.subs.list.items().iter().find(|r| r.id == to);
    assert_eq!(
        shown.map(|r| r.status),
        Some(Status::Deleted),
        "read again without a key"
    );
    assert_eq!(wizard(&h).step, MoveStep::Confirm, "the dialog stays open");

    let before = fingerprint(&h);
    h.keys("y");
    let err = wizard(&h)
        .result
        .clone()
        .expect("done")
        .expect_err("refused");
    assert!(err.contains("Deleted"), "{err}");
    assert_eq!(fingerprint(&h), before, "a refused move changes nothing");
}

#[test]
fn falling_behind_the_notices_reads_everything_again_and_losing_them_says_why() {
    use selfserve_server::protocol::Notice;

    let mut h = Harness::new(80, 24);
    h.act(Action::Notice(Notice::Reload { missed: 12 }));
    let said = h.app.message.clone().expect("a message");
    assert!(
        said.text.starts_with("12 changes by others"),
        "{}",
        said.text
    );
    assert_eq!(h.app.products.state, LoadState::Ready);

    // Losing them means the server went away: the dashboard ends and says why (exit 5).
    h.act(Action::NoticesLost("the server went away".into()));
    assert!(h.app.quit);
    assert_eq!(h.app.gone.as_deref(), Some("the server went away"));
}
