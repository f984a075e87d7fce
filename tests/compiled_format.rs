//! The compiled format is a contract (docs/compiled-format.md): a committed
//! golden file decodes to a known dataset and the encoder writes it byte for
//! byte, so reordering a vocabulary or a field cannot silently change what
//! old files mean; another version is refused with both versions named.

use alliance_map::compiled::{decode, encode, Compiled, DecodeError, VERSION};
use alliance_map::model::date::PartialDate;
use alliance_map::model::claim::Claim;
use alliance_map::model::date::MonthDay;
use alliance_map::model::story::{Anchor, Camera, Note, Step, StepFilter, StepPath};
use alliance_map::model::vocab::{Basis, Confirmation, EntityKind, RelationType, ShareQualifier, Status};
use alliance_map::model::{After, Attribute, Correction, Reaction, RelationIx, Dataset, Entity, EntityIx, Meta, Relation, Share, Source, SourceIx, Value};
use std::path::PathBuf;

fn golden_path(version: u16) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/compiled/v{version}.amap"))
}

/// Claim `i`: each confirmation in turn with a party, then an inference.
fn claim(i: usize) -> Claim {
    let confirmation = Confirmation::ALL.get(i).copied();
    Claim {
        according_to: if i < 4 { vec![EntityIx(i as u32)] } else { Vec::new() },
        disputed_by: if confirmation == Some(Confirmation::Disputed) { vec![EntityIx(5), EntityIx(1)] } else { Vec::new() },
        confirmation,
        basis: if i == 4 { Basis::Inferred } else { Basis::Reported },
        reasoning: if i == 4 { "Named after its parent; no source says so.".into() } else { String::new() },
    }
}

fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
    Some(PartialDate { year, month, day })
}

/// One of everything the format can say: every entity kind, relation type,
/// status, share qualifier (a range too), confirmation and basis, value
/// variant and date precision (a dateline without a year too), corrections, optional
/// fields both set and empty, non-ASCII text.
fn golden() -> Compiled {
    let source = |i: usize| Source {
        id: format!("s{i}"),
        publisher: "Gasgoo".into(),
        title: "Nine carmakers’ arms form an alliance".into(),
        author: if i == 0 { "Staff".into() } else { String::new() },
        date: if i == 0 { date(2023, Some(9), Some(27)) } else { None },
        url: "https://example.org/a".into(),
        note: String::new(),
        date_no_year: if i == 1 { Some(MonthDay { month: 9, day: Some(28) }) } else { None },
        self_interest: if i == 1 { vec![EntityIx(0), EntityIx(2)] } else { Vec::new() },
        publisher_entity: if i == 1 { Some(EntityIx(6)) } else { None },
    };
    let entities: Vec<Entity> = EntityKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| Entity {
            id: format!("e{i}"),
            name: format!("{} 长安 {i}", kind.key()),
            aliases: if i % 2 == 0 { vec![format!("E{i}")] } else { Vec::new() },
            kind,
            country: if i == 0 { "CN".into() } else { String::new() },
            wikidata: if i == 0 { "Q1".into() } else { String::new() },
            attributes: match i {
                0 => vec![
                    Attribute { key: "state_owned".into(), value: Value::Bool(true), sources: vec![SourceIx(0)], claim: Claim::default() },
                    Attribute { key: "employees".into(), value: Value::Number(1.5e5), sources: vec![SourceIx(0), SourceIx(1)], claim: claim(0) },
                    Attribute { key: "hq".into(), value: Value::Text("Chongqing".into()), sources: vec![SourceIx(1)], claim: claim(3) },
                ],
                _ => Vec::new(),
            },
            sources: if i == 0 { vec![SourceIx(1), SourceIx(0)] } else { Vec::new() },
        })
        .collect();
    let n = entities.len() as u32;
    let relations = RelationType::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| {
            let i32 = i as u32;
            let mut r = Relation::bare(kind, EntityIx(i32 % n), EntityIx((i32 + 1) % n), vec![SourceIx(i32 % 2)]);
            r.id = if i == 0 { "r0".into() } else { String::new() };
            r.status = Status::ALL.get(i % 5).copied();
            r.share = ShareQualifier::ALL.get(i).map(|&qualifier| Share {
                percent: 40.0 - i as f64,
                qualifier,
                max: (qualifier == ShareQualifier::Between).then_some(50.0),
            });
            r.claim = claim(i);
            r.role = if kind == RelationType::Position { "chair".into() } else { String::new() };
            r.start = [date(2023, None, None), date(2023, Some(9), None), None][i % 3];
            r.end = if i == 3 { date(2024, Some(1), Some(31)) } else { None };
            r.announced = if i == 1 { date(2023, Some(9), Some(26)) } else { None };
            r.attributes = if i == 0 { vec![("meetings".into(), Value::Text("twice a year".into()))] } else { Vec::new() };
            r.note = if i == 0 { "Paraphrased.".into() } else { String::new() };
            r
        })
        .collect();
    let positions = (0..2 * n).map(|v| v as f32 * 12.5 - 40.0).collect();
    let meta = Meta { title: "Golden".into(), description: "Every value the format can hold.".into() };
    let corrections = vec![
        Correction { date: PartialDate { year: 2024, month: Some(3), day: Some(2) }, what: "SIA’s part is not confirmed".into(), why: "CSIA alone said so".into(), sources: vec![SourceIx(1)] },
        Correction { date: PartialDate { year: 2024, month: None, day: None }, what: "A name".into(), why: String::new(), sources: Vec::new() },
    ];
    let reactions = vec![
        Reaction { entity: EntityIx(0), market: "the Hong Kong exchange".into(), change: Share { percent: 12.0, qualifier: ShareQualifier::UpTo, max: None }, date: date(2021, Some(6), Some(3)), after: Some(After::Relation(RelationIx(1))), sources: vec![SourceIx(1)] },
        Reaction { entity: EntityIx(2), market: String::new(), change: Share { percent: -5.5, qualifier: ShareQualifier::Between, max: Some(-2.0) }, date: None, after: Some(After::Entity(EntityIx(9))), sources: vec![SourceIx(0)] },
        Reaction { entity: EntityIx(3), market: "NYSE".into(), change: Share { percent: 1.0, qualifier: ShareQualifier::Exact, max: None }, date: None, after: None, sources: vec![SourceIx(0)] },
    ];
    // Communities: any numbers below n, one per entity.
    let communities = (0..n).map(|i| (i % 3) as u32).collect();
    Compiled { dataset: Dataset { meta, sources: (0..2).map(source).collect(), entities, relations, corrections, reactions, steps: steps() }, positions, communities }
}

