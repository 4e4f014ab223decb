//! Finding directory users by what an administrator types: a part of the display name or of the
//! UPN, ignoring case and accents.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::model::User;
use crate::store::Store;

/// Lower case, accents gone: "Zoë Åberg" and "zoe aberg" match.
fn folded(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// Up to `limit` enabled users whose display name or UPN contains `query`, by display name.
pub fn search_users(store: &Store, actor: &Actor, query: &str, limit: usize) -> Result<Vec<User>> {
    actor.require(Capability::Read, crate::text!("core-do-search-directory"))?;
    let wanted = folded(query.trim());
    let mut found = Vec::new();
    for user in store.users() {
        let user = user?;
        if user.enabled
            && (folded(&user.display_name).contains(&wanted) || folded(&user.upn).contains(&wanted))
        {
            found.push(user);
        }
    }
    found.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    found.truncate(limit);
    Ok(found)
}
