//! What `check` prints for hostile or huge inputs (issue 19): never a raw
//! control or bidi character from the data, snippets cut around the span, a
//! flood summarised per code, and every format linear in the diagnostics.
//! Large inputs are generated here, not committed.

use alliance_map::check::{check, render};
use alliance_map::check::diagnostic::{Code, Diagnostic};
use alliance_map::synth;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Generous for a debug build on a busy machine; the code before took minutes.
const BOUND: Duration = Duration::from_secs(10);

fn run(args: &[&str]) -> (Output, Duration) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_alliance-map")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("run alliance-map");
    (out, t.elapsed())
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("alliance-map-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The characters a terminal would act on or reorder (the newlines ending lines aside).
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars().filter(|&c| c != '\n' && (c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))).collect()
}

#[test]
fn no_format_echoes_a_control_or_bidi_character_from_the_data() {
    for file in ["tests/fixtures/check/hostile_escapes.toml", "tests/fixtures/check/hostile_raw_escape.toml"] {
        for format in ["human", "short", "json"] {
            let (out, _) = run(&["check", file, "--message-format", format]);
            assert_eq!(out.status.code(), Some(1));
            let printed = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
            assert_eq!(unsafe_chars(&printed), Vec::<char>::new(), "{file} as {format}:\n{printed}");
            // Short and json show no snippet, so a syntax error there quotes nothing from the data.
            let quotes_data = format == "human" || file.ends_with("hostile_escapes.toml");
            assert!(!quotes_data || printed.contains("\\u{1b}"), "{file} as {format} shows the escape: {printed}");
            assert!(!printed.lines().any(|l| l.starts_with("data.toml: ok")), "{file} as {format}: a fake ok line");
        }
    }
}

#[test]
fn a_one_line_jgf_with_5000_dangling_edges_gives_a_short_report() {
    let text = synth::dangling_jgf(5000);
    assert!(text.len() > 300_000 && !text.contains('\n'));
    let path = temp_file("flood.json", &text);
    // By default an import creates the nodes its edges name, with one warning.
    let (out, _) = run(&["check", path.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("5,000 nodes that the JSON Graph Format file does not declare") && stderr.ends_with(": 0 errors, 1 warning\n"), "{stderr}");
    let (out, took) = run(&["check", "--strict", path.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(took < BOUND, "took {took:?}");
    assert!(stderr.len() < 200_000, "{} bytes of report", stderr.len());
    assert!(stderr.lines().all(|l| l.chars().count() < 200), "a snippet line is not cut");
    assert!(stderr.contains("... and 4,800 more E006 (unknown entity)\n"), "{}", &stderr[stderr.len().saturating_sub(500)..]);
    assert!(stderr.ends_with(": 5,000 errors, 0 warnings\n"));
    assert_eq!(stderr.matches("error[E006]").count(), render::MAX_PER_CODE);
}

#[test]
fn a_1_mb_toml_line_is_cut_around_each_span() {
    // Every kind misspelt, and the last entity's kind a number: an error 1 MB into the line.
    let mut entities: Vec<String> = (0..22_000).map(|i| format!("{{id=\"e{i}\",name=\"Entity {i}\",kind=\"compnay\"}}")).collect();
    entities.push("{id=\"last\",name=\"Last\",kind=42}".into());
    let text = format!("entity = [{}]\n", entities.join(","));
    assert!(text.len() > 1_000_000);
    let path = temp_file("long.toml", &text);
    let (out, took) = run(&["check", path.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(took < BOUND, "took {took:?}");
    assert!(stderr.len() < 200_000, "{} bytes of report", stderr.len());
    assert!(stderr.lines().all(|l| l.chars().count() < 200), "a snippet line is not cut");
    let last = stderr.split("error[E004]").nth(1).unwrap();
    let column = text.find("kind=42").unwrap() + 6;
    assert!(last.contains(&format!("long.toml:1:{column}\n")) && last.contains("│ …") && last.contains("kind=42}]\n"), "{last}");
    assert!(stderr.contains("... and 21,800 more E016 (unknown kind)\n"));
}

/// `count` diagnostics spread over a file of as many lines.
fn many(count: usize) -> (String, Vec<Diagnostic>) {
    let text: String = (0..count).map(|i| format!("kind = \"compnay-{i}\"\n")).collect();
    let mut at = 0;
    let diagnostics = (0..count)
        .map(|i| {
            let span = at + 7..at + 17;
            at += format!("kind = \"compnay-{i}\"\n").len();
            Diagnostic::new(Code::UnknownKind, span, "unknown kind").hint("did you mean `company`?")
        })
        .collect();
    (text, diagnostics)
}

#[test]
fn short_and_json_locate_40000_diagnostics_in_linear_time() {
    let (text, diagnostics) = many(40_000);
    let t = Instant::now();
    let mut short = Vec::new();
    render::write_short(&mut short, "f.toml", &text, &diagnostics).unwrap();
    let mut json = Vec::new();
    render::write_json(&mut json, "f.toml", &text, &diagnostics).unwrap();
    assert!(t.elapsed() < BOUND, "took {:?}", t.elapsed());
    let short = String::from_utf8(short).unwrap();
    assert!(short.lines().nth(39_999).unwrap().starts_with("f.toml:40000:8: error[E016]"), "{}", short.lines().nth(39_999).unwrap());
    let last: serde_json::Value = serde_json::from_str(String::from_utf8(json).unwrap().lines().last().unwrap()).unwrap();
    assert_eq!((last["line"].as_u64(), last["column"].as_u64(), last["end_column"].as_u64()), (Some(40_000), Some(8), Some(18)));
}

#[test]
fn five_thousand_unknown_references_get_their_hints_quickly() {
    let text = synth::unknown_references(5_000);
    let t = Instant::now();
    let checked = check(&text);
    assert!(t.elapsed() < BOUND, "took {:?}", t.elapsed());
    let unknown: Vec<&Diagnostic> = checked.diagnostics.iter().filter(|d| d.code == Code::UnknownEntity).collect();
    assert_eq!(unknown.len(), 5_000);
    assert_eq!(unknown[0].hint.as_deref(), Some("did you mean `entity-0`?"));
    assert_eq!(unknown[4_998].hint.as_deref(), Some("did you mean `entity-4998`?"));
    assert_eq!(unknown[1].hint.as_deref(), Some("define it with `[[entity]]` and `id = \"nowhere-1\"`"));
}
