//! Reading the buyers again for the products search.

use super::App;
use crate::tui::effect::Effect;
use crate::tui::list::LoadState;

impl App {
    /// Reads the buyers again after a change that may have ended or added subscriptions; the
    /// index in hand keeps serving the search meanwhile.
    pub(super) fn reload_buyers(&mut self, fx: &mut Vec<Effect>) {
        if self.buyers.state != LoadState::Idle {
            self.buyers.state = LoadState::Loading;
            fx.push(Effect::LoadBuyers);
        }
    }
}
