//! `alliance-map diff`: what changed between two versions of a data file,
//! in words a corrections note can use: renamed entities, changed claims,
//! market reactions, corrections and story steps.

use crate::cli::{run, text};

#[test]
fn diff_lists_what_changed_in_words() {
    let dir = std::env::temp_dir().join(format!("alliance-map-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    let edited = seed
        .replace("confirmation = \"unconfirmed\"\nsources = [\"chip-groups-working-group\"]\nnote = \"Known only", "confirmation = \"confirmed\"\nsources = [\"chip-groups-working-group\"]\nnote = \"Known only")
        .replace("name = \"Lao Yao\"", "name = \"Yao Lao\"")
        .replace("change_max = 12", "change_max = 15")
        .replace("title = \"Chip associations agree to talk\"", "title = \"The chip associations agree to talk\"")
        .replace("meeting twice a year. The US", "meeting twice a year; the US");
    let edited = format!("{edited}\n[[correction]]\ndate = \"2026-12-03\"\nwhat = \"Yao Lao's name\"\n");
    assert_ne!(edited, seed);
    let (old, new) = (dir.join("old.toml"), dir.join("new.toml"));
    std::fs::write(&old, &seed).unwrap();
    std::fs::write(&new, &edited).unwrap();
    let out = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Renamed Lao Yao to Yao Lao (`lao-yao`).\n"), "{said}");
    assert!(
        said.contains("Changed: Semiconductor Industry Association is to take part in CSIA–SIA working group, according to CSIA (announced; not confirmed). Now: Semiconductor Industry Association is to take part in CSIA–SIA working group, according to CSIA (announced; confirmed).\n"),
        "{said}"
    );
    for line in [
        "Removed Semiconductor Manufacturing International Corp.’s market reaction: Shares on the Hong Kong exchange rose as much as 12%, after the news:",
        "Added Semiconductor Manufacturing International Corp.’s market reaction: Shares on the Hong Kong exchange rose as much as 15%, after the news:",
        "Added a correction of 2026-12-03: Yao Lao's name\n",
        "Removed story step 5 “Chip associations agree to talk”.\n",
        "Added story step 5 “The chip associations agree to talk”: China's chip industry association says it will form a working group with its US counterpart: ten companies from each side, meeting twice a year; the US association had not confirmed it [1].\n",
        "Story step 2 “The publisher is a party to its story” now shows: Highlighted: JW Insights, China Automotive News, Yao Lao,",
    ] {
        assert!(said.contains(line), "diff says {line:?}: {said}");
    }
    let same = run(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(text(&same.stdout), "No changes.\n");
    std::fs::remove_dir_all(&dir).ok();
}
