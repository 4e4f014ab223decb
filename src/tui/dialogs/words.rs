//! Pieces of text and lists that several dialogs' pages share.

use super::super::widgets::dialog::List;
use super::super::widgets::table::thousands;
use crate::text::{fit, sanitize};
use ratatui::text::Line;
use selfserve_core::model::SubscriptionId;
use selfserve_core::ops::take_over::{PlannedEmail, SubRef, UserRef};

/// "Power BI Pro subscription 3f2a1b2c… bought by x@contoso.example".
pub fn named(s: &SubRef) -> String {
    let label = sanitize(&s.label());
    match &s.buyer {
        Some(b) => format!("{label} bought by {}", sanitize(b)),
        None => label,
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

pub fn emails(emails: &[PlannedEmail]) -> Vec<String> {
    emails
        .iter()
        .map(|e| format!("{}: \"{}\"", sanitize(&e.to), sanitize(&e.subject)))
        .collect()
}

pub fn recipients(emails: &[PlannedEmail]) -> Vec<String> {
    emails.iter().map(|e| sanitize(&e.to)).collect()
}

pub fn short(id: SubscriptionId) -> String {
    id.to_string().chars().take(8).collect()
}

/// The users a plan names, scrolled.
pub fn user_list(users: &[String], scroll: usize) -> List<'_> {
    List {
        heading: Some(format!("Who moves ({})", thousands(users.len() as u64))),
        len: users.len(),
        cursor: None,
        scroll,
        row: Box::new(move |i, w| Line::raw(fit(&format!("  {}", users[i]), usize::from(w)))),
    }
}
