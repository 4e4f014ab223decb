//! The dispatcher: each request calls the one query or operation that answers it. Every rule and
//! role check stays in those functions; this only maps values in and out.

use super::request::Request;
use super::response::{Response, SessionInfo};
use crate::access::Actor;
use crate::directory;
use crate::error::Result;
use crate::i18n::Lang;
use crate::ops::{
    add_licenses, admin, apply_policy, ask_cancel, assign, buy, cancel, centralise, delivery,
    lifecycle, move_provisioned, move_users, review_policy, set_language, set_offer_policy,
    set_policy, set_policy_default, set_purchase_notice, storefront, take_over, update_catalogue,
};
use crate::store::Store;
use crate::{backup, check, export, import, orphans, policy, query};
use std::sync::atomic::AtomicU64;
use std::time::Instant;

/// Answers `request` as `actor`. Long reads (the check) add the records they read to
/// `progress`, so a watchdog can tell a slow request from a stuck one.
///
/// Every request passes here, in-process or in a server, so this is where the log hears of
/// it: each write and each refusal at `info`/`warn`, each read at `debug`. The fields are for
/// machines (grep, a log shipper); the reason is the error's English line.
pub fn dispatch(
    store: &Store,
    actor: &Actor,
    request: Request,
    progress: &AtomicU64,
) -> Result<Response> {
    let name = request.name();
    let writes = request.writes();
    let started = Instant::now();
    let answer = answer(store, actor, request, progress);
    let ms = started.elapsed().as_millis() as u64;
    let login = actor.admin.login.as_str();
    let upn = actor.user.upn.as_str();
    match &answer {
        Ok(_) if writes => {
            tracing::info!(login, upn, request = name, outcome = "done", ms, "write")
        }
        Ok(_) => tracing::debug!(login, upn, request = name, outcome = "done", ms, "read"),
        Err(e) => tracing::warn!(
            login,
            upn,
            request = name,
            outcome = e.kind(),
            exit = e.exit_code(),
            reason = ?e.in_lang(Lang::En),
            ms,
            "refused"
        ),
    }
    answer
}

