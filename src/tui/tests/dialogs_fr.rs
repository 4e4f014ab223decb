//! Every dialog at 80x24 in French and in English, on a real demo tenant: each step
//! snapshotted in both languages (`dialog_<step>_<en|fr>_80x24`), and the words that must not be
//! cut (titles, the admin center's terms, each key's hint) checked whole on screen.

use super::policy::{at, open_in};
use super::takeover::{movable, to_product, to_sub, to_target, wizard, PRO};
use super::*;
use crate::i18n::Lang;
use crate::tui::dialogs::move_wizard::MoveStep;
use crate::tui::input::DialogKey;
use selfserve_core::model::CancelReason;

const BOTH: [Lang; 2] = [Lang::En, Lang::Fr];

/// The screen at 80x24, snapshotted under `dialog_<name>_<lang>_80x24`.
fn shot(h: &mut Harness, lang: Lang, name: &str) -> String {
    h.resize(80, 24);
    let screen = h.render();
    insta::assert_snapshot!(format!("dialog_{name}_{}_80x24", lang.code()), screen);
    screen
}

/// Each phrase is on screen whole, on one line (a no-break space counts as a space).
fn shows(screen: &str, phrases: &[String]) {
    let plain = |t: &str| t.replace('\u{a0}', " ");
    for p in phrases {
        assert!(
            plain(screen).contains(&plain(p)),
            "{p:?} is cut or missing:\n{screen}"
        );
    }
}

/// A key and its hint as the key line shows them.
fn key(lang: Lang, k: DialogKey, id: &str) -> String {
    format!("{} {}", k.label(), lang.t(id))
}

/// The words a French screen must show as the admin center words them; English in English.
fn words(lang: Lang, en: &str, fr: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Fr => fr.to_string(),
    }
}

fn message(h: &Harness) -> String {
    h.app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_move_wizard_in_both_languages_through_to_its_result() {
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        let (from, _) = movable(&h);
        to_sub(&mut h, PRO, from);
        h.keys("m");
        let s = shot(&mut h, lang, "move_1_take_over");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Move users · step 1 of 6",
                    "Déplacer les utilisateurs · étape 1 sur 6",
                ),
                key(lang, DialogKey::Next, "dialog-key-choose-where"),
                key(lang, DialogKey::Back, "dialog-key-close-nothing-changes"),
            ],
        );
        h.keys("<Enter>");
        let s = shot(&mut h, lang, "move_2_targets");
        shows(
            &s,
            &[
                lang.t("dialog-targets-rest"),
                key(lang, DialogKey::Buy, "dialog-key-buy"),
                key(lang, DialogKey::Back, "dialog-key-back"),
            ],
        );
        h.keys("b");
        let s = shot(&mut h, lang, "move_2_buy");
        // The price in the reader's form: "€168.00" / "168,00 €" (a no-break space).
        shows(&s, &[words(lang, "€168.00", "168,00\u{a0}€")]);
        shows(&s, &[key(lang, DialogKey::Term, "dialog-key-other-term")]);
        h.keys("<Esc><Enter>");
        assert_eq!(wizard(&h).step, MoveStep::Review);
        let s = shot(&mut h, lang, "move_3_review");
        shows(
            &s,
            &[
                key(lang, DialogKey::Next, "dialog-key-continue"),
                key(lang, DialogKey::Back, "dialog-key-back-to-targets"),
            ],
        );
        h.keys("<Enter>");
        let s = shot(&mut h, lang, "move_4_confirm");
        shows(
            &s,
            &[
                key(lang, DialogKey::Yes, "dialog-key-yes-move"),
                key(lang, DialogKey::Back, "dialog-key-no-back-to-review"),
            ],
        );
        // Enter is not yes: the note says which key is, in the reader's language.
        h.keys("<Enter>");
        let note = wizard(&h).note.clone().expect("a note");
        assert_eq!(
            note,
            lang.tr(
                "dialog-move-note-confirm",
                &[("yes", "y".into()), ("back", "Esc n".into())]
            )
        );
        let fx = h.app.update(Action::Dialog(DialogKey::Yes));
        let s = shot(&mut h, lang, "move_5_progress");
        shows(
            &s,
            &[words(
                lang,
                "Moving 3 users",
                "Déplacement de 3 utilisateurs",
            )],
        );
        h.run(fx);
        assert_eq!(wizard(&h).step, MoveStep::Done);
        let s = shot(&mut h, lang, "move_6_result");
        shows(&s, &[lang.t("dialog-result-shown")]);
        let said = message(&h);
        assert!(
            said.starts_with(&words(
                lang,
                "Moved 3 users to ",
                "3 utilisateurs déplacés vers "
            )),
            "{said}"
        );
    }
}

