//! The places the studio's editor is given (`alliance_map::places`, what the
//! compiler module returns): for any data file, every diagnostic, related
//! note, did-you-mean fix and `[[entity]]` table lies inside the text, in
//! UTF-16 offsets that CodeMirror can use, with 1-based lines and columns
//! that do not run past the file. Never a panic.
#![no_main]

use alliance_map::check::check;
use alliance_map::places::{entity_places, Locator, Place};
use libfuzzer_sys::fuzz_target;

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

fn assert_inside(place: &Place, text: &str) {
    let (units, lines) = (utf16_len(text), text.split('\n').count());
    assert!(place.from <= place.to && place.to <= units, "{}..{} outside 0..{units}", place.from, place.to);
    assert!(place.line >= 1 && place.line <= place.end_line && place.end_line <= lines, "lines {}..{} of {lines}", place.line, place.end_line);
    assert!(place.column >= 1 && place.end_column >= 1);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let locator = Locator::new("fuzz.toml", text);
    for d in &check(text).diagnostics {
        let view = locator.diagnostic(d);
        assert_inside(&view.place, text);
        view.related.iter().for_each(|r| assert_inside(&r.place, text));
        if let Some(fix) = &view.fix {
            assert!(fix.from <= fix.to && fix.to <= utf16_len(text));
        }
    }
    let mut last = 0;
    for (i, place) in entity_places(text).iter().enumerate() {
        assert_eq!(place.index, i);
        assert!(last <= place.from && place.from <= place.to && place.to <= utf16_len(text), "entity {i} at {}..{}", place.from, place.to);
        last = place.to;
    }
});
