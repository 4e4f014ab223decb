//! One outbox e-mail handed to the relay through lettre, and what the relay's answer means.

use super::relay::{RelaySettings, Security};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::SmtpTransport;
use lettre::Transport;
use selfserve_core::model::Email;
use selfserve_core::ops::delivery::Attempt;
use selfserve_core::{text, Error};

/// A relay ready to take e-mails: one connection per e-mail (lettre's pool is left out: a batch
/// is small, and a connection the relay dropped is never reused by mistake).
pub struct Relay {
    transport: SmtpTransport,
    from: Mailbox,
}

/// What one e-mail's attempt gave, and whether the relay was reached at all: when it was not,
/// the rest of the batch would fare no better.
pub struct Tried {
    pub attempt: Attempt,
    pub reached: bool,
}

/// The certificates in the PEM file `path` (`--smtp-ca-file`, `[mail] ca_file`): a company
/// CA the relay's certificate is checked against, besides the machine's.
fn ca_certificates(path: &std::path::Path) -> Result<Certificate, Error> {
    let fail = |error: String| {
        Error::usage(text!(
            "progress-ca-file",
            path = path.display().to_string(),
            error = error
        ))
    };
    let pem = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    // A file with no certificate at all would trust nothing more, silently.
    if !pem.windows(27).any(|w| w == b"-----BEGIN CERTIFICATE-----") {
        return Err(Error::usage(text!(
            "progress-ca-file-empty",
            path = path.display().to_string()
        )));
    }
    Certificate::from_pem(&pem).map_err(|e| fail(e.to_string()))
}

impl Relay {
    /// Checks the settings (the `From` address, the TLS set-up); connects to nothing yet.
    pub fn new(settings: &RelaySettings) -> Result<Relay, Error> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| {
                Error::usage(text!(
                    "delivery-bad-from",
                    from = &settings.from,
                    error = e.to_string()
                ))
            })?;
        let ca = settings
            .ca_file
            .as_deref()
            .map(ca_certificates)
            .transpose()?;
        let tls = |host: &str| {
            let mut params = TlsParameters::builder(host.to_string());
            if let Some(ca) = &ca {
                params = params.add_root_certificate(ca.clone());
            }
            params.build().map_err(|e| {
                Error::usage(text!(
                    "delivery-tls-setup",
                    host = host,
                    error = e.to_string()
                ))
            })
        };
        let mut builder = SmtpTransport::builder_dangerous(settings.host.as_str())
            .port(settings.port)
            .timeout(Some(settings.timeout))
            .tls(match settings.security {
                Security::StartTls => Tls::Required(tls(&settings.host)?),
                Security::Tls => Tls::Wrapper(tls(&settings.host)?),
                Security::None => Tls::None,
            });
        match (&settings.user, &settings.password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(
                    user.clone(),
                    password.expose().to_string(),
                ));
            }
            (Some(user), None) => {
                return Err(Error::usage(text!(
                    "delivery-user-without-password",
                    user = user
                )))
            }
            (None, _) => {}
        }
        Ok(Relay {
            transport: builder.build(),
            from,
        })
    }

    /// Hands `email` to the relay and says what came of it.
    pub fn send(&self, email: &Email) -> Tried {
        let message = match self.message(email) {
            Ok(message) => message,
            // An address no relay could take: as final as a 5xx.
            Err(why) => {
                return Tried {
                    attempt: Attempt::Rejected { answer: why },
                    reached: true,
                }
            }
        };
        match self.transport.send(&message) {
            Ok(response) => {
                let words: Vec<&str> = response.message().collect();
                Tried {
                    attempt: Attempt::Accepted {
                        answer: format!("{} {}", response.code(), words.join(" ")),
                    },
                    reached: true,
                }
            }
            Err(e) if e.is_permanent() => Tried {
                attempt: Attempt::Rejected {
                    answer: e.to_string(),
                },
                reached: true,
            },
            Err(e) => Tried {
                reached: e.status().is_some(),
                attempt: Attempt::Deferred {
                    reason: e.to_string(),
                },
            },
        }
    }

    /// The message as it goes out. Its `Message-ID` and `Date` are the e-mail's own, the same at
    /// every attempt, so a copy sent twice is the same message to its reader.
    fn message(&self, email: &Email) -> Result<Message, String> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|e: lettre::address::AddressError| format!("{}: {e}", email.to))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!("<{}>", email.message_id)))
            .date(email.created_at.into())
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone())
            .map_err(|e| e.to_string())
    }
}
