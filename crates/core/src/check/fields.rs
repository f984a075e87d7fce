//! Typed, reporting access to one TOML table: each getter returns the value
//! with its span, or records a diagnostic (missing field, wrong type) and
//! returns `None`, so reading goes on and every problem is reported.

use super::suggest::did_you_mean;
use crate::model::date::{MonthDay, PartialDate};
use crate::check::diagnostic::{Code, Diagnostic};
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A byte range in the file.
pub type Span = Range<usize>;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// One table being read: its entries, a description for messages ("entity
/// `huawei`") and the span to point at when a field is missing.
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Human description of the table, used in every message.
    pub what: String,
    /// Span of the table itself.
    pub span: Span,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// Starts reading a table, reporting every key not in `known` at once.
    pub fn new(
        table: &'t DeTable<'i>,
        what: String,
        span: Span,
        known: &[&str],
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        for (key, _) in table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                diags.push(
                    Diagnostic::new(
                        Code::UnknownField,
                        key.span(),
                        format!("unknown field `{}` in {what}", key.get_ref()),
                    )
                    .hint(did_you_mean(key.get_ref(), known.iter().copied())),
                );
            }
        }
        Fields { table, what, span }
    }

    /// The raw value of a key, if present.
    pub fn raw(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn missing(&self, key: &str, expected: &str, diags: &mut Vec<Diagnostic>) {
        diags.push(
            Diagnostic::new(Code::MissingField, self.span.clone(), format!("missing field `{key}` in {}", self.what))
                .hint(format!("add `{key} = {expected}`")),
        );
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue>, expected: &str, diags: &mut Vec<Diagnostic>) {
        diags.push(
            Diagnostic::new(
                Code::WrongType,
                value.span(),
                format!("`{key}` in {} should be {expected}, found {}", self.what, type_name(value.get_ref())),
            )
            .hint(format!("write it as {}", example_of(expected))),
        );
    }

    /// A text value. Empty or blank text is reported when `required`.
    pub fn text(&self, key: &str, required: bool, diags: &mut Vec<Diagnostic>) -> Option<At<String>> {
        let Some(value) = self.raw(key) else {
            if required {
                self.missing(key, "\"...\"", diags);
            }
            return None;
        };
        match value.get_ref() {
            DeValue::String(s) => {
                if required && s.trim().is_empty() {
                    diags.push(
                        Diagnostic::new(Code::EmptyValue, value.span(), format!("`{key}` in {} is empty", self.what))
                            .hint(format!("give `{key}` a value, or remove the {}", self.what_kind())),
                    );
                    return None;
                }
                Some(At { value: s.to_string(), span: value.span() })
            }
            _ => {
                self.wrong_type(key, value, "a string", diags);
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn text_list(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<At<String>> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        match value.get_ref() {
            DeValue::String(s) => vec![At { value: s.to_string(), span: value.span() }],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(At { value: s.to_string(), span: item.span() }),
                    _ => {
                        self.wrong_type(key, item, "a list of strings", diags);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(key, value, "a list of strings", diags);
                Vec::new()
            }
        }
    }

    /// A number (integer or float).
    pub fn number(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<At<f64>> {
        let value = self.raw(key)?;
        match number_of(value.get_ref()) {
            Some(n) => Some(At { value: n, span: value.span() }),
            None => {
                self.wrong_type(key, value, "a number", diags);
                None
            }
        }
    }

    /// A partial date, written as a string ("2023-09") or a TOML date (2023-09-27).
    pub fn date(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<At<PartialDate>> {
        let value = self.raw(key)?;
        let text = match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            _ => {
                self.wrong_type(key, value, "a date", diags);
                return None;
            }
        };
        match PartialDate::parse(&text) {
            Ok(date) => Some(At { value: date, span: value.span() }),
            Err(err) => {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidDate,
                        value.span(),
                        format!("`{key}` in {} is not a valid date: {err}", self.what),
                    )
                    .hint("write \"2023\", \"2023-09\" or \"2023-09-27\""),
                );
                None
            }
        }
    }

    /// A source's date: a partial date, or a month and day without a year
    /// (`"--09-28"`, a dateline's "Sep 28"), never both.
    pub fn date_or_month_day(&self, key: &str, diags: &mut Vec<Diagnostic>) -> (Option<PartialDate>, Option<MonthDay>) {
        let Some(value) = self.raw(key) else { return (None, None) };
        let DeValue::String(text) = value.get_ref() else { return (self.date(key, diags).map(|d| d.value), None) };
        match MonthDay::parse(text) {
            None => (self.date(key, diags).map(|d| d.value), None),
            Some(Ok(md)) => (None, Some(md)),
            Some(Err(err)) => {
                diags.push(
                    Diagnostic::new(Code::InvalidDate, value.span(), format!("`{key}` in {} is not a valid month and day: {err}", self.what))
                        .hint("a dateline without a year is \"--09-28\" (month, day) or \"--09\" (month)"),
                );
                (None, None)
            }
        }
    }

    /// A sub-table.
    pub fn table(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Table(_) => Some(value),
            _ => {
                self.wrong_type(key, value, "a table", diags);
                None
            }
        }
    }

    /// An array of tables (`[[entity.attribute]]`), each with its span.
    pub fn tables(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        array_of_tables(key, &self.what, value, diags)
    }

    fn what_kind(&self) -> &str {
        self.what.split(' ').next().unwrap_or("table")
    }
}

/// The tables of an array-of-tables value, reporting anything else as a wrong type.
pub fn array_of_tables<'t, 'i>(
    key: &str,
    what: &str,
    value: &'t Spanned<DeValue<'i>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(&'t DeTable<'i>, Span)> {
    let wrong = |span: Span, found: &DeValue| {
        Diagnostic::new(
            Code::WrongType,
            span,
            format!("`{key}` in {what} should be an array of tables, found {}", type_name(found)),
        )
        .hint(format!("write each one under its own `[[{key}]]` header"))
    };
    match value.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some((t, item.span())),
                other => {
                    diags.push(wrong(item.span(), other));
                    None
                }
            })
            .collect(),
        other => {
            diags.push(wrong(value.span(), other));
            Vec::new()
        }
    }
}

/// A TOML integer or float as f64.
pub fn number_of(value: &DeValue) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok().map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// The TOML type of a value, as users know the names.
pub fn type_name(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn example_of(expected: &str) -> &'static str {
    match expected {
        "a string" => "text in quotes: \"...\"",
        "a list of strings" => "[\"a\", \"b\"]",
        "a number" => "a number without quotes: 40",
        "a date" => "\"2023-09-27\" (or \"2023-09\", \"2023\")",
        "a table" => "a `[section]` or `{ key = value }`",
        _ => "shown in docs/data-format.md",
    }
}
