//! The open dialog: opening one, handing it keys and its jobs' replies, and doing what each
//! `Step` it returns asks.

use super::App;
use super::Focus;
use crate::tui::action::Screen;
use crate::tui::dialogs::{Context, OpenSubscriptions, Opener, Step};
use crate::tui::effect::{Effect, Reply};
use crate::tui::input::DialogKey;
use crate::tui::list::LoadState;
use crate::tui::rows::SubsKey;

impl App {
    /// What a dialog may look at as it opens: what this screen has selected.
    fn context(&self) -> Context<'_> {
        let on = |screen: Screen| self.screen == screen;
        Context {
            session: &self.session,
            now: self.now,
            subscription: on(Screen::Subscriptions)
                .then(|| self.subs.list.selected())
                .flatten(),
            product: if on(Screen::Spend) {
                self.spend_product()
            } else {
                on(Screen::Products)
                    .then(|| self.products.list.selected())
                    .flatten()
            },
            email: on(Screen::Outbox)
                .then(|| self.outbox.list.selected())
                .flatten(),
            policy: on(Screen::Policies)
                .then(|| self.policies.list.selected())
                .flatten(),
            policies: self.policies.list.items(),
            history: &self.history,
            users: if self.screen == Screen::Subscriptions {
                self.chosen_users()
            } else {
                Vec::new()
            },
        }
    }

    pub(super) fn open_dialog(&mut self, open: Opener, fx: &mut Vec<Effect>) {
        match open(&self.context()) {
            Ok(opened) => {
                self.searching = false;
                self.dialog = Some(opened.dialog);
                self.apply(opened.step, fx);
            }
            Err(why) => self.fail(why),
        }
    }

    pub(super) fn dialog_key(&mut self, key: DialogKey, fx: &mut Vec<Effect>) {
        if let Some(d) = &mut self.dialog {
            let step = d.key(key, self.now);
            self.apply(step, fx);
        }
    }

    pub(super) fn dialog_typed(&mut self, c: Option<char>, fx: &mut Vec<Effect>) {
        if let Some(d) = &mut self.dialog {
            let step = d.typed(c, self.now);
            self.apply(step, fx);
        }
    }

    pub(super) fn dialog_reply(&mut self, reply: &Reply, fx: &mut Vec<Effect>) {
        if let Some(d) = &mut self.dialog {
            let step = d.reply(reply);
            self.apply(step, fx);
        }
    }

    fn apply(&mut self, step: Step, fx: &mut Vec<Effect>) {
        if step.close {
            self.dialog = None;
        }
        if let Some(m) = step.message {
            self.tell(m);
        }
        if step.reload {
            self.reload(fx);
        }
        for effect in step.effects {
            if let Effect::Export { .. } = effect {
                self.export.busy = true;
            }
            fx.push(effect);
        }
        if let Some(open) = step.open {
            self.open_untouched(open, fx);
        }
    }

    /// The Subscriptions screen on a product's self-service subscriptions (the filter on, not
    /// the orphans), where `t` takes one over: what a policy change leaves untouched.
    fn open_untouched(&mut self, open: OpenSubscriptions, fx: &mut Vec<Effect>) {
        self.dialog = None;
        self.orphans = false;
        if !self.self_service {
            // Turns the filter on for the Products screen too, as `f` does.
            self.toggle_self_service(fx);
        }
        let key = SubsKey {
            product: open.product,
            self_service: true,
            orphans: false,
        };
        if self.subs_key.as_ref() != Some(&key) || self.subs.state != LoadState::Ready {
            self.load_subs(key, fx);
        }
        self.subs.list.set_query("");
        self.screen = Screen::Subscriptions;
        self.focus = Focus::List;
        self.refit();
        self.want_users(fx);
        let said = selfserve_core::text!(
            "gov-msg-untouched-opened",
            name = open.name.as_str(),
            subscriptions = open.subscriptions
        )
        .in_lang(self.session.lang);
        self.subs_product = open.name;
        self.say(said);
    }
}
