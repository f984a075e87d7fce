//! `diff`'s lines for what is not an entity, a relation or a source: the
//! corrections (by date and what changed), the market reactions (by their
//! words) and the story's steps (by title: added, removed, moved, or its
//! caption or what it shows changed), so a corrections note says all that
//! changed.

use crate::display::reaction::reaction_words;
use crate::display::story::{caption, shows};
use crate::model::graph::Adjacency;
use crate::model::Dataset;

/// Corrections added and removed, oldest first as written.
pub fn correction_changes(old: &Dataset, new: &Dataset, out: &mut Vec<String>) {
    let key = |c: &crate::model::Correction| format!("{}: {}", c.date, c.what);
    let (before, after): (Vec<String>, Vec<String>) = (old.corrections.iter().map(key).collect(), new.corrections.iter().map(key).collect());
    removed_and_added(&before, &after, out, |k| format!("Removed the correction of {k}"), |k| format!("Added a correction of {k}"));
}

/// Lines for what is in `before` only, then in `after` only, compared by their words.
fn removed_and_added(before: &[String], after: &[String], out: &mut Vec<String>, removed: impl Fn(&str) -> String, added: impl Fn(&str) -> String) {
    out.extend(before.iter().filter(|k| !after.contains(k)).map(|k| removed(k)));
    out.extend(after.iter().filter(|k| !before.contains(k)).map(|k| added(k)));
}

/// Market reactions added and removed, in words.
pub fn reaction_changes(old: &Dataset, new: &Dataset, out: &mut Vec<String>) {
    let words = |d: &Dataset, x: &crate::model::Reaction| format!("{}’s market reaction: {}", d.entity(x.entity).name, reaction_words(d, x));
    let (before, after): (Vec<String>, Vec<String>) = (old.reactions.iter().map(|x| words(old, x)).collect(), new.reactions.iter().map(|x| words(new, x)).collect());
    removed_and_added(&before, &after, out, |k| format!("Removed {k}"), |k| format!("Added {k}"));
}

/// Story steps matched by title: added, removed, moved, captions and what each shows.
pub fn step_changes(old: &Dataset, new: &Dataset, out: &mut Vec<String>) {
    let (adj_old, adj_new) = (Adjacency::new(old), Adjacency::new(new));
    for (i, s) in old.steps.iter().enumerate() {
        if !new.steps.iter().any(|t| t.title == s.title) {
            out.push(format!("Removed story step {} “{}”.", i + 1, s.title));
        }
    }
    for (j, t) in new.steps.iter().enumerate() {
        let Some(i) = old.steps.iter().position(|s| s.title == t.title) else {
            out.push(format!("Added story step {} “{}”: {}", j + 1, t.title, caption(new, t)));
            continue;
        };
        let s = &old.steps[i];
        if i != j {
            out.push(format!("Story step “{}” is now step {} (was {}).", t.title, j + 1, i + 1));
        }
        let (was, now) = (caption(old, s), caption(new, t));
        if was != now {
            out.push(format!("Story step {} “{}”: the caption is now “{now}”.", j + 1, t.title));
        }
        let (was, now) = (shows(old, &adj_old, s), shows(new, &adj_new, t));
        if was != now {
            out.push(format!("Story step {} “{}” now shows: {now}", j + 1, t.title));
        }
    }
}
