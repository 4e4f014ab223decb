//! Usage errors (SPEC §3, exit 2): one line naming what is missing and the help of the very
//! subcommand typed. Checked before the database is opened, so none is needed.

mod common;

use common::*;

fn usage(args: &[&str]) -> String {
    let env = Env::empty();
    assert_fails(&env.run(ADMIN, args), 2)
}

#[test]
fn a_missing_required_option_is_named_with_its_subcommand_help() {
    let err = usage(&[
        "storefront",
        "purchase",
        "--user",
        "x@contoso.example",
        "CFQ7TTC0H9MP",
        "--quantity",
        "2",
    ]);
    assert_eq!(
        err.trim_end(),
        "selfserve: `selfserve storefront purchase` needs --card <LAST4>; see `selfserve storefront purchase --help`"
    );
    let err = usage(&["subscription", "cancel", "abcd"]);
    assert!(err.contains("needs --reason <REASON>"), "{err}");
    assert!(
        err.contains("see `selfserve subscription cancel --help`"),
        "{err}"
    );
    let err = usage(&["subscription", "move-users", "abcd", "--dry-run"]);
    assert!(err.contains("needs --to <SUB2>"), "{err}");
    assert!(
        err.contains("see `selfserve subscription move-users --help`"),
        "{err}"
    );
}

#[test]
fn several_missing_options_are_all_named_and_other_errors_point_at_the_subcommand() {
    let err = usage(&["subscription", "buy", "CFQ7TTC0H9MP", "--json"]);
    assert!(err.contains("needs --quantity <N>;"), "{err}");
    let err = usage(&["storefront", "purchase", "CFQ7TTC0H9MP"]);
    assert!(
        err.contains("needs --user <UPN>, --quantity <N> and --card <LAST4>;"),
        "{err}"
    );
    let err = usage(&["subscription", "buy", "X", "--quantity", "many"]);
    assert!(err.contains("'many'"), "{err}");
    assert!(
        err.contains("see `selfserve subscription buy --help`"),
        "{err}"
    );
}
