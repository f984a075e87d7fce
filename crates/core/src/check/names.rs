//! Names a reader could be fooled by. Two entities whose names look the same
//! ("Huawei" and "Huawеi" with a Cyrillic е) let a page show two opposite
//! facts about what reads as one company; a U+202E in a name reverses the
//! rest of the sentence around it; a name of zero-width characters is blank.
//! So: look-alikes by Unicode's confusables skeleton (UTS #39), bidi controls
//! and invisible characters in names and aliases, and invisible-only names.
//! (Ids cannot hold them: E020 allows a-z, 0-9, `-` and `_` only.)

use super::fields::Span;
use super::raw::RawEntity;
use crate::check::diagnostic::{Code, Diagnostic};
use std::collections::HashMap;

/// Bidi controls and invisible characters (the Bidi_Control set, the
/// zero-width characters, the invisible operators and the BOM), each with
/// its Unicode name, which the message prints instead of the character.
const HIDDEN: &[(char, &str)] = &[
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2061}', "FUNCTION APPLICATION"),
    ('\u{2062}', "INVISIBLE TIMES"),
    ('\u{2063}', "INVISIBLE SEPARATOR"),
    ('\u{2064}', "INVISIBLE PLUS"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
];

fn hidden_name(c: char) -> Option<&'static str> {
    HIDDEN.iter().find(|(h, _)| *h == c).map(|(_, n)| *n)
}

/// The text as a terminal can show it safely: hidden characters as `\u{…}`.
fn shown(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().take(80) {
        match hidden_name(c) {
            Some(_) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            None => out.push(c),
        }
    }
    if text.chars().nth(80).is_some() {
        out.push('…');
    }
    out
}

fn visible(text: &str) -> String {
    text.chars().filter(|c| hidden_name(*c).is_none()).collect()
}

/// Every rule above, for every entity; `name_span` is where its name was written.
pub fn check_names(entities: &[RawEntity], diags: &mut Vec<Diagnostic>) {
    // skeleton → first entity with it, so each look-alike points at the first.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let owner = format!("entity `{}`", e.id.value);
        if too_long(&e.name, "name", &owner, &e.name_span, diags) | e.aliases.iter().zip(&e.alias_spans).any(|(a, span)| too_long(a, "alias", &owner, span, diags)) {
            continue;
        }
        let seen_name = visible(&e.name);
        if seen_name.trim().is_empty() {
            if !e.name.trim().is_empty() {
                diags.push(
                    Diagnostic::new(Code::EmptyValue, e.name_span.clone(), format!("`name` in {owner} is only invisible characters (`{}`)", shown(&e.name)))
                        .hint("give the entity a name readers can see"),
                );
            }
            continue;
        }
        hidden_in(&e.name, "name", &owner, &e.name_span, diags);
        for (alias, span) in e.aliases.iter().zip(&e.alias_spans) {
            hidden_in(alias, "alias", &owner, span, diags);
        }
        let key: String = unicode_security::skeleton(&seen_name).collect();
        match seen.get(&key) {
            Some(&first) if entities[first].name != e.name => diags.push(look_alike(&entities[first], e)),
            Some(_) => {}
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// Longest name or alias: a label on the map and a part of every sentence
/// about the entity (a 50 MB label made a 150 MB page).
pub const MAX_NAME_CHARS: usize = 300;

/// Reports a name or alias over [`MAX_NAME_CHARS`]; true if it is one.
fn too_long(text: &str, what: &str, owner: &str, span: &Span, diags: &mut Vec<Diagnostic>) -> bool {
    let Some((cut, _)) = text.char_indices().nth(MAX_NAME_CHARS) else { return false };
    let chars = MAX_NAME_CHARS + text[cut..].chars().count();
    diags.push(
        Diagnostic::new(Code::NameTooLong, span.clone(), format!("`{what}` in {owner} is {chars} characters long, more than {MAX_NAME_CHARS}"))
            .hint("shorten it to what readers call the entity; put the full legal name or a description in an `[[entity.attribute]]`"),
    );
    true
}

fn hidden_in(text: &str, what: &str, owner: &str, span: &Span, diags: &mut Vec<Diagnostic>) {
    let Some((at, c)) = text.chars().enumerate().find(|(_, c)| hidden_name(*c).is_some()) else { return };
    let name = hidden_name(c).unwrap_or_default();
    let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let (kind, hint) = if bidi {
        ("a bidi control", "delete it: it reorders the text around the name wherever a tool shows it without isolating it (alliance-map isolates every name)")
    } else {
        ("an invisible character", "delete it (retype the name): readers cannot see it, but it makes the name differ from one that looks the same; keep it only if the script needs it (a Persian ZWNJ)")
    };
    diags.push(
        Diagnostic::new(Code::HiddenCharacter, span.clone(), format!("{what} `{}` of {owner} holds {kind}, U+{:04X} {name}, at character {}", shown(text), c as u32, at + 1))
            .hint(hint),
    );
}

fn look_alike(first: &RawEntity, e: &RawEntity) -> Diagnostic {
    let (a, b): (Vec<char>, Vec<char>) = (first.name.chars().collect(), e.name.chars().collect());
    let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let code = |c: Option<&char>| c.map_or("nothing".to_string(), |c| format!("U+{:04X}", *c as u32));
    Diagnostic::new(
        Code::ConfusableName,
        e.name_span.clone(),
        format!(
            "name `{}` of entity `{}` looks the same as `{}` of entity `{}` (character {}: {} where the first has {})",
            shown(&e.name),
            e.id.value,
            shown(&first.name),
            first.id.value,
            at + 1,
            code(b.get(at)),
            code(a.get(at)),
        ),
    )
    .related(first.name_span.clone(), "looks like this name")
    .hint("if they are one organisation, merge them (keep the other spelling as an alias); if two, make the names tell them apart, e.g. with the country")
}
