//! Accepting a product that appeared and waits for review (issue 14, point 1): the first step
//! reads the queue and says what the product has; `y` takes it off the queue as it is.

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::{refusal, Context, Opened, Summary};
use crate::i18n::{policy_words, Lang};
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::review_policy::ReviewScope;
use selfserve_core::policy::review::{Governance, ReviewItem};
use selfserve_core::{text, Capability, Error};
use selfserve_server::Client;

/// The product as the queue has it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewView {
    pub id: String,
    pub name: String,
    pub value: PolicyValue,
    pub arrived: String,
}

impl Summary for ReviewView {
    fn done(&self, lang: Lang) -> String {
        tr!(
            lang,
            "gov-tui-accepted",
            name = self.name.as_str(),
            id = self.id.as_str()
        )
    }
}

#[derive(Debug, Clone)]
pub struct AcceptReview {
    pub product: String,
}

pub type AcceptReviewDialog = OneWriteDialog<AcceptReview>;

/// Opens on the selected product of the Policies screen.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManagePolicies, "gov-tui-do-accept")?;
    let row = cx
        .policy
        .ok_or_else(|| cx.lang().t("gov-tui-choose-product"))?;
    one_write::open(
        AcceptReview {
            product: row.product_id.0.clone(),
        },
        cx.now,
        cx.lang(),
    )
}

fn view(item: ReviewItem, lang: Lang) -> ReviewView {
    ReviewView {
        id: item.product_id.0,
        name: crate::text::sanitize(&item.product_name),
        value: item.policy_value,
        arrived: lang.date(item.arrived_at.date_naive()),
    }
}

impl OneWrite for AcceptReview {
    type View = ReviewView;
    const TITLE: &'static str = "gov-tui-accept-title";
    const YES: &'static str = "gov-tui-accept-yes";
    const WORKING: &'static str = "gov-tui-accept-working";

    /// The dry run reads the queue: accepting writes nothing but the queue and its audit.
    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
        lang: Lang,
    ) -> Result<ReviewView, String> {
        let found = if dry_run {
            client.ask(Request::Governance).and_then(|g: Governance| {
                g.review
                    .into_iter()
                    .find(|i| i.product_id.0 == self.product)
                    .ok_or_else(|| {
                        Error::not_found(text!("gov-review-not-queued", id = self.product.as_str()))
                    })
            })
        } else {
            client
                .ask(Request::AcceptReview {
                    scope: ReviewScope::Product(self.product.clone()),
                    now,
                })
                .and_then(|accepted: Vec<ReviewItem>| {
                    accepted.into_iter().next().ok_or_else(|| {
                        Error::not_found(text!("gov-review-not-queued", id = self.product.as_str()))
                    })
                })
        };
        found.map(|i| view(i, lang)).map_err(|e| refusal(e, lang))
    }

    fn describe(&self, page: &mut Page<'_>, v: &ReviewView, theme: Theme, done: bool) {
        let lang = page.lang;
        page.intro
            .push((format!("{} ({})", v.name, v.id), theme.title()));
        if done {
            page.intro.push((
                tr!(
                    lang,
                    "gov-tui-accepted",
                    name = v.name.as_str(),
                    id = v.id.as_str()
                ),
                Style::new(),
            ));
            return;
        }
        page.intro.push((
            tr!(
                lang,
                "gov-tui-accept-what",
                arrived = v.arrived.as_str(),
                words = policy_words(lang, v.value)
            ),
            Style::new(),
        ));
        page.intro
            .push((lang.t("gov-tui-accept-change-first"), theme.dim()));
    }
}
