//! The wasm facade in a real headless Chromium (wasm-bindgen-test): the seed
//! loads from the embedded blob, picking and details work through the
//! JavaScript boundary, and bad bytes give a clear error, not a trap.
//! Unit tests of the crate (`cargo test -p alliance-map-widget --features
//! full --target wasm32-unknown-unknown --lib`), not an integration test: an
//! integration test needs an `rlib`, and a crate that is also an rlib gets
//! no LTO in its cdylib (the modules grew by 10 KB gzip each).

use crate::MapHandle;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn seed_loads_with_every_entity_and_relation() {
    let map = MapHandle::seed().unwrap();
    assert!(map.node_count() >= 40);
    assert!(map.edge_count() >= 40);
    assert_eq!(map.bounds().len(), 4);
}

#[wasm_bindgen_test]
fn picking_huawei_at_its_position_returns_huawei_with_cited_details() {
    let map = MapHandle::seed().unwrap();
    let huawei = map.find("huawei").expect("the seed has Huawei");
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let positions = js_sys::Float32Array::new_with_byte_offset_and_length(&memory.buffer(), map.positions_ptr() as u32, 2 * map.node_count());
    let (x, y) = (positions.get_index(2 * huawei), positions.get_index(2 * huawei + 1));
    let pick = map.pick(x, y, 1.0).unwrap();
    assert_eq!(get(&pick, "kind").as_string().unwrap(), "entity");
    assert_eq!(get(&pick, "index").as_f64().unwrap() as u32, huawei);
    let details = map.details("entity", huawei, 100).unwrap();
    assert_eq!(get(&details, "title").as_string().unwrap(), "Huawei Technologies");
    let relations = js_sys::Array::from(&get(&details, "relations"));
    assert!(relations.length() >= 3);
    let citations = js_sys::Array::from(&get(&details, "citations"));
    assert!(citations.length() >= 2, "Huawei is cited by two stories");
}

#[wasm_bindgen_test]
fn bad_bytes_are_a_clear_error() {
    let err = MapHandle::from_bytes(b"<html>not found</html>").err().expect("must fail");
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(message.contains("not a compiled alliance-map file"), "{message}");
}

#[wasm_bindgen_test]
fn out_of_range_indices_are_errors_not_traps() {
    let mut map = MapHandle::seed().unwrap();
    assert!(map.details("entity", 1_000_000, 100).is_err());
    assert!(map.select(Some("planet".into()), 0).is_err());
    map.select(None, 0).expect("no kind clears the selection");
}

#[wasm_bindgen_test]
fn searching_smi_lists_smic_first() {
    let mut map = MapHandle::seed().unwrap();
    let hits = js_sys::Array::from(&map.search("smi", 8).unwrap());
    assert!(hits.length() >= 1);
    let first = hits.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "smic");
    assert_eq!(Some(get(&first, "index").as_f64().unwrap() as u32), map.find("smic"));
    assert!(get(&first, "name").as_string().unwrap().contains("Semiconductor Manufacturing"));
    assert_eq!(js_sys::Array::from(&map.search("   ", 8).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn the_alliance_is_tied_to_csia_by_cited_sentences_and_the_path_can_be_highlighted() {
    let mut map = MapHandle::seed().unwrap();
    let (a, b) = (map.find("auto-electronics-investment-alliance").unwrap(), map.find("csia").unwrap());
    let view = map.paths(a, b, 3).unwrap();
    let paths = js_sys::Array::from(&get(&view, "paths"));
    assert!(paths.length() >= 1);
    let first = paths.get(0);
    let entities = js_sys::Array::from(&get(&first, "entities"));
    assert_eq!(entities.get(0).as_f64().unwrap() as u32, a);
    assert_eq!(entities.get(entities.length() - 1).as_f64().unwrap() as u32, b);
    let sentences = js_sys::Array::from(&get(&first, "sentences"));
    let text: Vec<String> = sentences.iter().map(|s| get(&s, "text").as_string().unwrap()).collect();
    assert!(text.iter().any(|t| t.contains("Changan")) && text.iter().any(|t| t.contains("Huawei")), "{text:?}");
    assert!(js_sys::Array::from(&get(&view, "citations")).length() >= 1);
    map.highlight_path(Some(0)).unwrap();
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let emphasis = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), map.node_emphasis_ptr() as u32, map.node_count());
    assert_eq!(emphasis.get_index(a), 3, "the start of the path is in focus");
    assert!(map.highlight_path(Some(99)).is_err());
    map.highlight_path(None).unwrap();
    assert_eq!(map.find("no-such-id"), None, "an unknown id is undefined in JavaScript, not -1");
    assert!(map.paths(a, 1_000_000, 3).is_err());
}

#[wasm_bindgen_test]
fn filters_and_neighbourhoods_show_in_the_visibility_view() {
    let mut map = MapHandle::seed().unwrap();
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let visible = |map: &MapHandle| {
        let v = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), map.node_visible_ptr() as u32, map.node_count());
        v.to_vec().iter().filter(|&&x| x == 1).count() as u32
    };
    assert_eq!(visible(&map), map.node_count());
    let alliance = map.find("auto-electronics-investment-alliance").unwrap();
    map.set_filter(&[], &[], &[], 2023_08_31, false).unwrap();
    assert!(visible(&map) < map.node_count());
    let neighbours = map.neighbours_in_order(alliance);
    assert!(neighbours.is_empty(), "a hidden entity has no shown neighbours");
    map.set_filter(&[], &[], &[], 0, false).unwrap();
    map.focus(map.find("huawei"), 1).unwrap();
    assert_eq!(visible(&map), 1 + map.neighbours_in_order(map.find("huawei").unwrap()).len() as u32);
    map.focus(None, 0).unwrap();
    assert_eq!(visible(&map), map.node_count());
    assert!(map.set_filter(&[200], &[], &[], 0, false).is_err());
}
