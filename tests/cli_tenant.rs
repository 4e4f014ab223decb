//! `selfserve tenant show` and `demo --cloud`: the tenant's cloud and its admin center (SPEC §1).

mod common;

use common::*;

#[test]
fn tenant_show_names_each_cloud_and_its_admin_center() {
    for (extra, cloud, url) in [
        (vec![], "global", "https://admin.microsoft.com"),
        (
            vec!["--cloud", "china-21vianet"],
            "china-21vianet",
            "https://portal.partner.microsoftonline.cn/",
        ),
    ] {
        let env = Env::demo_with(&extra);
        let json = env.json(READER, &["tenant", "show"]);
        assert_eq!(json["cloud"], cloud);
        assert_eq!(json["admin_center_url"], url);
        assert_eq!(json["display_name"], "Contoso (demo)");
        assert_eq!(json["currency"], "EUR");
        assert_eq!(json["existing_agreement"], true);

        let out = env.run(READER, &["tenant", "show"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let line = |field: &str| {
            text.lines()
                .find(|l| l.starts_with(field))
                .unwrap_or_default()
                .to_string()
        };
        assert!(line("Cloud").ends_with(cloud), "{text}");
        assert!(line("Admin center").ends_with(url), "{text}");
    }
}

#[test]
fn an_unknown_cloud_is_a_usage_error() {
    let env = Env::empty();
    let err = assert_fails(&env.run(ADMIN, &["demo", "--cloud", "mars"]), 2);
    assert!(
        err.contains("(possible values: global, china-21vianet)"),
        "{err}"
    );
    assert!(!env.db.exists());
}
