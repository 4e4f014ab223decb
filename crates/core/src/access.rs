//! Who is acting, and what their role lets them do (SPEC §2 rule 7). Every operation and query
//! asks here; the front ends never decide.

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{Admin, Role, User};
use crate::store::Store;
use crate::text;

/// What an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// See and export everything: every role.
    Read,
    /// Take over, move, cancel, buy centrally, assign and unassign licenses.
    ManageSubscriptions,
    /// Change self-service policies and administrators.
    ManagePolicies,
}

impl Capability {
    pub fn allowed(self, role: Role) -> bool {
        match self {
            Capability::Read => true,
            Capability::ManageSubscriptions => {
                matches!(role, Role::GlobalAdministrator | Role::BillingAdministrator)
            }
            Capability::ManagePolicies => role == Role::GlobalAdministrator,
        }
    }

    /// The roles that have it, as a person reads them.
    pub fn needs_text(self) -> Text {
        text!(match self {
            Capability::Read => "core-needs-read",
            Capability::ManageSubscriptions => "core-needs-manage-subscriptions",
            Capability::ManagePolicies => "core-needs-manage-policies",
        })
    }
}

/// The one rule for a login, wherever it enters (`admin add --login`, `SELFSERVE_USER`, `demo`):
/// at most 64 bytes, none of whitespace, control characters or bidirectional formatting, so a
/// login quoted in a message or a table can never act on a terminal (exit 2 otherwise).
pub fn check_login(login: &str) -> Result<()> {
    let ok = !login.is_empty()
        && login.len() <= 64
        && !login.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        });
    if ok {
        Ok(())
    } else {
        Err(Error::usage(text!(
            "error-not-a-login",
            given = login.escape_debug().to_string()
        )))
    }
}

/// The administrator behind the current login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub admin: Admin,
    pub user: User,
    /// Set by `read_only`: the role still decides what may be seen and dry-run, but nothing is
    /// changed.
    readonly: bool,
}

/// The one line a read-only session gets for any change (exit 3); `what` names the action
/// (a `core-do-…` message: "move users").
pub fn read_only_refusal(what: Text) -> Error {
    Error::denied(text!("error-read-only", what = what))
}

impl Actor {
    /// The same administrator, refused every change (`--readonly`; later a read-only socket).
    pub fn read_only(self) -> Actor {
        Actor {
            readonly: true,
            ..self
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.readonly
    }

    pub fn role(&self) -> Role {
        self.admin.role
    }

    /// Whether the actor may do what `capability` covers; a read-only actor may only read.
    pub fn can(&self, capability: Capability) -> bool {
        capability.allowed(self.admin.role) && (capability == Capability::Read || !self.readonly)
    }

    /// Refuses with exit 3 unless the role allows `capability` and, for anything but `Read`, the
    /// actor is not read-only; `what` names the action (a `core-do-…` message).
    pub fn require(&self, capability: Capability, what: Text) -> Result<()> {
        self.require_change(capability, what, false)
    }

    /// `require` for an operation with a dry run: a dry run changes nothing, so it needs only the
    /// role, and a read-only actor may make one wherever its role could make the change.
    pub fn require_change(&self, capability: Capability, what: Text, dry_run: bool) -> Result<()> {
        if !capability.allowed(self.admin.role) {
            return Err(Error::denied(text!(
                "error-role-may-not",
                upn = &self.user.upn,
                role = self.admin.role.text(),
                what = what,
                needs = capability.needs_text()
            )));
        }
        if self.readonly && capability != Capability::Read && !dry_run {
            return Err(read_only_refusal(what));
        }
        Ok(())
    }
}

impl Store {
    /// The administrator bound to `login`; a login bound to none may do nothing (exit 3).
    pub fn actor(&self, login: &str) -> Result<Actor> {
        let unbound = || {
            Error::denied(text!(
                "error-login-unbound",
                login = login.escape_debug().to_string()
            ))
        };
        let admin = self.admin_by_login(login)?.ok_or_else(unbound)?;
        let user = self.user(admin.user)?.ok_or_else(unbound)?;
        Ok(Actor {
            admin,
            user,
            readonly: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UserId;

    fn actor(role: Role) -> Actor {
        let id = UserId(uuid::Uuid::nil());
        Actor {
            admin: Admin {
                login: "someone".into(),
                user: id,
                role,
            },
            user: User {
                id,
                display_name: "Someone".into(),
                upn: "someone@contoso.example".into(),
                department: String::new(),
                enabled: true,
            },
            readonly: false,
        }
    }

    fn x() -> Text {
        text!("core-do-move-users")
    }

    #[test]
    fn one_rule_for_logins() {
        for good in [
            "admin",
            "jean-luc.o'neil",
            "DOMAIN\\user",
            "山田",
            &"a".repeat(64),
        ] {
            assert_eq!(check_login(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "ev\u{1b}[31mil\u{7}",
            "a b",
            "tab\t",
            "cr\r",
            "c1\u{9b}2J",
            "del\u{7f}",
            "rlo\u{202e}nimda",
            "iso\u{2066}x",
            "lrm\u{200e}",
            &"a".repeat(65),
        ] {
            let e = check_login(bad).expect_err(bad);
            assert_eq!(e.exit_code(), 2, "{bad:?}");
        }
    }

    const WRITES: [Capability; 2] = [Capability::ManageSubscriptions, Capability::ManagePolicies];

    #[test]
    fn read_only_refuses_every_change_with_one_line_but_reads_and_dry_runs() {
        let ro = actor(Role::GlobalAdministrator).read_only();
        assert!(ro.is_read_only());
        assert_eq!(
            ro.require(Capability::Read, text!("core-do-read-products")),
            Ok(())
        );
        for cap in WRITES {
            assert!(!ro.can(cap));
            assert_eq!(
                ro.require(cap, text!("core-do-change-policies"))
                    .map_err(|e| e.to_string()),
                Err("this session is read-only (--readonly) and may not change self-service policies: it changes nothing; run the command without --readonly".to_string())
            );
            assert_eq!(ro.require_change(cap, x(), false), ro.require(cap, x()));
            assert_eq!(ro.require_change(cap, x(), true), Ok(()));
        }
    }

    #[test]
    fn read_only_keeps_the_role_check_and_its_message() {
        for role in Role::ALL {
            let rw = actor(role);
            let ro = rw.clone().read_only();
            for cap in WRITES {
                // A dry run needs exactly what the role allows, read-only or not.
                assert_eq!(
                    ro.require_change(cap, x(), true),
                    rw.require_change(cap, x(), true)
                );
                if !cap.allowed(role) {
                    // The role's refusal comes first: --readonly is not what stands in the way.
                    assert_eq!(ro.require(cap, x()), rw.require(cap, x()));
                } else {
                    assert_eq!(rw.require(cap, x()), Ok(()));
                    assert!(ro.require(cap, x()).is_err());
                }
            }
        }
    }
}
