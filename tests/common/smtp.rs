//! A real SMTP server on 127.0.0.1 (mailin-embedded), started by the test, that keeps every
//! message it accepts. It can answer 5xx to every message, or take its time over each.

use mailin_embedded::{response, Handler, Response, Server, SslConfig};
use rustls::pki_types::pem::PemObject;
use std::io::{BufRead, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
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

/// A certificate authority made for the test, and the relay's certificate it signed (for
/// 127.0.0.1 and localhost), as PEM files. Nothing on the machine trusts this CA.
pub struct Pki {
    pub ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Pki {
    pub fn new(dir: &Path) -> Pki {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA");
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "selfserve test CA");
        let ca_key = rcgen::KeyPair::generate().expect("CA key");
        let ca = rcgen::CertifiedIssuer::self_signed(params, ca_key).expect("CA certificate");
        let key = rcgen::KeyPair::generate().expect("relay key");
        let names = vec!["127.0.0.1".to_string(), "localhost".to_string()];
        let cert = rcgen::CertificateParams::new(names)
            .expect("names")
            .signed_by(&key, &ca)
            .expect("relay certificate");
        let pki = Pki {
            ca: dir.join("ca.pem"),
            cert: dir.join("relay.pem"),
            key: dir.join("relay.key"),
        };
        std::fs::write(&pki.ca, ca.pem()).expect("write");
        std::fs::write(&pki.cert, cert.pem()).expect("write");
        std::fs::write(&pki.key, key.serialize_pem()).expect("write");
        pki
    }
}

/// rustls in this test process has two crypto providers (lettre's ring, mailin's default
/// aws-lc-rs): one must be chosen before a server's TLS set-up.
fn crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl Relay {
    /// A relay offering STARTTLS with `pki`'s certificate (mailin-embedded's own TLS).
    pub fn start_starttls(pki: &Pki) -> Relay {
        crypto();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port");
        let port = listener.local_addr().expect("address").port();
        let behaviour = Behaviour::default();
        let keeper = Keeper {
            behaviour: behaviour.clone(),
            current: None,
        };
        let ssl = SslConfig::SelfSigned {
            cert_path: pki.cert.display().to_string(),
            key_path: pki.key.display().to_string(),
        };
        let mut server = Server::new(keeper);
        server
            .with_name("relay.test")
            .with_ssl(ssl)
            .expect("the relay's TLS set-up")
            .with_num_threads(2)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        Relay { port, behaviour }
    }

    /// A relay speaking TLS from the first byte (port 465's way) with `pki`'s certificate:
    /// mailin's SMTP session over a rustls stream (mailin-embedded only offers STARTTLS).
    pub fn start_tls(pki: &Pki) -> Relay {
        crypto();
        let certs = rustls::pki_types::CertificateDer::pem_file_iter(&pki.cert)
            .expect("relay certificate")
            .collect::<Result<Vec<_>, _>>()
            .expect("relay certificate");
        let key = rustls::pki_types::PrivateKeyDer::from_pem_file(&pki.key).expect("relay key");
        let config = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("the relay's TLS set-up");
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port");
        let port = listener.local_addr().expect("address").port();
        let behaviour = Behaviour::default();
        let keeper = Keeper {
            behaviour: behaviour.clone(),
            current: None,
        };
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let (config, keeper) = (config.clone(), keeper.clone());
                std::thread::spawn(move || {
                    let Ok(tls) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    let ip = tcp.peer_addr().map(|a| a.ip()).expect("peer");
                    // Answers go at once, as a relay's do, not held back for an ACK.
                    let _ = tcp.set_nodelay(true);
                    let stream = std::io::BufReader::new(rustls::StreamOwned::new(tls, tcp));
                    let _ = tls_session(stream, ip, keeper);
                });
            }
        });
        Relay { port, behaviour }
    }
}

/// One SMTP session over an established TLS stream, as mailin-embedded runs its own.
fn tls_session<S: Read + Write>(
    mut stream: std::io::BufReader<S>,
    ip: std::net::IpAddr,
    keeper: Keeper,
) -> std::io::Result<()> {
    let mut session = mailin::SessionBuilder::new("relay.test").build(ip, keeper);
    session.tls_active();
    stream.get_mut().write_all(&session.greeting().buffer()?)?;
    stream.get_mut().flush()?;
    let mut line = Vec::new();
    loop {
        line.clear();
        if stream.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let answer = session.process(&line);
        if answer.action == mailin::Action::NoReply {
            continue;
        }
        // In one TLS record: written piecemeal, each answer waits on delayed ACKs.
        stream.get_mut().write_all(&answer.buffer()?)?;
        stream.get_mut().flush()?;
        if answer.action == mailin::Action::Close {
            return Ok(());
        }
    }
}

/// A port nothing listens on (it was free a moment ago): a relay that is down.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port");
    listener.local_addr().expect("address").port()
}
