//! Every write is one function here: it checks the actor's role (and that the actor is not
//! read-only, except for a dry run) and the rules, then does
//! everything (the change, the indexes, the audit event, the e-mails) in one `Store::transact`.
//! The take-over operations and the lifecycle have a dry run that returns exactly what they
//! would change without changing anything.

pub mod add_licenses;
pub mod ask_cancel;
pub mod assign;
pub mod buy;
pub mod cancel;
pub mod centralise;
pub mod move_provisioned;
pub mod move_users;
pub mod take_over;

pub mod admin;
pub mod apply_policy;
pub mod delivery;
pub mod lifecycle;
pub mod review_policy;
pub mod set_language;
pub mod set_offer_policy;
pub mod set_policy;
pub mod set_policy_default;
pub mod set_purchase_notice;
pub mod storefront;
pub mod update_catalogue;
