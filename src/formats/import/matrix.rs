//! Gephi's adjacency matrix CSV: a header of node names after an empty
//! first cell, then one row per node, its name and a weight for each
//! column (0 or empty: no edge; other than 1: the edge's weight).

use super::csv::Table;
use super::Builder;
use crate::check::fields::At;

/// Whether `t` is a matrix: an empty first header cell, the other cells
/// naming nodes, and each row's first cell one of them.
pub(crate) fn is_matrix(t: &Table) -> bool {
    let names: Vec<&str> = t.headers.iter().skip(1).map(|h| h.trim()).collect();
    t.headers.first().is_some_and(|h| h.trim().is_empty())
        && names.len() >= 2
        && names.iter().all(|n| !n.is_empty())
        && t.rows.iter().all(|(row, _)| row.first().is_some_and(|c| names.contains(&c.trim())))
}

/// Every node of the header, and an edge for each non-zero cell.
pub(crate) fn read_matrix(b: &mut Builder, t: &Table) {
    let header_span = t.base..t.base + t.text.find('\n').unwrap_or(t.text.len());
    for name in t.headers.iter().skip(1).map(|h| h.trim()) {
        b.entity(At { value: name.to_string(), span: header_span.clone() }, name, Vec::new(), Vec::new(), header_span.clone());
    }
    for (row, span) in &t.rows {
        let from = row[0].trim();
        for (cell, to) in row.iter().skip(1).zip(t.headers.iter().skip(1)) {
            let weight = cell.trim();
            if weight.is_empty() || weight.parse::<f64>() == Ok(0.0) {
                continue;
            }
            let attributes = if weight.parse::<f64>() == Ok(1.0) { Vec::new() } else { vec![("weight".to_string(), weight.to_string())] };
            let end = |id: &str| At { value: id.to_string(), span: span.clone() };
            b.relation(None, end(from), end(to.trim()), attributes, span.clone());
        }
    }
}