#[test]
fn a_target_without_room_and_a_refused_move_in_both_languages() {
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        let (from, to) = movable(&h);
        to_sub(&mut h, PRO, from);
        h.keys("m<Enter>");
        let at = wizard(&h)
            .targets
            .ready()
            .expect("targets")
            .iter()
            .position(|t| t.missing > 0)
            .expect("a target without room");
        to_target(&mut h, at);
        h.keys("<Enter>");
        let s = shot(&mut h, lang, "move_2_target_without_room");
        // The core's refusal, read in the session's language.
        let target = wizard(&h).targets.ready().expect("targets")[at].clone();
        let why = target.refusal.clone().expect("why");
        if lang == Lang::Fr {
            assert!(!why.contains("needs"), "the refusal in French: {why}");
        }
        shows(&s, &[target.answer(wizard(&h).users, lang)]);
        h.keys("<Esc><Esc>");
        // A plan made while the target could take them, refused once it cannot.
        h.keys("m<Enter>");
        let pos = wizard(&h)
            .targets
            .ready()
            .expect("targets")
            .iter()
            .position(|t| t.id == to)
            .expect("listed");
        to_target(&mut h, pos);
        h.keys("<Enter><Enter>");
        let now = h.app.now;
        selfserve_core::ops::cancel::cancel(
            &h.store,
            &h.actor,
            to,
            CancelReason::Other,
            now,
            false,
        )
        .expect("cancel the target meanwhile");
        h.keys("y");
        let s = shot(&mut h, lang, "move_6_refused");
        shows(&s, &[lang.t("dialog-nothing-changed")]);
    }
}

#[test]
fn cancel_asks_why_then_if_sure_in_both_languages() {
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        let (sub, _) = movable(&h);
        to_sub(&mut h, PRO, sub);
        h.keys("cj");
        let s = shot(&mut h, lang, "cancel_reason");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Cancel subscription · why?",
                    "Annuler l'abonnement · motif",
                ),
                lang.t("dialog-reason-moving-to-central"),
                key(lang, DialogKey::Back, "dialog-key-close-nothing-changes"),
            ],
        );
        h.keys("<Enter>");
        let s = shot(&mut h, lang, "cancel_confirm");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Are you sure you want to cancel?",
                    "Voulez-vous vraiment annuler ?",
                ),
                key(lang, DialogKey::Yes, "dialog-key-yes-cancel"),
                key(lang, DialogKey::Back, "dialog-key-no-back-to-reasons"),
            ],
        );
        h.keys("y");
        let s = shot(&mut h, lang, "cancel_result");
        shows(&s, &[lang.t("dialog-result-shown")]);
        // Cancelling it again is refused before any reason, in the reader's words.
        h.keys("<Enter>c");
        assert!(h.app.dialog.is_none());
        let said = message(&h);
        assert!(
            said.contains(&words(lang, "is Deleted already", "est déjà Supprimé")),
            "{said}"
        );
    }
}

