//! The wasm facade in a real headless Chromium (wasm-bindgen-test): the seed
//! loads from the embedded blob, picking and details work through the
//! JavaScript boundary, and bad bytes give a clear error, not a trap.
#![cfg(target_arch = "wasm32")]

use alliance_map::wasm::MapHandle;
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
    let huawei = map.find("huawei");
    assert!(huawei >= 0);
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let positions = js_sys::Float32Array::new_with_byte_offset_and_length(&memory.buffer(), map.positions_ptr() as u32, 2 * map.node_count());
    let (x, y) = (positions.get_index(2 * huawei as u32), positions.get_index(2 * huawei as u32 + 1));
    let pick = map.pick(x, y, 1.0).unwrap();
    assert_eq!(get(&pick, "kind").as_string().unwrap(), "entity");
    assert_eq!(get(&pick, "index").as_f64().unwrap() as i32, huawei);
    let details = map.details("entity", huawei as u32).unwrap();
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
    assert!(map.details("entity", 1_000_000).is_err());
    assert!(map.select("planet", 0).is_err());
}
