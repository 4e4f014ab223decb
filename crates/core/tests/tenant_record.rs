//! The tenant record as schema 1 stores it: databases written by earlier versions open, with
//! their cloud, and the two clouds' admin centers are the ones SPEC §1 names.

mod common;

use chrono::{DateTime, Utc};
use common::{now, Tenant, ADMIN};
use selfserve_core::api::{dispatch, Request, SessionInfo};
use selfserve_core::demo::{create_demo_in, DemoOptions};
use selfserve_core::model::{Cloud, Tenant as TenantRecord, TenantId};
use selfserve_core::Store;
use std::sync::atomic::AtomicU64;

/// A tenant record exactly as schema 1 wrote it (postcard, fields in declaration order): id,
/// "Fabrikam", "CNY", cloud china-21vianet (variant 1), no agreement, not a demo, created
/// 2025-03-01T08:00:00Z. Frozen here so a change to the record's layout that would leave old
/// databases unreadable fails this test.
const SCHEMA_1_TENANT: &[u8] = &[
    16, 0x6f, 0x1c, 0x2d, 0x3e, 0x4f, 0x50, 0x41, 0x62, 0x93, 0x84, 0x75, 0xa6, 0xb7, 0xc8, 0xd9,
    0xea, 8, b'F', b'a', b'b', b'r', b'i', b'k', b'a', b'm', 3, b'C', b'N', b'Y', 1, 0, 0, 20,
    b'2', b'0', b'2', b'5', b'-', b'0', b'3', b'-', b'0', b'1', b'T', b'0', b'8', b':', b'0', b'0',
    b':', b'0', b'0', b'Z',
];

#[test]
fn a_schema_1_tenant_record_opens_with_its_cloud() {
    let t = Tenant::demo();
    let path = t.store.path().to_path_buf();
    drop(t.store);
    {
        let db = sled::open(&path).expect("sled");
        db.open_tree("meta")
            .expect("meta")
            .insert("tenant", SCHEMA_1_TENANT)
            .expect("write the old record");
        db.flush().expect("flush");
    }
    let store = Store::open(&path).expect("an old tenant record opens");
    let created: DateTime<Utc> = "2025-03-01T08:00:00Z".parse().expect("time");
    assert_eq!(
        store.tenant(),
        &TenantRecord {
            id: TenantId(
                uuid::Uuid::parse_str("6f1c2d3e-4f50-4162-9384-75a6b7c8d9ea").expect("uuid")
            ),
            display_name: "Fabrikam".into(),
            currency: "CNY".into(),
            cloud: Cloud::China21Vianet,
            existing_agreement: false,
            demo: false,
            created_at: created,
        }
    );
    assert_eq!(
        selfserve_core::store::codec::encode(store.tenant()).expect("encode"),
        SCHEMA_1_TENANT,
        "the record is written back the way schema 1 reads it"
    );
}

#[test]
fn the_session_names_the_cloud_and_each_cloud_its_admin_center() {
    let dir = tempfile::tempdir().expect("temp dir");
    for cloud in Cloud::ALL {
        let path = dir.path().join(cloud.as_str());
        let options = DemoOptions {
            users: 20,
            seed: 1,
            now: now(),
            login: ADMIN.into(),
            force: false,
        };
        create_demo_in(&path, &options, cloud, &mut |_| {}).expect("demo");
        let store = Store::open(&path).expect("open");
        let actor = store.actor(ADMIN).expect("admin");
        let session: SessionInfo = dispatch(&store, &actor, Request::Session, &AtomicU64::new(0))
            .and_then(SessionInfo::try_from)
            .expect("session");
        assert_eq!(session.tenant.cloud, cloud);
    }
    assert_eq!(
        Cloud::Global.admin_center_url(),
        "https://admin.microsoft.com"
    );
    assert_eq!(
        Cloud::China21Vianet.admin_center_url(),
        "https://portal.partner.microsoftonline.cn/"
    );
    assert_eq!(Cloud::parse("China-21Vianet"), Some(Cloud::China21Vianet));
    assert_eq!(
        serde_json::to_value(Cloud::China21Vianet).expect("json"),
        "china-21vianet"
    );
}
