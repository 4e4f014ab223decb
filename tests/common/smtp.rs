//! A real SMTP server on 127.0.0.1 (mailin-embedded), started by the test, that keeps every
//! message it accepts. It can answer 5xx to every message, or take its time over each.

use mailin_embedded::{response, Handler, Response, Server, SslConfig};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One message as the relay received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message: headers and body, as sent.
    pub data: Vec<u8>,
}

#[derive(Clone, Default)]
struct Behaviour {
    received: Arc<Mutex<Vec<Received>>>,
    reject: Arc<AtomicBool>,
    delay_ms: Arc<AtomicU64>,
}

#[derive(Clone)]
struct Keeper {
    behaviour: Behaviour,
    current: Option<Received>,
}

impl Handler for Keeper {
    /// A relay that refuses the recipient, as one refusing to relay for this sender does.
    fn rcpt(&mut self, _to: &str) -> Response {
        if self.behaviour.reject.load(Ordering::SeqCst) {
            return Response::custom(550, "5.7.1 Relaying denied for this sender".to_string());
        }
        response::OK
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = Some(Received {
            from: from.to_string(),
            to: to.to_vec(),
            data: Vec::new(),
        });
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(current) = &mut self.current {
            current.data.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let Some(message) = self.current.take() else {
            return response::INTERNAL_ERROR;
        };
        // Kept before the answer: as a real relay, it may have the message when the client
        // dies waiting for the 250.
        self.behaviour
            .received
            .lock()
            .expect("received")
            .push(message);
        let delay = self.behaviour.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            std::thread::sleep(Duration::from_millis(delay));
        }
        Response::custom(250, "2.0.0 Ok: queued".to_string())
    }
}

/// A relay running on 127.0.0.1 until the test process ends.
pub struct Relay {
    pub port: u16,
    behaviour: Behaviour,
}

impl Relay {
    /// A relay on a free port.
    pub fn start() -> Relay {
        Relay::on(TcpListener::bind("127.0.0.1:0").expect("bind a port"))
    }

    /// A relay on `port` (one that was free a moment ago: a relay that was down comes up).
    pub fn start_on(port: u16) -> Relay {
        Relay::on(TcpListener::bind(("127.0.0.1", port)).expect("bind the port again"))
    }

    fn on(listener: TcpListener) -> Relay {
        let port = listener.local_addr().expect("address").port();
        let behaviour = Behaviour::default();
        let keeper = Keeper {
            behaviour: behaviour.clone(),
            current: None,
        };
        std::thread::spawn(move || {
            let mut server = Server::new(keeper);
            server
                .with_name("relay.test")
                .with_ssl(SslConfig::None)
                .expect("no TLS")
                .with_num_threads(2)
                .with_tcp_listener(listener);
            let _ = server.serve();
        });
        Relay { port, behaviour }
    }

    /// Answers 550 to every message from now on.
    pub fn reject_all(&self, reject: bool) {
        self.behaviour.reject.store(reject, Ordering::SeqCst);
    }

    /// Waits this long before accepting each message.
    pub fn delay(&self, delay: Duration) {
        self.behaviour
            .delay_ms
            .store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Received> {
        self.behaviour.received.lock().expect("received").clone()
    }
}

/// A port nothing listens on (it was free a moment ago): a relay that is down.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port");
    listener.local_addr().expect("address").port()
}