#[test]
fn centralise_reviews_confirms_and_does_it_in_both_languages() {
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        to_product(&mut h, PRO);
        h.keys("C");
        let s = shot(&mut h, lang, "centralise_review");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Centralise Power BI Pro · review",
                    "Centraliser Power BI Pro · vérification",
                ),
                words(lang, "€1,680.00", "1\u{a0}680,00\u{a0}€"),
                key(lang, DialogKey::Term, "dialog-key-other-term"),
            ],
        );
        h.keys("<Enter>");
        let s = shot(&mut h, lang, "centralise_confirm");
        shows(
            &s,
            &[
                key(lang, DialogKey::Yes, "dialog-key-yes-centralise"),
                key(lang, DialogKey::Back, "dialog-key-no-back-to-plan"),
            ],
        );
        h.keys("y");
        shot(&mut h, lang, "centralise_result");
        let said = message(&h);
        assert!(
            said.starts_with(&words(
                lang,
                "Centralised Power BI Pro: ",
                "Power BI Pro centralisé : "
            )),
            "{said}"
        );
    }
}

#[test]
fn take_over_ask_cancel_unassign_and_assign_in_both_languages() {
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        let (from, central) = movable(&h);
        to_sub(&mut h, PRO, from);
        // Unassigning before taking over: the core refuses, in the reader's language.
        h.keys("<Tab><Space>u");
        shot(&mut h, lang, "unassign_refused");
        h.keys("<Esc><Tab>");

        h.keys("r");
        let s = shot(&mut h, lang, "ask_cancel_review");
        shows(
            &s,
            &[key(lang, DialogKey::Yes, "dialog-key-yes-email-buyer")],
        );
        h.keys("y");
        shot(&mut h, lang, "ask_cancel_done");
        h.keys("<Enter>");

        h.keys("t");
        let s = shot(&mut h, lang, "take_over_review");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Take over subscription",
                    "Prendre le contrôle de cet abonnement",
                ),
                key(lang, DialogKey::Yes, "dialog-key-yes-take-over"),
                key(lang, DialogKey::Back, "dialog-key-no-close"),
            ],
        );
        h.keys("y");
        shot(&mut h, lang, "take_over_done");
        let said = message(&h);
        assert!(
            said.starts_with(&words(lang, "Took over", "Contrôle pris sur")),
            "{said}"
        );
        h.keys("<Enter>t");
        let s = shot(&mut h, lang, "take_over_already");
        shows(
            &s,
            &[words(
                lang,
                "Already taken over by adele.vance@contoso.example on 2026-11-23",
                "Contrôle déjà pris par adele.vance@contoso.example le 23/11/2026",
            )],
        );
        h.keys("<Esc>");

        // Taken over: the marked users lose their licenses after the dry run and y.
        let mut fx = Vec::new();
        h.app.reload(&mut fx);
        h.run(fx);
        h.keys("<Tab>gj<Space><Space>u");
        let s = shot(&mut h, lang, "unassign_review");
        shows(&s, &[key(lang, DialogKey::Yes, "dialog-key-yes-unassign")]);
        h.keys("y");
        shot(&mut h, lang, "unassign_done");
        h.keys("<Enter><Tab>");

        // Assigning on the central subscription: pick, review, done.
        to_sub(&mut h, PRO, central);
        h.keys("Azoe<Enter>");
        let s = shot(&mut h, lang, "assign_pick");
        shows(
            &s,
            &[
                key(lang, DialogKey::Next, "dialog-key-pick"),
                key(lang, DialogKey::Review, "dialog-key-review"),
            ],
        );
        h.keys("<Tab>");
        let s = shot(&mut h, lang, "assign_review");
        shows(
            &s,
            &[
                key(lang, DialogKey::Yes, "dialog-key-yes-assign"),
                key(lang, DialogKey::Back, "dialog-key-no-back-to-picking"),
            ],
        );
        h.keys("y");
        shot(&mut h, lang, "assign_done");
    }
}

