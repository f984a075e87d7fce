//! A CSV pair in the column names Gephi's spreadsheet import and Kumu
//! understand: entities (Id, Label, ...) and relations (Source, Target,
//! Type = Directed, Id, Label = relation type, ...). RFC 4180 quoting.
//! Cells a spreadsheet would read as a formula get a leading `'` (OWASP's
//! CSV injection rule); `import::csv` takes it off again.

use super::{relation_ids, source_list};
use crate::model::{format_number, Dataset};

/// Whether a spreadsheet would run the cell (`=HYPERLINK(...)`, `+cmd|...`),
/// or the cell, once the import strips one `'`, would be one that it would:
/// prefixing those too (`'=x` becomes `''=x`) keeps the round trip exact.
pub fn is_formula_like(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn field(text: &str) -> String {
    let neutral;
    let text = if is_formula_like(text) {
        neutral = format!("'{text}");
        &neutral
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn row(fields: &[String]) -> String {
    let mut line = fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// `entities.csv`: Id, Label, Kind, Country, Wikidata, Aliases (`;`-separated),
/// Sources (of its kind, country and aliases; `;`-separated ids).
pub fn entities_csv(data: &Dataset) -> String {
    let mut out = row(&["Id", "Label", "Kind", "Country", "Wikidata", "Aliases", "Sources"].map(String::from));
    for e in &data.entities {
        let sources = e.sources.iter().map(|&s| data.source(s).id.as_str()).collect::<Vec<_>>().join(";");
        out.push_str(&row(&[e.id.clone(), e.name.clone(), e.kind.key().into(), e.country.clone(), e.wikidata.clone(), e.aliases.join(";"), sources]));
    }
    out
}

/// `relations.csv`: Source, Target, Type, Id, Label, Share, Share qualifier,
/// Role, Status, Start, End, Announced, Sources (`;`-separated ids), Note,
/// and the claim columns (Share max, According to, Confirmation, Disputed
/// by, Basis, Reasoning: `super::CLAIM_KEYS`).
pub fn relations_csv(data: &Dataset) -> String {
    let header = ["Source", "Target", "Type", "Id", "Label", "Share", "Share qualifier", "Role", "Status", "Start", "End", "Announced", "Sources", "Note", "Share max", "According to", "Confirmation", "Disputed by", "Basis", "Reasoning"];
    let mut out = row(&header.map(String::from));
    for (r, id) in data.relations.iter().zip(relation_ids(data)) {
        let date = |d: Option<crate::model::date::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let [share_max, according_to, confirmation, disputed_by, basis, reasoning] = super::claim_cells(data, r);
        out.push_str(&row(&[
            data.entity(r.from).id.clone(),
            data.entity(r.to).id.clone(),
            "Directed".into(),
            id,
            r.kind.key().into(),
            r.share.map(|s| format_number(s.percent)).unwrap_or_default(),
            r.share.map(|s| s.qualifier.key().to_string()).unwrap_or_default(),
            r.role.clone(),
            r.status.map(|s| s.key().to_string()).unwrap_or_default(),
            date(r.start),
            date(r.end),
            date(r.announced),
            source_list(data, r),
            r.note.clone(),
            share_max,
            according_to,
            confirmation,
            disputed_by,
            basis,
            reasoning,
        ]));
    }
    out
}
