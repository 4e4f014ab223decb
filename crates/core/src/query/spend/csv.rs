//! The spend reports as CSV for finance (`selfserve report … --csv`): one table each, English
//! headers like the user export's, amounts as plain decimals ("1470.00") with the currency in a
//! column of its own, names defused for spreadsheets.

use super::{Charge, ProductSaving, ProductSpend, SubscriptionWaste};
use crate::export::cell;
use crate::model::Money;
use std::io::Write;

/// An amount as a spreadsheet reads it: "-1234.56", exact, no grouping.
pub fn decimal(money: &Money) -> String {
    let sign = if money.minor < 0 { "-" } else { "" };
    let abs = money.minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

pub const SPEND_HEADER: [&str; 9] = [
    "Product",
    "Product ID",
    "Self-service per month",
    "Self-service per year",
    "Central per month",
    "Central per year",
    "Total per month",
    "Total per year",
    "Currency",
];

pub const RENEWALS_HEADER: [&str; 13] = [
    "Date",
    "Days",
    "Kind",
    "Subscription ID",
    "Product",
    "Product ID",
    "Origin",
    "Buyer UPN",
    "Buyer",
    "Quantity",
    "Amount",
    "Currency",
    "Auto-renew",
];

pub const WASTE_HEADER: [&str; 11] = [
    "Subscription ID",
    "Product",
    "Product ID",
    "Origin",
    "Buyer UPN",
    "Buyer",
    "Quantity",
    "Assigned",
    "Unused",
    "Unused per month",
    "Currency",
];

pub const SAVINGS_HEADER: [&str; 8] = [
    "Product",
    "Product ID",
    "Subscription ID",
    "Buyer UPN",
    "Users",
    "Saving per month",
    "Saving per year",
    "Currency",
];

fn opt(text: &Option<String>) -> String {
    text.as_deref().map(cell).unwrap_or_default()
}

/// One row per product with a run-rate.
pub fn spend<W: Write>(rows: &[ProductSpend], out: W) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(SPEND_HEADER)?;
    for r in rows {
        w.write_record([
            cell(&r.product_name),
            r.product_id.0.clone(),
            decimal(&r.self_service.monthly),
            decimal(&r.self_service.yearly),
            decimal(&r.central.monthly),
            decimal(&r.central.yearly),
            decimal(&r.total.monthly),
            decimal(&r.total.yearly),
            r.total.monthly.currency.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One row per charge or end, by date.
pub fn renewals<'a, W: Write>(
    charges: impl IntoIterator<Item = &'a Charge>,
    out: W,
) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(RENEWALS_HEADER)?;
    for c in charges {
        w.write_record([
            c.on.format("%Y-%m-%d").to_string(),
            c.days.to_string(),
            c.kind.as_str().to_string(),
            c.subscription.to_string(),
            cell(&c.product_name),
            c.product_id.0.clone(),
            c.origin.as_str().to_string(),
            opt(&c.buyer),
            opt(&c.buyer_name),
            c.quantity.to_string(),
            decimal(&c.amount),
            c.amount.currency.clone(),
            c.auto_renew.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One row per subscription with unused licenses, most costly first.
pub fn waste<W: Write>(rows: &[SubscriptionWaste], out: W) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(WASTE_HEADER)?;
    for r in rows {
        w.write_record([
            r.subscription.to_string(),
            cell(&r.product_name),
            r.product_id.0.clone(),
            r.origin.as_str().to_string(),
            opt(&r.buyer),
            opt(&r.buyer_name),
            r.quantity.to_string(),
            r.assigned.to_string(),
            r.unused.to_string(),
            decimal(&r.monthly),
            r.monthly.currency.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One row per self-service subscription whose users fit in free central licenses.
pub fn savings<W: Write>(products: &[ProductSaving], out: W) -> ::csv::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(SAVINGS_HEADER)?;
    for p in products {
        for s in &p.subscriptions {
            w.write_record([
                cell(&p.product_name),
                p.product_id.0.clone(),
                s.subscription.to_string(),
                opt(&s.buyer),
                s.users.to_string(),
                decimal(&s.rate.monthly),
                decimal(&s.rate.yearly),
                s.rate.monthly.currency.clone(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact_and_ungrouped() {
        let eur = |m| decimal(&Money::new(m, "EUR"));
        assert_eq!(eur(0), "0.00");
        assert_eq!(eur(5), "0.05");
        assert_eq!(eur(-5), "-0.05");
        assert_eq!(eur(123_456_789), "1234567.89");
    }
}
