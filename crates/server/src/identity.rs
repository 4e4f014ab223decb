//! Who a peer on the socket is: the kernel gives its uid (`SO_PEERCRED`), the system's user
//! database its login. The client's word counts only where it cannot lie its way up.

use nix::unistd::{Uid, User};
use selfserve_core::{text, Error};

/// The login acting for a peer of uid `peer`, given the uid the server runs as. `requested` is the
/// client's `SELFSERVE_USER`: honoured from the server's own uid or root only (the owner trying
/// roles, tests), since anyone could set it.
pub fn acting_login(peer: u32, server: u32, requested: Option<&str>) -> Result<String, Error> {
    let trusted = peer == server || peer == 0;
    if let Some(login) = requested {
        selfserve_core::access::check_login(login)?;
    }
    match requested {
        Some(login) if trusted => Ok(login.to_string()),
        Some(login) => {
            let own = login_of(peer)?;
            if login == own {
                return Ok(own);
            }
            Err(Error::denied(text!(
                "server-user-not-honoured",
                login = login,
                own = own
            )))
        }
        None => login_of(peer),
    }
}

/// The login name of `uid`.
fn login_of(uid: u32) -> Result<String, Error> {
    match User::from_uid(Uid::from_raw(uid)) {
        Ok(Some(user)) => Ok(user.name),
        Ok(None) => Err(Error::denied(text!(
            "server-uid-no-login",
            uid = uid.to_string()
        ))),
        Err(e) => Err(Error::database(text!(
            "server-uid-lookup",
            uid = uid.to_string(),
            error = e.to_string()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_user_and_root_may_act_as_anyone() {
        assert_eq!(
            acting_login(1000, 1000, Some("billing")),
            Ok("billing".into())
        );
        assert_eq!(acting_login(0, 1000, Some("reader")), Ok("reader".into()));
    }

    #[test]
    fn without_a_request_the_kernel_login_acts() {
        assert_eq!(acting_login(0, 1000, None), Ok("root".into()));
    }

    #[test]
    fn anyone_else_asking_for_another_login_is_refused() {
        // uid 1 may have no name on a minimal host: that is a refusal too.
        match acting_login(1, 2, Some("admin")) {
            Err(Error::PermissionDenied(_)) => {}
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
