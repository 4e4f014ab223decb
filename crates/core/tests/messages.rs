//! The core's errors and notices are catalogue messages, read in each person's language: a
//! refusal and a permission denial read in French, and no error site of the core builds its
//! sentence from a string (which would reach a French reader in English).

mod common;
mod ops_support;

use common::*;
use ops_support::*;
use selfserve_core::i18n::Lang;
use selfserve_core::model::{CancelReason, Origin, Status, Term};
use selfserve_core::ops::{buy, cancel, move_users, take_over};
use selfserve_core::Error;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn french<T: std::fmt::Debug>(r: Result<T, Error>) -> (Error, String) {
    let e = r.expect_err("expected an error");
    let fr = e.in_lang(Lang::Fr);
    (e, fr)
}

#[test]
fn a_move_refusal_reads_in_french_and_in_english() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let from = self_service_with_users(&t.store);
    let other_product = find(&t.store, "central subscription of another product", |s| {
        s.origin == Origin::Central && s.product_id != from.product_id && s.status == Status::Active
    });
    let (e, fr) = french(move_users::move_users(
        &t.store,
        &admin,
        from.id,
        other_product.id,
        now(),
        true,
    ));
    assert!(matches!(e, Error::Refused(_)), "{e:?}");
    assert!(e.to_string().contains("same product"), "{e}");
    assert!(fr.starts_with("l'abonnement "), "{fr}");
    assert!(
        fr.contains(" : les utilisateurs ne se déplacent que vers un abonnement du même produit ; `selfserve subscription list --product "),
        "{fr}"
    );

    // A Deleted target: the status reads as the admin center says it.
    let spare = buy::buy_central(
        &t.store,
        &t.actor(BILLING),
        &from.product_id,
        100,
        Term::Annual,
        now(),
        false,
    )
    .expect("buy")
    .plan
    .subscription
    .id;
    cancel::cancel(
        &t.store,
        &admin,
        spare,
        CancelReason::BoughtByMistake,
        now(),
        false,
    )
    .expect("cancel the spare central subscription");
    let (e, fr) = french(move_users::move_users(
        &t.store,
        &admin,
        from.id,
        spare,
        now(),
        true,
    ));
    assert!(
        e.to_string()
            .contains("is Deleted: users move only to an Active subscription"),
        "{e}"
    );
    assert!(
        fr.contains(
            " est Supprimé : les utilisateurs ne se déplacent que vers un abonnement Actif"
        ),
        "{fr}"
    );

    // The wizard's list carries each refusal whole, for each front end to read in its language.
    let targets = move_users::move_targets(&t.store, &admin, from.id).expect("targets");
    for refusal in targets.iter().filter_map(|target| target.refusal.as_ref()) {
        assert!(
            refusal.id().is_some_and(|id| id.starts_with("error-move-")),
            "{refusal:?}"
        );
        assert_ne!(refusal.in_lang(Lang::Fr), refusal.to_string());
    }
}

#[test]
fn a_permission_denial_reads_in_french() {
    let t = Tenant::demo();
    let sub = self_service_with_users(&t.store);
    let (e, fr) = french(take_over::take_over(
        &t.store,
        &t.actor(READER),
        sub.id,
        now(),
        false,
    ));
    assert!(matches!(e, Error::PermissionDenied(_)), "{e:?}");
    assert!(
        e.to_string().contains(
            " is GlobalReader and may not take over subscriptions: it needs GlobalAdministrator or BillingAdministrator; ask a GlobalAdministrator"
        ),
        "{e}"
    );
    assert!(
        fr.contains(
            " est lecteur général et ne peut pas prendre le contrôle des abonnements : il faut être administrateur général ou administrateur de facturation ; demandez à un administrateur général"
        ),
        "{fr}"
    );

    let ro = t.actor(ADMIN).read_only();
    let (_, fr) = french(take_over::take_over(&t.store, &ro, sub.id, now(), false));
    assert_eq!(
        fr,
        "cette session est en lecture seule (--readonly) et ne peut pas prendre le contrôle des abonnements : elle ne change rien ; lancez la commande sans --readonly"
    );
}

