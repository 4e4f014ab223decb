//! The people of the demo tenant: their names, UPNs and departments.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const FIRST: &[&str] = &[
    "Adèle",
    "Alex",
    "Amélie",
    "Ana",
    "Björn",
    "Camille",
    "Chloé",
    "Dmitri",
    "Élodie",
    "Emma",
    "Fatima",
    "François",
    "Grace",
    "Hélène",
    "Henrik",
    "Inès",
    "Isabella",
    "Jürgen",
    "Kofi",
    "Léa",
    "Lucas",
    "Maël",
    "María",
    "Mateo",
    "Noah",
    "Nuno",
    "Olga",
    "Oscar",
    "Priya",
    "Raphaël",
    "Renée",
    "Siobhán",
    "Søren",
    "Thomas",
    "Yasmine",
    "Zoë",
    "Ørjan",
    "Ngozi",
    "Ángel",
    "Ewa",
];
const LAST: &[&str] = &[
    "Dubois",
    "Müller",
    "Nguyễn",
    "García",
    "Øvergaard",
    "Łukasiewicz",
    "Çelik",
    "O'Brien",
    "Smith",
    "Johansson",
    "Rossi",
    "Kowalski",
    "Moreau",
    "Lefèvre",
    "Schäfer",
    "Novák",
    "Fernández",
    "Horváth",
    "Papadopoulos",
    "Bianchi",
    "Yılmaz",
    "Okafor",
    "Haddad",
    "Silva",
    "Brontë",
];
/// CJK names with the romanised form their UPN uses.
const CJK: &[(&str, &str)] = &[
    ("山田 太郎", "taro.yamada"),
    ("佐藤 花子", "hanako.sato"),
    ("田中 美咲", "misaki.tanaka"),
    ("李娜", "na.li"),
    ("王伟", "wei.wang"),
    ("陈静", "jing.chen"),
    ("김민준", "minjun.kim"),
    ("박서연", "seoyeon.park"),
];
const EMOJI: &[&str] = &["🚀", "🌻", "🎧", "☕", "🦊", "🌈", "👩‍💻"];
pub(super) const DEPARTMENTS: &[&str] = &[
    "Finance",
    "Marketing",
    "Ventes",
    "R&D",
    "IT",
    "Opérations",
    "Juridique",
    "RH",
    "Support",
    "Design",
    "研究開発",
];
/// Letters of the names above folded to the ASCII a UPN allows.
fn ascii_fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let folded = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'Å' => "a",
            'è' | 'é' | 'ê' | 'ë' | 'É' | 'ễ' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ø' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ñ' => "n",
            'ç' | 'Ç' => "c",
            'ł' | 'Ł' => "l",
            'ß' => "ss",
            'ğ' => "g",
            'ş' => "s",
            'ā' => "a",
            c if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "",
        };
        out.push_str(folded);
    }
    out
}

pub(super) struct Person {
    pub display_name: String,
    pub upn_base: String,
}

pub(super) fn person(rng: &mut ChaCha8Rng, index: usize) -> Person {
    // One name in the demo carries an escape sequence, as hostile data would: screens must strip it.
    if index == 13 {
        return Person {
            display_name: "Mallory \u{1b}[31mRed\u{1b}[0m Tables\u{7}".to_string(),
            upn_base: "mallory.tables".to_string(),
        };
    }
    if index == 21 {
        // A decomposed accent (e + combining acute): two code points, one column.
        return Person {
            display_name: "Rene\u{301}e Lefe\u{300}vre".to_string(),
            upn_base: "renee.lefevre".to_string(),
        };
    }
    let roll: u32 = rng.random_range(0..100);
    if roll < 10 {
        let (name, base) = CJK[rng.random_range(0..CJK.len())];
        return Person {
            display_name: name.to_string(),
            upn_base: base.to_string(),
        };
    }
    let first = FIRST[rng.random_range(0..FIRST.len())];
    let last = LAST[rng.random_range(0..LAST.len())];
    let mut display_name = format!("{first} {last}");
    if roll >= 96 {
        display_name.push(' ');
        display_name.push_str(EMOJI[rng.random_range(0..EMOJI.len())]);
    }
    Person {
        display_name,
        upn_base: format!("{}.{}", ascii_fold(first), ascii_fold(last)),
    }
}