#[test]
fn the_policy_panel_in_both_languages_with_rule_8s_notice() {
    for lang in BOTH {
        let mut h = open_in("admin", false, at(NOW), lang);
        h.keys("3/power bi pro<Enter><Enter>");
        let s = shot(&mut h, lang, "policy_panel");
        let mut whole = vec![
            format!("[ {} ]", lang.t("dialog-policy-save-changes")),
            lang.t("policy-allow"),
            lang.t("policy-trials-only"),
            lang.t("policy-do-not-allow"),
            lang.t("core-data-notice-heading"),
        ];
        if lang == Lang::Fr {
            whole.push("[ Enregistrer les modifications ]".into());
            whole.push("Autoriser pour les essais uniquement".into());
        }
        shows(&s, &whole);
        // The notice whole: every word of it, in order, across the panel's lines.
        let panel: String = s
            .lines()
            .map(|l| {
                l.trim_matches('"')
                    .trim_matches(|c| c == '│' || c == ' ')
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let notice = crate::tui::dialogs::policy_panel::data_notice(lang);
        let squeezed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squeezed(&panel).contains(&squeezed(&notice)),
            "the notice whole:\n{s}"
        );
        h.keys("j");
        let s = shot(&mut h, lang, "policy_panel_trials_only");
        shows(&s, &[lang.t("dialog-policy-means-trials")]);
        h.keys("j");
        shot(&mut h, lang, "policy_panel_do_not_allow");
        h.keys("<Esc>a");
        shot(&mut h, lang, "policy_panel_all");
        h.keys("jj<Enter>");
        let s = shot(&mut h, lang, "policy_panel_all_question");
        shows(
            &s,
            &[
                key(lang, DialogKey::Yes, "dialog-key-yes-save"),
                key(lang, DialogKey::Back, "dialog-key-no-back-to-panel"),
            ],
        );
        h.keys("<Esc><Esc>");
        let said = message(&h);
        assert_eq!(said, lang.t("dialog-policy-closed"));

        for (login, name) in [
            ("billing", "policy_panel_billing"),
            ("reader", "policy_panel_reader"),
        ] {
            let mut h = open_in(login, false, at(NOW), lang);
            h.keys("3/power bi pro<Enter><Enter>");
            let s = shot(&mut h, lang, name);
            shows(&s, &[words(lang, "Read-only:", "Lecture seule :")]);
        }
    }
}

#[test]
fn an_email_the_messages_and_the_question_in_both_languages() {
    use selfserve_core::query::{subscription_rows, SubscriptionFilter};
    for lang in BOTH {
        let mut h = Harness::in_lang(80, 24, lang);
        let filter = SubscriptionFilter {
            self_service_only: true,
            ..SubscriptionFilter::default()
        };
        let sub = subscription_rows(&h.store, &h.actor, &filter, h.app.now).expect("rows")[0].id;
        let now = h.app.now;
        selfserve_core::ops::cancel::cancel(
            &h.store,
            &h.actor,
            sub,
            CancelReason::Other,
            now,
            false,
        )
        .expect("cancel");
        h.keys("6<Enter>");
        let s = shot(&mut h, lang, "email");
        shows(
            &s,
            &[
                words(
                    lang,
                    "Written: 2026-11-23 12:00 UTC",
                    "Écrit le : 23/11/2026 12:00 UTC",
                ),
                key(lang, DialogKey::Back, "dialog-key-close"),
            ],
        );
        h.keys("<Esc>");
        h.act(Action::Refused("a refusal".into()));
        h.keys("M");
        let s = shot(&mut h, lang, "messages");
        shows(&s, &[lang.t("dialog-messages-title").trim().to_string()]);
        h.keys("<Esc>");
        h.app.dialog = Some(Box::new(Question::new(
            "selfserve-users-2026-11-23.csv exists. Replace it?".into(),
            super::super::effect::Effect::LoadPolicies,
            "Reading",
            lang,
        )));
        let s = shot(&mut h, lang, "question");
        shows(
            &s,
            &[
                lang.t("dialog-question-title").trim().to_string(),
                format!("n / Esc {}", lang.t("dialog-question-no")),
            ],
        );
        h.keys("<Enter>");
        assert_eq!(
            message(&h),
            lang.tr(
                "dialog-question-only-yes",
                &[("yes", "y".into()), ("back", "Esc n".into())]
            )
        );
    }
}
