//! The e-mails the core writes to the outbox, worded by `assets/i18n/{en,fr}/mail.ftl` in the
//! tenant's language (issue 11). An operation plans an e-mail as catalogue messages (`Mail`);
//! the transaction that writes it reads the tenant's language and renders it then, so a change
//! of language never races an e-mail.

use crate::i18n::{Lang, Text};
use crate::model::{CancelReason, Money, Subscription, Term};
use crate::text;

/// An e-mail's subject and paragraphs, as messages not yet read in a language. The sentences of
/// a paragraph are joined by a space, the paragraphs by a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub subject: Text,
    pub paragraphs: Vec<Vec<Text>>,
}

impl Mail {
    pub fn new(subject: Text) -> Mail {
        Mail {
            subject,
            paragraphs: Vec::new(),
        }
    }

    /// A paragraph of these sentences.
    pub fn paragraph(mut self, sentences: impl IntoIterator<Item = Text>) -> Mail {
        self.paragraphs.push(sentences.into_iter().collect());
        self
    }

    /// The subject and the body in `lang`; the body ends with a newline.
    pub fn render(&self, lang: Lang) -> (String, String) {
        let body: Vec<String> = self
            .paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|t| t.in_lang(lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        (
            self.subject.in_lang(lang),
            format!("{}\n", body.join("\n\n")),
        )
    }
}

/// "Hello Björn García," / « Bonjour Björn García, ».
pub fn hello(name: &str) -> Text {
    text!("mail-hello", name = name)
}

/// "Questions: ask Adèle Vance <adele.vance@…>."
pub fn questions(admin: &str, admin_upn: &str) -> Text {
    text!("mail-questions", admin = admin, admin_upn = admin_upn)
}

/// A cancellation reason as a buyer reads it.
pub fn reason(reason: CancelReason) -> Text {
    text!(match reason {
        CancelReason::NoLongerNeeded => "mail-reason-no-longer-needed",
        CancelReason::BoughtByMistake => "mail-reason-bought-by-mistake",
        CancelReason::MovingToCentral => "mail-reason-moving-to-central",
        CancelReason::TooExpensive => "mail-reason-too-expensive",
        CancelReason::Other => "mail-reason-other",
    })
}

/// What a subscription charges its buyer per term, where it charges anything: the price of all
/// its licenses for a term it is paid for, as `Subscription::monthly_spend` decides.
pub fn charge(sub: &Subscription) -> Option<(Money, &'static str)> {
    (sub.monthly_spend() > 0).then(|| {
        let amount = Money::new(
            sub.price.amount.minor * i64::from(sub.quantity),
            &sub.price.amount.currency,
        );
        let term = match sub.price.term {
            Term::Monthly => "monthly",
            Term::Annual => "annual",
        };
        (amount, term)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_renders_its_paragraphs_in_either_language() {
        let mail = Mail::new(text!("mail-renewed-subject", product = "Power BI Pro"))
            .paragraph([hello("Björn")])
            .paragraph([questions("Adèle Vance", "adele@contoso.example")]);
        let (subject, body) = mail.render(Lang::En);
        assert_eq!(subject, "Your Power BI Pro subscription renewed");
        assert_eq!(
            body,
            "Hello Björn,\n\nQuestions: ask Adèle Vance <adele@contoso.example>.\n"
        );
        let (subject, body) = mail.render(Lang::Fr);
        assert_eq!(subject, "Votre abonnement Power BI Pro a été renouvelé");
        assert!(body.starts_with("Bonjour Björn,\n\n"), "{body}");
    }
}
