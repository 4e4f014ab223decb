//! Who is acting, and what their role lets them do (SPEC §2 rule 7). Every operation and query
//! asks here; the front ends never decide.

use crate::error::{Error, Result};
use crate::model::{Admin, Role, User};
use crate::store::Store;

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

    /// The roles that have it, in words.
    pub fn needs(self) -> &'static str {
        match self {
            Capability::Read => "any administrator role",
            Capability::ManageSubscriptions => "GlobalAdministrator or BillingAdministrator",
            Capability::ManagePolicies => "GlobalAdministrator",
        }
    }
}

/// The administrator behind the current login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub admin: Admin,
    pub user: User,
}

impl Actor {
    pub fn role(&self) -> Role {
        self.admin.role
    }

    pub fn can(&self, capability: Capability) -> bool {
        capability.allowed(self.admin.role)
    }

    /// Refuses with exit 3 unless the role allows `capability`; `what` names the action.
    pub fn require(&self, capability: Capability, what: &str) -> Result<()> {
        if self.can(capability) {
            Ok(())
        } else {
            Err(Error::PermissionDenied(format!(
                "{} is {} and may not {what}: it needs {}; ask a GlobalAdministrator",
                self.user.upn,
                self.admin.role.as_str(),
                capability.needs()
            )))
        }
    }
}

impl Store {
    /// The administrator bound to `login`; a login bound to none may do nothing (exit 3).
    pub fn actor(&self, login: &str) -> Result<Actor> {
        let unbound = || {
            Error::PermissionDenied(format!(
                "the login {login:?} is not bound to any administrator of this tenant; ask a GlobalAdministrator to run `selfserve admin add UPN --role ROLE --login {login}`"
            ))
        };
        let admin = self.admin_by_login(login)?.ok_or_else(unbound)?;
        let user = self.user(admin.user)?.ok_or_else(unbound)?;
        Ok(Actor { admin, user })
    }
}
