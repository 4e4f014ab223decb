//! The demo's subscriptions: central ones paid by invoice, self-service ones bought by users.

use super::new_id;
use super::writer::Writer;
use crate::error::Result;
use crate::model::*;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

pub(super) struct Builder {
    pub rng: ChaCha8Rng,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub currency: String,
    pub products: Vec<Product>,
    pub user_ids: Vec<UserId>,
    pub enabled: Vec<bool>,
    /// (user index, product index) pairs that hold a license: one license per product.
    pub held: HashSet<u64>,
    pub subscriptions: u64,
    pub assignments: u64,
}

impl Builder {
    fn holds(&self, user: usize, product: usize) -> bool {
        self.held.contains(&((user as u64) << 5 | product as u64))
    }

    fn hold(&mut self, user: usize, product: usize) {
        self.held.insert((user as u64) << 5 | product as u64);
    }

    /// A random enabled user without a license of `product`, if one turns up quickly.
    /// Not one of `chosen` either (with few users, drawing again after a chosen one never ended).
    fn free_user(&mut self, product: usize, chosen: &[usize]) -> Option<usize> {
        for _ in 0..40 {
            let u = self.rng.random_range(0..self.user_ids.len());
            if self.enabled[u] && !self.holds(u, product) && !chosen.contains(&u) {
                return Some(u);
            }
        }
        None
    }

    fn write_subscription(
        &mut self,
        w: &mut Writer,
        mut sub: Subscription,
        product: usize,
        users: &[usize],
    ) -> Result<()> {
        let assigned_at = (sub.start.and_hms_opt(9, 0, 0).unwrap_or_default()).and_utc();
        for &u in users {
            self.hold(u, product);
            w.put_assignment(&Assignment {
                subscription: sub.id,
                user: self.user_ids[u],
                assigned_at,
            })?;
        }
        sub.assigned = users.len() as u32;
        self.assignments += users.len() as u64;
        self.subscriptions += 1;
        w.put_subscription(&sub)
    }

    pub fn self_service(
        &mut self,
        w: &mut Writer,
        product: usize,
        taken_over_by: UserId,
    ) -> Result<()> {
        let p = self.products[product].clone();
        let rng = &mut self.rng;
        let id = SubscriptionId(new_id(rng));
        let trial = rng.random_bool(0.4);
        let cardless = trial && p.trial_without_payment_method && rng.random_bool(0.6);
        let term = if !trial && rng.random_bool(0.3) {
            Term::Annual
        } else {
            Term::Monthly
        };
        let last4 = format!("{:04}", rng.random_range(0..10_000u32));
        let payment_method = if cardless {
            PaymentMethod::None
        } else {
            PaymentMethod::Card { last4 }
        };
        let quantity: u32 = if trial {
            25
        } else {
            [1, 1, 1, 2, 3, 5, 5, 10, 10, 15, 20][rng.random_range(0..11)]
        };
        let price_minor = if cardless { 0 } else { p.list_price(term) };
        let days_in_term: u64 = if trial {
            u64::from(p.trial_days)
        } else if term == Term::Annual {
            365
        } else {
            30
        };
        let roll: u32 = rng.random_range(0..100);
        let (status, expires) = match roll {
            0..=7 => (
                Status::Expired,
                self.today - Days::new(rng.random_range(1..30)),
            ),
            8..=12 => (
                Status::Disabled,
                self.today - Days::new(rng.random_range(31..119)),
            ),
            13..=16 => (
                Status::Deleted,
                self.today - Days::new(rng.random_range(0..60)),
            ),
            _ => (
                Status::Active,
                self.today + Days::new(rng.random_range(1..=days_in_term)),
            ),
        };
        let start = if trial {
            expires - Days::new(u64::from(p.trial_days))
        } else {
            expires
                .checked_sub_months(Months::new(term.months()))
                .unwrap_or(expires)
        };
        let status_since = match status {
            Status::Active => start,
            Status::Expired => expires,
            Status::Disabled => expires + Days::new(30),
            Status::Deleted => self.today - Days::new(rng.random_range(0..30)),
        };
        let buyer = loop {
            let u = rng.random_range(0..self.user_ids.len());
            if self.enabled[u] {
                break u;
            }
        };
        let cancellation = (status == Status::Deleted)
            .then(|| CancelReason::ALL[rng.random_range(0..CancelReason::ALL.len())]);
        let taken_over = (status == Status::Deleted
            || (status == Status::Active && rng.random_bool(0.05)))
        .then(|| TakeOver {
            by: taken_over_by,
            at: self.now - chrono::Duration::days(rng.random_range(1..20)),
        });
        let auto_renew = status == Status::Active && !cardless;
        let wanted = if status == Status::Deleted {
            0
        } else {
            let most = quantity.min(8) as usize;
            rng.random_range(1..=most)
        };
        let mut users = Vec::with_capacity(wanted);
        if wanted > 0 && !self.holds(buyer, product) {
            users.push(buyer);
        }
        while users.len() < wanted {
            match self.free_user(product, &users) {
                Some(u) => users.push(u),
                None => break,
            }
        }
        let sub = Subscription {
            id,
            product_id: p.id.clone(),
            origin: if trial {
                Origin::SelfServiceTrial
            } else {
                Origin::SelfServicePurchase
            },
            buyer: Some(self.user_ids[buyer]),
            quantity,
            assigned: 0,
            price: Price {
                amount: Money::new(price_minor, &self.currency),
                term,
            },
            start,
            expires,
            auto_renew,
            payment_method,
            status,
            status_since,
            taken_over,
            cancellation,
        };
        self.write_subscription(w, sub, product, &users)
    }

    /// A central subscription paid by invoice: `roomy` ones leave free licenses so moves succeed,
    /// the others are nearly full so moves are refused.
    pub fn central(
        &mut self,
        w: &mut Writer,
        product: usize,
        roomy: bool,
        base: u32,
    ) -> Result<()> {
        let p = self.products[product].clone();
        let id = SubscriptionId(new_id(&mut self.rng));
        let wanted = self.rng.random_range(base / 2..=base) as usize;
        let mut users = Vec::with_capacity(wanted);
        while users.len() < wanted {
            match self.free_user(product, &users) {
                Some(u) => users.push(u),
                None => break,
            }
        }
        let free = if roomy {
            base
        } else {
            self.rng.random_range(0..=1)
        };
        let expires = self.today + Days::new(self.rng.random_range(30..330));
        let sub = Subscription {
            id,
            product_id: p.id.clone(),
            origin: Origin::Central,
            buyer: None,
            quantity: users.len() as u32 + free,
            assigned: 0,
            price: Price {
                amount: Money::new(p.annual_price, &self.currency),
                term: Term::Annual,
            },
            start: expires
                .checked_sub_months(Months::new(12))
                .unwrap_or(expires),
            expires,
            auto_renew: true,
            payment_method: PaymentMethod::Invoice,
            status: Status::Active,
            status_since: expires
                .checked_sub_months(Months::new(12))
                .unwrap_or(expires),
            taken_over: None,
            cancellation: None,
        };
        self.write_subscription(w, sub, product, &users)
    }
}