fn answer(
    store: &Store,
    actor: &Actor,
    request: Request,
    progress: &AtomicU64,
) -> Result<Response> {
    use Request as Q;
    use Response as R;
    Ok(match request {
        Q::Session => R::Session(SessionInfo {
            login: actor.admin.login.clone(),
            user_principal_name: actor.user.upn.clone(),
            display_name: actor.user.display_name.clone(),
            role: actor.role(),
            read_only: actor.is_read_only(),
            tenant: store.tenant().clone(),
            language: store.language()?,
            purchase_notice: store.purchase_notice()?,
        }),
        Q::ProductRows { self_service, now } => {
            R::Products(query::product_rows(store, actor, self_service, now)?)
        }
        Q::ProductBuyers => R::ProductBuyers(query::product_buyers(store, actor)?),
        Q::SubscriptionRows { filter, now } => {
            R::Subscriptions(query::subscription_rows(store, actor, &filter, now)?)
        }
        Q::SubscriptionDetail { sub, now } => {
            R::SubscriptionDetail(query::subscription_detail(store, actor, &sub, now)?)
        }
        Q::ResolveSubscription { sub } => R::Subscription(store.resolve_subscription(&sub)?),
        Q::UsersByUpn { upns } => R::Users(
            upns.iter()
                .map(|upn| store.user_by_upn(upn))
                .collect::<Result<_>>()?,
        ),
        Q::UsersByBuyer { subs } => R::BuyerGroups(query::users_by_buyer(store, actor, &subs)?),
        Q::MoveTargets { from } => R::MoveTargets(move_users::move_targets(store, actor, from)?),
        Q::PolicyRows => R::Policies(query::policy_rows(store, actor)?),
        Q::PolicyRow { product } => R::Policy(query::policy_row(store, actor, &product)?),
        Q::AdminRows => R::Admins(query::admin_rows(store, actor)?),
        Q::AuditEvents { limit } => R::Audit(query::audit_events(store, actor, limit)?),
        Q::OutboxEmails { limit } => R::Outbox(query::outbox_emails(store, actor, limit)?),
        Q::Export { selection, now } => R::Export(export::export(store, actor, &selection, now)?),
        Q::Check => R::Check(check::check(store, actor, progress)?),
        Q::LifecyclePreview { until } => R::Lifecycle(lifecycle::preview(store, actor, until)?),
        Q::LifecycleRun { now, until } => R::Lifecycle(lifecycle::run(store, actor, now, until)?),
        Q::TakeOver { sub, now, dry_run } => {
            R::TakeOver(take_over::take_over(store, actor, sub, now, dry_run)?)
        }
        Q::MoveUsers {
            from,
            to,
            now,
            dry_run,
        } => R::Move(move_users::move_users(
            store, actor, from, to, now, dry_run,
        )?),
        Q::Cancel {
            sub,
            reason,
            now,
            dry_run,
        } => R::Cancel(cancel::cancel(store, actor, sub, reason, now, dry_run)?),
        Q::BuyCentral {
            product,
            quantity,
            term,
            now,
            dry_run,
        } => R::Buy(buy::buy_central(
            store, actor, &product, quantity, term, now, dry_run,
        )?),
        Q::Assign {
            sub,
            users,
            now,
            dry_run,
        } => R::Licenses(assign::assign(store, actor, sub, &users, now, dry_run)?),
        Q::Unassign {
            sub,
            users,
            now,
            dry_run,
        } => R::Licenses(assign::unassign(store, actor, sub, &users, now, dry_run)?),
        Q::SetPolicy { scope, value, now } => {
            R::PolicyChange(set_policy::set_policy(store, actor, &scope, value, now)?)
        }
        Q::AddAdmin { admin, now } => R::AdminChange(admin::add_admin(store, actor, &admin, now)?),
        Q::RemoveAdmin { login, now } => {
            R::AdminChange(admin::remove_admin(store, actor, &login, now)?)
        }
        Q::Purchase { purchase, now } => {
            R::Storefront(storefront::purchase(store, actor, &purchase, now)?)
        }
        Q::Trial { trial, now } => R::Storefront(storefront::trial(store, actor, &trial, now)?),
        Q::AddLicenses {
            sub,
            quantity,
            now,
            dry_run,
        } => R::AddLicenses(add_licenses::add_licenses(
            store, actor, sub, quantity, now, dry_run,
        )?),
        Q::AskCancel { sub, now, dry_run } => {
            R::AskCancel(ask_cancel::ask_cancel(store, actor, sub, now, dry_run)?)
        }
        Q::Centralise {
            product,
            term,
            now,
            dry_run,
        } => R::Centralise(centralise::centralise(
            store, actor, &product, term, now, dry_run,
        )?),
        Q::MoveUsersProvisioned {
            from,
            provision,
            now,
            dry_run,
        } => R::MoveProvisioned(move_provisioned::move_users_provisioned(
            store, actor, from, provision, now, dry_run,
        )?),
        Q::OutboxEmail { id } => R::Email(query::outbox_email(store, actor, id)?),
        Q::SearchUsers { query, limit } => {
            R::Users(directory::search_users(store, actor, &query, limit)?)
        }
        Q::SetLanguage { language, now } => {
            R::LanguageChange(set_language::set_language(store, actor, language, now)?)
        }
        Q::Import {
            kind,
            file,
            options,
            now,
        } => R::Import(import::import(
            store, actor, kind, &file, None, options, now,
        )?),
        Q::Backup { now } => R::Backup(backup::take(store, actor, now, progress)?),
        Q::OutboxDue { now, all_pending } => {
            R::Outbox(delivery::due(store, actor, now, all_pending)?)
        }
        Q::RecordDelivery { id, attempt, now } => {
            R::Email(delivery::record(store, actor, id, &attempt, now)?)
        }
        Q::Spend { now } => R::Spend(query::spend::spend(store, actor, now)?),
        Q::SetPurchaseNotice { on, now } => R::PurchaseNoticeChange(
            set_purchase_notice::set_purchase_notice(store, actor, on, now)?,
        ),
        Q::PolicyPlan { file } => R::PolicyPlan(policy::plan::plan(store, actor, &file)?),
        Q::PolicyApply { file, now } => {
            R::PolicyPlan(apply_policy::apply_policy(store, actor, &file, now)?)
        }
        Q::PolicyExport => R::PolicyExport(policy::plan::export(store, actor)?),
        Q::Governance => R::Governance(policy::review::governance(store, actor)?),
        Q::SetPolicyDefault { value, now } => R::PolicyDefault(
            set_policy_default::set_policy_default(store, actor, value, now)?,
        ),
        Q::AcceptReview { scope, now } => {
            R::Review(review_policy::accept(store, actor, &scope, now)?)
        }
        Q::Orphans { now } => R::Orphans(orphans::orphans(store, actor, now)?),
        Q::PolicyPreview { scope, value, now } => {
            R::PolicyPreview(policy::impact::preview(store, actor, &scope, value, now)?)
        }
        Q::SetOfferTypePolicy { offer, value, now } => R::OfferTypeChange(
            set_offer_policy::set_offer_policy(store, actor, offer, value, now)?,
        ),
        Q::UpdateCatalogue { file, dry_run, now } => R::Catalogue(
            update_catalogue::update_catalogue(store, actor, &file, dry_run, now)?,
        ),
        Q::ImportSubscriptions {
            file,
            prices,
            options,
            now,
        } => R::Import(import::import(
            store,
            actor,
            import::ImportKind::Subscriptions,
            &file,
            prices.as_ref(),
            options,
            now,
        )?),
        Q::TenantExport => R::TenantExport(import::tenant_export::tenant_export(store, actor)?),
    })
}
