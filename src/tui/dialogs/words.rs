//! Pieces of text and lists that several dialogs' pages share, in the reader's language.

use super::super::widgets::dialog::List;
use crate::i18n::Lang;
use crate::text::{fit, sanitize};
use ratatui::text::Line;
use selfserve_core::model::{CancelReason, Origin, Status, SubscriptionId, Term};
use selfserve_core::ops::take_over::{PlannedEmail, SubRef, UserRef};

/// "Power BI Pro subscription 3f2a1b2c…" / « abonnement Power BI Pro 3f2a1b2c… ».
pub fn label(lang: Lang, product: &str, id: SubscriptionId) -> String {
    tr!(
        lang,
        "dialog-sub",
        product = sanitize(product),
        id = short(id)
    )
}

/// "Power BI Pro subscription 3f2a1b2c… bought by x@contoso.example".
pub fn named(lang: Lang, s: &SubRef) -> String {
    let label = label(lang, &s.product_name, s.id);
    match &s.buyer {
        Some(b) => tr!(
            lang,
            "dialog-sub-bought-by",
            sub = label,
            buyer = sanitize(b)
        ),
        None => label,
    }
}

/// A subscription row's heading: its label, and its buyer's name and UPN (or "central").
pub fn heading(lang: Lang, row: &selfserve_core::query::SubscriptionRow) -> String {
    let label = label(lang, &row.product_name, row.id);
    match (&row.buyer_name, &row.buyer) {
        (Some(name), Some(upn)) => tr!(
            lang,
            "dialog-sub-bought-by",
            sub = label,
            buyer = format!("{} <{}>", sanitize(name), sanitize(upn))
        ),
        _ => tr!(lang, "dialog-sub-central", sub = label),
    }
}

pub fn users(users: &[UserRef]) -> Vec<String> {
    users
        .iter()
        .map(|u| {
            format!(
                "{} <{}>",
                sanitize(&u.display_name),
                sanitize(&u.user_principal_name)
            )
        })
        .collect()
}

/// Each planned e-mail: its recipient and subject (the subject in the tenant's language, as the
/// core wrote it).
pub fn emails(lang: Lang, emails: &[PlannedEmail]) -> Vec<String> {
    emails
        .iter()
        .map(|e| {
            tr!(
                lang,
                "dialog-email-to",
                to = sanitize(&e.to),
                subject = sanitize(&e.subject)
            )
        })
        .collect()
}

pub fn recipients(emails: &[PlannedEmail]) -> Vec<String> {
    emails.iter().map(|e| sanitize(&e.to)).collect()
}

pub fn short(id: SubscriptionId) -> String {
    id.to_string().chars().take(8).collect()
}

/// A billing term in words: "annual" / « annuel ».
pub fn term(lang: Lang, term: Term) -> String {
    lang.t(match term {
        Term::Annual => "dialog-term-annual",
        Term::Monthly => "dialog-term-monthly",
    })
}

/// Where a subscription came from, in a word for narrow columns.
pub fn origin(lang: Lang, origin: Origin) -> String {
    lang.t(match origin {
        Origin::SelfServicePurchase => "dialog-origin-purchase",
        Origin::SelfServiceTrial => "dialog-origin-trial",
        Origin::Central => "dialog-origin-central",
    })
}

/// The users a plan names, scrolled.
pub fn user_list(lang: Lang, users: &[String], scroll: usize) -> List<'_> {
    List {
        heading: Some(tr!(lang, "dialog-who-moves", count = users.len())),
        len: users.len(),
        cursor: None,
        scroll,
        row: Box::new(move |i, w| Line::raw(fit(&format!("  {}", users[i]), usize::from(w)))),
    }
}

/// A subscription's status as the admin center words it ("Deleted", « Supprimé »).
pub fn status_words(lang: Lang, status: Status) -> String {
    lang.t(match status {
        Status::Active => "dialog-status-active",
        Status::Expired => "dialog-status-expired",
        Status::Disabled => "dialog-status-disabled",
        Status::Deleted => "dialog-status-deleted",
    })
}

/// A cancellation reason in words, as the cancel dialog lists them.
pub fn reason_words(lang: Lang, reason: CancelReason) -> String {
    lang.t(match reason {
        CancelReason::NoLongerNeeded => "dialog-reason-no-longer-needed",
        CancelReason::BoughtByMistake => "dialog-reason-bought-by-mistake",
        CancelReason::MovingToCentral => "dialog-reason-moving-to-central",
        CancelReason::TooExpensive => "dialog-reason-too-expensive",
        CancelReason::Other => "dialog-reason-other",
    })
}

/// `text` with its first letter a capital (a French label begins « l'abonnement … »).
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
