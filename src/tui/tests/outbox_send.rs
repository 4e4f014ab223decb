//! The Outbox screen's `s` (issue 16): the pending e-mails sent through a real SMTP server on
//! 127.0.0.1, the progress and the outcome on the message line, each e-mail's state shown.

use super::{session, Harness};
use crate::tui::session::Session;
use mailin_embedded::{Handler, Server, SslConfig};
use selfserve_core::model::{CancelReason, Delivery};
use selfserve_core::query::{subscription_rows, SubscriptionFilter};
use selfserve_server::mail::{RelaySettings, Security};
use std::net::TcpListener;

/// A relay that accepts every message (mailin's default answers).
#[derive(Clone)]
struct Accepting;
impl Handler for Accepting {}

fn relay_on(port: u16) -> RelaySettings {
    let mut relay = RelaySettings::new("127.0.0.1", Security::None);
    relay.port = port;
    relay.from = "selfserve@contoso.example".into();
    relay
}

/// The dashboard with a relay on `port`, and one e-mail pending (a cancellation's).
fn dashboard(relay: Option<RelaySettings>) -> Harness {
    let mut h = Harness::with_session(
        100,
        30,
        Session {
            relay,
            ..session(false)
        },
    );
    let filter = SubscriptionFilter {
        self_service_only: true,
        ..SubscriptionFilter::default()
    };
    let sub = subscription_rows(&h.store, &h.actor, &filter, h.app.now).expect("rows")[0].id;
    let now = h.app.now;
    selfserve_core::ops::cancel::cancel(&h.store, &h.actor, sub, CancelReason::Other, now, false)
        .expect("cancel");
    h.keys("6");
    h
}

#[test]
fn s_sends_the_pending_emails_and_the_screen_shows_them_sent() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let mut server = Server::new(Accepting);
        server
            .with_ssl(SslConfig::None)
            .expect("no TLS")
            .with_tcp_listener(listener);
        let _ = server.serve();
    });
    let mut h = dashboard(Some(relay_on(port)));
    assert_eq!(
        h.app.outbox.list.selected().map(|m| m.delivery),
        Some(Delivery::Pending)
    );
    h.keys("s");
    let message = h.app.message.clone().expect("the outcome");
    assert_eq!(
        message.text, "1 sent, 0 left pending, 0 failed",
        "{message:?}"
    );
    // While it ran, the message line said how far it was (sent n of m).
    let said: Vec<&str> = h.app.history.iter().map(|(_, m)| m.text.as_str()).collect();
    assert!(said.contains(&"Sending 1/1…"), "{said:?}");
    assert!(!message.error);
    let mail = h.app.outbox.list.selected().expect("the e-mail").clone();
    assert_eq!(mail.delivery, Delivery::Sent);
    h.keys("<Tab>");
    let screen = h.render();
    assert!(screen.contains("Relay: 250"), "{screen}");
    assert!(screen.contains(&mail.message_id[..12]), "{screen}");
}

#[test]
fn s_with_the_relay_down_leaves_them_pending_and_says_so() {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let mut h = dashboard(Some(relay_on(port)));
    h.keys("s");
    let message = h.app.message.clone().expect("the outcome");
    assert_eq!(message.text, "0 sent, 1 left pending, 0 failed");
    assert!(message.error);
    let mail = h.app.outbox.list.selected().expect("the e-mail");
    assert_eq!(mail.delivery, Delivery::Pending);
    assert_eq!(mail.status.attempts, 1);
    // The detail pane says why.
    h.keys("<Tab>");
    let screen = h.render();
    assert!(
        screen.contains("Last error:") && screen.contains("refused"),
        "{screen}"
    );
}

#[test]
fn s_without_a_relay_says_how_to_set_one() {
    let mut h = dashboard(None);
    h.keys("s");
    let message = h.app.message.clone().expect("why not");
    assert!(
        message.error && message.text.contains("--smtp-host"),
        "{message:?}"
    );
}