/// Every camera and anchor, a step with everything set and one with nothing.
fn steps() -> Vec<Step> {
    vec![
        Step {
            title: "Nine arms, one alliance".into(),
            text: "They founded it in Shenzhen [s0][s1].".into(),
            citations: vec![SourceIx(0), SourceIx(1)],
            select: Some(EntityIx(3)),
            path: Some(StepPath { from: EntityIx(0), to: EntityIx(4), index: 1 }),
            highlight: vec![EntityIx(1), EntityIx(2)],
            filter: StepFilter { types: vec![RelationType::ALL[0]], kinds: vec![EntityKind::Company, EntityKind::Person], sources: vec![SourceIx(1)] },
            as_of: date(2023, Some(9), None),
            camera: Camera::Centre { entity: EntityIx(3), zoom: 2.5 },
            notes: vec![Note { anchor: Anchor::Entity(EntityIx(0)), text: "长安 holds up to 40%".into() }, Note { anchor: Anchor::Relation(RelationIx(2)), text: "Proposed".into() }],
        },
        Step { title: "All of it".into(), text: "Everything.".into(), camera: Camera::All, ..Step::default() },
        Step { title: "Fit".into(), text: "The default camera.".into(), ..Step::default() },
    ]
}

#[test]
fn the_golden_file_of_this_version_decodes_to_the_golden_dataset_and_is_what_the_encoder_writes() {
    let path = golden_path(VERSION);
    let bytes = encode(&golden());
    if !path.exists() && std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_else(|_| panic!("{} is missing: run UPDATE_EXPECT=1 cargo test compiled_format", path.display()));
    assert_eq!(decode(&committed).as_ref(), Ok(&golden()), "{} no longer decodes to what it meant: the format changed; bump compiled::VERSION (docs/compiled-format.md)", path.display());
    assert!(bytes == committed, "the encoder no longer writes {} byte for byte: the format changed; bump compiled::VERSION and run UPDATE_EXPECT=1 cargo test compiled_format (docs/compiled-format.md)", path.display());
}

#[test]
fn other_versions_are_refused_naming_both_versions() {
    for old in 1..VERSION {
        let bytes = std::fs::read(golden_path(old)).expect("older golden files are kept");
        assert_eq!(decode(&bytes), Err(DecodeError::Version(old)));
    }
    let mut newer = encode(&golden());
    newer[4..6].copy_from_slice(&(VERSION + 1).to_le_bytes());
    let message = decode(&newer).unwrap_err().to_string();
    assert!(message.contains(&format!("version {}", VERSION + 1)) && message.contains(&format!("version {VERSION}")), "{message}");
}

#[test]
fn the_format_doc_lists_each_vocabulary_in_index_order() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/compiled-format.md")).unwrap();
    let doc = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    let lists: [(&str, Vec<&str>); 6] = [
        ("Confirmation", Confirmation::keys().collect()),
        ("Basis", Basis::keys().collect()),
        ("EntityKind", EntityKind::keys().collect()),
        ("RelationType", RelationType::keys().collect()),
        ("Status", Status::keys().collect()),
        ("ShareQualifier", ShareQualifier::keys().collect()),
    ];
    for (name, keys) in lists {
        let line = keys.iter().enumerate().map(|(i, k)| format!("{i} `{k}`")).collect::<Vec<_>>().join(", ");
        assert!(doc.contains(&format!("{name}: {line}.")), "docs/compiled-format.md: {name} should read `{name}: {line}.`");
    }
    assert!(doc.contains(&format!("version {VERSION}")), "docs/compiled-format.md names the current version");
}

#[test]
fn a_file_whose_content_hash_does_not_match_is_refused() {
    let mut bytes = encode(&golden());
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    assert!(decode(&bytes).unwrap_err().to_string().contains("content hash does not match"));
    assert_eq!(alliance_map::compiled::hash_of(&encode(&golden())), alliance_map::compiled::hash_of(&std::fs::read(golden_path(VERSION)).unwrap()), "the same data, the same version");
}
