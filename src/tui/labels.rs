//! The dashboard's fixed words in each language: column headers, field labels, the words of
//! statuses, origins and terms. Each is looked up in the catalogue once per language and kept
//! for the rest of the run: a frame draws dozens of them, some on every row, and Fluent builds
//! a new string each time it is asked. Sentences with values go through `Lang::tr` as usual.

use crate::i18n::Lang;
use selfserve_core::model::{Origin, Role, Status, Term};
use selfserve_core::ops::lifecycle::Step;
use selfserve_core::Capability;
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

type Cache = RwLock<HashMap<(Lang, &'static str), &'static str>>;

/// The message `id` in `lang`, from the cache after the first time. The ids are the code's
/// own constants, so the cache holds a few hundred short strings at most.
pub fn word(lang: Lang, id: &'static str) -> &'static str {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Cache::default);
    if let Some(w) = cache
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(lang, id))
    {
        return w;
    }
    let text: &'static str = Box::leak(lang.t(id).into_boxed_str());
    let mut map = cache.write().unwrap_or_else(|e| e.into_inner());
    // Another thread may have put it there meanwhile: keep the first, so each id has one string.
    match map.get(&(lang, id)) {
        Some(&w) => w,
        None => {
            map.insert((lang, id), text);
            text
        }
    }
}

/// The widest of these words in `lang`, in display columns: what a column of them needs.
pub fn widest(lang: Lang, ids: &[&'static str]) -> u16 {
    ids.iter()
        .map(|id| crate::text::width(word(lang, id)) as u16)
        .max()
        .unwrap_or(0)
}

/// A subscription's status as the admin center shows it (« Actif », « Supprimé »…).
pub fn status(lang: Lang, s: Status) -> &'static str {
    word(lang, status_id(s))
}

pub const STATUS_IDS: [&str; 4] = [
    "word-status-active",
    "word-status-expired",
    "word-status-disabled",
    "word-status-deleted",
];

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Active => STATUS_IDS[0],
        Status::Expired => STATUS_IDS[1],
        Status::Disabled => STATUS_IDS[2],
        Status::Deleted => STATUS_IDS[3],
    }
}

/// The short word of a subscription's origin, for tables: purchase, trial, central.
pub fn origin(lang: Lang, o: Origin) -> &'static str {
    word(lang, origin_id(o))
}

pub const ORIGIN_IDS: [&str; 3] = [
    "word-origin-purchase",
    "word-origin-trial",
    "word-origin-central",
];

fn origin_id(o: Origin) -> &'static str {
    match o {
        Origin::SelfServicePurchase => ORIGIN_IDS[0],
        Origin::SelfServiceTrial => ORIGIN_IDS[1],
        Origin::Central => ORIGIN_IDS[2],
    }
}

/// The whole words of a subscription's origin, for the detail pane.
pub fn origin_long(lang: Lang, o: Origin) -> &'static str {
    word(
        lang,
        match o {
            Origin::SelfServicePurchase => "word-origin-purchase-long",
            Origin::SelfServiceTrial => "word-origin-trial-long",
            Origin::Central => "word-origin-central-long",
        },
    )
}

/// How often a subscription is billed: annual, monthly.
pub fn term(lang: Lang, t: Term) -> &'static str {
    word(
        lang,
        match t {
            Term::Annual => "word-term-annual",
            Term::Monthly => "word-term-monthly",
        },
    )
}

/// A lifecycle step, as a past participle: renewed, expired…
pub fn step(lang: Lang, s: Step) -> &'static str {
    word(
        lang,
        match s {
            Step::Renewed => "word-step-renewed",
            Step::Converted => "word-step-converted",
            Step::Expired => "word-step-expired",
            Step::Disabled => "word-step-disabled",
            Step::Deleted => "word-step-deleted",
        },
    )
}

/// An administrator role in full: the module's name in English, the admin center's in French.
pub fn role(lang: Lang, r: Role) -> &'static str {
    word(
        lang,
        match r {
            Role::GlobalAdministrator => "role-global-admin",
            Role::BillingAdministrator => "role-billing-admin",
            Role::GlobalReader => "role-global-reader",
        },
    )
}

/// The roles that have a capability, in words.
pub fn needs(lang: Lang, c: Capability) -> &'static str {
    word(
        lang,
        match c {
            Capability::Read => "role-needs-read",
            Capability::ManageSubscriptions => "role-needs-subscriptions",
            Capability::ManagePolicies => "role-needs-policies",
        },
    )
}

/// Yes or no, as a detail pane answers.
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    word(lang, if yes { "word-yes" } else { "word-no" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_from_the_catalogue_once_and_stay() {
        let first = word(Lang::Fr, "word-status-deleted");
        assert_eq!(first, "Supprimé");
        assert!(std::ptr::eq(first, word(Lang::Fr, "word-status-deleted")));
        assert_eq!(word(Lang::En, "word-status-deleted"), "Deleted");
        assert_eq!(status(Lang::Fr, Status::Active), "Actif");
        assert_eq!(widest(Lang::Fr, &STATUS_IDS), 9, "« Désactivé »");
    }
}