#[test]
fn counts_in_a_refusal_agree_in_each_language() {
    let t = Tenant::demo();
    let store = &t.store;
    let admin = t.actor(ADMIN);
    // Taken over, so its licenses may be assigned; then ask for one more than it has free.
    let sub = self_service_with_users(store);
    take_over::take_over(store, &admin, sub.id, now(), false).expect("take over");
    let sub = get(store, sub.id);
    let users = free_users(store, &sub.product_id, sub.free() as usize + 1);
    let (e, fr) = french(selfserve_core::ops::assign::assign(
        store,
        &admin,
        sub.id,
        &users,
        now(),
        true,
    ));
    let free = sub.free();
    let en = e.to_string();
    let (en_free, fr_free) = if free == 1 {
        (
            "1 free license;".to_string(),
            "1 licence libre ;".to_string(),
        )
    } else {
        (
            format!("{free} free licenses;"),
            format!("{free} licences libres ;"),
        )
    };
    assert!(en.contains(&en_free), "{en}");
    assert!(fr.contains(&fr_free), "{fr}");
    let n = users.len();
    assert!(
        en.contains(&format!("assigning {n} users needs 1 more")),
        "{en}"
    );
    assert!(
        fr.contains(&format!(
            "attribuer à {n} utilisateurs en demande 1 de plus"
        )),
        "{fr}"
    );
}

/// Every `.rs` file of the core's sources.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// The text after each occurrence of `needle`, leading white space skipped.
fn after<'a>(source: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    source
        .match_indices(needle)
        .map(move |(at, _)| (at, source[at + needle.len()..].trim_start()))
}

fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

#[test]
fn no_error_of_the_core_is_a_sentence_built_from_a_string() {
    const CONSTRUCTORS: [&str; 10] = [
        "Error::refused(",
        "Error::usage(",
        "Error::denied(",
        "Error::not_found(",
        "Error::database(",
        "Error::Refused(",
        "Error::Usage(",
        "Error::PermissionDenied(",
        "Error::NotFound(",
        "Error::Database(",
    ];
    // Text that is already final (what sled or serde said, an action a newer server names)
    // may be verbatim; a sentence of ours never is.
    const VERBATIM_ALLOWED: [&str; 3] = ["store/open.rs", "demo/names.rs", "api/change.rs"];
    let mut found = Vec::new();
    for path in sources() {
        let source = std::fs::read_to_string(&path).expect("source");
        let name = path.display().to_string();
        for constructor in CONSTRUCTORS {
            for (at, rest) in after(&source, constructor) {
                let built_from_a_string = rest.starts_with("format!")
                    || rest.starts_with('"')
                    || rest.starts_with("String")
                    || rest.starts_with("&format!");
                if built_from_a_string {
                    found.push(format!("{name}:{}: {constructor}…", line_of(&source, at)));
                }
            }
        }
        if !VERBATIM_ALLOWED
            .iter()
            .any(|allowed| name.ends_with(allowed))
        {
            for (at, _) in source.match_indices("Text::Verbatim(") {
                // The i18n module defines it.
                if !name.contains("/i18n/") {
                    found.push(format!("{name}:{}: Text::Verbatim", line_of(&source, at)));
                }
            }
        }
    }
    assert_eq!(
        found,
        Vec::<String>::new(),
        "sentences outside the catalogues"
    );
}

/// The message ids a catalogue file pair defines, in one language.
fn catalogue_ids(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../assets/i18n/{lang}"));
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("catalogue directory") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).expect("catalogue").lines() {
            if let Some((id, _)) = line.split_once(" =") {
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_core_names_is_in_both_catalogues() {
    let (en, fr) = (catalogue_ids("en"), catalogue_ids("fr"));
    let mut missing = Vec::new();
    let mut named = 0;
    for path in sources() {
        let source = std::fs::read_to_string(&path).expect("source");
        for prefix in ["\"core-", "\"error-"] {
            for (at, _) in source.match_indices(prefix) {
                let id: String = source[at + 1..].chars().take_while(|c| *c != '"').collect();
                // A prefix of ids (`"core-do-"`) or a sentence is not an id.
                if id.ends_with('-') || id.contains(' ') {
                    continue;
                }
                named += 1;
                if !en.contains(&id) || !fr.contains(&id) {
                    missing.push(format!("{}:{}: {id}", path.display(), line_of(&source, at)));
                }
            }
        }
    }
    assert!(named > 100, "the scan found the core's messages ({named})");
    assert_eq!(
        missing,
        Vec::<String>::new(),
        "ids missing from a catalogue"
    );
}
